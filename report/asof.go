package report

import (
	"time"

	"drugfree/classify"
	"drugfree/report/read"
)

// Kinds is the set of kinds of return whose timeliness a run judges; nil means every kind
// of the calendar.
type Kinds map[string]bool

// GivenKinds returns the kinds the run was given returns or lines of the register of: of
// the others the run knows nothing, so it cannot say that a district has not sent them.
func GivenKinds(returns []*read.Return, register []classify.Submission) Kinds {
	kinds := Kinds{}
	for _, r := range returns {
		if r.Kind != "" {
			kinds[r.Kind] = true
		}
	}
	for _, s := range register {
		if s.Kind != "" {
			kinds[s.Kind] = true
		}
	}
	return kinds
}

// AsOf keeps the returns and the lines of the register that existed on the as-of day:
// those submitted (received, else reported: classify.Submission.Submitted) on or before
// it, and the undated ones, which are taken as submitted on the as-of day. The others had
// not arrived yet: the files of those returns (each once) and the number of those lines
// come back, for the caller to say so.
func AsOf(returns []*read.Return, register []classify.Submission, asOf time.Time) (_ []*read.Return, _ []classify.Submission, laterFiles []string, laterLines int) {
	day := classify.CalendarDay(asOf)
	arrived := func(s classify.Submission) bool {
		t := s.Submitted()
		return t.IsZero() || !classify.CalendarDay(t).After(day)
	}
	seen := map[string]bool{}
	keptReturns := make([]*read.Return, 0, len(returns))
	for _, r := range returns {
		if arrived(classify.Submission{ReportDate: r.ReportDate, Received: r.ReceivedDate}) {
			keptReturns = append(keptReturns, r)
		} else {
			if !seen[r.File] {
				seen[r.File] = true
				laterFiles = append(laterFiles, r.File)
			}
		}
	}
	keptRegister := make([]classify.Submission, 0, len(register))
	for _, s := range register {
		if arrived(s) {
			keptRegister = append(keptRegister, s)
		} else {
			laterLines++
		}
	}
	return keptReturns, keptRegister, laterFiles, laterLines
}
