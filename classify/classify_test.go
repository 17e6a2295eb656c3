package classify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"

	"drugfree/criteria"
)

var plan = criteria.Default()

// classFields are the fields the classification reads, in the plan's order.
var classFields = []string{"population", "addicts_total", "addicts_managed", "users", "hotspots", "plants", "plant_area_m2", "offenders", "violations", "on_route"}

// zero returns the figures of a commune where every classification field is known and
// zero, with a population of 10000 and not on a route, then applies set.
func zero(set Figures, blank ...string) Figures {
	f := Figures{}
	for _, k := range classFields {
		f[k] = 0
	}
	f["population"] = 10000
	for k, v := range set {
		f[k] = v
	}
	for _, k := range blank {
		delete(f, k)
	}
	return f
}

// only returns figures holding just set: every other field is blank.
func only(set Figures) Figures { return maps.Clone(set) }

// jsonOf returns v in JSON on one line, as the tool writes it (no HTML escapes).
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func reasonsOf(r Result, rule Rule) []Reason {
	var out []Reason
	for _, x := range r.Reasons {
		if x.Rule == rule {
			out = append(out, x)
		}
	}
	return out
}

func TestEachThresholdAtItsEdges(t *testing.T) {
	type edge struct {
		name  string
		set   Figures
		want  string
		field string // the indicator expected to give a "band" reason; "" for none
		level int
	}
	cases := []edge{
		{"19 managed addicts reach no band", Figures{"addicts_managed": 19}, criteria.LessComplex, "", 0},
		{"20 managed addicts are Type III", Figures{"addicts_managed": 20}, criteria.Type3, "addicts_managed", 3},
		{"59 managed addicts are Type III", Figures{"addicts_managed": 59}, criteria.Type3, "addicts_managed", 3},
		{"60 managed addicts are Type II", Figures{"addicts_managed": 60}, criteria.Type2, "addicts_managed", 2},
		{"99 managed addicts are Type II", Figures{"addicts_managed": 99}, criteria.Type2, "addicts_managed", 2},
		{"100 managed addicts are Type I", Figures{"addicts_managed": 100}, criteria.Type1, "addicts_managed", 1},

		{"0 hotspots reach no band", Figures{"hotspots": 0}, criteria.DrugFree, "", 0},
		{"1 hotspot is Type III", Figures{"hotspots": 1}, criteria.Type3, "hotspots", 3},
		{"2 hotspots are Type III", Figures{"hotspots": 2}, criteria.Type3, "hotspots", 3},
		{"3 hotspots are Type II", Figures{"hotspots": 3}, criteria.Type2, "hotspots", 2},
		{"4 hotspots are Type II", Figures{"hotspots": 4}, criteria.Type2, "hotspots", 2},
		{"5 hotspots are Type I", Figures{"hotspots": 5}, criteria.Type1, "hotspots", 1},

		{"0 plants reach no band", Figures{"plants": 0}, criteria.DrugFree, "", 0},
		{"1 plant is Type III", Figures{"plants": 1}, criteria.Type3, "plants", 3},
		{"499 plants are Type III", Figures{"plants": 499}, criteria.Type3, "plants", 3},
		{"500 plants are Type II", Figures{"plants": 500}, criteria.Type2, "plants", 2},
		{"2999 plants are Type II", Figures{"plants": 2999}, criteria.Type2, "plants", 2},
		{"3000 plants are Type I", Figures{"plants": 3000}, criteria.Type1, "plants", 1},

		{"0 m² of plants reach no band", Figures{"plant_area_m2": 0}, criteria.DrugFree, "", 0},
		{"0.01 m² of plants is Type III", Figures{"plant_area_m2": 0.01}, criteria.Type3, "plant_area_m2", 3},
		{"999.99 m² of plants is Type III", Figures{"plant_area_m2": 999.99}, criteria.Type3, "plant_area_m2", 3},
		{"1000 m² of plants is Type II", Figures{"plant_area_m2": 1000}, criteria.Type2, "plant_area_m2", 2},
		{"1999.99 m² of plants is Type II", Figures{"plant_area_m2": 1999.99}, criteria.Type2, "plant_area_m2", 2},
		{"2000 m² of plants is Type I", Figures{"plant_area_m2": 2000}, criteria.Type1, "plant_area_m2", 1},

		{"0 offenders in 1000 people reach no band", Figures{"population": 1000, "offenders": 0}, criteria.DrugFree, "", 0},
		{"1 offender in 1000 people (0.1 %) is Type III", Figures{"population": 1000, "offenders": 1}, criteria.Type3, "offenders", 3},
		{"2 offenders in 1000 people (0.2 %) are Type III", Figures{"population": 1000, "offenders": 2}, criteria.Type3, "offenders", 3},
		{"3 offenders in 1000 people (0.3 %) are Type II", Figures{"population": 1000, "offenders": 3}, criteria.Type2, "offenders", 2},
		{"4 offenders in 1000 people (0.4 %) are Type II", Figures{"population": 1000, "offenders": 4}, criteria.Type2, "offenders", 2},
		{"5 offenders in 1000 people (0.5 %) are Type I", Figures{"population": 1000, "offenders": 5}, criteria.Type1, "offenders", 1},
		{"9 offenders in 10000 people (0.09 %) reach no band but are not drug-free", Figures{"offenders": 9}, criteria.LessComplex, "", 0},
		{"10 offenders in 10000 people (0.1 %) are Type III", Figures{"offenders": 10}, criteria.Type3, "offenders", 3},
		{"29 offenders in 10000 people are Type III", Figures{"offenders": 29}, criteria.Type3, "offenders", 3},
		{"30 offenders in 10000 people (0.3 %) are Type II", Figures{"offenders": 30}, criteria.Type2, "offenders", 2},
		{"49 offenders in 10000 people are Type II", Figures{"offenders": 49}, criteria.Type2, "offenders", 2},
		{"50 offenders in 10000 people (0.5 %) are Type I", Figures{"offenders": 50}, criteria.Type1, "offenders", 1},
		{"3 offenders in 2999 people (0.1000333 %) are Type III", Figures{"population": 2999, "offenders": 3}, criteria.Type3, "offenders", 3},
		{"3 offenders in 3000 people (exactly 0.1 %) are Type III", Figures{"population": 3000, "offenders": 3}, criteria.Type3, "offenders", 3},
		{"3 offenders in 3001 people (0.09997 %) reach no band", Figures{"population": 3001, "offenders": 3}, criteria.LessComplex, "", 0},
		{"3 offenders in 999 people (0.3003 %) are Type II", Figures{"population": 999, "offenders": 3}, criteria.Type2, "offenders", 2},
		{"3 offenders in 1001 people (0.2997 %) are Type III", Figures{"population": 1001, "offenders": 3}, criteria.Type3, "offenders", 3},
		{"3 offenders in 599 people (0.5008 %) are Type I", Figures{"population": 599, "offenders": 3}, criteria.Type1, "offenders", 1},
		{"3 offenders in 601 people (0.4992 %) are Type II", Figures{"population": 601, "offenders": 3}, criteria.Type2, "offenders", 2},
		{"1 offender in 1 person is Type I", Figures{"population": 1, "offenders": 1}, criteria.Type1, "offenders", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Classify(plan, zero(c.set))
			if r.Category != c.want {
				t.Fatalf("category %s, want %s (%s)", r.Category, c.want, r)
			}
			if len(r.Possible) != 0 || len(r.Missing) != 0 {
				t.Errorf("with every figure known: possible %v, missing %v; want none", r.Possible, r.Missing)
			}
			bands := reasonsOf(r, "band")
			if c.field == "" {
				if len(bands) != 0 {
					t.Errorf("band reasons %v, want none", bands)
				}
				return
			}
			if len(bands) != 1 || bands[0].Field != c.field || bands[0].Level != c.level {
				t.Errorf("band reasons %+v, want one for %s at level %d", bands, c.field, c.level)
			}
		})
	}
}

func TestTheRouteStepsUpOnce(t *testing.T) {
	cases := []struct {
		name      string
		fig       Figures
		want      string
		possible  []string
		routeStep int // level after the step when a "route" reason is expected, else 0
	}{
		{"a Type II commune on a key route is Type I", zero(Figures{"addicts_managed": 60, "on_route": 1}), criteria.Type1, nil, 1},
		{"a Type III commune on a key route is Type II", zero(Figures{"addicts_managed": 20, "on_route": 1}), criteria.Type2, nil, 2},
		{"a Type I commune on a key route stays Type I", zero(Figures{"addicts_managed": 100, "on_route": 1}), criteria.Type1, nil, 0},
		{"a Type III commune off the route stays Type III", zero(Figures{"addicts_managed": 20, "on_route": 0}), criteria.Type3, nil, 0},
		{"the step applies once, to the highest band: Type II and Type III indicators on a route are Type I", zero(Figures{"hotspots": 3, "plants": 1, "on_route": 1}), criteria.Type1, nil, 1},
		{"a Type III ratio on a route is Type II", zero(Figures{"offenders": 10, "on_route": 1}), criteria.Type2, nil, 2},
		{"a less complex commune on a route stays less complex (10 managed addicts)", zero(Figures{"addicts_managed": 10, "on_route": 1}), criteria.LessComplex, nil, 0},
		{"a drug-free commune on a route stays drug-free", zero(Figures{"on_route": 1}), criteria.DrugFree, nil, 0},
		{"a Type III indicator with the route blank is Type II or Type III", zero(Figures{"addicts_managed": 20}, "on_route"), criteria.Undetermined, []string{criteria.Type2, criteria.Type3}, 0},
		{"a Type II indicator with the route blank is Type I or Type II", zero(Figures{"hotspots": 4}, "on_route"), criteria.Undetermined, []string{criteria.Type1, criteria.Type2}, 0},
		{"a Type I indicator with the route blank is Type I", zero(Figures{"plants": 3000}, "on_route"), criteria.Type1, nil, 0},
		{"a less complex commune with the route blank is less complex", zero(Figures{"users": 4}, "on_route"), criteria.LessComplex, nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Classify(plan, c.fig)
			if r.Category != c.want || !slices.Equal(r.Possible, c.possible) {
				t.Fatalf("got %s %v, want %s %v (%s)", r.Category, r.Possible, c.want, c.possible, r)
			}
			routes := reasonsOf(r, "route")
			switch {
			case c.routeStep == 0 && len(routes) != 0:
				t.Errorf("route reasons %+v, want none", routes)
			case c.routeStep != 0 && (len(routes) != 1 || routes[0].Level != c.routeStep || routes[0].Field != "on_route"):
				t.Errorf("route reasons %+v, want one stepping to level %d", routes, c.routeStep)
			}
			if _, blank := c.fig["on_route"]; !blank != slices.Contains(r.Missing, "on_route") {
				t.Errorf("missing %v: on_route should be listed exactly when it is blank", r.Missing)
			}
		})
	}
}

func TestDrugFreeAgainstLessComplex(t *testing.T) {
	cases := []struct {
		name string
		set  Figures
		want string
	}{
		{"every figure zero is drug-free", nil, criteria.DrugFree},
		{"1 addict and nothing else is less complex", Figures{"addicts_total": 1}, criteria.LessComplex},
		{"1 illegal user and nothing else is less complex", Figures{"users": 1}, criteria.LessComplex},
		{"1 other drug violation and nothing else is less complex", Figures{"violations": 1}, criteria.LessComplex},
		{"1 managed addict and nothing else is less complex", Figures{"addicts_managed": 1}, criteria.LessComplex},
		{"19 managed addicts and nothing else are less complex", Figures{"addicts_managed": 19}, criteria.LessComplex},
		{"1 offender in 10000 people is less complex", Figures{"offenders": 1}, criteria.LessComplex},
		{"25 addicts of whom 19 are managed reach no band: less complex", Figures{"addicts_total": 25, "addicts_managed": 19}, criteria.LessComplex},
		{"the population alone does not matter: 0 people and nothing else is drug-free", Figures{"population": 0}, criteria.DrugFree},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Classify(plan, zero(c.set))
			if r.Category != c.want {
				t.Fatalf("category %s, want %s (%s)", r.Category, c.want, r)
			}
			if got := reasonsOf(r, Rule(c.want)); len(got) != 1 {
				t.Errorf("reasons %+v, want one %q reason", r.Reasons, c.want)
			}
		})
	}
}

func TestUndeterminedAgainstDeterminedDespiteMissing(t *testing.T) {
	allBut := func(keep ...string) []string {
		var out []string
		for _, k := range classFields {
			if !slices.Contains(keep, k) {
				out = append(out, k)
			}
		}
		return out
	}
	cases := []struct {
		name        string
		fig         Figures
		want        string
		possible    []string
		missing     []string // nil: not checked
		notMissing  string   // a field that must not be listed as missing
		errorReason bool
	}{
		{"120 managed addicts and everything else blank is Type I", only(Figures{"addicts_managed": 120}), criteria.Type1, nil, allBut("addicts_managed"), "", false},
		{"5 hotspots and everything else blank is Type I", only(Figures{"hotspots": 5}), criteria.Type1, nil, allBut("hotspots"), "", false},
		{"30 managed addicts with the route blank is Type II or III", zero(Figures{"addicts_managed": 30}, "on_route"), criteria.Undetermined, []string{criteria.Type2, criteria.Type3}, []string{"on_route"}, "", false},
		{"other violations blank, everything else zero, is less complex or drug-free", zero(nil, "violations"), criteria.Undetermined, []string{criteria.LessComplex, criteria.DrugFree}, []string{"violations"}, "", false},
		{"users blank with 3 managed addicts is less complex whatever the users", zero(Figures{"addicts_managed": 3}, "users"), criteria.LessComplex, nil, []string{"users"}, "", false},
		{"0 offenders with the population blank is drug-free, not undetermined", zero(nil, "population"), criteria.DrugFree, nil, nil, "population", false},
		{"0 offenders with the population blank and 20 managed addicts is Type III", zero(Figures{"addicts_managed": 20}, "population"), criteria.Type3, nil, nil, "population", false},
		{"3 offenders with the population blank is undetermined", zero(Figures{"offenders": 3}, "population"), criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3, criteria.LessComplex}, []string{"population"}, "", false},
		{"3 offenders in a population of 0 is an input error", zero(Figures{"offenders": 3, "population": 0}), criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3, criteria.LessComplex}, nil, "", true},
		{"3 offenders in a population of 0 with 120 managed addicts is still Type I, with the error", zero(Figures{"offenders": 3, "population": 0, "addicts_managed": 120}), criteria.Type1, nil, nil, "", true},
		{"the area blank, everything else zero, could be any type or drug-free", zero(nil, "plant_area_m2"), criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3, criteria.DrugFree}, []string{"plant_area_m2"}, "", false},
		{"the managed addicts blank, everything else zero, could be anything", zero(nil, "addicts_managed"), criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3, criteria.LessComplex, criteria.DrugFree}, []string{"addicts_managed"}, "", false},
		{"offenders blank in 1000 people: one offender already reaches Type III", zero(Figures{"population": 1000}, "offenders"), criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3, criteria.DrugFree}, []string{"offenders"}, "", false},
		{"offenders blank in 100 people: one offender already reaches Type I", zero(Figures{"population": 100}, "offenders"), criteria.Undetermined, []string{criteria.Type1, criteria.DrugFree}, []string{"offenders"}, "", false},
		{"offenders blank in 100000 people: a few offenders reach no band", zero(Figures{"population": 100000}, "offenders"), criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3, criteria.LessComplex, criteria.DrugFree}, []string{"offenders"}, "", false},
		{"offenders and population blank with 60 managed addicts on a route is Type I", zero(Figures{"addicts_managed": 60, "on_route": 1}, "offenders", "population"), criteria.Type1, nil, []string{"population", "offenders"}, "", false},
		{"nothing known at all could be anything", Figures{}, criteria.Undetermined, []string{criteria.Type1, criteria.Type2, criteria.Type3, criteria.LessComplex, criteria.DrugFree}, classFields, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Classify(plan, c.fig)
			if r.Category != c.want || !slices.Equal(r.Possible, c.possible) {
				t.Fatalf("got %s %v, want %s %v (%s)", r.Category, r.Possible, c.want, c.possible, r)
			}
			if c.missing != nil && !slices.Equal(r.Missing, c.missing) {
				t.Errorf("missing %v, want %v", r.Missing, c.missing)
			}
			if c.notMissing != "" && slices.Contains(r.Missing, c.notMissing) {
				t.Errorf("missing %v lists %s, which cannot matter", r.Missing, c.notMissing)
			}
			if errs := reasonsOf(r, RuleInputError); (len(errs) > 0) != c.errorReason {
				t.Errorf("error reasons %+v, want some: %v", errs, c.errorReason)
			}
			// The blanks are named by one reason: undetermined, or missing beside a
			// category that stands.
			rule := RuleMissing
			if r.Category == criteria.Undetermined {
				rule = RuleUndetermined
			}
			if got := reasonsOf(r, rule); len(r.Missing) > 0 && (len(got) != 1 || !slices.Equal(got[0].Missing, r.Missing)) {
				t.Errorf("reasons %+v: want one %q reason naming the blanks %v", r.Reasons, rule, r.Missing)
			}
			if got := reasonsOf(r, RuleUndetermined); r.Category == criteria.Undetermined && (len(got) != 1 || !slices.Equal(got[0].Possible, r.Possible)) {
				t.Errorf("reasons %+v: want one undetermined reason naming the possible categories %v", r.Reasons, r.Possible)
			}
		})
	}
}

// Each rule's reason carries its data: the field, the figure, the threshold as the plan
// writes it and where the rule leads, on both sides of the plan's edges (SPEC §2). The
// reasons are compared in their JSON form, the form machines read.
func TestReasonsCarryTheirFigures(t *testing.T) {
	dfFields := `"fields":["addicts_managed","addicts_total","users","offenders","hotspots","plants","plant_area_m2","violations"]`
	cases := []struct {
		name string
		fig  Figures
		want []string // the reasons, in order, as JSON
	}{
		{"19 managed addicts reach no band: less complex, with the figure", zero(Figures{"addicts_managed": 19}),
			[]string{`{"rule":"less-complex","category":"less-complex","figures":[{"field":"addicts_managed","value":19}]}`}},
		{"20 managed addicts reach Type III at its threshold", zero(Figures{"addicts_managed": 20}),
			[]string{`{"rule":"band","field":"addicts_managed","value":20,"op":">=","threshold":20,"level":3,"category":"type-3"}`}},
		{"59 managed addicts are still Type III", zero(Figures{"addicts_managed": 59}),
			[]string{`{"rule":"band","field":"addicts_managed","value":59,"op":">=","threshold":20,"level":3,"category":"type-3"}`}},
		{"60 managed addicts reach Type II at its threshold", zero(Figures{"addicts_managed": 60}),
			[]string{`{"rule":"band","field":"addicts_managed","value":60,"op":">=","threshold":60,"level":2,"category":"type-2"}`}},
		{"100 managed addicts reach Type I", zero(Figures{"addicts_managed": 100}),
			[]string{`{"rule":"band","field":"addicts_managed","value":100,"op":">=","threshold":100,"level":1,"category":"type-1"}`}},
		{"0.01 m² is above the strict bound 0", zero(Figures{"plant_area_m2": 0.01}),
			[]string{`{"rule":"band","field":"plant_area_m2","value":0.01,"op":">","threshold":0,"level":3,"category":"type-3"}`}},
		{"999.99 m² is Type III, 1000 m² not yet", zero(Figures{"plant_area_m2": 999.99}),
			[]string{`{"rule":"band","field":"plant_area_m2","value":999.99,"op":">","threshold":0,"level":3,"category":"type-3"}`}},
		{"1000 m² reach Type II", zero(Figures{"plant_area_m2": 1000}),
			[]string{`{"rule":"band","field":"plant_area_m2","value":1000,"op":">=","threshold":1000,"level":2,"category":"type-2"}`}},
		{"3 offenders in 3000 people is exactly 0.1 %: the ratio's figures, the threshold as the plan writes it", zero(Figures{"offenders": 3, "population": 3000}),
			[]string{`{"rule":"band","field":"offenders","value":3,"per":"population","per_value":3000,"op":">=","threshold":"0.1%","level":3,"category":"type-3"}`}},
		{"3 offenders in 3001 people is below 0.1 %: less complex", zero(Figures{"offenders": 3, "population": 3001}),
			[]string{`{"rule":"less-complex","category":"less-complex","figures":[{"field":"offenders","value":3}]}`}},
		{"3 offenders in 599 people reach 0.5 %", zero(Figures{"offenders": 3, "population": 599}),
			[]string{`{"rule":"band","field":"offenders","value":3,"per":"population","per_value":599,"op":">=","threshold":"0.5%","level":1,"category":"type-1"}`}},
		{"a Type II band on a key route steps up to Type I", zero(Figures{"addicts_managed": 60, "on_route": 1}),
			[]string{
				`{"rule":"band","field":"addicts_managed","value":60,"op":">=","threshold":60,"level":2,"category":"type-2"}`,
				`{"rule":"route","field":"on_route","value":1,"level":1,"category":"type-1","from":"type-2"}`}},
		{"every figure 0 is drug-free, with the plan's fields", zero(nil),
			[]string{`{"rule":"drug-free","category":"drug-free",` + dfFields + `}`}},
		{"blanks that cannot change Type I are listed", zero(Figures{"addicts_managed": 120}, "users", "on_route"),
			[]string{
				`{"rule":"band","field":"addicts_managed","value":120,"op":">=","threshold":100,"level":1,"category":"type-1"}`,
				`{"rule":"missing","missing":["users","on_route"]}`}},
		{"the route blank leaves Type II or III open", zero(Figures{"addicts_managed": 30}, "on_route"),
			[]string{
				`{"rule":"band","field":"addicts_managed","value":30,"op":">=","threshold":20,"level":3,"category":"type-3"}`,
				`{"rule":"undetermined","category":"undetermined","missing":["on_route"],"possible":["type-2","type-3"]}`}},
		{"offenders over a population of 0 are an input error, with both figures", zero(Figures{"offenders": 3, "population": 0}),
			[]string{
				`{"rule":"input-error","field":"offenders","value":3,"per":"population","per_value":0}`,
				`{"rule":"undetermined","category":"undetermined","possible":["type-1","type-2","type-3","less-complex"]}`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Classify(plan, c.fig)
			var got []string
			for _, x := range r.Reasons {
				got = append(got, jsonOf(t, x))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("reasons\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
		})
	}
	t.Run("a reason read back from JSON is the reason", func(t *testing.T) {
		r := Classify(plan, zero(Figures{"offenders": 3, "population": 3000, "on_route": 1}))
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Result
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.String() != r.String() || len(back.Reasons) != 2 || back.Reasons[0].Threshold.String() != "0.1%" || back.Reasons[0].PerValue != known(3000) {
			t.Errorf("read back %s, want %s", back, r)
		}
	})
	t.Run("String puts the category and every reason on one line", func(t *testing.T) {
		r := Classify(plan, zero(Figures{"addicts_managed": 65, "on_route": 1}))
		want := "type-1: band addicts_managed 65 >= 60 → type-2; route on_route 1 type-2 → type-1"
		if r.String() != want {
			t.Errorf("String() = %q, want %q", r.String(), want)
		}
	})
}

// The invariants are checked over every combination of a few values per field, blanks
// included. A blank is then filled with each value of a small set holding every band
// edge, to check that a determined category cannot change (soundness) and that every
// possible category of an undetermined one is reached by some filling (completeness).
const blank = -1

var (
	genValues = map[string][]float64{
		"addicts_managed": {blank, 0, 19, 20, 60, 100},
		"hotspots":        {blank, 0, 3},
		"plants":          {blank, 0, 1},
		"plant_area_m2":   {blank, 0, 2000},
		"offenders":       {blank, 0, 3},
		"population":      {blank, 0, 1000, 3001},
		"on_route":        {blank, 0, 1},
		"addicts_total":   {blank, 0, 25},
		"users":           {blank, 0},
		"violations":      {blank, 0, 1},
	}
	// fillValues cover both sides of every band edge. The population is never filled with
	// 0: with offenders that is an input error, not a value the commune can have.
	fillValues = map[string][]float64{
		"addicts_managed": {0, 1, 19, 20, 59, 60, 99, 100},
		"hotspots":        {0, 1, 2, 3, 4, 5},
		"plants":          {0, 1, 499, 500, 2999, 3000},
		"plant_area_m2":   {0, 0.01, 999.99, 1000, 1999.99, 2000},
		"offenders":       {0, 1, 2, 3, 5, 10, 30},
		"population":      {1, 100, 999, 1000, 3000, 3001, 10000},
		"on_route":        {0, 1},
		"addicts_total":   {0, 1},
		"users":           {0, 1},
		"violations":      {0, 1},
	}
)

// combinations calls fn with every combination of genValues.
func combinations(fn func(Figures, []string)) {
	var rec func(i int, f Figures, blanks []string)
	rec = func(i int, f Figures, blanks []string) {
		if i == len(classFields) {
			fn(f, blanks)
			return
		}
		k := classFields[i]
		for _, v := range genValues[k] {
			if v == blank {
				rec(i+1, f, append(blanks, k))
				continue
			}
			f[k] = v
			rec(i+1, f, blanks)
			delete(f, k)
		}
	}
	rec(0, Figures{}, nil)
}

// fillEvaluator classifies the fillings: Classify is NewEvaluator(...).Classify, and
// preparing the plan once rather than for each of the ~10^6 fillings keeps the test to
// seconds.
var fillEvaluator = NewEvaluator(plan)

// fillings returns the categories Classify gives for every filling of blanks.
func fillings(f Figures, blanks []string) map[string]bool {
	out := map[string]bool{}
	g := maps.Clone(f)
	var rec func(i int)
	rec = func(i int) {
		if i == len(blanks) {
			out[fillEvaluator.Classify(g).Category] = true
			return
		}
		for _, v := range fillValues[blanks[i]] {
			g[blanks[i]] = v
			rec(i + 1)
		}
	}
	rec(0)
	return out
}

func TestInvariantsOverGeneratedFigures(t *testing.T) {
	keys := map[string]bool{}
	for _, c := range plan.Categories {
		keys[c.Key] = true
	}
	// Filling every combination's blanks takes minutes; a fixed sample keeps it to seconds.
	maxBlanks, stride := 3, 5
	if testing.Short() || raceDetector {
		maxBlanks, stride = 2, 17
	}
	n, checked, failures := 0, 0, 0
	fail := func(f Figures, format string, args ...any) {
		failures++
		if failures <= 20 {
			t.Errorf("%v: %s", f, fmt.Sprintf(format, args...))
		}
	}
	combinations(func(f Figures, blanks []string) {
		n++
		r := Classify(plan, f)
		if len(r.Reasons) == 0 {
			fail(f, "no reasons")
		}
		if !keys[r.Category] {
			fail(f, "category %q is not one of the plan's", r.Category)
		}
		if (r.Category == criteria.Undetermined) != (len(r.Possible) >= 2) {
			fail(f, "category %s with possible %v: undetermined iff two or more are possible", r.Category, r.Possible)
		}
		for _, k := range r.Possible {
			if !keys[k] || k == criteria.Undetermined {
				fail(f, "possible category %q", k)
			}
		}
		for _, k := range r.Missing {
			if !slices.Contains(blanks, k) {
				fail(f, "missing %s, which is known", k)
			}
		}
		if r.Category == criteria.Undetermined && len(r.Missing) == 0 && len(reasonsOf(r, RuleInputError)) == 0 {
			fail(f, "undetermined with nothing missing and no error")
		}
		if len(blanks) == 0 && r.Category == criteria.Undetermined && f["population"] != 0 {
			fail(f, "undetermined although every figure is known")
		}
		// Soundness and completeness, by brute force over the fillings of the blanks.
		if len(blanks) > maxBlanks || n%stride != 0 {
			return
		}
		if pop, ok := f["population"]; ok && pop == 0 {
			return // an input error whenever there are offenders: no filling is valid data
		}
		checked++
		reached := fillings(f, blanks)
		want := map[string]bool{r.Category: true}
		if r.Category == criteria.Undetermined {
			want = map[string]bool{}
			for _, k := range r.Possible {
				want[k] = true
			}
		}
		if !maps.Equal(reached, want) {
			fail(f, "category %s %v, but filling the blanks %v reaches %v", r.Category, r.Possible, blanks, sortedKeys(reached))
		}
	})
	if failures > 20 {
		t.Errorf("… and %d more failures", failures-20)
	}
	if checked == 0 {
		t.Fatal("no combination was checked by filling")
	}
	t.Logf("%d combinations, %d checked by filling their blanks", n, checked)
}

func sortedKeys(m map[string]bool) []string {
	out := slices.Collect(maps.Keys(m))
	sort.Strings(out)
	return out
}

// goldenCommunes are made-up figures for real communes of the registry, one for each kind
// of outcome worth keeping an eye on.
var goldenCommunes = []struct {
	code string
	fig  Figures
}{
	{"29236", zero(nil)}, // drug-free
	{"29239", zero(Figures{"addicts_total": 4, "addicts_managed": 4, "users": 2})},   // less complex
	{"29242", zero(Figures{"addicts_total": 25, "addicts_managed": 19})},             // less complex: 19 managed
	{"29248", zero(Figures{"addicts_total": 30, "addicts_managed": 22})},             // Type III
	{"29266", zero(Figures{"addicts_total": 70, "addicts_managed": 65})},             // Type II
	{"29269", zero(Figures{"addicts_total": 130, "addicts_managed": 120})},           // Type I
	{"29272", zero(Figures{"addicts_managed": 65, "on_route": 1})},                   // Type II → I on route
	{"29275", zero(Figures{"hotspots": 2, "on_route": 1})},                           // Type III → II on route
	{"29308", zero(Figures{"plants": 2999, "plant_area_m2": 120.5})},                 // Type II by plants
	{"29311", zero(Figures{"plant_area_m2": 1999.99})},                               // Type II by area
	{"29341", zero(Figures{"offenders": 3, "population": 2999})},                     // Type III by ratio
	{"29344", zero(Figures{"offenders": 3, "population": 3001})},                     // less complex by ratio
	{"29374", zero(Figures{"offenders": 12, "population": 2400, "hotspots": 1})},     // Type I by ratio
	{"29416", zero(Figures{"addicts_managed": 30}, "on_route")},                      // undetermined: route
	{"29419", only(Figures{"addicts_managed": 120})},                                 // Type I despite blanks
	{"29461", zero(nil, "violations")},                                               // undetermined: violations
	{"29462", zero(Figures{"offenders": 3}, "population")},                           // undetermined: population
	{"29464", zero(Figures{"offenders": 3, "population": 0})},                        // input error
	{"29497", zero(nil, "population")},                                               // drug-free, population blank
	{"29512", zero(Figures{"hotspots": 3, "plants": 10, "users": 5, "on_route": 1})}, // several bands, route
	{"29515", zero(nil, "plant_area_m2")},                                            // undetermined: area
}

func TestGoldenCommunes(t *testing.T) {
	type entry struct {
		District string  `json:"district"`
		Commune  string  `json:"commune"`
		Code     string  `json:"code"`
		Figures  Figures `json:"figures"`
		Result   Result  `json:"result"`
	}
	var out []entry
	for _, g := range goldenCommunes {
		c, ok := plan.Registry.ByCode(g.code)
		if !ok {
			t.Fatalf("code %s is not in the registry", g.code)
		}
		out = append(out, entry{c.District, c.FullName(), c.Code, g.fig, Classify(plan, g.fig)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"category": "undetermined"`) || !strings.Contains(buf.String(), `"category": "drug-free"`) {
		t.Fatal("the golden communes should cover undetermined and drug-free outcomes")
	}
	checkGolden(t, "classify.golden.json", buf.Bytes())
}
