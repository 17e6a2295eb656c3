package report

import (
	"math"
	"slices"
	"strings"
	"testing"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
)

// classFigures returns a commune's classification figures, every one known and 0 with a
// population of 10000 and off the route, then set, then blank removed.
func classFigures(set classify.Figures, blank ...string) classify.Figures {
	f := classify.Figures{"population": 10000, "addicts_total": 0, "addicts_managed": 0, "users": 0, "hotspots": 0,
		"plants": 0, "plant_area_m2": 0, "offenders": 0, "violations": 0, "on_route": 0}
	for k, v := range set {
		f[k] = v
	}
	for _, k := range blank {
		delete(f, k)
	}
	return f
}

// Every rule's reason is written from its data in both languages, through the catalogue,
// as the tool wrote it when classify built the texts itself (the outputs are compared byte
// for byte by the golden files; this names each rule).
func TestReasonsAreWrittenInTheUsersLanguage(t *testing.T) {
	p := criteria.Default()
	cases := []struct {
		name string
		fig  classify.Figures
		rule classify.Rule
		vi   string
		en   string
	}{
		{"a band at its threshold", classFigures(classify.Figures{"addicts_managed": 20}), classify.RuleBand,
			"20 người nghiện có hồ sơ quản lý ≥ 20 → Loại III",
			"20 managed addicts ≥ 20 → Type III"},
		{"a band one below the next threshold", classFigures(classify.Figures{"addicts_managed": 59}), classify.RuleBand,
			"59 người nghiện có hồ sơ quản lý ≥ 20 → Loại III",
			"59 managed addicts ≥ 20 → Type III"},
		{"an area groups thousands and writes decimals as the language does", classFigures(classify.Figures{"plant_area_m2": 1999.99}), classify.RuleBand,
			"1.999,99 m² trồng cây có chứa chất ma túy ≥ 1.000 → Loại II",
			"1,999.99 m² of drug plants ≥ 1,000 → Type II"},
		{"a band with a strict lower bound shows >", classFigures(classify.Figures{"plant_area_m2": 0.5}), classify.RuleBand,
			"0,5 m² trồng cây có chứa chất ma túy > 0 → Loại III",
			"0.5 m² of drug plants > 0 → Type III"},
		{"the ratio shows the exact figures, the percentage cut, and the plan's threshold", classFigures(classify.Figures{"offenders": 3, "population": 2999}), classify.RuleBand,
			"đối tượng phạm tội về ma túy trên dân số 3/2.999 = 0,10% ≥ 0,1% → Loại III",
			"drug offenders per population 3/2,999 = 0.10% ≥ 0.1% → Type III"},
		{"the ratio exactly at 0.5 %", classFigures(classify.Figures{"offenders": 5, "population": 1000}), classify.RuleBand,
			"đối tượng phạm tội về ma túy trên dân số 5/1.000 = 0,50% ≥ 0,5% → Loại I",
			"drug offenders per population 5/1,000 = 0.50% ≥ 0.5% → Type I"},
		{"the route step", classFigures(classify.Figures{"addicts_managed": 65, "on_route": 1}), classify.RuleRoute,
			"nằm trên tuyến trọng điểm mua bán, vận chuyển trái phép chất ma túy: Loại II → Loại I",
			"on a key drug trafficking route: Type II → Type I"},
		{"drug-free names the fields that are 0", classFigures(nil), classify.RuleDrugFree,
			"không đạt tiêu chí loại III nào; bằng 0: người nghiện có hồ sơ quản lý, tổng số người nghiện, người sử dụng trái phép chất ma túy, đối tượng phạm tội về ma túy, tụ điểm, điểm phức tạp, bán lẻ ma túy, số cây có chứa chất ma túy, diện tích trồng cây có chứa chất ma túy (m²), vụ vi phạm khác về ma túy → Không ma túy",
			"no Type III indicator reached; zero: managed addicts, total addicts, illegal users, drug offenders, hotspots, drug plants, plant area (m²), other drug violations → Drug-free"},
		{"less complex names what is not 0, one below the band", classFigures(classify.Figures{"addicts_managed": 19, "addicts_total": 25}), classify.RuleLessComplex,
			"không đạt tiêu chí loại III nào nhưng khác 0: người nghiện có hồ sơ quản lý 19, tổng số người nghiện 25 → Ít phức tạp",
			"no Type III indicator reached but not zero: managed addicts 19, total addicts 25 → Less complex"},
		{"blanks that cannot change the category", classFigures(classify.Figures{"addicts_managed": 120}, "users", "on_route"), classify.RuleMissing,
			"thiếu số liệu: Người sử dụng trái phép chất ma túy, Nằm trên tuyến trọng điểm (Có/Không) (không làm thay đổi kết quả)",
			"missing: Illegal users, On a key route (yes/no) (cannot change the outcome)"},
		{"undetermined names the blanks and the categories still possible", classFigures(classify.Figures{"addicts_managed": 30}, "on_route"), classify.RuleUndetermined,
			"thiếu số liệu: Nằm trên tuyến trọng điểm (Có/Không); có thể là Loại II, Loại III",
			"missing: On a key route (yes/no); could be Type II, Type III"},
		{"undetermined by an input error alone names the categories", classFigures(classify.Figures{"offenders": 3, "population": 0}), classify.RuleUndetermined,
			"có thể là Loại I, Loại II, Loại III, Ít phức tạp",
			"could be Type I, Type II, Type III, Less complex"},
		{"the input error names both figures", classFigures(classify.Figures{"offenders": 3, "population": 0}), classify.RuleInputError,
			"3 đối tượng phạm tội về ma túy > 0 nhưng dân số = 0: lỗi số liệu, không tính được tỷ lệ",
			"3 drug offenders > 0 but population = 0: input error, the ratio cannot be computed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var reason *classify.Reason
			res := classify.Classify(p, c.fig)
			for i := range res.Reasons {
				if res.Reasons[i].Rule == c.rule {
					reason = &res.Reasons[i]
				}
			}
			if reason == nil {
				t.Fatalf("no %s reason in %s", c.rule, res)
			}
			for _, w := range []struct {
				lang i18n.Lang
				want string
			}{{i18n.Vi, c.vi}, {i18n.En, c.en}} {
				if got := newExplainer(p, w.lang).reason(*reason).Text; got != w.want {
					t.Errorf("%s:\n got %q\nwant %q", w.lang, got, w.want)
				}
			}
		})
	}
	t.Run("less complex with no drug-free figure that is not 0", func(t *testing.T) {
		r := classify.Reason{Rule: classify.RuleLessComplex, Category: criteria.LessComplex}
		if got := newExplainer(p, i18n.En).reason(r).Text; got != "no Type III indicator reached → Less complex" {
			t.Errorf("got %q", got)
		}
	})
}

// A reason depends on its data alone: the same data gives the same Reason (shared, not a
// copy), other data another text — whichever figure differs.
func TestTheSameReasonIsWrittenOnce(t *testing.T) {
	p := criteria.Default()
	x := newExplainer(p, i18n.Vi)
	last := func(f classify.Figures) classify.Reason {
		rs := classify.Classify(p, f).Reasons
		return rs[len(rs)-1]
	}
	pairs := []struct{ a, b classify.Figures }{
		{classFigures(classify.Figures{"addicts_managed": 20}), classFigures(classify.Figures{"addicts_managed": 21})},
		{classFigures(classify.Figures{"users": 4}), classFigures(classify.Figures{"users": 5})},
		{classFigures(classify.Figures{"offenders": 3, "population": 3000}), classFigures(classify.Figures{"offenders": 3, "population": 2999})},
		{classFigures(classify.Figures{"hotspots": 1}, "on_route"), classFigures(classify.Figures{"hotspots": 1}, "on_route", "users")},
	}
	for _, pr := range pairs {
		a, again, b := x.reason(last(pr.a)), x.reason(last(pr.a)), x.reason(last(pr.b))
		if a != again {
			t.Errorf("the same reason gave two: %v and %v", a, again)
		}
		if a.Text == b.Text {
			t.Errorf("%v and %v gave the same text %q", pr.a, pr.b, a.Text)
		}
	}
}

// A condition likewise, its verdict included: 3 tested with a blank post-rehab count
// fail when the users alone are 5, and are missing when they are 2, with the same text.
func TestTheSameConditionIsGivenOnce(t *testing.T) {
	p := criteria.Default()
	x := newExplainer(p, i18n.Vi)
	fig := func(users float64) classify.Figures {
		f := checklistFigures()
		f["users"], f["users_managed"], f["managed_tested"] = users, users, 3
		delete(f, "post_rehab")
		return f
	}
	tested := func(f classify.Figures) *Condition { return x.check(classify.Check(p, f))[1].Conditions[4] }
	a, again, b := tested(fig(5)), tested(fig(5)), tested(fig(2))
	if a != again {
		t.Errorf("the same condition gave two: %v and %v", a, again)
	}
	if a.Result != classify.Fail || b.Result != classify.Missing || a.Text != b.Text {
		t.Errorf("3 tested of 5 users: %v; of 2 users: %v; want fail and missing, both %q", a, b, "3/? người sử dụng, sau cai được xét nghiệm")
	}
}

// checklistFigures returns figures that pass every criterion of the default plan.
func checklistFigures() classify.Figures {
	return classify.Figures{
		"hotspots": 0, "groups": 0, "resident_crimes": 0,
		"addicts_total": 5, "addicts_managed": 3, "addicts_in_treatment": 5,
		"users": 3, "users_managed": 3, "post_rehab": 2, "post_rehab_managed": 2, "managed_tested": 5,
		"households": 1200, "households_committed": 1150, "hamlets": 8, "hamlets_hotline": 8,
		"addicts_baseline": 7, "users_baseline": 4,
		"user_crimes":   0,
		"serious_cases": 0, "psychosis_incidents": 0,
		"grounds_of_use": 2, "grounds_tested": 2,
		"models": 1,
	}
}

// The checklist's figure texts are the plan's, filled with the figures in the user's
// language, "?" for a blank.
func TestConditionsAreWrittenInTheUsersLanguage(t *testing.T) {
	p := criteria.Default()
	fig := checklistFigures()
	blank := checklistFigures()
	delete(blank, "addicts_total")
	delete(blank, "post_rehab")
	cases := []struct {
		name string
		fig  classify.Figures
		lang i18n.Lang
		id   int
		want []string
	}{
		{"criterion 2 in Vietnamese reads 3/5 người nghiện có hồ sơ quản lý", fig, i18n.Vi, 2, []string{
			"3/5 người nghiện có hồ sơ quản lý",
			"5/5 người nghiện được cai nghiện",
			"3/3 người sử dụng có hồ sơ quản lý",
			"2/2 người sau cai có hồ sơ quản lý",
			"5/5 người sử dụng, sau cai được xét nghiệm",
		}},
		{"criterion 2 in English reads 3/5 addicts with a record", fig, i18n.En, 2, []string{
			"3/5 addicts with a record",
			"5/5 addicts in treatment",
			"3/3 users with a record",
			"2/2 post-rehab persons with a record",
			"5/5 users and post-rehab persons tested",
		}},
		{"thousands are grouped with a dot in Vietnamese", fig, i18n.Vi, 3, []string{"1.150/1.200 hộ ký cam kết", "8/8 ấp, khóm có bảng đường dây nóng"}},
		{"thousands are grouped with a comma in English", fig, i18n.En, 3, []string{"1,150/1,200 households committed", "8/8 hamlets with the hotline board"}},
		{"criterion 4 shows the baseline in Vietnamese", fig, i18n.Vi, 4, []string{"5 người nghiện (ban đầu 7)", "3 người sử dụng (ban đầu 4)"}},
		{"criterion 8 shows the count of models in English", fig, i18n.En, 8, []string{"1 models"}},
		{"a blank figure is a question mark", blank, i18n.Vi, 2, []string{
			"3/? người nghiện có hồ sơ quản lý",
			"5/? người nghiện được cai nghiện",
			"3/3 người sử dụng có hồ sơ quản lý",
			"2/? người sau cai có hồ sơ quản lý",
			"5/? người sử dụng, sau cai được xét nghiệm",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := newExplainer(p, tc.lang).check(classify.Check(p, tc.fig))
			for _, c := range got {
				if c.ID != tc.id {
					continue
				}
				var texts []string
				for _, x := range c.Conditions {
					texts = append(texts, x.Text)
				}
				if !slices.Equal(texts, tc.want) {
					t.Errorf("figures\n got %q\nwant %q", texts, tc.want)
				}
				return
			}
			t.Fatalf("no criterion %d", tc.id)
		})
	}
}

func TestVerdictLabels(t *testing.T) {
	got := []string{VerdictLabel(classify.Pass, i18n.Vi), VerdictLabel(classify.Fail, i18n.Vi), VerdictLabel(classify.Missing, i18n.Vi),
		VerdictLabel(classify.Pass, i18n.En), VerdictLabel(classify.Fail, i18n.En), VerdictLabel(classify.Missing, i18n.En)}
	want := []string{"Đạt", "Không đạt", "Thiếu dữ liệu", "Pass", "Fail", "Missing data"}
	if !slices.Equal(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
}

// The checklist writes each figure as the plan's tables do (criteria.FormatNumber):
// thousands grouped, decimals, signs and numbers too large to be whole, in both languages.
func TestChecklistFiguresAreWrittenAsNumbersAreEverywhere(t *testing.T) {
	p := criteria.Default()
	values := []float64{0, math.Copysign(0, -1), 1, -1, 12, 999, 1000, -1000, 12345, 999999, 1000000, 1234567.89,
		0.5, -0.5, 0.001, -0.001, 0.005, 2.675, 1999.99, 1e14, 1e15 - 1, 1e15, -1e15, 1e16, 1e300, math.MaxInt64,
		math.Inf(1), math.Inf(-1), math.NaN(), 4503599627370497}
	for i := -2000; i <= 2000; i++ {
		values = append(values, float64(i), float64(i)/100, float64(i)*1001)
	}
	c := p.Checklist.Criteria[len(p.Checklist.Criteria)-1] // models ≥ 1: one figure, one field
	if len(c.Conditions) != 1 || len(c.Conditions[0].Right.Fields) != 0 {
		t.Fatalf("criterion %d is not one condition against a number", c.ID)
	}
	cond := c.Conditions[0]
	for _, lang := range []i18n.Lang{i18n.Vi, i18n.En} {
		x := newExplainer(p, lang)
		for _, v := range values {
			want := strings.ReplaceAll(strings.ReplaceAll(cond.Figure(lang), "{left}", criteria.FormatNumber(v, lang)), "{right}", criteria.FormatNumber(float64(cond.Right.Const), lang))
			r := x.check(classify.Check(p, classify.Figures{cond.Left.String(): v}))
			if got := r[len(r)-1].Conditions; len(got) != 1 || got[0].Text != want {
				t.Errorf("%s %v: %v, want %q", lang, v, got, want)
			}
		}
	}
}

func TestAppendNumberIsFormatNumber(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 12, 999, 1000, -1000, 12345, 999999, 1000000, 1234567.89,
		0.5, -0.5, 0.001, -0.001, 0.005, 2.675, 1999.99, 1e14, 1e15 - 1, 1e15, -1e15, 1e16, 1e300, math.MaxInt64,
		math.Inf(1), math.Inf(-1), math.NaN(), 4503599627370497}
	for i := -2000; i <= 2000; i++ {
		values = append(values, float64(i), float64(i)/100, float64(i)*1001)
	}
	for _, lang := range []i18n.Lang{i18n.Vi, i18n.En} {
		for _, v := range values {
			if got, want := string(appendNumber([]byte("x"), v, lang)), "x"+criteria.FormatNumber(v, lang); got != want {
				t.Errorf("appendNumber(%v, %s) = %q, want %q", v, lang, got, want)
			}
		}
	}
}
