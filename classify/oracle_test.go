package classify

// The classification and checklist as they were before the Evaluator (perf6), kept as an
// oracle: TestEvaluatorMatchesTheOldCode compares both on many figures.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"drugfree/criteria"
)

func oldClassify(p *criteria.Plan, fig Figures, lang string) Result {
	cl := p.Classification
	var res Result
	missing := map[string]bool{}
	need := func(key string) {
		if _, ok := fig[key]; !ok {
			missing[key] = true
		}
	}

	// The reachable (level, all-zero) pairs, built indicator by indicator.
	type state struct {
		level int
		zero  bool
	}
	reach := map[state]bool{{0, true}: true}
	combine := func(opts []indicatorState) {
		next := map[state]bool{}
		for s := range reach {
			for _, o := range opts {
				next[state{oldHighest(s.level, o.level), s.zero && o.zero}] = true
			}
		}
		reach = next
	}
	dfField := map[string]bool{}
	for _, k := range cl.DrugFreeFields {
		dfField[k] = true
	}
	covered := map[string]bool{}
	for _, in := range cl.Indicators {
		need(in.Field)
		opts, bandReason, err := oldIndicatorStates(p, in, fig, dfField[in.Field], lang)
		if in.Per != "" {
			if v, ok := fig[in.Field]; !ok || v != 0 {
				need(in.Per)
			}
		}
		// Rule 4: population 0 with offenders is an input error; the ratio is then
		// unknown (every band stays possible) and a reason says why.
		if err != "" {
			res.Reasons = append(res.Reasons, Reason{Rule: "error", Field: in.Per, Text: err})
		}
		if bandReason != nil {
			res.Reasons = append(res.Reasons, *bandReason)
		}
		combine(opts)
		covered[in.Field] = true
	}
	// Drug-free fields that are not indicators: zero, non-zero, or either when blank.
	for _, k := range cl.DrugFreeFields {
		if covered[k] {
			continue
		}
		need(k)
		v, ok := fig[k]
		switch {
		case !ok:
			combine([]indicatorState{{0, true}, {0, false}})
		default:
			combine([]indicatorState{{0, v == 0}})
		}
	}

	// Rule 2: the route step, once, to the level of rule 1.
	routes := []bool{false, true}
	if cl.Route.Field != "" {
		need(cl.Route.Field)
		if v, ok := fig[cl.Route.Field]; ok {
			routes = []bool{v != 0}
		}
	} else {
		routes = []bool{false}
	}

	outcomes := map[string]bool{}
	for s := range reach {
		for _, onRoute := range routes {
			outcomes[oldOutcome(p, s.level, s.zero, onRoute)] = true
		}
	}
	for k := range missing {
		res.Missing = append(res.Missing, k)
	}
	oldSortByPlan(p, res.Missing)

	// An input error makes the ratio unknown, not the commune: when no ratio can change
	// the outcome (120 managed addicts), the category stands beside the error reason.
	if len(outcomes) == 1 {
		for k := range outcomes {
			res.Category = k
		}
	} else {
		res.Category = criteria.Undetermined
		for k := range outcomes {
			res.Possible = append(res.Possible, k)
		}
		oldSortCategories(p, res.Possible)
	}
	res.Reasons = append(res.Reasons, oldClosingReasons(p, fig, res, routes, lang)...)
	return res
}

func oldHighest(a, b int) int {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	case b < a:
		return b
	}
	return a
}

func oldOutcome(p *criteria.Plan, level int, zero, onRoute bool) string {
	if level == 0 {
		if zero {
			return criteria.DrugFree
		}
		return criteria.LessComplex
	}
	if onRoute {
		level = oldStepUp(p, level)
	}
	return p.LevelCategory(level)
}

func oldStepUp(p *criteria.Plan, level int) int {
	for _, s := range p.Classification.Route.Steps {
		if s.From == level {
			return s.To
		}
	}
	return level
}

func oldIndicatorStates(p *criteria.Plan, in criteria.Indicator, fig Figures, countsForDrugFree bool, lang string) ([]indicatorState, *Reason, string) {
	zeroOK := func(z bool) bool { return z || !countsForDrugFree }
	v, known := fig[in.Field]
	if in.Per == "" {
		if known {
			level, band := oldBandOf(in.Bands, v)
			st := []indicatorState{{level, zeroOK(v == 0)}}
			if level > 0 {
				return st, oldBandReason(p, in, band, v, 0, lang), ""
			}
			return st, nil, ""
		}
		return oldRepresentativeStates(p, in, countsForDrugFree), nil, ""
	}

	// A ratio: field per denominator, compared exactly in integers.
	den, denKnown := fig[in.Per]
	switch {
	case known && v == 0:
		return []indicatorState{{0, true}}, nil, ""
	case known && denKnown && den > 0:
		level, band := oldRatioBand(in.Bands, int64(v), int64(den))
		st := []indicatorState{{level, zeroOK(false)}}
		if level > 0 {
			return st, oldBandReason(p, in, band, v, den, lang), ""
		}
		return st, nil, ""
	case known && denKnown && den == 0:
		msg := fmt.Sprintf("%s %s > 0 %s %s = 0: %s", criteria.FormatNumber(v, lang), strings.ToLower(p.FieldLabel(in.Field, lang)),
			tr(lang, "nhưng", "but"), strings.ToLower(p.FieldLabel(in.Per, lang)), tr(lang, "lỗi số liệu, không tính được tỷ lệ", "input error, the ratio cannot be computed"))
		return oldAllStates(in, zeroOK(false), false), nil, msg
	case known: // numerator > 0, denominator blank: any band.
		return oldAllStates(in, zeroOK(false), false), nil, ""
	case denKnown && den > 0: // numerator blank, denominator known
		st := []indicatorState{{0, true}}
		if l, _ := oldRatioBand(in.Bands, 1, int64(den)); l == 0 {
			st = append(st, indicatorState{0, zeroOK(false)})
		}
		for _, b := range in.Bands {
			if oldRatioBandReachable(b, int64(den)) {
				st = append(st, indicatorState{b.Level, zeroOK(false)})
			}
		}
		return st, nil, ""
	default:
		return oldAllStates(in, zeroOK(false), true), nil, ""
	}
}

func oldAllStates(in criteria.Indicator, nonzeroFlag bool, canBeZero bool) []indicatorState {
	st := []indicatorState{{0, nonzeroFlag}}
	if canBeZero {
		st = append(st, indicatorState{0, true})
	}
	for _, b := range in.Bands {
		st = append(st, indicatorState{b.Level, nonzeroFlag})
	}
	return st
}

func oldRepresentativeStates(p *criteria.Plan, in criteria.Indicator, countsForDrugFree bool) []indicatorState {
	step := 1.0
	if f, ok := p.Field(in.Field); ok && f.Kind == criteria.KindArea {
		step = 0.01
	}
	cands := []float64{0, step}
	for _, b := range in.Bands {
		if b.Min != nil {
			cands = append(cands, b.Min.Float())
		}
		if b.Above != nil {
			cands = append(cands, b.Above.Float()+step)
		}
		if b.Below != nil {
			cands = append(cands, b.Below.Float()-step)
		}
	}
	seen := map[indicatorState]bool{}
	var st []indicatorState
	for _, c := range cands {
		if c < 0 {
			continue
		}
		level, _ := oldBandOf(in.Bands, c)
		s := indicatorState{level, c == 0 || !countsForDrugFree}
		if !seen[s] {
			seen[s] = true
			st = append(st, s)
		}
	}
	return st
}

func oldBandOf(bands []criteria.Band, v float64) (int, int) {
	best, idx := 0, -1
	for i, b := range bands {
		if b.Min != nil && v < b.Min.Float() {
			continue
		}
		if b.Above != nil && !(v > b.Above.Float()) {
			continue
		}
		if b.Below != nil && !(v < b.Below.Float()) {
			continue
		}
		if best == 0 || b.Level < best {
			best, idx = b.Level, i
		}
	}
	return best, idx
}

func oldRatioBand(bands []criteria.Band, num, den int64) (int, int) {
	best, idx := 0, -1
	for i, b := range bands {
		if !oldRatioIn(b, num, den) {
			continue
		}
		if best == 0 || b.Level < best {
			best, idx = b.Level, i
		}
	}
	return best, idx
}

func oldRatioIn(b criteria.Band, num, den int64) bool {
	if b.Min != nil {
		a, d := b.Min.Rat()
		if num*d < a*den {
			return false
		}
	}
	if b.Above != nil {
		a, d := b.Above.Rat()
		if num*d <= a*den {
			return false
		}
	}
	if b.Below != nil {
		a, d := b.Below.Rat()
		if num*d >= a*den {
			return false
		}
	}
	return true
}

func oldRatioBandReachable(b criteria.Band, den int64) bool {
	lo := int64(1)
	if b.Min != nil { // num ≥ ceil(a×den/d)
		a, d := b.Min.Rat()
		lo = max(lo, (a*den+d-1)/d)
	}
	if b.Above != nil { // num > a×den/d
		a, d := b.Above.Rat()
		lo = max(lo, a*den/d+1)
	}
	if b.Below == nil {
		return true
	}
	a, d := b.Below.Rat() // num < a×den/d, so num ≤ ceil(a×den/d) − 1
	hi := (a*den+d-1)/d - 1
	return lo <= hi
}

func oldBandReason(p *criteria.Plan, in criteria.Indicator, band int, v, den float64, lang string) *Reason {
	b := in.Bands[band]
	op, th := "≥", b.Min
	if b.Min == nil {
		op, th = ">", b.Above
	}
	figure := criteria.FormatNumber(v, lang) + " " + in.Label(lang)
	if in.Per != "" {
		figure = fmt.Sprintf("%s/%s = %s", criteria.FormatNumber(v, lang), criteria.FormatNumber(den, lang), criteria.FormatRatio(int64(v), int64(den), lang))
		figure = in.Label(lang) + " " + figure
	}
	text := fmt.Sprintf("%s %s %s → %s", figure, op, criteria.FormatDecimal(*th, lang), p.CategoryLabel(p.LevelCategory(b.Level), lang))
	return &Reason{Rule: "band", Field: in.Field, Level: b.Level, Text: text}
}

func oldClosingReasons(p *criteria.Plan, fig Figures, res Result, routes []bool, lang string) []Reason {
	var out []Reason
	cl := p.Classification
	// The level reached by the bands, from the band reasons.
	level := 0
	for _, r := range res.Reasons {
		if r.Rule == "band" {
			level = oldHighest(level, r.Level)
		}
	}
	if res.Category != criteria.Undetermined {
		switch {
		case level > 0 && len(routes) == 1 && routes[0] && oldStepUp(p, level) != level:
			out = append(out, Reason{Rule: "route", Field: cl.Route.Field, Level: oldStepUp(p, level),
				Text: fmt.Sprintf("%s: %s → %s", cl.Route.Label(lang), p.CategoryLabel(p.LevelCategory(level), lang), p.CategoryLabel(p.LevelCategory(oldStepUp(p, level)), lang))})
		case res.Category == criteria.DrugFree:
			var names []string
			for _, k := range cl.DrugFreeFields {
				names = append(names, p.FieldLabel(k, lang))
			}
			out = append(out, Reason{Rule: "drug-free", Text: tr(lang, "không đạt tiêu chí loại III nào; bằng 0: ", "no Type III indicator reached; zero: ") + strings.ToLower(strings.Join(names, ", ")) + " → " + p.CategoryLabel(criteria.DrugFree, lang)})
		case res.Category == criteria.LessComplex:
			var nz []string
			for _, k := range cl.DrugFreeFields {
				if v, ok := fig[k]; ok && v != 0 {
					nz = append(nz, strings.ToLower(p.FieldLabel(k, lang))+" "+criteria.FormatNumber(v, lang))
				}
			}
			text := tr(lang, "không đạt tiêu chí loại III nào", "no Type III indicator reached")
			if len(nz) > 0 {
				text += tr(lang, " nhưng khác 0: ", " but not zero: ") + strings.Join(nz, ", ")
			}
			out = append(out, Reason{Rule: "less-complex", Text: text + " → " + p.CategoryLabel(criteria.LessComplex, lang)})
		}
	}
	if len(res.Missing) > 0 {
		var names []string
		for _, k := range res.Missing {
			names = append(names, p.FieldLabel(k, lang))
		}
		text := tr(lang, "thiếu số liệu: ", "missing: ") + strings.Join(names, ", ")
		if res.Category == criteria.Undetermined {
			var poss []string
			for _, k := range res.Possible {
				poss = append(poss, p.CategoryLabel(k, lang))
			}
			text += tr(lang, "; có thể là ", "; could be ") + strings.Join(poss, ", ")
		} else {
			text += tr(lang, " (không làm thay đổi kết quả)", " (cannot change the outcome)")
		}
		out = append(out, Reason{Rule: "missing", Text: text})
	} else if res.Category == criteria.Undetermined {
		// Undetermined by an input error alone: say what it could be all the same.
		var poss []string
		for _, k := range res.Possible {
			poss = append(poss, p.CategoryLabel(k, lang))
		}
		out = append(out, Reason{Rule: "possible", Text: tr(lang, "có thể là ", "could be ") + strings.Join(poss, ", ")})
	}
	return out
}

func oldSortByPlan(p *criteria.Plan, keys []string) {
	if len(keys) < 2 {
		return // called for every commune and criterion, most often with nothing to sort
	}
	pos := func(k string) int {
		for i, f := range p.Fields {
			if f.Key == k {
				return i
			}
		}
		return 0 // as the map this replaces gave for an unknown key
	}
	sort.Slice(keys, func(a, b int) bool { return pos(keys[a]) < pos(keys[b]) })
}

func oldSortCategories(p *criteria.Plan, keys []string) {
	pos := map[string]int{}
	for i, c := range p.Categories {
		pos[c.Key] = i
	}
	sort.Slice(keys, func(a, b int) bool { return pos[keys[a]] < pos[keys[b]] })
}

func oldCheck(p *criteria.Plan, fig Figures, lang string) CheckResult {
	res := CheckResult{Criteria: make([]CriterionResult, 0, len(p.Checklist.Criteria))}
	anyFail, anyMissing := false, len(p.Checklist.Criteria) == 0
	for _, c := range p.Checklist.Criteria {
		cr := oldCheckCriterion(p, c, fig, lang)
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

func oldCheckCriterion(p *criteria.Plan, c criteria.Criterion, fig Figures, lang string) CriterionResult {
	cr := CriterionResult{ID: c.ID, Figures: make([]string, 0, len(c.Conditions))}
	blank := map[string]bool{}
	anyFail, anyUnknown := false, false
	for _, cond := range c.Conditions {
		st, text := oldEvalCondition(cond, fig, blank, lang)
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
	oldSortByPlan(p, cr.Missing)
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

func oldEvalCondition(cond criteria.Condition, fig Figures, blank map[string]bool, lang string) (condState, string) {
	leftText, rightText := "?", "?"
	left, leftOK := fig[cond.Left]
	if leftOK {
		leftText = criteria.FormatNumber(left, lang)
	} else {
		blank[cond.Left] = true
	}
	right, rightOK := oldHundredths(float64(cond.Right.Const)), true
	for _, k := range cond.Right.Fields {
		v, ok := fig[k]
		if !ok {
			blank[k] = true
			rightOK = false
			continue
		}
		right += oldHundredths(v)
	}
	if rightOK {
		rightText = criteria.FormatNumber(float64(right)/100, lang)
	}
	// leftText is a number or "?", so replacing in turn is replacing at once, without
	// building a Replacer per condition.
	text := strings.ReplaceAll(strings.ReplaceAll(cond.Figure(lang), "{left}", leftText), "{right}", rightText)
	if leftOK && !rightOK && oldKnownToFail(oldHundredths(left), cond.Op, right) {
		// A blank counts as any figure ≥ 0, so the right side is at least its known part:
		// 3 tested of 5 users and a blank number of post-rehab persons already fails.
		return fails, text
	}
	if !leftOK || !rightOK {
		return unknown, text
	}
	if oldCompare(oldHundredths(left), cond.Op, right) {
		return holds, text
	}
	return fails, text
}

func oldKnownToFail(left int64, op string, rightMin int64) bool {
	switch op {
	case "=", ">=":
		return left < rightMin
	case ">":
		return left <= rightMin
	}
	return false
}

func oldCompare(a int64, op string, b int64) bool {
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

func oldHundredths(v float64) int64 { return int64(math.Round(v * 100)) }

// TestEvaluatorMatchesTheOldCode compares Classify and Check, and an Evaluator shared by
// all the communes, with the code they replaced, field by field (reflect.DeepEqual: a nil
// slice is not an empty one), in both languages.
func TestEvaluatorMatchesTheOldCode(t *testing.T) {
	failures := 0
	fail := func(format string, args ...any) {
		failures++
		if failures <= 10 {
			t.Errorf(format, args...)
		}
	}
	for _, lang := range []string{"vi", "en"} {
		ev := NewEvaluator(plan, lang)
		n := 0
		combinations(func(f Figures, _ []string) {
			n++
			if testing.Short() && n%7 != 0 {
				return
			}
			want := oldClassify(plan, f, lang)
			if got := ev.Classify(f); !reflect.DeepEqual(got, want) {
				fail("%s %v:\n got  %#v\n want %#v", lang, f, got, want)
			}
		})
		for _, g := range goldenCommunes {
			if got, want := Classify(plan, g.fig, lang), oldClassify(plan, g.fig, lang); !reflect.DeepEqual(got, want) {
				fail("%s %v:\n got  %#v\n want %#v", lang, g.fig, got, want)
			}
		}

		// The checklist on random figures: each field blank, zero, small, large or with
		// decimals.
		var keys []string
		for _, c := range plan.Checklist.Criteria {
			for _, cond := range c.Conditions {
				keys = append(keys, cond.Left)
				keys = append(keys, cond.Right.Fields...)
			}
		}
		values := []float64{0, 0, 1, 2, 3, 5, 12, 999, 1000, 1234567, 2.5, 0.01, 1999.99, -3}
		rng := rand.New(rand.NewPCG(1, 2))
		for i := 0; i < 20000; i++ {
			f := Figures{}
			for _, k := range keys {
				if j := rng.IntN(len(values) + 3); j < len(values) {
					f[k] = values[j]
				}
			}
			if rng.IntN(4) == 0 { // sometimes equal sides, to pass
				f["addicts_managed"] = f["addicts_total"]
			}
			want := oldCheck(plan, f, lang)
			if got := ev.Check(f); !reflect.DeepEqual(got, want) {
				fail("%s %v:\n got  %#v\n want %#v", lang, f, got, want)
			}
		}
	}
	if failures > 10 {
		t.Errorf("… and %d more", failures-10)
	}
}

func TestAppendNumberIsFormatNumber(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 12, 999, 1000, -1000, 12345, 999999, 1000000, 1234567.89,
		0.5, -0.5, 0.001, -0.001, 0.005, 2.675, 1999.99, 1e14, 1e15 - 1, 1e15, -1e15, 1e16, 1e300, math.MaxInt64,
		math.Inf(1), math.Inf(-1), math.NaN(), 4503599627370497}
	for i := -2000; i <= 2000; i++ {
		values = append(values, float64(i), float64(i)/100, float64(i)*1001)
	}
	for _, lang := range []string{"vi", "en"} {
		for _, v := range values {
			if got, want := string(appendNumber([]byte("x"), v, lang)), "x"+criteria.FormatNumber(v, lang); got != want {
				t.Errorf("appendNumber(%v, %s) = %q, want %q", v, lang, got, want)
			}
		}
	}
}
