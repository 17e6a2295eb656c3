package classify

import (
	"strings"
	"time"
)

// SupersedeReason says why one submission counts instead of another: the step of the rule
// of Latest that told them apart.
type SupersedeReason string

// The steps of the rule of Latest, in order.
const (
	SupersedeLaterSubmitted  SupersedeReason = "later-submitted"   // submitted on a later day
	SupersedeLaterReportDate SupersedeReason = "later-report-date" // the same day, a later report date
	SupersedeMoreCommunes    SupersedeReason = "more-communes"     // the same dates, more communes
	SupersedeFileName        SupersedeReason = "file-name"         // all that equal, the later file name
	SupersedeSheetName       SupersedeReason = "sheet-name"        // the same file, the later sheet name
	SupersedeSameReturn      SupersedeReason = "same-return"       // the same file and sheet given twice
)

// SameDay reports whether the two submissions counted as submitted on the same day, so
// that a tie-break decided between them.
func (r SupersedeReason) SameDay() bool { return r != SupersedeLaterSubmitted }

// Standing is where one submission stands after Latest.
type Standing struct {
	// By is the index, among the submissions given to Latest, of the one that counts for
	// this submission's district and kind: its own index when it counts itself.
	By int
	// Reason is why By counts instead of this submission; "" when this one counts.
	Reason SupersedeReason
}

// Counts reports whether the submission counts for its district and kind.
func (s Standing) Counts() bool { return s.Reason == "" }

// Latest decides which submission counts of those of each district and kind (SPEC §6: "the
// later one (by received date, else report date) counts, the earlier is superseded"), and
// returns the standing of each submission, in the order given. It is the one place that
// decides it: the returns whose figures are used (report/check.Latest) and the submission
// each district × kind is judged on for timeliness (Timeliness) both come from it.
//
// The first step below that tells two submissions apart decides between them:
//
//  1. The later day submitted: the received date, else the report date, as calendar days
//     (Submission.Day). A submission with neither date (undated) was nevertheless sent —
//     the clerk has it in hand — and is taken as submitted on the as-of day, the latest day
//     it can have arrived, as Timeliness judges it; so it counts over every return dated on
//     or before the as-of day, and a return dated after the as-of day counts over it.
//  2. Submitted the same day: the later report date (a submission without one comes first).
//  3. Then the submission listing more communes (a line of the register lists none, so a
//     data return counts over the register's line for it).
//  4. Then the later file name, then the later sheet name, in byte order: arbitrary, but so
//     that the order in which the files are given never decides.
//  5. The same file and sheet given twice: the first given counts; the other is the same
//     return.
//
// Steps 2 to 5 break a tie of the same day (SupersedeReason.SameDay), which the caller
// says to the clerk, to check. A submission without a district or a kind cannot be
// compared with any other, and counts on its own.
func Latest(subs []Submission, asOf time.Time) []Standing {
	out := make([]Standing, len(subs))
	days := make([]time.Time, len(subs))
	type key struct{ district, kind string }
	winner := make(map[key]int, len(subs))
	for i := range subs {
		s := &subs[i]
		days[i], _ = s.Day(asOf)
		if s.District == "" || s.Kind == "" {
			continue
		}
		k := key{s.District, s.Kind}
		j, seen := winner[k]
		if !seen {
			winner[k] = i
		} else if c, _ := compareSubmissions(s, &subs[j], days[i], days[j]); c > 0 {
			winner[k] = i
		}
	}
	for i := range subs {
		s := &subs[i]
		out[i].By = i
		if s.District == "" || s.Kind == "" {
			continue
		}
		j := winner[key{s.District, s.Kind}]
		if j == i {
			continue
		}
		out[i].By = j
		_, out[i].Reason = compareSubmissions(&subs[j], s, days[j], days[i])
	}
	return out
}

// compareSubmissions compares two submissions of one district and kind by the rule of Latest, given
// the days they count as submitted: > 0 when a counts over b, < 0 when b counts over a,
// with the step that told them apart; 0 and SupersedeSameReturn when nothing does.
func compareSubmissions(a, b *Submission, dayA, dayB time.Time) (int, SupersedeReason) {
	if c := dayA.Compare(dayB); c != 0 {
		return c, SupersedeLaterSubmitted
	}
	if c := CalendarDay(a.ReportDate).Compare(CalendarDay(b.ReportDate)); c != 0 {
		return c, SupersedeLaterReportDate
	}
	if a.Communes != b.Communes {
		if a.Communes > b.Communes {
			return 1, SupersedeMoreCommunes
		}
		return -1, SupersedeMoreCommunes
	}
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c, SupersedeFileName
	}
	if c := strings.Compare(a.Sheet, b.Sheet); c != 0 {
		return c, SupersedeSheetName
	}
	return 0, SupersedeSameReturn
}
