package classify

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"drugfree/criteria"
)

// Verdict is the result of one condition, one criterion or the whole checklist (SPEC §3).
type Verdict string

// The three verdicts.
const (
	Pass    Verdict = "pass"    // Đạt
	Fail    Verdict = "fail"    // Không đạt
	Missing Verdict = "missing" // Thiếu dữ liệu
)

// CriterionResult is the verdict on one criterion of the checklist.
type CriterionResult struct {
	// ID is the criterion's id in the plan (1–8 for Plan 16).
	ID     int     `json:"id"`
	Result Verdict `json:"result"`
	// Conditions are the criterion's conditions in the plan's order, each with the figures
	// it compared.
	Conditions []ConditionResult `json:"conditions"`
	// Missing lists the blank fields the criterion uses, in the plan's field order. A
	// failing criterion may still list some.
	Missing []string `json:"missing,omitempty"`
}

// ConditionResult is one condition of a criterion with the figures it compared:
// addicts_managed 3 = addicts_total 5 fails. Field, Op and Right are the plan's.
type ConditionResult struct {
	// Field is the left side; Value its figure, absent when blank.
	Field string `json:"field"`
	Value Figure `json:"value,omitzero"`
	// Op is the comparison: =, <=, >=, < or >.
	Op string `json:"op"`
	// Right is the right side as the plan writes it ("0", "addicts_total",
	// "users + post_rehab"); Threshold its figure, absent when a field of it is blank.
	Right     string `json:"right"`
	Threshold Figure `json:"threshold,omitzero"`
	// Result is pass or fail, or missing when a blank leaves it open.
	Result Verdict `json:"result"`
}

// String returns the condition on one line: "addicts_managed 3 = addicts_total 5: fail".
func (c ConditionResult) String() string {
	return c.Field + " " + c.Value.String() + " " + c.Op + " " + c.Right + " " + c.Threshold.String() + ": " + string(c.Result)
}

// CheckResult is the verdict on the whole checklist for one commune.
type CheckResult struct {
	// Result is pass when every criterion passes, fail when any fails, else missing.
	Result   Verdict           `json:"result"`
	Criteria []CriterionResult `json:"criteria"`
}

// String returns the verdict on one line: "fail: 1 pass; 2 fail (addicts_managed 4 =
// addicts_total 5: fail); 4 missing (users_baseline)".
func (r CheckResult) String() string {
	parts := make([]string, 0, len(r.Criteria))
	for _, c := range r.Criteria {
		s := strconv.Itoa(c.ID) + " " + string(c.Result)
		var detail []string
		switch c.Result {
		case Fail:
			for _, x := range c.Conditions {
				if x.Result == Fail {
					detail = append(detail, x.String())
				}
			}
		case Missing:
			detail = c.Missing
		}
		if len(detail) > 0 {
			s += " (" + strings.Join(detail, ", ") + ")"
		}
		parts = append(parts, s)
	}
	return string(r.Result) + ": " + strings.Join(parts, "; ")
}

// Check applies the plan's recognition checklist to a commune's figures. It checks
// whatever the commune's status; whether the checklist applies to a commune is
// p.Checklist.Applies(status).
//
// A condition is unknown when any field it uses is blank. A criterion fails when any of its
// conditions is known to fail, even if another of its fields is blank; it is missing when
// none fails and some is unknown; otherwise it passes. A plan without criteria recognises
// no one: the result is missing.
//
// To check many communes, NewEvaluator once and its Check for each is faster and gives the
// same results.
func Check(p *criteria.Plan, fig Figures) CheckResult {
	return NewEvaluator(p).Check(fig)
}

// Check applies the checklist to a commune's figures (see the package function Check).
func (e *Evaluator) Check(fig Figures) CheckResult { return e.CheckInto(fig, nil, nil) }

// CheckInto is Check with the criteria and their conditions in the storage of crit and
// conds (grown when short) rather than in new slices. The result shares that storage: a
// caller that copies what it keeps can give the same slices for every commune, and check
// without allocating but for the lists of blank fields.
func (e *Evaluator) CheckInto(fig Figures, crit []CriterionResult, conds []ConditionResult) CheckResult {
	plan := e.p.Checklist.Criteria
	res := CheckResult{Criteria: slices.Grow(crit[:0], len(plan))}
	anyFail, anyMissing := false, len(plan) == 0
	// The conditions of all the criteria in one slice, each criterion's a part of it.
	conds = slices.Grow(conds[:0], e.conditions)
	for i := range plan {
		n := len(conds)
		cr := e.checkCriterion(&plan[i], fig, conds[n:n:n+len(plan[i].Conditions)])
		conds = conds[:n+len(cr.Conditions)]
		switch cr.Result {
		case Fail:
			anyFail = true
		case Missing:
			anyMissing = true
		}
		res.Criteria = append(res.Criteria, cr)
	}
	switch {
	case anyFail:
		res.Result = Fail
	case anyMissing:
		res.Result = Missing
	default:
		res.Result = Pass
	}
	return res
}

// checkCriterion evaluates every condition of c, appended to conds (which has room for
// them).
func (e *Evaluator) checkCriterion(c *criteria.Criterion, fig Figures, conds []ConditionResult) CriterionResult {
	cr := CriterionResult{ID: c.ID, Conditions: conds}
	var blankBuf [16]string
	blank := blankBuf[:0]
	anyFail, anyUnknown := false, false
	for i := range c.Conditions {
		var cond ConditionResult
		cond, blank = e.evalCondition(&c.Conditions[i], fig, blank)
		cr.Conditions = append(cr.Conditions, cond)
		switch cond.Result {
		case Fail:
			anyFail = true
		case Missing:
			anyUnknown = true
		}
	}
	if len(blank) > 0 {
		cr.Missing = append([]string(nil), blank...)
		sortByPos(e.fieldPos, cr.Missing)
	}
	switch {
	case anyFail:
		cr.Result = Fail
	case anyUnknown:
		cr.Result = Missing
	default:
		cr.Result = Pass
	}
	return cr
}

// evalCondition compares the condition's left field with its right side (a sum of fields
// plus a constant), adds the blank fields it uses to blank, and returns the condition with
// its figures and verdict, and blank. Figures are compared in hundredths, so that areas
// written with two decimals add up exactly.
//
// A field subtracted on the left that the consistency rules keep within another (those
// excepted among resident users) is a part of that whole: blank, it is any figure from 0 to
// the whole, so that with no resident user at all nobody is left whatever the blank part;
// above its whole (an error the consistency check reports), it is missing, as any figure
// in error is, and no difference below zero is made up.
func (e *Evaluator) evalCondition(cond *criteria.Condition, fig Figures, blank []string) (ConditionResult, []string) {
	r := ConditionResult{Field: cond.Left.String(), Op: cond.Op, Right: cond.Right.String()}
	// The left side: a field, or a field less others (resident users less those excluded),
	// and the interval it is in when some are blank: [left−down, left] or above left.
	var left float64
	var down int64
	leftOK, downInf, upInf := true, false, false
	for _, k := range cond.Left.Fields {
		v, ok := fig[k]
		if !ok {
			blank = addString(blank, k)
			leftOK, upInf = false, true
		}
		left += v
	}
	for _, k := range cond.Left.Minus {
		v, ok := fig[k]
		whole, w, wOK := e.wholeOf[k], 0.0, false
		if whole != "" {
			w, wOK = fig[whole]
		}
		if ok && wOK && v > w {
			ok = false // a part above its whole: missing, as a figure in error is
		}
		if !ok {
			blank = addString(blank, k)
		}
		if !ok {
			leftOK = false
			if wOK {
				down += hundredths(w)
			} else {
				downInf = true
			}
			continue
		}
		left -= v
	}
	if leftOK {
		r.Value = known(left)
	}
	right, rightOK := hundredths(float64(cond.Right.Const)), true
	for _, k := range cond.Right.Fields {
		v, ok := fig[k]
		if !ok {
			blank = addString(blank, k)
			rightOK = false
			continue
		}
		right += hundredths(v)
	}
	if rightOK {
		r.Threshold = known(float64(right) / 100)
	}
	switch {
	case !leftOK && rightOK && len(cond.Left.Minus) > 0:
		// A difference: decided when it is over all of its interval.
		switch verdict(hundredths(left)-down, hundredths(left), downInf, upInf, cond.Op, right) {
		case yes:
			r.Result = Pass
		case no:
			r.Result = Fail
		default:
			r.Result = Missing
		}
	case leftOK && !rightOK && knownToFail(hundredths(left), cond.Op, right):
		// A blank counts as any figure ≥ 0, so the right side is at least its known part:
		// 3 tested of 5 users and a blank number of post-rehab persons already fails.
		r.Result = Fail
	case !leftOK || !rightOK:
		r.Result = Missing
	case compare(hundredths(left), cond.Op, right):
		r.Result = Pass
	default:
		r.Result = Fail
	}
	return r, blank
}

// knownToFail reports whether left op right fails for every right side of at least
// rightMin: for =, ≥ and >, a left side already below the least the right can be.
func knownToFail(left int64, op string, rightMin int64) bool {
	switch op {
	case "=", ">=":
		return left < rightMin
	case ">":
		return left <= rightMin
	}
	return false
}

// compare applies op. An operator the plan's validation would have refused never holds.
func compare(a int64, op string, b int64) bool {
	switch op {
	case "=":
		return a == b
	case "<=":
		return a <= b
	case ">=":
		return a >= b
	case "<":
		return a < b
	case ">":
		return a > b
	}
	return false
}

func hundredths(v float64) int64 { return int64(math.Round(v * 100)) }

// WithBaseline returns a copy of current in which each baseline field of the plan's
// checklist.baseline mapping (addicts_baseline, users_baseline) that is blank in current is
// taken from its source field in baseline, the earlier return given as the baseline
// (addicts_total, users), when that is known. Figures given in current are kept. A commune
// with no baseline keeps the fields blank, so that criterion 4 is missing, never a pass.
// baseline may be nil.
func WithBaseline(p *criteria.Plan, current, baseline Figures) Figures {
	out := make(Figures, len(current)+len(p.Checklist.Baseline))
	for k, v := range current {
		out[k] = v
	}
	for key, from := range p.Checklist.Baseline {
		if _, given := out[key]; given {
			continue
		}
		if v, ok := baseline[from]; ok {
			out[key] = v
		}
	}
	return out
}

// Progress is how far the province is toward the plan's target of drug-free communes,
// counted in the plan's communes in force on the as-of day (SPEC §9).
type Progress struct {
	// Passing is the number of communes in the programme whose checklist passes.
	Passing int `json:"passing"`
	// Target is the number the plan asks for: ceil(share × Registry).
	Target int `json:"target"`
	// Registry is the number of the plan's communes in the registry in force: 104 before
	// the reform of 1 July 2025, 41 after it.
	Registry int `json:"registry"`
	// InForceFrom is the day that registry came into force, when it is a reform's
	// (YYYY-MM-DD); "" for the plan's own.
	InForceFrom string `json:"in_force_from,omitempty"`
	// Covers is how many communes of the plan's own registry the passing communes of a
	// reform's registry were formed from.
	Covers int `json:"covers,omitempty"`
	// NotCounted is how many communes pass in returns read against another registry than
	// the one in force: they are not units of it, and are not counted.
	NotCounted int `json:"not_counted,omitempty"`
}

// Reached reports whether the target is met.
func (g Progress) Reached() bool { return g.Passing >= g.Target }

// Remaining is how many more communes must pass to meet the target (0 once met).
func (g Progress) Remaining() int { return max(0, g.Target-g.Passing) }

// TargetProgress returns the progress toward the plan's target given the number of
// communes in the programme whose checklist passes, counted in the plan's communes of reg,
// the registry in force (21 of 104 for Plan 16 before 1 July 2025, 9 of 41 after).
func TargetProgress(p *criteria.Plan, reg *criteria.Registry, passing int) Progress {
	n := len(p.PlanCommunes(reg))
	g := Progress{Passing: passing, Target: p.Target.Count(n), Registry: n}
	if p.Later(reg) {
		g.InForceFrom = reg.Effective.String()
	}
	return g
}
