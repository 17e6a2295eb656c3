package report

import (
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/check"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// ValidateInput is what Validate checks.
type ValidateInput struct {
	Returns  []*read.Return
	Register []classify.Submission
	// Problems found while reading the returns and the register.
	Problems []problem.Problem
	AsOf     time.Time
	Lang     i18n.Lang
}

// Validate runs every check of SPEC §6 on the returns read: it keeps the reader's problems,
// marks superseded returns, checks the consistency and completeness of the returns that
// count, and judges the timeliness of every district × kind from the returns and the
// register. The problems come back sorted for a clerk to work down.
func Validate(p *criteria.Plan, in ValidateInput) ([]problem.Problem, []classify.SubmissionStatus) {
	prep := Prepare(p, in.Returns, in.Problems, in.AsOf, in.Lang)
	problems := append(prep.Problems, prep.Holes(p, in.Lang)...)
	statuses, late := Timeliness(p, in.Returns, in.Register, in.AsOf, in.Lang)
	problems = append(problems, late...)
	problem.SortProblems(problems)
	return problems, statuses
}

// Timeliness judges every district × kind from the returns and the register as of asOf,
// with the late and missing ones as problems.
func Timeliness(p *criteria.Plan, returns []*read.Return, register []classify.Submission, asOf time.Time, lang i18n.Lang) ([]classify.SubmissionStatus, []problem.Problem) {
	subs := check.AppendSubmissions(make([]classify.Submission, 0, len(returns)+len(register)), returns) // sized once
	subs = append(subs, register...)
	statuses := classify.Timeliness(p, p.Registry.Districts(), subs, asOf)
	return statuses, check.SubmissionProblems(p, statuses, lang)
}
