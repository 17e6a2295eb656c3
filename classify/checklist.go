package classify

import (
	"math"
	"strconv"
	"strings"

	"drugfree/criteria"
	"drugfree/i18n"
)

// Verdict is the result of one criterion or of the whole checklist (SPEC §3).
type Verdict string

// The three verdicts.
const (
	Pass    Verdict = "pass"    // Đạt
	Fail    Verdict = "fail"    // Không đạt
	Missing Verdict = "missing" // Thiếu dữ liệu
)

// Label returns the verdict's name in lang: Đạt, Không đạt, Thiếu dữ liệu.
func (v Verdict) Label(lang i18n.Lang) string {
	switch v {
	case Pass:
		return i18n.Tr(lang, "Đạt", "Pass")
	case Fail:
		return i18n.Tr(lang, "Không đạt", "Fail")
	case Missing:
		return i18n.Tr(lang, "Thiếu dữ liệu", "Missing data")
	}
	return string(v)
}

// CriterionResult is the verdict on one criterion of the checklist.
type CriterionResult struct {
	// ID is the criterion's id in the plan (1–8 for Plan 16).
	ID     int     `json:"id"`
	Result Verdict `json:"result"`
	// Figures holds each condition's figure in the user's language, in the plan's order,
	// such as "3/5 người nghiện có hồ sơ quản lý"; a blank value is shown as "?".
	Figures []string `json:"figures"`
	// Missing lists the blank fields the criterion uses, in the plan's field order. A
	// failing criterion may still list some.
	Missing []string `json:"missing,omitempty"`
	// Failing holds the figures of the conditions known to fail.
	Failing []string `json:"failing,omitempty"`
}

// CheckResult is the verdict on the whole checklist for one commune.
type CheckResult struct {
	// Result is pass when every criterion passes, fail when any fails, else missing.
	Result   Verdict           `json:"result"`
	Criteria []CriterionResult `json:"criteria"`
}

// String returns the verdict on one line: "fail: 1 pass; 2 fail (4/5 …); 4 missing (users_baseline)".
func (r CheckResult) String() string {
	parts := make([]string, 0, len(r.Criteria))
	for _, c := range r.Criteria {
		s := strconv.Itoa(c.ID) + " " + string(c.Result)
		var detail []string
		switch c.Result {
		case Fail:
			detail = c.Failing
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

// condState is what a condition is known to be.
type condState int

const (
	holds condState = iota
	fails
	unknown
)

// Check applies the plan's recognition checklist to a commune's figures, with the figures
// written in lang. It checks whatever the commune's status; whether the
// checklist applies to a commune is p.Checklist.Applies(status).
//
// A condition is unknown when any field it uses is blank. A criterion fails when any of its
// conditions is known to fail, even if another of its fields is blank; it is missing when
// none fails and some is unknown; otherwise it passes. A plan without criteria recognises
// no one: the result is missing.
//
// To check many communes, NewEvaluator once and its Check for each is faster and gives the
// same results.
func Check(p *criteria.Plan, fig Figures, lang i18n.Lang) CheckResult {
	return NewEvaluator(p, lang).Check(fig)
}

// Check applies the checklist to a commune's figures (see the package function Check).
func (e *Evaluator) Check(fig Figures) CheckResult {
	res := CheckResult{Criteria: make([]CriterionResult, 0, len(e.criteria))}
	anyFail, anyMissing := false, len(e.criteria) == 0
	// The figure texts of all the criteria in one allocation, each criterion's a slice of it.
	figures := make([]string, 0, e.conditions)
	for i := range e.criteria {
		cr := e.checkCriterion(&e.criteria[i], fig, figures[len(figures):len(figures):len(figures)+len(e.criteria[i].conditions)])
		figures = figures[:len(figures)+len(cr.Figures)]
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

// checkCriterion evaluates every condition of c, its figure texts appended to figures
// (which has room for them).
func (e *Evaluator) checkCriterion(c *criterionPlan, fig Figures, figures []string) CriterionResult {
	cr := CriterionResult{ID: c.c.ID, Figures: figures}
	var blankBuf [16]string
	blank := blankBuf[:0]
	anyFail, anyUnknown := false, false
	for i := range c.conditions {
		var st condState
		var text string
		st, text, blank = e.evalCondition(&c.conditions[i], fig, blank)
		cr.Figures = append(cr.Figures, text)
		switch st {
		case fails:
			anyFail = true
			cr.Failing = append(cr.Failing, text)
		case unknown:
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
// plus a constant), adds the blank fields it uses to blank, and returns its state, its
// figure text and blank. Figures are compared in hundredths, so that areas written with
// two decimals add up exactly.
func (e *Evaluator) evalCondition(cp *conditionPlan, fig Figures, blank []string) (condState, string, []string) {
	cond := &cp.cond
	left, leftOK := fig[cond.Left]
	if !leftOK {
		blank = addString(blank, cond.Left)
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
	// The template filled in with the figures, or "?" for a blank side.
	var buf [192]byte
	b := buf[:0]
	for _, part := range cp.text {
		b = append(b, part.lit...)
		switch {
		case part.hole == leftHole && leftOK:
			b = appendNumber(b, left, e.lang)
		case part.hole == rightHole && rightOK:
			b = appendNumber(b, float64(right)/100, e.lang)
		case part.hole != noHole:
			b = append(b, '?')
		}
	}
	text := e.shared(b)
	if leftOK && !rightOK && knownToFail(hundredths(left), cond.Op, right) {
		// A blank counts as any figure ≥ 0, so the right side is at least its known part:
		// 3 tested of 5 users and a blank number of post-rehab persons already fails.
		return fails, text, blank
	}
	if !leftOK || !rightOK {
		return unknown, text, blank
	}
	if compare(hundredths(left), cond.Op, right) {
		return holds, text, blank
	}
	return fails, text, blank
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

// Progress is how far the province is toward the plan's target of drug-free communes.
type Progress struct {
	// Passing is the number of communes in the programme whose checklist passes.
	Passing int `json:"passing"`
	// Target is the number the plan asks for: ceil(share × Registry).
	Target int `json:"target"`
	// Registry is the number of communes in the registry.
	Registry int `json:"registry"`
}

// Reached reports whether the target is met.
func (g Progress) Reached() bool { return g.Passing >= g.Target }

// Remaining is how many more communes must pass to meet the target (0 once met).
func (g Progress) Remaining() int { return max(0, g.Target-g.Passing) }

// TargetProgress returns the progress toward the plan's target given the number of
// communes in the programme whose checklist passes (21 of 104 for Plan 16).
func TargetProgress(p *criteria.Plan, passing int) Progress {
	n := len(p.Registry.Communes)
	return Progress{Passing: passing, Target: p.Target.Count(n), Registry: n}
}
