package criteria

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"drugfree/i18n"
)

func TestTheDefaultPlanParses(t *testing.T) {
	p, err := Parse("plan.yaml", DefaultYAML())
	if err != nil {
		t.Fatalf("the embedded plan is refused:\n%v", err)
	}
	if p.Name != "Kế hoạch 16/KH-UBND" || p.Province != "Trà Vinh" || p.Year != 2025 || p.Issued.String() != "2025-02-17" {
		t.Errorf("plan %q of %s, %d, issued %s; want Kế hoạch 16/KH-UBND of Trà Vinh, 2025, issued 2025-02-17", p.Name, p.Province, p.Year, p.Issued)
	}
	if got := Default(); !reflect.DeepEqual(got, p) {
		t.Error("Default() differs from parsing DefaultYAML()")
	}
	t.Run("DefaultYAML returns a copy", func(t *testing.T) {
		b := DefaultYAML()
		b[0] = 'X'
		if DefaultYAML()[0] == 'X' {
			t.Error("changing the bytes of DefaultYAML changed the embedded plan")
		}
	})
	t.Run("the calendar has the plan's five due dates", func(t *testing.T) {
		want := map[string]string{"review": "2025-02-26", "plan": "2025-03-30", "phase1": "2025-04-30", "phase2": "2025-10-31", "phase3": "2025-12-13"}
		if len(p.Calendar) != len(want) {
			t.Errorf("%d kinds of return, want %d", len(p.Calendar), len(want))
		}
		for kind, due := range want {
			d, ok := p.Deadline(kind)
			if !ok || d.Due.String() != due {
				t.Errorf("kind %s: due %v (found %v), want %s", kind, d.Due, ok, due)
			}
		}
	})
	t.Run("the plan written by Marshal parses back to the same plan", func(t *testing.T) {
		b, err := p.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		q, err := Parse("exported.yaml", b)
		if err != nil {
			t.Fatalf("the marshalled plan is refused:\n%v", err)
		}
		q.Source = p.Source
		if !reflect.DeepEqual(p, q) {
			t.Error("the marshalled plan parses to a different plan")
		}
	})
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows[1:]
}

func TestTheEmbeddedRegistryIsTheReferenceFile(t *testing.T) {
	p := Default()
	reg := p.Registry
	rows := readCSV(t, "testdata/tra-vinh-communes-2025.csv")
	if len(rows) != 104 || len(reg.Communes) != 104 {
		t.Fatalf("%d rows in the reference file and %d communes embedded, want 104", len(rows), len(reg.Communes))
	}
	for i, row := range rows {
		c := reg.Communes[i]
		got := []string{c.DistrictCode, c.District, c.Code, c.Name, c.Type}
		if !slices.Equal(got, row) {
			t.Errorf("row %d: embedded %v, reference %v", i+2, got, row)
		}
	}
	if d := reg.Districts(); len(d) != 9 {
		t.Errorf("%d districts, want 9: %v", len(d), d)
	}
	total := 0
	for _, d := range reg.Districts() {
		total += len(reg.InDistrict(d))
	}
	if total != 104 {
		t.Errorf("the districts hold %d communes together, want 104", total)
	}

	t.Run("ParseRegistryCSV reads the reference file to the same communes", func(t *testing.T) {
		f, err := os.Open("testdata/tra-vinh-communes-2025.csv")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		got, err := ParseRegistryCSV("tra-vinh-communes-2025.csv", f)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Communes, reg.Communes) {
			t.Error("the parsed reference file differs from the embedded registry")
		}
	})
	t.Run("the aliases are those of aliases.csv", func(t *testing.T) {
		rows := readCSV(t, "testdata/aliases.csv")
		var got [][]string
		for _, a := range reg.Aliases {
			got = append(got, []string{a.Code, a.Alias, a.Note})
			if _, ok := reg.ByCode(a.Code); !ok {
				t.Errorf("alias %q names code %s, which is not in the registry", a.Alias, a.Code)
			}
		}
		if !reflect.DeepEqual(got, rows) {
			t.Errorf("aliases\n%v\nwant\n%v", got, rows)
		}
	})
	t.Run("the former units are those of former-units.csv", func(t *testing.T) {
		rows := readCSV(t, "testdata/former-units.csv")
		var got [][]string
		for _, f := range reg.Former {
			got = append(got, []string{f.Code, f.District, f.Name, f.Type, f.MergedInto, f.Effective.String()})
			if _, ok := reg.ByCode(f.Code); ok {
				t.Errorf("former unit %s is still in the registry", f.Code)
			}
		}
		if !reflect.DeepEqual(got, rows) {
			t.Errorf("former units\n%v\nwant\n%v", got, rows)
		}
	})
	t.Run("names that repeat are told apart by district or type", func(t *testing.T) {
		seen := map[string]string{}
		for _, c := range reg.Communes {
			key := c.District + "|" + c.FullName()
			if prev, dup := seen[key]; dup {
				t.Errorf("%s and %s are both %q in %s", prev, c.Code, c.FullName(), c.District)
			}
			seen[key] = c.Code
		}
	})
}

func TestFullName(t *testing.T) {
	cases := []struct {
		c    Commune
		want string
	}{
		{Commune{Name: "Định An", Type: "xã"}, "Xã Định An"},
		{Commune{Name: "Định An", Type: "thị trấn"}, "Thị trấn Định An"},
		{Commune{Name: "Phường 4", Type: "phường"}, "Phường 4"},
		{Commune{Name: "Long Đức", Type: "xã"}, "Xã Long Đức"},
		{Commune{Name: "Phường", Type: "phường"}, "Phường Phường"},
		{Commune{Name: "Long Đức"}, "Long Đức"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s %s is written %s", c.c.Type, c.c.Name, c.want), func(t *testing.T) {
			if got := c.c.FullName(); got != c.want {
				t.Errorf("FullName() = %q, want %q", got, c.want)
			}
		})
	}
}

func TestTargetCount(t *testing.T) {
	share := Default().Target
	cases := []struct{ n, want int }{{104, 21}, {100, 20}, {101, 21}, {5, 1}, {4, 1}, {1, 1}, {0, 0}, {105, 21}, {106, 22}}
	for _, c := range cases {
		t.Run(fmt.Sprintf("20 percent of %d communes is %d", c.n, c.want), func(t *testing.T) {
			if got := share.Count(c.n); got != c.want {
				t.Errorf("Count(%d) = %d, want %d", c.n, got, c.want)
			}
		})
	}
	t.Run("a third of 10 communes is 4", func(t *testing.T) {
		d, err := ParseDecimal("33.3333333%")
		if err != nil {
			t.Fatal(err)
		}
		if got := (Target{Share: d}).Count(10); got != 4 {
			t.Errorf("Count(10) = %d, want 4", got)
		}
	})
}

func TestParseDecimal(t *testing.T) {
	good := []struct {
		in       string
		num, den int64
		percent  bool
	}{
		{"0.5%", 1, 200, true},
		{"0.3%", 3, 1000, true},
		{"20%", 1, 5, true},
		{"100%", 1, 1, true},
		{"1999.99", 199999, 100, false},
		{"100", 100, 1, false},
		{"0", 0, 1, false},
		{"0.01", 1, 100, false},
		{" 60 ", 60, 1, false},
		{"1.50", 3, 2, false},
	}
	for _, c := range good {
		t.Run(fmt.Sprintf("%q is %d/%d", c.in, c.num, c.den), func(t *testing.T) {
			d, err := ParseDecimal(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if n, den := d.Rat(); n != c.num || den != c.den {
				t.Errorf("Rat() = %d/%d, want %d/%d", n, den, c.num, c.den)
			}
			if d.IsPercent() != c.percent {
				t.Errorf("IsPercent() = %v, want %v", d.IsPercent(), c.percent)
			}
			if d.String() != strings.TrimSpace(c.in) {
				t.Errorf("String() = %q, want it as written, %q", d.String(), strings.TrimSpace(c.in))
			}
		})
	}
	for _, in := range []string{"", " ", "%", "-1", "-0.5%", "+5", "1e3", "abc", "1.2.3", "1,5", "0.5 %%", "1.0000000001", "99999999999999999999"} {
		t.Run(fmt.Sprintf("%q is refused", in), func(t *testing.T) {
			if d, err := ParseDecimal(in); err == nil {
				t.Errorf("ParseDecimal(%q) = %v, want an error", in, d)
			}
		})
	}
}

func TestParseExpr(t *testing.T) {
	good := []struct {
		in            string
		fields, minus []string
		konst         int64
	}{
		{in: "resident_users - resident_users_excluded", fields: []string{"resident_users"}, minus: []string{"resident_users_excluded"}},
		{in: "a + b − c", fields: []string{"a", "b"}, minus: []string{"c"}},
		{"0", nil, nil, 0},
		{"1", nil, nil, 1},
		{"addicts_total", []string{"addicts_total"}, nil, 0},
		{"users + post_rehab", []string{"users", "post_rehab"}, nil, 0},
		{"users+post_rehab+2", []string{"users", "post_rehab"}, nil, 2},
		{" 1 + 2 ", nil, nil, 3},
	}
	for _, c := range good {
		t.Run(fmt.Sprintf("%q is a sum of %v and %d", c.in, c.fields, c.konst), func(t *testing.T) {
			e, err := ParseExpr(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(e.Fields, c.fields) || !slices.Equal(e.Minus, c.minus) || e.Const != c.konst {
				t.Errorf("fields %v minus %v const %d, want %v, %v and %d", e.Fields, e.Minus, e.Const, c.fields, c.minus, c.konst)
			}
			if e.String() != strings.TrimSpace(c.in) {
				t.Errorf("String() = %q, want %q", e.String(), strings.TrimSpace(c.in))
			}
		})
	}
	for _, in := range []string{"", "  ", "users +", "+ users", "- users", "-1", "Users", "users * 2", "1.5", "users ++ x"} {
		t.Run(fmt.Sprintf("%q is refused", in), func(t *testing.T) {
			if e, err := ParseExpr(in); err == nil {
				t.Errorf("ParseExpr(%q) = %+v, want an error", in, e)
			}
		})
	}
}

// TestWalkThePlan checks the embedded plan independently of validate: unique IDs, no empty
// labels, and bands that cover every value from the lowest band up exactly once.
func TestWalkThePlan(t *testing.T) {
	p := Default()
	unique := func(what string, keys []string) {
		t.Helper()
		seen := map[string]bool{}
		for _, k := range keys {
			if k == "" {
				t.Errorf("%s: an empty key", what)
			}
			if seen[k] {
				t.Errorf("%s: %q twice", what, k)
			}
			seen[k] = true
		}
	}
	nonEmpty := func(what string, texts ...string) {
		t.Helper()
		for _, s := range texts {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: an empty label or help text", what)
				return
			}
		}
	}
	var keys []string
	for _, c := range p.Categories {
		keys = append(keys, c.Key)
		nonEmpty("category "+c.Key, c.Vi, c.En)
	}
	unique("categories", keys)
	keys = nil
	for _, f := range p.Fields {
		keys = append(keys, f.Key)
		nonEmpty("field "+f.Key, f.Vi, f.En, f.HelpVi, f.HelpEn)
	}
	unique("fields", keys)
	keys = nil
	for _, in := range p.Classification.Indicators {
		keys = append(keys, in.Field)
		nonEmpty("indicator "+in.Field, in.Vi, in.En)
	}
	unique("indicators", keys)
	nonEmpty("route", p.Classification.Route.Vi, p.Classification.Route.En)
	keys = nil
	for _, c := range p.Checklist.Criteria {
		keys = append(keys, fmt.Sprint(c.ID))
		nonEmpty(fmt.Sprintf("criterion %d", c.ID), c.Vi, c.En, c.Plan)
		for _, cond := range c.Conditions {
			nonEmpty(fmt.Sprintf("criterion %d condition on %s", c.ID, cond.Left), cond.Vi, cond.En)
		}
	}
	unique("checklist criteria", keys)
	if len(p.Checklist.Criteria) != 8 {
		t.Errorf("%d checklist criteria, want 8", len(p.Checklist.Criteria))
	}
	keys = nil
	for _, d := range p.Calendar {
		keys = append(keys, d.Kind)
		nonEmpty("calendar "+d.Kind, d.Vi, d.En, d.Plan)
	}
	unique("calendar", keys)
	keys = nil
	for _, s := range p.Statuses {
		keys = append(keys, s.Key)
		nonEmpty("status "+s.Key, s.Vi, s.En)
	}
	unique("statuses", keys)
	keys = nil
	for _, c := range p.Cover {
		keys = append(keys, c.Key)
		nonEmpty("cover "+c.Key, c.Vi, c.En)
	}
	unique("cover", keys)
	keys = nil
	for _, c := range p.Registry.Communes {
		keys = append(keys, c.Code)
		nonEmpty("commune "+c.Code, c.Name, c.District, c.Type)
	}
	for _, f := range p.Registry.Former {
		keys = append(keys, f.Code)
	}
	unique("commune codes, current and former", keys)
	nonEmpty("target", p.Target.Vi, p.Target.En, p.Target.Plan)

	for _, in := range p.Classification.Indicators {
		t.Run("the bands of "+in.Field+" neither overlap nor leave a gap", func(t *testing.T) {
			bands := slices.Clone(in.Bands)
			sort.Slice(bands, func(a, b int) bool { return bands[a].Level < bands[b].Level })
			if len(bands) != 3 {
				t.Fatalf("%d bands, want one per type", len(bands))
			}
			if bands[0].Below != nil {
				t.Errorf("the top band has an upper bound %s", bands[0].Below)
			}
			for i := 1; i < len(bands); i++ {
				hi, lo := bands[i-1], bands[i]
				if hi.Min == nil || lo.Below == nil || !equal(*hi.Min, *lo.Below) {
					t.Errorf("level %d must end (below) where level %d starts (min)", lo.Level, hi.Level)
				}
			}
			// Every value from the bottom band up, in steps of 1/100 (of a percent for a ratio),
			// falls in exactly one band.
			bottom := lower(bands[len(bands)-1])
			scale := int64(100)
			if in.Per != "" {
				scale = 10000
			}
			for k := bottom.Num*scale/bottom.Den + 1; k <= 400000; k++ {
				v := Decimal{Num: k, Den: scale}
				n := 0
				for _, b := range bands {
					if inBand(b, v) {
						n++
					}
				}
				if n != 1 {
					t.Fatalf("%s falls in %d bands", v, n)
				}
			}
		})
	}
}

func inBand(b Band, v Decimal) bool {
	if b.Min != nil && less(v, *b.Min) {
		return false
	}
	if b.Above != nil && !less(*b.Above, v) {
		return false
	}
	if b.Below != nil && !less(v, *b.Below) {
		return false
	}
	return true
}

// TestMistakesInAPlanFile edits the embedded plan to make one mistake at a time and
// expects the plan refused with FILE:LINE at the line of the mistake.
// planMistake is one mistake made in a plan file: old replaced by new, refused at the line
// holding at (new when at is "") with msg in the message.
type planMistake struct {
	name     string
	old, new string
	at       string // text on the line the error must name; "" for the line of new
	msg      string // expected in the message
}

// lineAt returns the line of s that holds text.
func lineAt(t *testing.T, s, text string) int {
	t.Helper()
	i := strings.Index(s, text)
	if i < 0 {
		t.Fatalf("%q is not in the plan", text)
	}
	return strings.Count(s[:i], "\n") + 1
}

// refusedAtLine makes each mistake in the plan file base, read as file, and expects it
// refused with every line of the error starting "file:LINE: ", the mistake's line and its
// message among them.
func refusedAtLine(t *testing.T, file, base string, cases []planMistake) {
	fileLine := regexp.MustCompile(`^` + regexp.QuoteMeta(file) + `:(\d+): `)
	for _, c := range cases {
		t.Run(c.name+" is refused at its line", func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("%q is not in the plan", c.old)
			}
			text := strings.Replace(base, c.old, c.new, 1)
			at := c.at
			if at == "" {
				at = c.new
			}
			line := lineAt(t, text, at)
			_, err := Parse(file, []byte(text))
			if err == nil {
				t.Fatal("the plan was accepted")
			}
			msg := err.Error()
			for _, l := range strings.Split(msg, "\n") {
				if !fileLine.MatchString(l) {
					t.Errorf("%q does not start with %s:LINE:", l, file)
				}
			}
			want := fmt.Sprintf("%s:%d: ", file, line)
			if !strings.Contains(msg, want) || !strings.Contains(msg, c.msg) {
				t.Errorf("error\n%s\nwant %q and %q", msg, want, c.msg)
			}
		})
	}
}

func TestMistakesInAPlanFile(t *testing.T) {
	base := string(DefaultYAML())
	lineOfText := func(s, text string) int { return lineAt(t, s, text) }
	cases := []planMistake{
		{"an unknown key", "year: 2025\n", "year: 2025\nyears: 2026\n", "years: 2026", "years"},
		{"an unknown key inside an indicator", "    - field: hotspots\n", "    - field: hotspots\n      weight: 2\n", "weight: 2", "weight"},
		{"a band overlapping the next (Type II from 50)", "{level: 2, min: 60, below: 100}", "{level: 2, min: 50, below: 100}", "{level: 3, min: 20, below: 60}", "overlap"},
		{"a gap between bands (Type III below 50)", "{level: 3, min: 20, below: 60}", "{level: 3, min: 20, below: 50}", "", "gap"},
		{"a gap left by a strict bound (Type II above 1000 m²)", "{level: 2, min: 1000, below: 2000}", "{level: 2, above: 1000, below: 2000}", "{level: 3, above: 0, below: 1000}", "gap"},
		{"an open band below the top", "{level: 3, min: 1, below: 3}", "{level: 3, min: 1}", "", "upper bound"},
		{"the top band closed", "{level: 1, min: 5}", "{level: 1, min: 5, below: 100}", "", "no upper bound"},
		{"a band whose lower bound is not below its upper bound", "{level: 3, min: 1, below: 500}", "{level: 3, min: 600, below: 500}", "", "not below"},
		{"two lower bounds on a band", "{level: 3, above: 0, below: 1000}", "{level: 3, min: 0, above: 0, below: 1000}", "", "exactly one lower bound"},
		{"a band of a level no category has", "{level: 3, min: 20, below: 60}", "{level: 4, min: 20, below: 60}", "", "level 4"},
		{"a bad threshold", `{level: 1, min: "0.5%"}`, `{level: 1, min: "0,5%"}`, "", `"0,5%"`},
		{"an indicator on an unknown field", "    - field: hotspots\n", "    - field: hotspot\n", "- field: hotspot", `"hotspot" is not a field`},
		{"an indicator on a text field", "    - field: hotspots\n", "    - field: commune\n", "- field: commune", "not a number"},
		{"a criterion on an unknown field", "{left: groups,", "{left: gangs,", "", `"gangs" is not a field`},
		{"a criterion summing an unknown field", "right: users + post_rehab,", "right: users + post_rehabs,", "", `"post_rehabs" is not a field`},
		{"a criterion with a bad expression", "right: users + post_rehab,", "right: users * post_rehab,", "", "neither a field key nor a whole number"},
		{"a difference on the right of a condition", "right: users + post_rehab,", "right: users - post_rehab,", "", "write a difference on the left"},
		{"a criterion with an unknown operator", `{left: models, op: ">="`, `{left: models, op: "=>"`, "", `"=>"`},
		{"a duplicate criterion id", "    - id: 8\n", "    - id: 7\n", "- id: 7\n      vi: Ít nhất", "unique"},
		{"an empty category label", "{key: type-2, level: 2, vi: Loại II, en: Type II}", `{key: type-2, level: 2, vi: "", en: Type II}`, "", "labels are required"},
		{"a duplicate category", "{key: type-3, level: 3,", "{key: type-2, level: 3,", "", "defined twice"},
		{"a route step going down", "{from: 3, to: 2}", "{from: 2, to: 3}", "", "route step"},
		{"a bad due date", "due: 2025-04-30", "due: 2025-04-31", "", "2025-04-31"},
		{"a due date written the Vietnamese way", "due: 2025-02-26", "due: 26/02/2025", "", "26/02/2025"},
		{"a bad date of issue", "issued: 2025-02-17", "issued: 17-02-2025", "", "17-02-2025"},
		{"a duplicate kind of return", "  - kind: phase3\n", "  - kind: phase2\n", "- kind: phase2\n    vi: Giai đoạn 3", "listed twice"},
		{"a target of 0 %", `share: "20%"`, `share: "0%"`, "", "above 0%"},
		{"a duplicate commune code", `code: "29239", name: Phường 1`, `code: "29236", name: Phường 1`, "", "29236 is listed twice"},
		{"a commune without a name", `code: "29263", name: Long Đức`, `code: "29263", name: ""`, "", "code, name and district"},
		{"an alias of an unknown code", `{code: "29431", alias: Vĩnh Kim`, `{code: "99999", alias: Vĩnh Kim`, "", "99999"},
		{"a former unit merged into an unknown code", `merged_into: "29242", effective: 2025-01-01}` + "\n", `merged_into: "99999", effective: 2025-01-01}` + "\n", `merged_into: "99999"`, "99999"},
		{"a field of an unknown kind", "{key: models, kind: count,", "{key: models, kind: number,", "", `kind "number"`},
		{"a field defined twice", "{key: users_baseline, kind: count,", "{key: addicts_baseline, kind: count,", "{key: addicts_baseline, kind: count, vi: Người sử dụng", "defined twice"},
		{"an issuer without its body", "  body: {vi: CÔNG AN TỈNH TRÀ VINH, en: TRÀ VINH PROVINCIAL POLICE}\n", "  body: {en: TRÀ VINH PROVINCIAL POLICE}\n", "", "body (vi) is required"},
		{"an issuer without a place", "  place: Trà Vinh\n", "", "body: {vi: CÔNG AN TỈNH TRÀ VINH", "place is required"},
		{"a signer without a title", "    - {title: {vi: TRƯỞNG PHÒNG, en: HEAD OF DIVISION}}", "    - {name: Nguyễn Văn A}", "- {name: Nguyễn Văn A}", "needs a title"},
		{"an unknown key of the issuer", "  symbol: BC-PC04\n", "  symbol: BC-PC04\n  seal: yes\n", "seal: yes", "seal"},
		{"the checklist applying to an unknown status", "applies_to: [transformation, maintained]", "applies_to: [transformation, maintaned]", "", `"maintaned"`},
		{"a header group naming an unknown field", "{field: addicts_total, headers: [tổng số,", "{field: addict_total, headers: [tổng số,", "", `"addict_total" is not a field`},
		{"a sub-header naming two fields of a group", "{field: addicts_managed, headers: [có hồ sơ quản lý,", "{field: addicts_managed, headers: [tổng số, có hồ sơ quản lý,", "", "names both"},
		{"a header group without columns", "    - names: [hộ gia đình, số hộ gia đình]\n", "    - names: [hộ gia đình, số hộ gia đình]\n      columns: []\n    - names: [x]\n", "- names: [hộ gia đình", "needs names and columns"},
		{"a layout word without a letter", "  totals: [tổng cộng,", `  totals: ["--", tổng cộng,`, "", "has no letter"},
		{"a crosswalk from an unknown code", `{old: "29236", new: "29263"}`, `{old: "99998", new: "29263"}`, "", "99998 is not a code of the plan's registry"},
		{"a crosswalk into an unknown code", `{old: "29236", new: "29263"}`, `{old: "29236", new: "99997"}`, "", "99997 is not a code of the reform's registry"},
		{"a unit going into two", `{old: "29236", new: "29263"}`, `{old: "29239", new: "29263"}`, "", "29239 is listed twice"},
		{"a commune of the plan left out of the crosswalk", "    - {old: \"29236\", new: \"29263\"}  # Phường 4 (Thành phố Trà Vinh) → phường Long Đức\n", "", `{old: "29239", new: "29242"}`, "Phường 4 (29236) of the plan's registry is not in the crosswalk"},
		{"a district in a registry without districts", `{code: "29254", name: Nguyệt Hoá, type: phường,`, `{district: Thành phố Trà Vinh, code: "29254", name: Nguyệt Hoá, type: phường,`, "", "a registry without districts gives none to any"},
		{"a reform in force before the plan's registry", "    effective: 2025-07-01\n", "    effective: 2024-12-01\n", "", "not after the plan's registry"},
		{"a sender owing an unknown kind", "kinds: [review, plan, phase1, phase2, phase3]", "kinds: [review, plan, phase1, phase2, phase4]", "", `"phase4" is not a kind`},
		{"a body listed twice", "  - name: Sở Y tế\n", "  - name: Sở Tài chính\n", "- name: Sở Tài chính\n    en: Department of Finance", "listed twice"},
		{"a sender neither units nor a name", "  - units: registry\n", "  - units: communes\n", "", "either units: registry or a name"},
	}
	refusedAtLine(t, "plan.yaml", base, cases)
	t.Run("two mistakes are both reported, each with its line", func(t *testing.T) {
		text := strings.Replace(base, "year: 2025\n", "year: 2025\nyears: 2026\nprovinces: []\n", 1)
		_, err := Parse("plan.yaml", []byte(text))
		if err == nil {
			t.Fatal("the plan was accepted")
		}
		for _, key := range []string{"years", "provinces"} {
			want := fmt.Sprintf("plan.yaml:%d: ", lineOfText(text, key+":"))
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error\n%s\nwant %q for %s", err, want, key)
			}
		}
	})
	t.Run("an empty file is refused", func(t *testing.T) {
		if _, err := Parse("empty.yaml", []byte("# nothing\n")); err == nil || !strings.HasPrefix(err.Error(), "empty.yaml: ") {
			t.Errorf("error %v, want one naming empty.yaml", err)
		}
	})
	t.Run("a file that is not YAML is refused with its line", func(t *testing.T) {
		_, err := Parse("bad.yaml", []byte("name: x\n  title: [\n"))
		if err == nil || !regexp.MustCompile(`^bad\.yaml:\d+: `).MatchString(err.Error()) {
			t.Errorf("error %v, want bad.yaml:LINE: …", err)
		}
	})
}

// A plan file without a layout section (one exported before it existed) reads returns
// with the embedded plan's layout words; one with its own keeps them.
func TestLayoutOfAPlanFile(t *testing.T) {
	base := string(DefaultYAML())
	start, end := strings.Index(base, "\nlayout:\n"), strings.Index(base, "\nregistry:\n")
	if start < 0 || end < start {
		t.Fatal("no layout section before the registry in the embedded plan")
	}
	p, err := Parse("old.yaml", []byte(base[:start+1]+base[end+1:]))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Layout, Default().Layout) || len(p.Layout.Totals) == 0 || len(p.Layout.HeaderGroups) == 0 {
		t.Errorf("a plan without layout has %+v, want the embedded plan's", p.Layout)
	}
	mine := strings.Replace(base, "  totals: [", "  totals: [toàn quận, ", 1)
	q, err := Parse("mine.yaml", []byte(mine))
	if err != nil {
		t.Fatal(err)
	}
	if q.Layout.Totals[0] != "toàn quận" {
		t.Errorf("totals %v, want the file's own first", q.Layout.Totals)
	}
}

func TestParseRegistryCSV(t *testing.T) {
	const head = "district_code,district,commune_code,commune,type\n"
	t.Run("a good file, with a byte-order mark and columns in another order", func(t *testing.T) {
		in := "\ufefftype,commune,commune_code,district,district_code\nxã,Long Đức,29263,Thành phố Trà Vinh,842\nphường,Phường 1, 29239 ,Thành phố Trà Vinh,842\n"
		reg, err := ParseRegistryCSV("mine.csv", strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		want := []Commune{
			{DistrictCode: "842", District: "Thành phố Trà Vinh", Code: "29263", Name: "Long Đức", Type: "xã"},
			{DistrictCode: "842", District: "Thành phố Trà Vinh", Code: "29239", Name: "Phường 1", Type: "phường"},
		}
		if !reflect.DeepEqual(reg.Communes, want) {
			t.Errorf("communes %+v, want %+v", reg.Communes, want)
		}
		if len(reg.Aliases) != 0 || len(reg.Former) != 0 {
			t.Error("a registry CSV brings no aliases or former units")
		}
	})
	bad := []struct {
		name, in, want string
	}{
		{"a missing column", "district_code,district,commune_code,commune\n842,X,1,Y\n", `mine.csv: line 1: missing column "type"`},
		{"a duplicate code", head + "842,X,1,A,xã\n842,X,2,B,xã\n842,X,1,C,xã\n", "mine.csv: line 4: commune code 1 already on line 2"},
		{"an empty name", head + "842,X,1,A,xã\n842,X,2,,xã\n", "mine.csv: line 3: district, commune_code and commune must not be empty"},
		{"an empty code", head + "842,X,,A,xã\n", "mine.csv: line 2:"},
		{"a short row", head + "842,X,1\n", "mine.csv: line 2:"},
		{"no communes", head, "mine.csv: no communes"},
		{"an empty file", "", "mine.csv: line 1:"},
	}
	for _, c := range bad {
		t.Run(c.name+" is refused", func(t *testing.T) {
			_, err := ParseRegistryCSV("mine.csv", strings.NewReader(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

func TestSetRegistryKeepsWhatStillApplies(t *testing.T) {
	p := Default()
	// Keep the communes of Huyện Cầu Ngang (with Vinh Kim, 29431) and Thành phố Trà Vinh
	// without Phường 3 (29242), into which the former units were merged.
	var reg Registry
	for _, c := range p.Registry.Communes {
		if c.District == "Huyện Cầu Ngang" || c.District == "Thành phố Trà Vinh" && c.Code != "29242" {
			reg.Communes = append(reg.Communes, c)
		}
	}
	p.SetRegistry(reg, "mine.csv")
	if p.RegistrySource != "mine.csv" || len(p.Registry.Communes) != len(reg.Communes) {
		t.Fatalf("registry from %q with %d communes, want mine.csv with %d", p.RegistrySource, len(p.Registry.Communes), len(reg.Communes))
	}
	var aliases []string
	for _, a := range p.Registry.Aliases {
		aliases = append(aliases, a.Code+" "+a.Alias)
	}
	if want := []string{"29431 Vĩnh Kim"}; !slices.Equal(aliases, want) {
		t.Errorf("aliases %v, want %v: only those of codes that remain", aliases, want)
	}
	if len(p.Registry.Former) != 0 {
		t.Errorf("former units %+v, want none: Phường 3 is gone", p.Registry.Former)
	}

	t.Run("the former units stay when the unit they were merged into remains", func(t *testing.T) {
		p := Default()
		p.SetRegistry(Registry{Communes: p.Registry.InDistrict("Thành phố Trà Vinh")}, "tp.csv")
		if len(p.Registry.Former) != 2 || len(p.Registry.Aliases) != 0 {
			t.Errorf("former %d, aliases %d; want 2 and 0", len(p.Registry.Former), len(p.Registry.Aliases))
		}
	})
	t.Run("a former unit whose code is listed again is no longer former", func(t *testing.T) {
		p := Default()
		communes := append(slices.Clone(p.Registry.Communes), Commune{DistrictCode: "842", District: "Thành phố Trà Vinh", Code: "29245", Name: "Phường 2", Type: "phường"})
		p.SetRegistry(Registry{Communes: communes}, "restored.csv")
		for _, f := range p.Registry.Former {
			if f.Code == "29245" {
				t.Error("29245 is both a commune and a former unit")
			}
		}
		if len(p.Registry.Former) != 1 || len(p.Registry.Aliases) != 3 {
			t.Errorf("former %d, aliases %d; want 1 and 3", len(p.Registry.Former), len(p.Registry.Aliases))
		}
	})
	t.Run("the default plan is untouched", func(t *testing.T) {
		if d := Default(); len(d.Registry.Communes) != 104 || d.RegistrySource != "" {
			t.Error("SetRegistry on one plan changed the default")
		}
	})
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v      float64
		vi, en string
	}{
		{0, "0", "0"},
		{7, "7", "7"},
		{1234, "1.234", "1,234"},
		{1234567, "1.234.567", "1,234,567"},
		{999, "999", "999"},
		{0.5, "0,5", "0.5"},
		{1999.99, "1.999,99", "1,999.99"},
		{1000.1, "1.000,1", "1,000.1"},
		{0.01, "0,01", "0.01"},
		{2.999, "3", "3"},
		{-1234.5, "-1.234,5", "-1,234.5"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%v is %s in Vietnamese and %s in English", c.v, c.vi, c.en), func(t *testing.T) {
			if got := FormatNumber(c.v, i18n.Vi); got != c.vi {
				t.Errorf("vi: %q, want %q", got, c.vi)
			}
			if got := FormatNumber(c.v, i18n.En); got != c.en {
				t.Errorf("en: %q, want %q", got, c.en)
			}
		})
	}
	t.Run("thresholds are written as the reader expects", func(t *testing.T) {
		for in, want := range map[string][2]string{"0.5%": {"0,5%", "0.5%"}, "2000": {"2.000", "2,000"}, "20%": {"20%", "20%"}} {
			d, err := ParseDecimal(in)
			if err != nil {
				t.Fatal(err)
			}
			if vi, en := FormatDecimal(d, i18n.Vi), FormatDecimal(d, i18n.En); vi != want[0] || en != want[1] {
				t.Errorf("%s: %q and %q, want %q and %q", in, vi, en, want[0], want[1])
			}
		}
	})
}

func TestFormatRatioCutsSoTheFigureNeverPassesAThresholdItMisses(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		vi, en   string
	}{
		{3, 1001, "0,29%", "0.29%"}, // 0.2997 %: below 0.3 %, so it must not read 0,30 %
		{3, 1000, "0,30%", "0.30%"},
		{5, 1000, "0,50%", "0.50%"},
		{1, 3, "33,33%", "33.33%"},
		{0, 10, "0,00%", "0.00%"},
		{1, 0, "?", "?"},
		// Above 0 but below 0.01 %: never 0,00 % against a criterion "> 0", more decimals
		// up to the first that is not 0, still cut.
		{1, 16584, "0,006%", "0.006%"}, // 0.00603 %
		{1, 10001, "0,009%", "0.009%"}, // 0.009999 %: not 0,01 %
		{1, 10000, "0,01%", "0.01%"},
		{99, 1000000, "0,009%", "0.009%"},
		{1, 1000000000000, "0,0000000001%", "0.0000000001%"},
		{1000000000000, 1000000000000, "100,00%", "100.00%"},
	} {
		if got := FormatRatio(c.num, c.den, i18n.Vi); got != c.vi {
			t.Errorf("FormatRatio(%d, %d, vi) = %q, want %q", c.num, c.den, got, c.vi)
		}
		if got := FormatRatio(c.num, c.den, i18n.En); got != c.en {
			t.Errorf("FormatRatio(%d, %d, en) = %q, want %q", c.num, c.den, got, c.en)
		}
	}
}

// A plan number is written in JSON exactly, as a number, and a percentage as the plan
// writes it; both read back.
func TestDecimalJSON(t *testing.T) {
	for in, want := range map[string]string{"20": "20", "1999.99": "1999.99", "0": "0", "0.000000001": "0.000000001",
		"123456789012.5": "123456789012.5", "0.5%": `"0.5%"`, "0.1%": `"0.1%"`} {
		d, err := ParseDecimal(in)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(d)
		if err != nil || string(b) != want {
			t.Errorf("%s: %s, %v; want %s", in, b, err, want)
		}
		var back Decimal
		if err := json.Unmarshal(b, &back); err != nil || back.Num != d.Num || back.Den != d.Den || back.IsPercent() != d.IsPercent() {
			t.Errorf("%s read back as %+v, %v", in, back, err)
		}
	}
}

func TestIssuer(t *testing.T) {
	t.Run("the embedded plan is issued by the provincial police's drug division", func(t *testing.T) {
		is := Default().Issuer
		if is.Body.Vi != "CÔNG AN TỈNH TRÀ VINH" || is.Office.Vi != "PHÒNG CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY" || is.Place != "Trà Vinh" || is.Symbol != "BC-PC04" {
			t.Errorf("issuer %+v", is)
		}
		if len(is.Signers) != 2 || is.Signers[0].Title.Vi != "NGƯỜI LẬP BIỂU" || is.Signers[1].Title.In(i18n.En) != "HEAD OF DIVISION" {
			t.Errorf("signers %+v", is.Signers)
		}
		if n := len(is.Recipients); n == 0 || !strings.HasPrefix(is.Recipients[n-1].Vi, "Lưu:") {
			t.Errorf("recipients %+v: the last one files the copy (Lưu)", is.Recipients)
		}
	})
	t.Run("a plan file without the section is issued by its province's police", func(t *testing.T) {
		base := string(DefaultYAML())
		start, end := strings.Index(base, "\nissuer:\n"), strings.Index(base, "\n# The province's communes")
		if start < 0 || end < start {
			t.Fatal("no issuer section in the embedded plan")
		}
		text := strings.Replace(base[:start+1]+base[end+1:], "province: Trà Vinh", "province: Bến Tre", 1)
		p, err := Parse("ben-tre.yaml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		is := p.Issuer
		if is.Body.Vi != "CÔNG AN TỈNH BẾN TRE" || is.Body.In(i18n.En) != "BẾN TRE PROVINCIAL POLICE" || is.Place != "Bến Tre" || is.Office.Vi != "" {
			t.Errorf("issuer %+v", is)
		}
		if len(is.Signers) != 2 || is.Signers[0].Title.Vi != "NGƯỜI LẬP BIỂU" {
			t.Errorf("signers %+v", is.Signers)
		}
	})
	t.Run("an edited issuer is read and written back", func(t *testing.T) {
		text := strings.Replace(string(DefaultYAML()), "    - {title: {vi: TRƯỞNG PHÒNG, en: HEAD OF DIVISION}}", "    - {title: {vi: \"KT. TRƯỞNG PHÒNG\\nPHÓ TRƯỞNG PHÒNG\"}, name: Trần Văn B}", 1)
		p, err := Parse("edited.yaml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		s := p.Issuer.Signers[1]
		if s.Title.Vi != "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG" || s.Title.In(i18n.En) != s.Title.Vi || s.Name != "Trần Văn B" {
			t.Errorf("signer %+v", s)
		}
		b, err := p.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		q, err := Parse("exported.yaml", b)
		if err != nil {
			t.Fatal(err)
		}
		if q.Issuer.Signers[1] != s || q.Issuer.Body != p.Issuer.Body {
			t.Errorf("written back as %+v", q.Issuer)
		}
	})
}
