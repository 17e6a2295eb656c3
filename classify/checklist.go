package classify

import (
	"math"
	"strconv"
	"strings"

	"drugfree/criteria"
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
func (v Verdict) Label(lang string) string {
	switch v {
	case Pass:
		return tr(lang, "Đạt", "Pass")
	case Fail:
		return tr(lang, "Không đạt", "Fail")
	case Missing:
		return tr(lang, "Thiếu dữ liệu", "Missing data")
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
// written in lang ("vi" or "en"). It checks whatever the commune's status; whether the
// checklist applies to a commune is p.Checklist.Applies(status).
//
// A condition is unknown when any field it uses is blank. A criterion fails when any of its
// conditions is known to fail, even if another of its fields is blank; it is missing when
// none fails and some is unknown; otherwise it passes. A plan without criteria recognises
// no one: the result is missing.
func Check(p *criteria.Plan, fig Figures, lang string) CheckResult {
	res := CheckResult{Criteria: make([]CriterionResult, 0, len(p.Checklist.Criteria))}
	anyFail, anyMissing := false, len(p.Checklist.Criteria) == 0
	for _, c := range p.Checklist.Criteria {
		cr := checkCriterion(p, c, fig, lang)
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

// checkCriterion evaluates every condition of c.
func checkCriterion(p *criteria.Plan, c criteria.Criterion, fig Figures, lang string) CriterionResult {
	cr := CriterionResult{ID: c.ID, Figures: make([]string, 0, len(c.Conditions))}
	blank := map[string]bool{}
	anyFail, anyUnknown := false, false
	for _, cond := range c.Conditions {
		st, text := evalCondition(cond, fig, blank, lang)
		cr.Figures = append(cr.Figures, text)
		switch st {
		case fails:
			anyFail = true
			cr.Failing = append(cr.Failing, text)
		case unknown:
			anyUnknown = true
		}
	}
	for k := range blank {
		cr.Missing = append(cr.Missing, k)
	}
	sortByPlan(p, cr.Missing)
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
// plus a constant), records the blank fields it uses in blank, and returns its state and
// its figure text. Figures are compared in hundredths, so that areas written with two
// decimals add up exactly.
func evalCondition(cond criteria.Condition, fig Figures, blank map[string]bool, lang string) (condState, string) {
	leftText, rightText := "?", "?"
	left, leftOK := fig[cond.Left]
	if leftOK {
		leftText = criteria.FormatNumber(left, lang)
	} else {
		blank[cond.Left] = true
	}
	right, rightOK := hundredths(float64(cond.Right.Const)), true
	for _, k := range cond.Right.Fields {
		v, ok := fig[k]
		if !ok {
			blank[k] = true
			rightOK = false
			continue
		}
		right += hundredths(v)
	}
	if rightOK {
		rightText = criteria.FormatNumber(float64(right)/100, lang)
	}
	// leftText is a number or "?", so replacing in turn is replacing at once, without
	// building a Replacer per condition.
	text := strings.ReplaceAll(strings.ReplaceAll(cond.Figure(lang), "{left}", leftText), "{right}", rightText)
	if leftOK && !rightOK && knownToFail(hundredths(left), cond.Op, right) {
		// A blank counts as any figure ≥ 0, so the right side is at least its known part:
		// 3 tested of 5 users and a blank number of post-rehab persons already fails.
		return fails, text
	}
	if !leftOK || !rightOK {
		return unknown, text
	}
	if compare(hundredths(left), cond.Op, right) {
		return holds, text
	}
	return fails, text
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
