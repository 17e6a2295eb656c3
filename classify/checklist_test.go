package classify

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"drugfree/criteria"
	"drugfree/i18n"
)

// passing is a commune that meets all eight criteria of the default plan.
func passing() Figures {
	return Figures{
		"hotspots": 0, "groups": 0, "resident_crimes": 0,
		"addicts_total": 5, "addicts_managed": 5, "addicts_in_treatment": 5,
		"users": 3, "users_managed": 3, "post_rehab": 2, "post_rehab_managed": 2, "managed_tested": 5,
		"households": 1200, "households_committed": 1200, "hamlets": 8, "hamlets_hotline": 8,
		"addicts_baseline": 7, "users_baseline": 4,
		"user_crimes":   0,
		"serious_cases": 0, "psychosis_incidents": 0,
		"grounds_of_use": 2, "grounds_tested": 2,
		"models": 1,
	}
}

// with returns a copy of f with the given key/value pairs set.
func with(f Figures, kv ...any) Figures {
	out := Figures{}
	for k, v := range f {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = float64(kv[i+1].(int))
	}
	return out
}

// without returns a copy of f with keys blank.
func without(f Figures, keys ...string) Figures {
	out := with(f)
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

func criterion(t *testing.T, r CheckResult, id int) CriterionResult {
	t.Helper()
	for _, c := range r.Criteria {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("criterion %d not in the result %v", id, r)
	return CriterionResult{}
}

// failing returns the conditions of c known to fail.
func failing(c CriterionResult) []ConditionResult {
	var out []ConditionResult
	for _, x := range c.Conditions {
		if x.Result == Fail {
			out = append(out, x)
		}
	}
	return out
}

// verdicts returns the verdict of each criterion by id.
func verdicts(r CheckResult) map[int]Verdict {
	out := map[int]Verdict{}
	for _, c := range r.Criteria {
		out[c.ID] = c.Result
	}
	return out
}

func TestTheFixtureCommunePassesEveryCriterion(t *testing.T) {
	r := Check(criteria.Default(), passing())
	if r.Result != Pass {
		t.Fatalf("overall %s, want pass: %v", r.Result, r)
	}
	if len(r.Criteria) != 8 {
		t.Fatalf("%d criteria, want 8", len(r.Criteria))
	}
	for _, c := range r.Criteria {
		if c.Result != Pass || len(c.Missing) != 0 || len(failing(c)) != 0 {
			t.Errorf("criterion %d: %+v, want a clean pass", c.ID, c)
		}
	}
}

func TestEachCriterionInEachOfItsResults(t *testing.T) {
	p := criteria.Default()
	cases := []struct {
		name    string
		id      int
		fig     Figures
		want    Verdict
		missing []string
	}{
		{"1 passes with no hotspots, groups or resident crimes", 1, passing(), Pass, nil},
		{"1 fails with one hotspot", 1, with(passing(), "hotspots", 1), Fail, nil},
		{"1 fails with one group", 1, with(passing(), "groups", 1), Fail, nil},
		{"1 fails with one crime by a resident", 1, with(passing(), "resident_crimes", 1), Fail, nil},
		{"1 is missing when groups is blank", 1, without(passing(), "groups"), Missing, []string{"groups"}},

		{"2 passes with every addict, user and post-rehab person recorded and tested", 2, passing(), Pass, nil},
		{"2 fails when one addict is not in treatment", 2, with(passing(), "addicts_in_treatment", 4), Fail, nil},
		{"2 fails when one user has no record", 2, with(passing(), "users_managed", 2), Fail, nil},
		{"2 fails when one post-rehab person has no record", 2, with(passing(), "post_rehab_managed", 1), Fail, nil},
		{"2 is missing when post_rehab is blank", 2, without(passing(), "post_rehab"), Missing, []string{"post_rehab"}},

		{"3 passes with every household committed and every hamlet showing the board", 3, passing(), Pass, nil},
		{"3 fails when one household has not committed", 3, with(passing(), "households_committed", 1199), Fail, nil},
		{"3 fails when one hamlet lacks the hotline board", 3, with(passing(), "hamlets_hotline", 7), Fail, nil},
		{"3 is missing when hamlets is blank", 3, without(passing(), "hamlets"), Missing, []string{"hamlets"}},

		{"4 passes when addicts and users fell since the baseline", 4, passing(), Pass, nil},
		{"4 fails when users rose since the baseline", 4, with(passing(), "users", 5, "users_managed", 5, "managed_tested", 7), Fail, nil},
		{"4 is missing without a baseline", 4, without(passing(), "addicts_baseline", "users_baseline"), Missing, []string{"addicts_baseline", "users_baseline"}},

		{"5 passes with no crime by users", 5, passing(), Pass, nil},
		{"5 fails with one crime by a user", 5, with(passing(), "user_crimes", 1), Fail, nil},
		{"5 is missing when user_crimes is blank", 5, without(passing(), "user_crimes"), Missing, []string{"user_crimes"}},

		{"6 passes with no serious case and no psychosis incident", 6, passing(), Pass, nil},
		{"6 fails with one serious case", 6, with(passing(), "serious_cases", 1), Fail, nil},
		{"6 fails with one psychosis incident", 6, with(passing(), "psychosis_incidents", 1), Fail, nil},
		{"6 is missing when psychosis_incidents is blank", 6, without(passing(), "psychosis_incidents"), Missing, []string{"psychosis_incidents"}},

		{"7 passes when everyone with grounds of use is tested", 7, passing(), Pass, nil},
		{"7 fails when one person with grounds of use is not tested", 7, with(passing(), "grounds_tested", 1), Fail, nil},
		{"7 is missing when grounds_tested is blank", 7, without(passing(), "grounds_tested"), Missing, []string{"grounds_tested"}},

		{"8 passes with one model", 8, passing(), Pass, nil},
		{"8 fails with no model", 8, with(passing(), "models", 0), Fail, nil},
		{"8 is missing when models is blank", 8, without(passing(), "models"), Missing, []string{"models"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Check(p, tc.fig)
			c := criterion(t, r, tc.id)
			if c.Result != tc.want {
				t.Fatalf("criterion %d: %s, want %s (%+v)", tc.id, c.Result, tc.want, c)
			}
			if !slices.Equal(c.Missing, tc.missing) {
				t.Errorf("missing %v, want %v", c.Missing, tc.missing)
			}
			if (tc.want == Fail) != (len(failing(c)) > 0) {
				t.Errorf("failing %v for a %s", failing(c), c.Result)
			}
			// The change touches only the criterion under test, and decides the whole.
			for id, v := range verdicts(r) {
				if id != tc.id && v != Pass {
					t.Errorf("criterion %d is %s, want pass", id, v)
				}
			}
			if r.Result != tc.want {
				t.Errorf("overall %s, want %s", r.Result, tc.want)
			}
		})
	}
}

func TestTheEdgesOfEachThreshold(t *testing.T) {
	p := criteria.Default()
	cases := []struct {
		name string
		id   int
		fig  Figures
		want Verdict
	}{
		{"the last addict without a record fails criterion 2 (4 of 5)", 2, with(passing(), "addicts_total", 5, "addicts_managed", 4), Fail},
		{"five of five addicts with a record pass criterion 2", 2, with(passing(), "addicts_total", 5, "addicts_managed", 5), Pass},
		{"more records than addicts is not 100% either and fails", 2, with(passing(), "addicts_total", 5, "addicts_managed", 6), Fail},
		{"managed_tested equal to users plus post-rehab passes", 2, with(passing(), "users", 3, "post_rehab", 2, "managed_tested", 5), Pass},
		{"managed_tested one below users plus post-rehab fails", 2, with(passing(), "users", 3, "post_rehab", 2, "managed_tested", 4), Fail},
		{"addicts equal to the baseline pass criterion 4", 4, with(passing(), "addicts_total", 7, "addicts_managed", 7, "addicts_in_treatment", 7, "addicts_baseline", 7), Pass},
		{"addicts one above the baseline fail criterion 4", 4, with(passing(), "addicts_total", 8, "addicts_managed", 8, "addicts_in_treatment", 8, "addicts_baseline", 7), Fail},
		{"users equal to the baseline pass criterion 4", 4, with(passing(), "users", 4, "users_managed", 4, "managed_tested", 6, "users_baseline", 4), Pass},
		{"users one above the baseline fail criterion 4", 4, with(passing(), "users", 5, "users_managed", 5, "managed_tested", 7, "users_baseline", 4), Fail},
		{"zero persons with grounds of use and zero tested pass criterion 7", 7, with(passing(), "grounds_of_use", 0, "grounds_tested", 0), Pass},
		{"more tested than persons with grounds of use pass criterion 7", 7, with(passing(), "grounds_of_use", 2, "grounds_tested", 3), Pass},
		{"exactly one model passes criterion 8", 8, with(passing(), "models", 1), Pass},
		{"no model fails criterion 8", 8, with(passing(), "models", 0), Fail},
		{"a blank model count leaves criterion 8 missing", 8, without(passing(), "models"), Missing},
		{"no addicts at all with no records pass criterion 2", 2, with(passing(), "addicts_total", 0, "addicts_managed", 0, "addicts_in_treatment", 0), Pass},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := criterion(t, Check(p, tc.fig), tc.id)
			if c.Result != tc.want {
				t.Errorf("criterion %d: %s, want %s (%v)", tc.id, c.Result, tc.want, c.Conditions)
			}
		})
	}
}

func TestAKnownFailureOutweighsABlank(t *testing.T) {
	p := criteria.Default()
	t.Run("a criterion with one blank field and another failing is fail", func(t *testing.T) {
		fig := without(with(passing(), "hotspots", 2), "groups")
		c := criterion(t, Check(p, fig), 1)
		if c.Result != Fail {
			t.Fatalf("criterion 1: %s, want fail", c.Result)
		}
		if !slices.Equal(c.Missing, []string{"groups"}) {
			t.Errorf("missing %v, want [groups] even though the criterion fails", c.Missing)
		}
		if f := failing(c); len(f) != 1 || f[0].Field != "hotspots" || f[0].Value != known(2) {
			t.Errorf("failing %v, want the 2 hotspots", f)
		}
	})
	t.Run("a blank on the right of a condition and a failure elsewhere is fail", func(t *testing.T) {
		fig := without(with(passing(), "addicts_in_treatment", 1), "users")
		c := criterion(t, Check(p, fig), 2)
		if c.Result != Fail {
			t.Fatalf("criterion 2: %s, want fail", c.Result)
		}
	})
	t.Run("a commune with one criterion missing and another failing is overall fail", func(t *testing.T) {
		fig := without(with(passing(), "models", 0), "user_crimes")
		r := Check(p, fig)
		if v := verdicts(r); v[5] != Missing || v[8] != Fail {
			t.Fatalf("criteria 5 and 8: %s and %s, want missing and fail", v[5], v[8])
		}
		if r.Result != Fail {
			t.Errorf("overall %s, want fail", r.Result)
		}
	})
	t.Run("a commune with one criterion missing and the rest passing is overall missing", func(t *testing.T) {
		r := Check(p, without(passing(), "models"))
		if r.Result != Missing {
			t.Errorf("overall %s, want missing", r.Result)
		}
	})
	t.Run("a commune with only blanks is missing on every criterion", func(t *testing.T) {
		r := Check(p, Figures{})
		if r.Result != Missing {
			t.Errorf("overall %s, want missing", r.Result)
		}
		for _, c := range r.Criteria {
			if c.Result != Missing || len(c.Missing) == 0 {
				t.Errorf("criterion %d: %s with missing %v, want missing with the blank fields", c.ID, c.Result, c.Missing)
			}
			for _, x := range c.Conditions {
				if x.Result != Missing || x.Value.Known {
					t.Errorf("criterion %d: condition %v should be missing without its figure", c.ID, x)
				}
			}
		}
	})
}

// Each condition carries the figures it compared: the left field and its figure, the
// comparison, the right side as the plan writes it and its figure, and its verdict, on
// both sides of the edge (SPEC §3). Compared in their JSON form, the form machines read.
func TestConditionsCarryTheirFigures(t *testing.T) {
	p := criteria.Default()
	cases := []struct {
		name string
		fig  Figures
		id   int
		want []string // the criterion's conditions, as JSON
	}{
		{"4 of 5 addicts with a record fail criterion 2", with(passing(), "addicts_total", 5, "addicts_managed", 4, "addicts_in_treatment", 5), 2, []string{
			`{"field":"addicts_managed","value":4,"op":"=","right":"addicts_total","threshold":5,"result":"fail"}`,
			`{"field":"addicts_in_treatment","value":5,"op":"=","right":"addicts_total","threshold":5,"result":"pass"}`,
			`{"field":"users_managed","value":3,"op":"=","right":"users","threshold":3,"result":"pass"}`,
			`{"field":"post_rehab_managed","value":2,"op":"=","right":"post_rehab","threshold":2,"result":"pass"}`,
			`{"field":"managed_tested","value":5,"op":">=","right":"users + post_rehab","threshold":5,"result":"pass"}`,
		}},
		{"4 tested of 3 users and 2 post-rehab persons fail, the sum as the threshold", with(passing(), "managed_tested", 4), 2, []string{
			`{"field":"addicts_managed","value":5,"op":"=","right":"addicts_total","threshold":5,"result":"pass"}`,
			`{"field":"addicts_in_treatment","value":5,"op":"=","right":"addicts_total","threshold":5,"result":"pass"}`,
			`{"field":"users_managed","value":3,"op":"=","right":"users","threshold":3,"result":"pass"}`,
			`{"field":"post_rehab_managed","value":2,"op":"=","right":"post_rehab","threshold":2,"result":"pass"}`,
			`{"field":"managed_tested","value":4,"op":">=","right":"users + post_rehab","threshold":5,"result":"fail"}`,
		}},
		{"a blank right side has no threshold; 3 tested already fail the known 5", without(with(passing(), "managed_tested", 3, "users", 5, "users_managed", 5), "post_rehab"), 2, []string{
			`{"field":"addicts_managed","value":5,"op":"=","right":"addicts_total","threshold":5,"result":"pass"}`,
			`{"field":"addicts_in_treatment","value":5,"op":"=","right":"addicts_total","threshold":5,"result":"pass"}`,
			`{"field":"users_managed","value":5,"op":"=","right":"users","threshold":5,"result":"pass"}`,
			`{"field":"post_rehab_managed","value":2,"op":"=","right":"post_rehab","result":"missing"}`,
			`{"field":"managed_tested","value":3,"op":">=","right":"users + post_rehab","result":"fail"}`,
		}},
		{"users equal to the baseline pass criterion 4", with(passing(), "users", 4, "users_baseline", 4), 4, []string{
			`{"field":"addicts_total","value":5,"op":"<=","right":"addicts_baseline","threshold":7,"result":"pass"}`,
			`{"field":"users","value":4,"op":"<=","right":"users_baseline","threshold":4,"result":"pass"}`,
		}},
		{"a blank model count has no value", without(passing(), "models"), 8, []string{
			`{"field":"models","op":">=","right":"1","threshold":1,"result":"missing"}`,
		}},
		{"no model fails criterion 8 at its edge", with(passing(), "models", 0), 8, []string{
			`{"field":"models","value":0,"op":">=","right":"1","threshold":1,"result":"fail"}`,
		}},
		{"figures keep their decimals", func() Figures { f := passing(); f["models"] = 1.5; return f }(), 8, []string{
			`{"field":"models","value":1.5,"op":">=","right":"1","threshold":1,"result":"pass"}`,
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := criterion(t, Check(p, tc.fig), tc.id)
			var got []string
			for _, x := range c.Conditions {
				got = append(got, jsonOf(t, x))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("conditions\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tc.want, "\n     "))
			}
		})
	}
}

func TestWithBaseline(t *testing.T) {
	p := criteria.Default()
	current := without(passing(), "addicts_baseline", "users_baseline")
	earlier := Figures{"addicts_total": 9, "users": 6, "hotspots": 3}

	t.Run("blank baseline columns are taken from the baseline return", func(t *testing.T) {
		got := WithBaseline(p, current, earlier)
		if got["addicts_baseline"] != 9 || got["users_baseline"] != 6 {
			t.Errorf("baseline %v/%v, want 9/6", got["addicts_baseline"], got["users_baseline"])
		}
		if got["hotspots"] != 0 {
			t.Errorf("hotspots %v: only the baseline columns may come from the baseline return", got["hotspots"])
		}
		if c := criterion(t, Check(p, got), 4); c.Result != Pass {
			t.Errorf("criterion 4: %s, want pass (%v)", c.Result, c.Conditions)
		}
	})
	t.Run("baseline columns given in the current return are kept", func(t *testing.T) {
		got := WithBaseline(p, with(current, "addicts_baseline", 2), earlier)
		if got["addicts_baseline"] != 2 || got["users_baseline"] != 6 {
			t.Errorf("baseline %v/%v, want 2 (given) and 6 (from the baseline return)", got["addicts_baseline"], got["users_baseline"])
		}
		if c := criterion(t, Check(p, got), 4); c.Result != Fail {
			t.Errorf("criterion 4: %s, want fail: 5 addicts against a given baseline of 2", c.Result)
		}
	})
	t.Run("a commune without a baseline leaves criterion 4 missing, never a pass", func(t *testing.T) {
		got := WithBaseline(p, current, nil)
		if _, ok := got["addicts_baseline"]; ok {
			t.Errorf("addicts_baseline = %v, want blank", got["addicts_baseline"])
		}
		if c := criterion(t, Check(p, got), 4); c.Result != Missing {
			t.Errorf("criterion 4: %s, want missing", c.Result)
		}
	})
	t.Run("a baseline return with blank figures fills nothing", func(t *testing.T) {
		got := WithBaseline(p, current, Figures{"hotspots": 0})
		if c := criterion(t, Check(p, got), 4); c.Result != Missing {
			t.Errorf("criterion 4: %s, want missing", c.Result)
		}
	})
	t.Run("the current figures are not changed", func(t *testing.T) {
		WithBaseline(p, current, earlier)
		if _, ok := current["addicts_baseline"]; ok {
			t.Error("WithBaseline wrote into its argument")
		}
	})
}

func TestTheDefaultPlansChecklist(t *testing.T) {
	p := criteria.Default()
	var ids []int
	for _, c := range p.Checklist.Criteria {
		ids = append(ids, c.ID)
		for _, cond := range c.Conditions {
			for _, k := range append([]string{cond.Left.String()}, cond.Right.Fields...) {
				if f, ok := p.Field(k); !ok || !f.Numeric() {
					t.Errorf("criterion %d: %q is not a numeric field of the plan", c.ID, k)
				}
			}
			if !slices.Contains([]string{"=", "<=", ">=", "<", ">"}, cond.Op) {
				t.Errorf("criterion %d: op %q", c.ID, cond.Op)
			}
			if !strings.Contains(cond.Figure(i18n.Vi), "{left}") || !strings.Contains(cond.Figure(i18n.En), "{left}") {
				t.Errorf("criterion %d: a figure without {left}: %q / %q", c.ID, cond.Vi, cond.En)
			}
		}
	}
	if !slices.Equal(ids, []int{1, 2, 3, 4, 5, 6, 7, 8}) {
		t.Errorf("ids %v, want 1–8", ids)
	}
	if !slices.Equal(p.Checklist.AppliesTo, []string{"transformation", "maintained"}) {
		t.Errorf("applies to %v", p.Checklist.AppliesTo)
	}
	want := map[string]string{"addicts_baseline": "addicts_total", "users_baseline": "users"}
	if len(p.Checklist.Baseline) != len(want) {
		t.Errorf("baseline mapping %v, want %v", p.Checklist.Baseline, want)
	}
	for k, v := range want {
		if p.Checklist.Baseline[k] != v {
			t.Errorf("baseline %s ← %q, want %q", k, p.Checklist.Baseline[k], v)
		}
	}
}

// modifiedPlan parses the default plan with one exact line replaced.
func modifiedPlan(t *testing.T, old, new string) *criteria.Plan {
	t.Helper()
	text := string(criteria.DefaultYAML())
	if strings.Count(text, old) != 1 {
		t.Fatalf("the default plan does not hold the line %q exactly once", old)
	}
	p, err := criteria.Parse("modified.yaml", []byte(strings.Replace(text, old, new, 1)))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return p
}

func TestThresholdsComeFromThePlan(t *testing.T) {
	const line = `- {left: models, op: ">=", right: "1", vi: "{left} mô hình", en: "{left} models"}`
	p := modifiedPlan(t, line, strings.Replace(line, `right: "1"`, `right: "2"`, 1))
	fig := with(passing(), "models", 1)

	t.Run("one model passes under the default plan", func(t *testing.T) {
		if r := Check(criteria.Default(), fig); r.Result != Pass {
			t.Errorf("overall %s, want pass", r.Result)
		}
	})
	t.Run("one model fails under a plan that asks for two", func(t *testing.T) {
		r := Check(p, fig)
		if c := criterion(t, r, 8); c.Result != Fail {
			t.Errorf("criterion 8: %s, want fail", c.Result)
		}
		if r.Result != Fail {
			t.Errorf("overall %s, want fail", r.Result)
		}
	})
	t.Run("two models pass under a plan that asks for two", func(t *testing.T) {
		if r := Check(p, with(fig, "models", 2)); r.Result != Pass {
			t.Errorf("overall %s, want pass", r.Result)
		}
	})
}

func TestTheBaselineMappingComesFromThePlan(t *testing.T) {
	t.Run("a plan may take the baseline from another field", func(t *testing.T) {
		p := modifiedPlan(t, "    users_baseline: users\n", "    users_baseline: users_managed\n")
		got := WithBaseline(p, Figures{}, Figures{"users": 6, "users_managed": 5})
		if got["users_baseline"] != 5 {
			t.Errorf("users_baseline %v, want 5 (from users_managed)", got["users_baseline"])
		}
	})
	t.Run("a plan whose baseline names a text field is refused with its line", func(t *testing.T) {
		text := strings.Replace(string(criteria.DefaultYAML()), "    users_baseline: users\n", "    users_baseline: commune\n", 1)
		_, err := criteria.Parse("bad.yaml", []byte(text))
		if err == nil || !strings.Contains(err.Error(), `field "commune" is text, not a number`) || !strings.Contains(err.Error(), "bad.yaml:") {
			t.Errorf("error %v, want the text field refused with file and line", err)
		}
	})
	t.Run("a plan whose baseline names an unknown field is refused", func(t *testing.T) {
		text := strings.Replace(string(criteria.DefaultYAML()), "    addicts_baseline: addicts_total\n", "    addicts_at_start: addicts_total\n", 1)
		_, err := criteria.Parse("bad.yaml", []byte(text))
		if err == nil || !strings.Contains(err.Error(), `"addicts_at_start" is not a field of the return`) {
			t.Errorf("error %v, want the unknown field refused", err)
		}
	})
}

func TestTheResultAsJSONAndText(t *testing.T) {
	p := criteria.Default()
	r := Check(p, without(with(passing(), "models", 0), "user_crimes"))

	t.Run("the JSON carries result, criteria, id and conditions as in SPEC §7", func(t *testing.T) {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back struct {
			Result   string `json:"result"`
			Criteria []struct {
				ID         int    `json:"id"`
				Result     string `json:"result"`
				Conditions []struct {
					Field string   `json:"field"`
					Value *float64 `json:"value"`
				} `json:"conditions"`
				Missing []string `json:"missing"`
			} `json:"criteria"`
		}
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.Result != "fail" || len(back.Criteria) != 8 || back.Criteria[4].ID != 5 || back.Criteria[4].Result != "missing" ||
			!slices.Equal(back.Criteria[4].Missing, []string{"user_crimes"}) || back.Criteria[7].Conditions[0].Field != "models" || back.Criteria[7].Conditions[0].Value == nil || *back.Criteria[7].Conditions[0].Value != 0 {
			t.Errorf("JSON %s", b)
		}
		if strings.Contains(string(b), `"missing":null`) || strings.Contains(string(b), `"missing":[]`) {
			t.Errorf("an empty missing list should be left out: %s", b)
		}
	})
	t.Run("the one-line text names the overall result and what fails or is missing", func(t *testing.T) {
		s := r.String()
		want := "fail: 1 pass; 2 pass; 3 pass; 4 pass; 5 missing (user_crimes); 6 pass; 7 pass; 8 fail (models 0 >= 1 1: fail)"
		if s != want {
			t.Errorf("got  %q\nwant %q", s, want)
		}
	})
}

func TestTargetProgress(t *testing.T) {
	p := criteria.Default()
	before, after := &p.Registry, &p.Reform.Registry
	cases := []struct {
		name      string
		reg       *criteria.Registry
		passing   int
		target    int
		of        int
		reached   bool
		remaining int
	}{
		{"twenty passing communes fall one short of 21 of 104", before, 20, 21, 104, false, 1},
		{"twenty-one passing communes reach the target", before, 21, 21, 104, true, 0},
		{"none passing leaves all 21 to go", before, 0, 21, 104, false, 21},
		// ceil(20 % × 41) = 9: the 41 communes formed from the plan's 104, not the 124 of
		// the new province
		{"after the reform: eight of the 41 fall one short of 9", after, 8, 9, 41, false, 1},
		{"after the reform: nine of the 41 reach the target", after, 9, 9, 41, true, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := TargetProgress(p, tc.reg, tc.passing)
			if g.Target != tc.target || g.Registry != tc.of || g.Passing != tc.passing {
				t.Fatalf("progress %+v, want %d of a target of %d of %d", g, tc.passing, tc.target, tc.of)
			}
			if g.Reached() != tc.reached || g.Remaining() != tc.remaining {
				t.Errorf("reached %v remaining %d, want %v and %d", g.Reached(), g.Remaining(), tc.reached, tc.remaining)
			}
			if want := map[bool]string{false: "", true: "2025-07-01"}[tc.reg == after]; g.InForceFrom != want {
				t.Errorf("in force from %q, want %q", g.InForceFrom, want)
			}
		})
	}
}

func TestAggregate(t *testing.T) {
	p := criteria.Default()
	a := Figures{"population": 5000, "addicts_total": 12, "on_route": 0, "plant_area_m2": 0.1, "violations": 1}
	b := Figures{"population": 7000, "addicts_total": 3, "on_route": 1, "plant_area_m2": 0.2}
	c := Figures{"population": 1000, "addicts_total": 0, "on_route": 0, "plant_area_m2": 0, "violations": 0}
	got := Aggregate(p, []Figures{a, b, c})
	for k, want := range map[string]float64{"population": 13000, "addicts_total": 15, "on_route": 1, "plant_area_m2": 0.3} {
		if v, ok := got[k]; !ok || v != want {
			t.Errorf("%s = %v (%v), want %v", k, v, ok, want)
		}
	}
	if v, ok := got["violations"]; ok {
		t.Errorf("violations = %v: one part left it blank, so the sum is unknown", v)
	}
	if v, ok := Aggregate(p, []Figures{a, b})["on_route"]; !ok || v != 1 {
		t.Errorf("on route if any part is: %v %v", v, ok)
	}
	if v, ok := Aggregate(p, []Figures{a, c})["on_route"]; !ok || v != 0 {
		t.Errorf("on route when no part is: %v %v", v, ok)
	}
	if got := Aggregate(p, []Figures{a, {}}); len(got) != 0 {
		t.Errorf("a part with no figures leaves every sum unknown: %v", got)
	}
	if got := Aggregate(p, nil); len(got) != 0 {
		t.Errorf("no parts: %v", got)
	}
	// Classified as one unit: 15 addicts of 13,000 is less complex, where each part alone
	// (12, 3, 0) was too.
	if r := Classify(p, Figures{"population": 13000, "addicts_total": 15, "addicts_managed": 15, "users": 0, "hotspots": 0, "plants": 0, "plant_area_m2": 0, "offenders": 0, "violations": 0, "on_route": 0}); r.Category != criteria.LessComplex {
		t.Errorf("the aggregate classifies as %s", r.Category)
	}
}

func TestACriterionFailsWhenTheKnownPartOfASumAlreadyExceedsTheLeftSide(t *testing.T) {
	p := criteria.Default()
	fig := Figures{"users_managed": 5, "users": 5, "addicts_total": 0, "addicts_managed": 0, "addicts_in_treatment": 0,
		"post_rehab_managed": 0, "managed_tested": 3} // post_rehab blank
	got := criterionOf(t, Check(p, fig), 2)
	if got.Result != Fail {
		t.Fatalf("3 tested of 5 users and a blank post-rehab count: criterion 2 = %s, want fail (at least 5 must be tested)", got.Result)
	}
	fig["managed_tested"] = 5 // enough for the users; the blank post-rehab count could need more
	if got := criterionOf(t, Check(p, fig), 2); got.Result != Missing {
		t.Errorf("5 tested of 5 users and a blank post-rehab count: criterion 2 = %s, want missing", got.Result)
	}
}

func criterionOf(t *testing.T, r CheckResult, id int) CriterionResult {
	t.Helper()
	for _, c := range r.Criteria {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no criterion %d", id)
	return CriterionResult{}
}
