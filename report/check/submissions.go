package check

import (
	"fmt"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
)

// SubmissionProblems turns the late and missing returns of sts into warnings
// ("late-submission", "missing-submission") for the list of problems. They are warnings:
// the data read is not wrong, a district is behind.
func SubmissionProblems(p *criteria.Plan, sts []classify.SubmissionStatus, lang i18n.Lang) []problem.Problem {
	var out []problem.Problem
	for _, s := range sts {
		if s.Status != classify.SubmissionLate && s.Status != classify.SubmissionMissing {
			continue // on time or not due: nothing to say, nor any date to write
		}
		kind := s.Kind
		if d, ok := p.Deadline(s.Kind); ok {
			kind = d.Label(lang)
		}
		due := s.Due
		if t, err := time.Parse(time.DateOnly, s.Due); err == nil {
			due = i18n.ClerkDate(t, lang)
		}
		switch s.Status {
		case classify.SubmissionLate:
			out = append(out, problem.Problem{
				Severity: problem.Warning, Code: problem.CodeLateSubmission, File: s.File, District: s.District,
				Message: i18n.Tr(lang,
					fmt.Sprintf("Báo cáo %s của %s nộp chậm %d ngày (hạn %s).", kind, s.District, s.DaysLate, due),
					fmt.Sprintf("The %s return of %s was %d days late (due %s).", kind, s.District, s.DaysLate, due)),
			})
		case classify.SubmissionMissing:
			out = append(out, problem.Problem{
				Severity: problem.Warning, Code: problem.CodeMissingSubmission, District: s.District,
				Message: i18n.Tr(lang,
					fmt.Sprintf("%s chưa gửi báo cáo %s (hạn %s, đã quá %d ngày).", s.District, kind, due, s.DaysLate),
					fmt.Sprintf("%s has not sent the %s return (due %s, %d days overdue).", s.District, kind, due, s.DaysLate)),
			})
		}
	}
	return out
}
