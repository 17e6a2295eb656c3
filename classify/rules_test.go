package classify

// The rules of SPEC §2 and §3 checked over many generated communes: each rule is written
// out here from the SPEC (the table of bands with its numbers, the reading of a blank as
// any figure ≥ 0), not taken from the code under test.

import (
	"math/big"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"drugfree/criteria"
)

// specLevel is the band (1 for Type I … 3 for Type III, 0 for none) that one indicator's
// figures reach under SPEC §2's table, and whether they are known well enough to say:
// false when a figure is blank, or for offenders > 0 among a population of 0 (an input
// error). The numbers are the SPEC's, not read from the plan.
func specLevel(field string, f Figures) (level int, known bool) {
	v, ok := f[field]
	if !ok {
		return 0, false
	}
	band := func(i, ii, iii bool) int {
		switch {
		case i:
			return 1
		case ii:
			return 2
		case iii:
			return 3
		}
		return 0
	}
	switch field {
	case "addicts_managed":
		return band(v >= 100, v >= 60, v >= 20), true
	case "hotspots":
		return band(v >= 5, v >= 3, v >= 1), true
	case "plants":
		return band(v >= 3000, v >= 500, v >= 1), true
	case "plant_area_m2":
		return band(v >= 2000, v >= 1000, v > 0), true
	case "offenders":
		if v == 0 {
			return 0, true // no ratio band whatever the population
		}
		pop, ok := f["population"]
		if !ok || pop == 0 {
			return 0, false
		}
		// compared exactly: offenders × 1000 ≥ population × 5 for 0.5 %
		off, n := int64(v), int64(pop)
		return band(off*1000 >= n*5, off*1000 >= n*3, off*1000 >= n*1), true
	}
	panic("not an indicator: " + field)
}

var specIndicators = []string{"addicts_managed", "hotspots", "plants", "plant_area_m2", "offenders"}

// specCategory is SPEC §2's category of a commune whose figures are all known (and whose
// population is not 0 when it has offenders): the highest band, one route step, else
// drug-free when every drug figure is 0.
func specCategory(f Figures) string {
	level := 0
	for _, k := range specIndicators {
		if l, _ := specLevel(k, f); l > 0 && (level == 0 || l < level) {
			level = l
		}
	}
	if level > 1 && f["on_route"] == 1 {
		level--
	}
	if level > 0 {
		return []string{criteria.Type1, criteria.Type2, criteria.Type3}[level-1]
	}
	for _, k := range []string{"addicts_total", "addicts_managed", "users", "offenders", "hotspots", "plants", "plant_area_m2", "violations"} {
		if f[k] != 0 {
			return criteria.LessComplex
		}
	}
	return criteria.DrugFree
}

// inPlanOrder reports whether keys are distinct and in the order of pos.
func inPlanOrder(keys []string, pos func(string) int) bool {
	for i := 1; i < len(keys); i++ {
		if pos(keys[i-1]) >= pos(keys[i]) {
			return false
		}
	}
	return true
}

func fieldPos(key string) int {
	return slices.IndexFunc(plan.Fields, func(f criteria.Field) bool { return f.Key == key })
}

func categoryPos(key string) int {
	return slices.IndexFunc(plan.Categories, func(c criteria.Category) bool { return c.Key == key })
}

// The classification keeps SPEC §2's rules on every combination of combinations (blanks
// included), with one Evaluator for all the communes as the commands use it.
func TestTheClassificationsRulesOverGeneratedFigures(t *testing.T) {
	failures := 0
	fail := func(f Figures, format string, args ...any) {
		t.Helper()
		if failures++; failures <= 20 {
			t.Errorf("%v: "+format, append([]any{f}, args...)...)
		}
	}
	ev := NewEvaluator(plan)
	n, known := 0, 0
	combinations(func(f Figures, blanks []string) {
		n++
		if raceDetector && n%5 != 0 {
			return
		}
		r := ev.Classify(f)

		// Rule 5: the missing fields are the blank ones the classification reads — all of
		// them but the population when there are known to be no offenders — in the
		// plan's order.
		var want []string
		for _, k := range blanks {
			if k == "population" && f["offenders"] == 0 && !slices.Contains(blanks, "offenders") {
				continue
			}
			want = append(want, k)
		}
		slices.SortFunc(want, func(a, b string) int { return fieldPos(a) - fieldPos(b) })
		if !slices.Equal(r.Missing, want) {
			fail(f, "missing %v, want %v", r.Missing, want)
		}
		// The possible categories, in the plan's order.
		if !inPlanOrder(r.Possible, categoryPos) {
			fail(f, "possible %v: not in the plan's order, or repeated", r.Possible)
		}

		// Rule 6: one band reason for each indicator known to reach a band, at its level,
		// with its figure, and none for another.
		for _, k := range specIndicators {
			level, ok := specLevel(k, f)
			var got []Reason
			for _, x := range reasonsOf(r, "band") {
				if x.Field == k {
					got = append(got, x)
				}
			}
			switch {
			case ok && level > 0 && (len(got) != 1 || got[0].Level != level || got[0].Value != (Figure{V: f[k], Known: true})):
				fail(f, "%s reaches level %d: band reasons %+v", k, level, got)
			case (!ok || level == 0) && len(got) > 0:
				fail(f, "%s reaches no band it is known to reach: band reasons %+v", k, got)
			}
		}
		// Rule 2 and 6: the route step is given when it applied: a determined category,
		// a Type II or III band and the commune on a route.
		level := 0
		for _, x := range reasonsOf(r, "band") {
			level = highest(level, x.Level)
		}
		steps := reasonsOf(r, "route")
		applied := r.Category != criteria.Undetermined && level > 1 && f["on_route"] == 1 && !slices.Contains(blanks, "on_route")
		if applied != (len(steps) == 1) || len(steps) > 1 || applied && steps[0].Level != level-1 {
			fail(f, "band level %d, route %v: route reasons %+v", level, f["on_route"], steps)
		}

		// With every figure known, the category is the SPEC's.
		if len(blanks) == 0 && (f["population"] != 0 || f["offenders"] == 0) {
			known++
			if want := specCategory(f); r.Category != want {
				fail(f, "category %s, want %s", r.Category, want)
			}
		}

		// An Evaluator that has classified thousands of communes answers as a new one.
		if n%7 == 0 {
			if fresh := NewEvaluator(plan).Classify(f); !reflect.DeepEqual(r, fresh) {
				fail(f, "a used Evaluator gives %+v, a new one %+v", r, fresh)
			}
		}
	})
	if failures > 20 {
		t.Errorf("… and %d more failures", failures-20)
	}
	if known < 200 {
		t.Fatalf("only %d of %d combinations have every figure known", known, n)
	}
}

// With every figure known, the category is the SPEC's, on random communes whose figures
// sit on both sides of every band's edges.
func TestTheCategoryIsTheSpecsOnRandomCommunes(t *testing.T) {
	ev := NewEvaluator(plan)
	rng := rand.New(rand.NewPCG(16, 2025))
	seen := map[string]int{}
	for range 30000 {
		f := Figures{}
		for _, k := range classFields {
			vs := fillValues[k]
			f[k] = vs[rng.IntN(len(vs))]
			if k != "population" && rng.IntN(3) > 0 {
				f[k] = 0 // most figures of most communes
			}
		}
		// counts well past the edges too
		f["addicts_total"] = f["addicts_managed"] + float64(rng.IntN(3))
		if rng.IntN(4) == 0 {
			f["plants"] = float64(rng.IntN(10000))
		}
		r := ev.Classify(f)
		want := specCategory(f)
		seen[want]++
		if r.Category != want || len(r.Possible) > 0 || len(r.Missing) > 0 {
			t.Fatalf("%v: %s %v missing %v; want %s", f, r.Category, r.Possible, r.Missing, want)
		}
	}
	for _, c := range []string{criteria.Type1, criteria.Type2, criteria.Type3, criteria.LessComplex, criteria.DrugFree} {
		if seen[c] < 50 {
			t.Errorf("only %d communes of %s: the test says little of it", seen[c], c)
		}
	}
}

// checklistKeys are the fields the checklist's conditions use, in the plan's order.
func checklistKeys() []string {
	var keys []string
	for _, c := range plan.Checklist.Criteria {
		for _, cond := range c.Conditions {
			for _, k := range append([]string{cond.Left.String()}, cond.Right.Fields...) {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// decimal is a figure as the decimal it was written as ("1999.99"), exactly.
func decimal(v float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'f', -1, 64))
	if !ok {
		panic(v)
	}
	return r
}

// compareExact applies op to exact numbers.
func compareExact(left *big.Rat, op string, right *big.Rat) bool {
	c := left.Cmp(right)
	switch op {
	case "=":
		return c == 0
	case "<=":
		return c <= 0
	case ">=":
		return c >= 0
	case "<":
		return c < 0
	case ">":
		return c > 0
	}
	panic("operator " + op)
}

// specCondition is what SPEC §3 says of one condition: the figures it compares (its
// left figure, its right side's when every field of it is known), its blank fields, and
// its verdict. A blank is any figure ≥ 0, so a condition with a blank fails only when its
// left side is known and no right side at least the known part of its sum would satisfy
// it.
func specCondition(cond criteria.Condition, f Figures) (want ConditionResult, blanks []string) {
	want = ConditionResult{Field: cond.Left.String(), Op: cond.Op, Right: cond.Right.String()}
	left, leftOK := f[cond.Left.String()]
	if leftOK {
		want.Value = known(left)
	} else {
		blanks = append(blanks, cond.Left.String())
	}
	right, rightOK := new(big.Rat).SetInt64(cond.Right.Const), true
	for _, k := range cond.Right.Fields {
		if v, ok := f[k]; ok {
			right.Add(right, decimal(v))
		} else {
			blanks, rightOK = append(blanks, k), false
		}
	}
	if rightOK {
		r, _ := right.Float64()
		want.Threshold = known(r)
	}
	switch {
	case leftOK && rightOK && compareExact(decimal(left), cond.Op, right):
		want.Result = Pass
	case leftOK && rightOK:
		want.Result = Fail
	case leftOK:
		// The right side can be its known part or more: the comparison only changes at
		// the left side, so these candidates are every case.
		l := decimal(left)
		one := big.NewRat(1, 1)
		want.Result = Fail
		for _, r := range []*big.Rat{right, l, new(big.Rat).Add(l, big.NewRat(1, 100)), new(big.Rat).Add(l, one), new(big.Rat).Add(right, one)} {
			if r.Cmp(right) >= 0 && compareExact(l, cond.Op, r) {
				want.Result = Missing
			}
		}
	default:
		want.Result = Missing
	}
	return want, blanks
}

// The checklist keeps SPEC §3's rules on random communes (each figure blank, zero, small,
// large, negative or with decimals), with one Evaluator for all: each condition with its
// figures and verdict, each criterion's verdict and blank fields, the overall verdict.
// (Figures are added in hundredths held in a float64, exact below 2^53/100 ≈ 9×10^13:
// larger sums, which no commune has, are left out.)
func TestTheChecklistsRulesOnRandomFigures(t *testing.T) {
	keys := checklistKeys()
	values := []float64{0, 0, 1, 2, 3, 5, 12, 999, 1000, 1234567, 2.5, 0.01, 1999.99, -3, 1e12, 123456789012.34}
	failures := 0
	fail := func(f Figures, format string, args ...any) {
		t.Helper()
		if failures++; failures <= 20 {
			t.Errorf("%v: "+format, append([]any{f}, args...)...)
		}
	}
	seen := map[Verdict]int{}
	{
		ev := NewEvaluator(plan)
		rng := rand.New(rand.NewPCG(1, 2))
		communes := 20000
		if raceDetector {
			communes = 4000
		}
		for i := range communes {
			f := Figures{}
			for _, k := range keys {
				if j := rng.IntN(len(values) + 3); j < len(values) {
					f[k] = values[j]
				}
			}
			if rng.IntN(4) == 0 { // sometimes equal sides, to pass
				f["addicts_managed"] = f["addicts_total"]
			}
			r := ev.Check(f)
			if len(r.Criteria) != len(plan.Checklist.Criteria) {
				fail(f, "%d criteria, want %d", len(r.Criteria), len(plan.Checklist.Criteria))
				continue
			}
			anyFail, anyMissing := false, false
			for j, c := range plan.Checklist.Criteria {
				cr := r.Criteria[j]
				var conds []ConditionResult
				var blanks []string
				failing, unknowns := 0, 0
				for _, cond := range c.Conditions {
					w, b := specCondition(cond, f)
					conds = append(conds, w)
					for _, k := range b {
						if !slices.Contains(blanks, k) {
							blanks = append(blanks, k)
						}
					}
					switch w.Result {
					case Fail:
						failing++
					case Missing:
						unknowns++
					}
				}
				slices.SortFunc(blanks, func(a, b string) int { return fieldPos(a) - fieldPos(b) })
				want := Pass
				switch {
				case failing > 0: // a condition known to fail decides, blanks or not
					want, anyFail = Fail, true
				case unknowns > 0:
					want, anyMissing = Missing, true
				}
				seen[cr.Result]++
				if cr.ID != c.ID || cr.Result != want || !slices.Equal(cr.Conditions, conds) || !slices.Equal(cr.Missing, blanks) {
					fail(f, "criterion %d: %+v; want %s, conditions %v, missing %v", c.ID, cr, want, conds, blanks)
				}
			}
			want := Pass
			switch {
			case anyFail:
				want = Fail
			case anyMissing:
				want = Missing
			}
			if r.Result != want {
				fail(f, "overall %s, want %s", r.Result, want)
			}
			if i%7 == 0 {
				if fresh := NewEvaluator(plan).Check(f); !reflect.DeepEqual(r, fresh) {
					fail(f, "a used Evaluator gives %+v, a new one %+v", r, fresh)
				}
			}
		}
	}
	if failures > 20 {
		t.Errorf("… and %d more failures", failures-20)
	}
	for _, v := range []Verdict{Pass, Fail, Missing} {
		if seen[v] < 100 {
			t.Errorf("only %d criteria %s: the test says little of it", seen[v], v)
		}
	}
}
