package classify

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"drugfree/criteria"
)

// qd28 is the built-in plan of the national criteria (Decision 28/2025/QĐ-TTg).
var qd28 = func() *criteria.Plan {
	b, ok := criteria.BuiltinNamed("qd28")
	if !ok {
		panic("no built-in plan qd28")
	}
	return b.Plan()
}()

// qdFields are the fields QĐ 28's classification and drug-free test read.
var qdFields = []string{"residents", "addicts_users_managed", "points", "offenders_arrested", "plants_destroyed", "plant_area_destroyed_m2", "on_route", "resident_users", "resident_users_excluded", "resident_violators", "fugitives"}

// qz returns the figures of a commune with every field known and zero, 10,000 residents and
// off any route, with set applied and blank removed.
func qz(set Figures, blank ...string) Figures {
	f := Figures{}
	for _, k := range qdFields {
		f[k] = 0
	}
	f["residents"] = 10000
	for k, v := range set {
		f[k] = v
	}
	for _, k := range blank {
		delete(f, k)
	}
	return f
}

// truth evaluates the plan's criterion id alone.
func truth(p *criteria.Plan, id string, fig Figures) tri {
	e := NewEvaluator(p)
	n := len(p.Classification.Criteria)
	te := &typeEval{e: e, fig: fig, state: make([]tri, n), ev: make([]evidence, n), done: make([]bool, n)}
	return te.criterion(id)
}

func (t tri) String() string { return [...]string{"no", "yes", "unknown"}[t] }

// Every threshold of the decision at, just below and just above it.
func TestQD28Thresholds(t *testing.T) {
	type row struct {
		id   string
		set  Figures
		want tri
	}
	var rows []row
	// at, below, above: the threshold's figure and the ones either side of it.
	edge := func(id, field string, at, step float64, extra Figures) {
		for _, c := range []struct {
			v    float64
			want tri
		}{{at, yes}, {at - step, no}, {at + step, yes}} {
			f := Figures{field: c.v}
			for k, v := range extra {
				f[k] = v
			}
			rows = append(rows, row{id, f, c.want})
		}
	}
	// 10,000 residents: 0.5% is 50, 0.1% is 10, 0.05% is 5.
	edge("a1", "addicts_users_managed", 50, 1, nil) // a ≥ 0.5%
	edge("a2", "addicts_users_managed", 10, 1, nil) // a ≥ 0.1%
	edge("c1", "offenders_arrested", 10, 1, nil)    // c ≥ 0.1%
	edge("c2", "offenders_arrested", 5, 1, nil)     // c ≥ 0.05%
	edge("b1", "points", 2, 1, nil)
	edge("b2", "points", 1, 1, nil)
	edge("d1", "plants_destroyed", 3000, 1, nil)
	edge("d2", "plants_destroyed", 500, 1, nil)
	edge("d1", "plant_area_destroyed_m2", 750, 0.01, nil)
	edge("d2", "plant_area_destroyed_m2", 125, 0.01, nil)
	// Type III: more than zero (reading R1).
	edge("a3", "addicts_users_managed", 1, 1, nil)
	edge("c3", "offenders_arrested", 1, 1, nil)
	edge("d3", "plants_destroyed", 1, 1, nil)
	edge("d3", "plant_area_destroyed_m2", 0.01, 0.01, nil)
	// Ratios that do not divide: 10/1999 = 0.50025% reaches 0.5%, 10/2001 = 0.49975% does not.
	rows = append(rows,
		row{"a1", Figures{"addicts_users_managed": 10, "residents": 1999}, yes},
		row{"a1", Figures{"addicts_users_managed": 10, "residents": 2000}, yes},
		row{"a1", Figures{"addicts_users_managed": 10, "residents": 2001}, no},
		row{"c2", Figures{"offenders_arrested": 1, "residents": 2000}, yes},
		row{"c2", Figures{"offenders_arrested": 1, "residents": 2001}, no},
	)
	for _, r := range rows {
		t.Run(fmt.Sprintf("%s %v", r.id, r.set), func(t *testing.T) {
			if got := truth(qd28, r.id, qz(r.set)); got != r.want {
				t.Errorf("criterion %s with %v: %s, want %s", r.id, r.set, got, r.want)
			}
		})
	}
}

// The categories of whole communes: the rules of Art. 4 with criterion đ and the readings.
func TestQD28Types(t *testing.T) {
	cases := []struct {
		name string
		fig  Figures
		want string
		// met are the criteria the reasons must name as met.
		met []string
	}{
		{"three Type I criteria", qz(Figures{"addicts_users_managed": 50, "points": 2, "offenders_arrested": 10}), criteria.Type1, []string{"a1", "b1", "c1"}},
		{"two Type I criteria and no route: Type II needs three as well, so Type III", qz(Figures{"addicts_users_managed": 50, "points": 2}), criteria.Type3, []string{"a3"}},
		{"đ for Type I: two Type II-or-higher criteria on a route, counted on their own too (R3)", qz(Figures{"addicts_users_managed": 50, "points": 2, "on_route": 1}), criteria.Type1, []string{"a1", "b1", "dd1"}},
		{"đ for Type II: a and c at Type II level on a route", qz(Figures{"addicts_users_managed": 10, "offenders_arrested": 5, "on_route": 1}), criteria.Type2, []string{"a2", "c2", "dd2"}},
		{"the same off the route is Type III", qz(Figures{"addicts_users_managed": 10, "offenders_arrested": 5}), criteria.Type3, []string{"a3", "c3"}},
		{"đ for Type II counts a point (R4: b at Type II level is Type III or higher)", qz(Figures{"points": 1, "plants_destroyed": 1, "on_route": 1}), criteria.Type3, []string{"d3"}},
		{"đ for Type II with a point, plants and a: three", qz(Figures{"points": 1, "addicts_users_managed": 10, "plants_destroyed": 1, "on_route": 1}), criteria.Type2, []string{"a2", "b2", "dd2"}},
		{"R1: nothing at all is not Type III", qz(nil), "not-key", nil},
		{"R2: a at 0.8% meets a at every level: Type III", qz(Figures{"addicts_users_managed": 80}), criteria.Type3, []string{"a3"}},
		{"R4: a point alone makes no type", qz(Figures{"points": 1}), "not-key", nil},
		{"R5: only persons in substitution treatment: Type III by a", qz(Figures{"addicts_users_managed": 3, "resident_users": 3, "resident_users_excluded": 3}), criteria.Type3, []string{"a3"}},
		{"plants alone at Type I level: Type III", qz(Figures{"plants_destroyed": 3000}), criteria.Type3, []string{"d3"}},
		{"on a route alone: not a key area", qz(Figures{"on_route": 1}), "not-key", nil},
		{"four Type II criteria", qz(Figures{"addicts_users_managed": 10, "points": 1, "offenders_arrested": 5, "plant_area_destroyed_m2": 125}), criteria.Type2, []string{"a2", "b2", "c2", "d2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Classify(qd28, c.fig)
			if r.Category != c.want {
				t.Fatalf("%s, want %s", r, c.want)
			}
			var met []string
			for _, x := range r.Reasons {
				if x.Rule == RuleCriterion {
					met = append(met, x.Criterion)
				}
			}
			if !slices.Equal(met, c.met) {
				t.Errorf("criteria met %v, want %v (%s)", met, c.met, r)
			}
			last := r.Reasons[len(r.Reasons)-1]
			switch {
			case c.want == "not-key" && last.Rule != RuleRest:
				t.Errorf("last reason %s, want the rest rule", last)
			case c.want != "not-key" && (last.Rule != RuleType || last.Category != c.want || last.Count != len(c.met)):
				t.Errorf("last reason %s, want %d criteria of %s", last, len(c.met), c.want)
			}
		})
	}
}

// A ratio's figures appear in the reason that says the criterion holds, the threshold as
// the plan writes it.
func TestQD28ReasonFigures(t *testing.T) {
	r := Classify(qd28, qz(Figures{"addicts_users_managed": 50, "points": 2, "offenders_arrested": 10}))
	got := r.Reasons[0].String()
	want := "criterion addicts_users_managed 50 / residents 10000 >= 0.5% → type-1 criterion a1"
	if got != want {
		t.Errorf("first reason %q, want %q", got, want)
	}
	if r.Reasons[3].String() != "type → type-1 criterion  3 of 5 (at least 3) met: a1, b1, c1" &&
		!strings.Contains(r.Reasons[3].String(), "3 of 5 (at least 3) met: a1, b1, c1") {
		t.Errorf("type reason %q", r.Reasons[3])
	}
}

// Blank figures leave the category undetermined only when they could change it.
func TestQD28Unknowns(t *testing.T) {
	cases := []struct {
		name     string
		fig      Figures
		want     string
		possible []string
		missing  []string
	}{
		{"Type I whatever the blank plants", qz(Figures{"addicts_users_managed": 50, "points": 2, "offenders_arrested": 10}, "plants_destroyed", "plant_area_destroyed_m2"),
			criteria.Type1, nil, []string{"plants_destroyed", "plant_area_destroyed_m2"}},
		{"blank residents: users make a > 0 whatever the residents, and a alone cannot make Type I or II", qz(Figures{"addicts_users_managed": 5}, "residents"),
			criteria.Type3, nil, []string{"residents"}},
		{"no offenders and blank residents: c is 0 whatever the residents", qz(Figures{"points": 2}, "residents"),
			"not-key", nil, []string{"residents"}},
		{"blank addicts with two Type I criteria: any type", qz(Figures{"points": 2, "offenders_arrested": 10}, "addicts_users_managed"),
			criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3}, []string{"addicts_users_managed"}},
		// Kleene's logic judges each type on its own and would list Type II, as đ could
		// hold for it; but the route that makes it hold makes Type I (reach).
		{"blank route with two Type I criteria: đ decides Type I", qz(Figures{"addicts_users_managed": 50, "points": 2}, "on_route"),
			criteria.Undetermined, []string{criteria.Type1, criteria.Type3}, []string{"on_route"}},
		{"blank addicts among 7 residents with 2 points and an arrest: any addict makes Type I", qz(Figures{"residents": 7, "points": 2, "offenders_arrested": 1}, "addicts_users_managed"),
			criteria.Undetermined, []string{criteria.Type1, criteria.Type3}, []string{"addicts_users_managed"}},
		{"blank addicts and arrests among 7 on a route with a point: Type III is not reachable", qz(Figures{"residents": 7, "points": 1, "on_route": 1}, "addicts_users_managed", "offenders_arrested"),
			criteria.Undetermined, []string{criteria.Type1, criteria.Type2, "not-key"}, []string{"addicts_users_managed", "offenders_arrested"}},
		{"blank area with three Type II criteria: Type II whatever the area (d1 alone cannot make Type I)", qz(Figures{"plants_destroyed": 500, "points": 1, "addicts_users_managed": 10}, "plant_area_destroyed_m2"),
			criteria.Type2, nil, []string{"plant_area_destroyed_m2"}},
		{"all blank", Figures{}, criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3, "not-key"}, nil},
		{"blank plants with nothing else: Type III or not a key area", qz(nil, "plants_destroyed"),
			criteria.Undetermined, []string{criteria.Type3, "not-key"}, []string{"plants_destroyed"}},
		{"blank plants but area at Type III: the or holds", qz(Figures{"plant_area_destroyed_m2": 1}, "plants_destroyed"),
			criteria.Type3, nil, []string{"plants_destroyed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Classify(qd28, c.fig)
			if r.Category != c.want || !slices.Equal(r.Possible, c.possible) {
				t.Fatalf("%s possible %v, want %s %v", r, r.Possible, c.want, c.possible)
			}
			if c.missing != nil && !slices.Equal(r.Missing, c.missing) {
				t.Errorf("missing %v, want %v", r.Missing, c.missing)
			}
			last := r.Reasons[len(r.Reasons)-1]
			switch {
			case c.want == criteria.Undetermined && last.Rule != RuleUndetermined:
				t.Errorf("last reason %s, want undetermined", last)
			case c.want != criteria.Undetermined && len(r.Missing) > 0 && last.Rule != RuleMissing:
				t.Errorf("last reason %s, want the blank fields", last)
			}
		})
	}
}

// Residents 0 with addicts is an input error, which a reason says; the residents are then
// read as blank (any figure ≥ 1): 5 addicts meet a) of Type III whatever they are, and
// nothing else can make a higher type, as with the residents blank.
func TestQD28RatioOverZero(t *testing.T) {
	r := Classify(qd28, qz(Figures{"addicts_users_managed": 5, "residents": 0}))
	if len(reasonsOf(r, RuleInputError)) != 1 {
		t.Errorf("%s: want one input error", r)
	}
	if r.Category != criteria.Type3 {
		t.Errorf("%s: want Type III, as with the residents blank", r)
	}
	if b := Classify(qd28, qz(Figures{"addicts_users_managed": 5}, "residents")); b.Category != r.Category {
		t.Errorf("residents blank: %s; residents 0: %s", b, r)
	}
	// With two Type I criteria besides, a over residents of 0 could be at any level: up to
	// 1,000 residents a1 makes Type I, up to 5,000 a2 makes Type II, above that Type III.
	r = Classify(qd28, qz(Figures{"addicts_users_managed": 5, "residents": 0, "points": 2, "plants_destroyed": 3000}))
	if r.Category != criteria.Undetermined || !slices.Equal(r.Possible, []string{criteria.Type1, criteria.Type2, criteria.Type3}) {
		t.Errorf("%s, possible %v: want undetermined, Type I, II or III", r, r.Possible)
	}
	// 0 over 0 is no ratio: not a key area.
	if r := Classify(qd28, qz(Figures{"residents": 0})); r.Category != "not-key" || len(reasonsOf(r, RuleInputError)) != 0 {
		t.Errorf("0 over 0: %s", r)
	}
}

// The three conditions of Art. 6, with blanks: a condition known to fail decides its
// criterion; a blank leaves it missing otherwise.
func TestQD28DrugFree(t *testing.T) {
	cases := []struct {
		name string
		fig  Figures
		want [3]Verdict
		all  Verdict
	}{
		{"nothing", qz(nil), [3]Verdict{Pass, Pass, Pass}, Pass},
		{"users all excluded (R5)", qz(Figures{"resident_users": 3, "resident_users_excluded": 3}), [3]Verdict{Pass, Pass, Pass}, Pass},
		{"users not all excluded", qz(Figures{"resident_users": 3, "resident_users_excluded": 2}), [3]Verdict{Fail, Pass, Pass}, Fail},
		{"users, exclusions blank", qz(Figures{"resident_users": 3}, "resident_users_excluded"), [3]Verdict{Missing, Pass, Pass}, Missing},
		{"users blank", qz(nil, "resident_users"), [3]Verdict{Missing, Pass, Pass}, Missing},
		// The excepted are a part of the users (consistency rule excluded-le-users).
		{"no users, exclusions blank: nobody is left whatever they are", qz(nil, "resident_users_excluded"), [3]Verdict{Pass, Pass, Pass}, Pass},
		{"users blank, 2 excluded: missing", qz(Figures{"resident_users_excluded": 2}, "resident_users"), [3]Verdict{Missing, Pass, Pass}, Missing},
		{"more excluded than users, an error: missing, not -1 users left", qz(Figures{"resident_users": 2, "resident_users_excluded": 3}), [3]Verdict{Missing, Pass, Pass}, Missing},
		{"a fugitive, violators blank: fails", qz(Figures{"fugitives": 1}, "resident_violators"), [3]Verdict{Pass, Fail, Pass}, Fail},
		{"no fugitive, violators blank: missing", qz(nil, "resident_violators"), [3]Verdict{Pass, Missing, Pass}, Missing},
		{"a violator", qz(Figures{"resident_violators": 1}), [3]Verdict{Pass, Fail, Pass}, Fail},
		{"a point (R4)", qz(Figures{"points": 1}), [3]Verdict{Pass, Pass, Fail}, Fail},
		{"points blank", qz(nil, "points"), [3]Verdict{Pass, Pass, Missing}, Missing},
		{"points blank and a violator: fail", qz(Figures{"resident_violators": 2}, "points"), [3]Verdict{Pass, Fail, Missing}, Fail},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Check(qd28, c.fig)
			var got [3]Verdict
			for i, cr := range r.Criteria {
				got[i] = cr.Result
			}
			if got != c.want || r.Result != c.all {
				t.Errorf("%s, want %v overall %s", r, c.want, c.all)
			}
		})
	}
	// A part above its whole is missing, named as a blank is, with no figure.
	r := Check(qd28, qz(Figures{"resident_users": 2, "resident_users_excluded": 3}))
	if c := r.Criteria[0]; !slices.Equal(c.Missing, []string{"resident_users_excluded"}) || c.Conditions[0].Value.Known {
		t.Errorf("more excluded than users: %s", r)
	}
	// The difference is shown as the plan writes it, with its figure.
	r = Check(qd28, qz(Figures{"resident_users": 5, "resident_users_excluded": 2}))
	if got := r.Criteria[0].Conditions[0].String(); got != "resident_users - resident_users_excluded 3 = 0 0: fail" {
		t.Errorf("condition %q", got)
	}
	if !qd28.Checklist.Applies("") {
		t.Error("QĐ 28's checklist applies to every commune, without a status")
	}
}

// Each reading R1–R6 is written in the plan file, and the criteria that apply one name it.
func TestQD28Readings(t *testing.T) {
	var ids []string
	for _, r := range qd28.Readings {
		ids = append(ids, r.ID)
	}
	for _, want := range []string{"R1", "R2", "R3", "R4", "R5", "R6"} {
		if !slices.Contains(ids, want) {
			t.Errorf("reading %s is not in the plan (%v)", want, ids)
		}
	}
	cited := map[string]bool{}
	for _, c := range qd28.Classification.Criteria {
		for _, r := range c.Readings {
			cited[r] = true
		}
	}
	for _, want := range []string{"R1", "R2", "R3", "R4"} {
		if !cited[want] {
			t.Errorf("no criterion applies reading %s", want)
		}
	}
	if c, ok := qd28.Category(qd28.Classification.Rest); !ok || c.Vi != "Không thuộc địa bàn trọng điểm" {
		t.Errorf("rest category %q (R6)", qd28.Classification.Rest)
	}
}

// Plan 16 is untouched by type rules: its plan has none, and its categories are its own.
func TestPlan16HasNoTypeRules(t *testing.T) {
	if plan.Classification.ByTypes() || len(plan.Readings) > 0 {
		t.Error("Plan 16 classifies by bands")
	}
}

// The categories an undetermined commune lists are exactly those some filling of its blanks
// reaches, and a commune is undetermined only when two are: checked on random figures with
// random blanks against every filling over values that cross each threshold of the decision
// (worked out here from the thresholds, not from reach), each filling classified with every
// figure known.
func TestQD28PossibleByFilling(t *testing.T) {
	rng := rand.New(rand.NewPCG(28, 2025))
	residents := []float64{1, 7, 200, 999, 1000, 1001, 5000, 10000, 16584, 1000000}
	counts := []float64{0, 1, 2, 4, 5, 9, 10, 17, 49, 50, 499, 500, 2999, 3000, 5001}
	// at returns the least whole count whose ratio to p reaches 1/d, and the one before.
	at := func(p float64, d int) []float64 {
		c := math.Ceil(p / float64(d))
		return []float64{max(c-1, 0), c}
	}
	rows := 3000
	if testing.Short() || raceDetector {
		rows = 500
	}
	checked := 0
	for range rows {
		blank := []float64{0, 0.15, 0.3}[rng.IntN(3)]
		f := Figures{"resident_users": 0, "resident_users_excluded": 0, "resident_violators": 0, "fugitives": 0}
		set := func(k string, v float64) {
			if rng.Float64() >= blank {
				f[k] = v
			}
		}
		set("residents", residents[rng.IntN(len(residents))])
		set("addicts_users_managed", counts[rng.IntN(len(counts))])
		set("offenders_arrested", counts[rng.IntN(len(counts))])
		set("points", float64(rng.IntN(4)))
		set("plants_destroyed", []float64{0, 1, 499, 500, 2999, 3000}[rng.IntN(6)])
		set("plant_area_destroyed_m2", []float64{0, 0.01, 124.99, 125, 749.99, 750}[rng.IntN(6)])
		set("on_route", float64(rng.IntN(2)))
		// The values each blank can take that cross a threshold.
		ps := []float64{f["residents"]}
		if _, ok := f["residents"]; !ok {
			ps = []float64{1, 1e6, 1e12}
			if n, ok := f["addicts_users_managed"]; ok {
				ps = append(ps, 200*n, 200*n+1, 1000*n, 1000*n+1)
			}
			if k, ok := f["offenders_arrested"]; ok {
				ps = append(ps, 1000*k, 1000*k+1, 2000*k, 2000*k+1)
			}
		}
		reached := map[string]bool{}
		for _, p := range ps {
			if p <= 0 {
				continue
			}
			dom := map[string][]float64{
				"addicts_users_managed":   append(append([]float64{0, 1}, at(p, 200)...), at(p, 1000)...),
				"offenders_arrested":      append(append([]float64{0, 1}, at(p, 1000)...), at(p, 2000)...),
				"points":                  {0, 1, 2},
				"plants_destroyed":        {0, 1, 500, 3000},
				"plant_area_destroyed_m2": {0, 0.01, 125, 750},
				"on_route":                {0, 1},
			}
			g := maps.Clone(f)
			g["residents"] = p
			var keys []string
			for k := range dom {
				if _, ok := f[k]; !ok {
					keys = append(keys, k)
				}
			}
			var fill func(i int)
			fill = func(i int) {
				if i == len(keys) {
					reached[Classify(qd28, g).Category] = true
					return
				}
				for _, v := range dom[keys[i]] {
					g[keys[i]] = v
					fill(i + 1)
				}
			}
			fill(0)
		}
		r := Classify(qd28, f)
		want := []string{}
		for _, c := range qd28.Categories {
			if reached[c.Key] {
				want = append(want, c.Key)
			}
		}
		switch {
		case reached[criteria.Undetermined]:
			t.Fatalf("%v: a filling with every figure known is undetermined", f)
		case len(want) == 1 && (r.Category != want[0] || len(r.Possible) != 0):
			t.Errorf("%v: %s %v, but every filling is %s", f, r.Category, r.Possible, want[0])
		case len(want) > 1 && (r.Category != criteria.Undetermined || !slices.Equal(r.Possible, want)):
			t.Errorf("%v: %s %v, but the fillings reach %v", f, r.Category, r.Possible, want)
		}
		if len(want) > 1 {
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no undetermined commune among the rows")
	}
	t.Logf("%d rows, %d undetermined", rows, checked)
}

// A type above the category that some criteria met says how short it fell: 0,50 % and 2
// points meet a) and b) of Types I and II, two of the three each needs, so Type III.
func TestQD28TypeShort(t *testing.T) {
	r := Classify(qd28, qz(Figures{"residents": 5000, "addicts_users_managed": 25, "points": 2}))
	if r.Category != criteria.Type3 {
		t.Fatalf("%s, want Type III", r)
	}
	short := reasonsOf(r, RuleTypeShort)
	if len(short) != 2 || short[0].Level != 1 || short[1].Level != 2 ||
		!slices.Equal(short[0].Met, []string{"a1", "b1"}) || short[0].Count != 2 || short[0].Need != 3 || short[0].Of != 5 {
		t.Errorf("reasons %v: want Types I and II each short with a, b (2 of 5, 3 needed)", r.Reasons)
	}
	if last := r.Reasons[len(r.Reasons)-1]; last.Rule != RuleType || last.Category != criteria.Type3 {
		t.Errorf("last reason %s, want Type III's", last)
	}
	// A type no criterion of which holds is not mentioned.
	if r := Classify(qd28, qz(Figures{"offenders_arrested": 1})); len(reasonsOf(r, RuleTypeShort)) != 0 {
		t.Errorf("%s: no higher type had a criterion", r)
	}
}
