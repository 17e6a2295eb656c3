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
	// Kinds are the kinds whose timeliness is judged (GivenKinds); nil: every kind.
	Kinds Kinds
	AsOf  time.Time
	Lang  i18n.Lang
}

// Province is what validate says in one line of the calendar in districts the run was
// given nothing from: their late and missing returns are the province's business, not
// the files' (deadlines lists them).
type Province struct {
	// Districts is how many such districts have a return missing; Kinds are those kinds,
	// in calendar order.
	Districts int
	Kinds     []string
}

// Validate runs every check of SPEC §6 on the returns read: it keeps the reader's problems,
// marks superseded returns, checks the consistency and completeness of the returns that
// count, and judges the timeliness of every district × kind of in.Kinds from the returns
// and the register. The problems come back sorted for a clerk to work down. The returns
// missing from districts the run was given nothing from are not listed one by one: they
// are summed up in Province.
func Validate(p *criteria.Plan, in ValidateInput) ([]problem.Problem, []classify.SubmissionStatus, Province) {
	prep := Prepare(p, in.Returns, in.Problems, in.AsOf, in.Lang)
	problems := append(prep.Problems, prep.Holes(p, in.Lang)...)
	statuses, _ := Timeliness(p, in.Returns, in.Register, in.Kinds, in.AsOf, in.Lang)
	given := map[string]bool{}
	for _, r := range in.Returns {
		given[r.District] = true
	}
	for _, s := range in.Register {
		given[s.District] = true
	}
	var own []classify.SubmissionStatus
	var prov Province
	missing := map[string]bool{}
	counted := map[string]bool{}
	for _, s := range statuses {
		if given[s.District] || s.Status != classify.SubmissionMissing {
			own = append(own, s)
			continue
		}
		if !counted[s.District] {
			counted[s.District] = true
			prov.Districts++
		}
		missing[s.Kind] = true
	}
	for _, d := range p.Calendar {
		if missing[d.Kind] {
			prov.Kinds = append(prov.Kinds, d.Kind)
		}
	}
	problems = append(problems, check.SubmissionProblems(p, own, in.Lang)...)
	problem.SortProblems(problems)
	return problems, statuses, prov
}

// Timeliness judges every sender × kind it owes (the plan's obligations: districts,
// communes after the reform, the plan's bodies) from the returns and the register as of
// asOf, with the late and missing ones as problems. A kind not in kinds (when kinds is not
// nil) is not judged: SubmissionNotChecked, whatever the calendar says; nor are the
// bodies' documents without a register, where they come from.
func Timeliness(p *criteria.Plan, returns []*read.Return, register []classify.Submission, kinds Kinds, asOf time.Time, lang i18n.Lang) ([]classify.SubmissionStatus, []problem.Problem) {
	subs := check.AppendSubmissions(make([]classify.Submission, 0, len(returns)+len(register)), returns) // sized once
	subs = append(subs, register...)
	statuses := classify.Timeliness(p, nil, subs, asOf)
	if kinds != nil {
		for i := range statuses {
			if s := &statuses[i]; !kinds[s.Kind] || s.Body && len(register) == 0 {
				// Nothing of this kind was given, so nothing was counted for it.
				s.Status, s.DaysLate = classify.SubmissionNotChecked, 0
			}
		}
	}
	return statuses, check.SubmissionProblems(p, statuses, lang)
}
