package criteria

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"drugfree/i18n"
)

func qd28YAML(t *testing.T) string {
	t.Helper()
	b, ok := BuiltinNamed("qd28")
	if !ok {
		t.Fatal("no built-in plan qd28")
	}
	return string(b.YAML())
}

// Every built-in plan parses, with its communes; the default is Plan 16.
func TestBuiltins(t *testing.T) {
	if Builtins[0].Name != DefaultName || string(Builtins[0].YAML()) != string(DefaultYAML()) {
		t.Error("the first built-in plan is not the default")
	}
	for _, b := range Builtins {
		p := b.Plan()
		if len(p.Registry.Communes) == 0 {
			t.Errorf("%s: no communes", b.Name)
		}
	}
	if _, ok := BuiltinNamed(" QD28 "); !ok {
		t.Error("a built-in plan's name is matched without case or spaces")
	}
	if _, ok := BuiltinNamed("qd28.yaml"); ok {
		t.Error("a file name is not a built-in plan")
	}
}

// QĐ 28's registry: the national list of 3,321 units in 34 provinces, of which Vĩnh Long's
// 124 are read by default, and any province on request.
func TestQD28Registry(t *testing.T) {
	b, _ := BuiltinNamed("qd28")
	p := b.Plan()
	if n := len(p.Registry.Communes); n != 124 || p.Province != "Vĩnh Long" {
		t.Fatalf("%d communes of %s, want Vĩnh Long's 124", n, p.Province)
	}
	provinces := p.Registry.Provinces()
	if len(provinces) != 34 {
		t.Errorf("%d provinces, want 34", len(provinces))
	}
	total := 0
	for _, name := range provinces {
		q := b.Plan()
		if err := q.SelectProvince(name); err != nil {
			t.Fatal(err)
		}
		total += len(q.Registry.Communes)
		for _, c := range q.Registry.Communes {
			if c.Province != name {
				t.Fatalf("%s: %s is in %s", name, c.FullName(), c.Province)
			}
		}
	}
	if total != 3321 {
		t.Errorf("%d communes in all, want 3,321", total)
	}
	if err := p.SelectProvince("Tp Hồ Chí Minh"); err != nil || p.Province != "Hồ Chí Minh" || len(p.Registry.Communes) != 168 ||
		p.Issuer.Body.Vi != "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH" {
		t.Errorf("Hồ Chí Minh: %v, %s, %d communes, issuer %q", err, p.Province, len(p.Registry.Communes), p.Issuer.Body.Vi)
	}
	if err := p.SelectProvince("Atlantis"); err == nil || !strings.Contains(err.Error(), "Tỉnh Vĩnh Long") {
		t.Errorf("an unknown province: %v, want the list of provinces", err)
	}
	// The Vĩnh Long communes are the 124 of new-units.csv, spelt as the GSO list spells them.
	for _, c := range p.Registry.Communes {
		if c.Code == "29254" {
			t.Error("Hồ Chí Minh's registry holds a Vĩnh Long code")
		}
	}
}

// plan --export of QĐ 28 with another province, read back, gives the same plan: the
// national list is kept whole, the province chosen.
func TestQD28MarshalRoundTrip(t *testing.T) {
	b, _ := BuiltinNamed("qd28")
	p := b.Plan()
	if err := p.SelectProvince("Tỉnh An Giang"); err != nil {
		t.Fatal(err)
	}
	data, err := p.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	q, err := Parse("exported.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if q.Province != "An Giang" || len(q.Registry.Communes) != len(p.Registry.Communes) || len(q.Registry.Provinces()) != 34 {
		t.Errorf("read back: %s with %d communes of %d provinces", q.Province, len(q.Registry.Communes), len(q.Registry.Provinces()))
	}
	// Trà Vinh's former units go with the file, but are An Giang's communes' only in Vĩnh Long.
	if !strings.Contains(string(data), "name: Dân Thành") || len(q.Registry.FormerUnits()) != 0 {
		t.Errorf("former units: exported %v, An Giang's %d", strings.Contains(string(data), "name: Dân Thành"), len(q.Registry.FormerUnits()))
	}
	if v := b.Plan(); len(v.Registry.FormerUnits()) != 104 {
		t.Errorf("Vĩnh Long: %d former units, want Trà Vinh's 104", len(v.Registry.FormerUnits()))
	}
	if !slices.EqualFunc(p.Classification.Criteria, q.Classification.Criteria, func(a, b Test) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) ||
		!slices.EqualFunc(p.Classification.Types, q.Classification.Types, func(a, b TypeRule) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) ||
		!slices.Equal(p.Readings, q.Readings) || q.Checklist.Criteria[0].Conditions[0].Left.String() != "resident_users - resident_users_excluded" {
		t.Error("the criteria, types, readings or checklist changed on the way")
	}
	pf, _ := p.Field("addicts_users_managed")
	qf, _ := q.Field("addicts_users_managed")
	if len(qf.Parts) != 2 || fmt.Sprint(pf.Parts) != fmt.Sprint(qf.Parts) || fmt.Sprint(p.Layout.HeaderGroups) != fmt.Sprint(q.Layout.HeaderGroups) {
		t.Errorf("the parts or their group changed on the way: %v, want %v", qf.Parts, pf.Parts)
	}
}

// QĐ 28's addicts_users_managed may be given as two columns (SPEC §10); Plan 16 has no
// parts, so its columns are its fields.
func TestQD28Parts(t *testing.T) {
	b, _ := BuiltinNamed("qd28")
	p := b.Plan()
	f, _ := p.Field("addicts_users_managed")
	if keys := f.PartKeys(); !slices.Equal(keys, []string{"addicts_managed_part", "users_managed_part"}) {
		t.Fatalf("parts %v", keys)
	}
	cols := p.Columns()
	if len(cols) != len(p.Fields)+2 || cols[len(cols)-1].Key != "users_managed_part" || cols[len(cols)-1].Kind != KindCount {
		t.Errorf("columns end with %+v", cols[len(cols)-1])
	}
	if _, ok := p.Field("users_managed_part"); ok {
		t.Error("a part is not a field")
	}
	if got := p.FieldLabel("users_managed_part", 0); got != "Người sử dụng trái phép có hồ sơ quản lý" {
		t.Errorf("a part's label: %q", got)
	}
	rules := p.PartRules()
	if len(rules) != 1 || rules[0].Name != "addicts_users_managed-sum-of-parts" || rules[0].Left != "addicts_users_managed" || rules[0].Op != "=" ||
		rules[0].Right.String() != "addicts_managed_part + users_managed_part" {
		t.Errorf("part rules %+v", rules)
	}
	d := Default()
	if len(d.PartRules()) != 0 || len(d.Columns()) != len(d.Fields) {
		t.Error("Plan 16 has parts")
	}
}

// TestQD28Mistakes edits the built-in QĐ 28 plan to make one mistake at a time in the new
// constructs and expects it refused with FILE:LINE at the line of the mistake and what is
// wrong.
func TestQD28Mistakes(t *testing.T) {
	base := qd28YAML(t)
	cases := []planMistake{
		{"an unknown field in a ratio", "expr: addicts_users_managed / residents\n      op: \">=\"\n      value: \"0.5%\"", "expr: addicts_users_managed / population\n      op: \">=\"\n      value: \"0.5%\"", "", `"population" is not a field of the return`},
		{"two slashes", "expr: offenders_arrested / residents\n      op: \">=\"\n      value: \"0.1%\"", "expr: offenders_arrested / residents / 2\n      op: \">=\"\n      value: \"0.1%\"", "", "one / at most"},
		{"a bad operator", "expr: points\n      op: \">=\"\n      value: 2", "expr: points\n      op: \"=>\"\n      value: 2", `op: "=>"`, `op "=>" is not one of`},
		{"a percentage without a ratio", "expr: points\n      op: \">=\"\n      value: 2", "expr: points\n      op: \">=\"\n      value: \"2%\"", `value: "2%"`, "a percentage compares a ratio"},
		{"a comparison without a value", "expr: points\n      op: \">=\"\n      value: 2\n", "expr: points\n      op: \">=\"\n", "- id: b1", "needs expr, op and value"},
		{"a reference to no criterion", "{at_least: 2, of: [a2, b2, c2, d2]}", "{at_least: 2, of: [a2, b2, c2, e2]}", "", `"e2" is not a criterion of the plan`},
		{"at least more than there are", "{at_least: 2, of: [a3, b2, c3, d3]}", "{at_least: 5, of: [a3, b2, c3, d3]}", "", "at_least must be from 1 to the number of criteria in of (4)"},
		{"a type of k greater than n", "{level: 3, at_least: 1, of: [a3, c3, d3]", "{level: 3, at_least: 4, of: [a3, c3, d3]", "", "at_least must be from 1"},
		{"a type naming an unknown criterion", "{level: 3, at_least: 1, of: [a3, c3, d3]", "{level: 3, at_least: 1, of: [a3, c3, d4]", "", `"d4" is not a criterion`},
		{"a type of a level without category", "{level: 3, at_least: 1,", "{level: 4, at_least: 1,", "", "type level 4 is not the level of a category"},
		{"a criterion defined twice", "    - id: c3\n", "    - id: a3\n", "- id: a3\n      vi: b)", `criterion "a3" is defined twice`},
		{"a criterion that is two kinds at once", "      any:\n        - {expr: plants_destroyed, op: \">=\", value: 3000}", "      expr: points\n      any:\n        - {expr: plants_destroyed, op: \">=\", value: 3000}", "- id: d1", "give exactly one of expr/op/value, any, all, or at_least/of"},
		{"a criterion citing an unknown reading", "readings: [R2, R3]", "readings: [R2, R9]", "", `reading "R9" is not one of the plan's readings`},
		{"a reading listed twice", "  - id: R2\n", "  - id: R1\n", "- id: R1\n    vi: 'Một", `reading "R1" is listed twice`},
		{"a rest that is no category", "rest: not-key", "rest: not-a-key", "", `rest "not-a-key" is not a category`},
		{"a criterion referring to itself", "{at_least: 2, of: [a2, b2, c2, d2]}", "{at_least: 2, of: [a2, b2, c2, dd1]}", "- id: dd1", `refers to itself`},
		{"a difference on the right of a condition", `{left: resident_violators, op: "=", right: "0",`, `{left: resident_violators, op: "=", right: "fugitives - points",`, "", "write a difference on the left"},
		{"a difference in a sum that is not a field", `left: resident_users - resident_users_excluded,`, `left: resident_users - resident_users_excluded_x,`, "", `"resident_users_excluded_x" is not a field`},
		{"a period ending after its due day", "to: 2026-12-14", "to: 2026-12-24", "", "must end on or before its due date"},
		{"an unknown province", "province: Vĩnh Long\n", "province: Trà Vinh\n", "", `province "Trà Vinh" is not in the registry`},
		{"a commune without its province", `{code: "00070", name: Hoàn Kiếm, type: phường, province: Thành phố Hà Nội}`, `{code: "00070", name: Hoàn Kiếm, type: phường}`, "", "give every commune its province, or none"},
		{"a part keyed as a field", "- {key: users_managed_part, kind: count,", "- {key: points, kind: count,", "", `part key "points" is the key of a field`},
		{"a part keyed as another part", "- {key: users_managed_part, kind: count,", "- {key: addicts_managed_part, kind: count,", "- {key: addicts_managed_part, kind: count, vi: Người sử dụng", `part key "addicts_managed_part" is the key of another part`},
		{"a part of another kind", "- {key: users_managed_part, kind: count,", "- {key: users_managed_part, kind: area,", "", `part "users_managed_part" is area, but the field is count`},
		{"a part with a bad key", "- {key: users_managed_part, kind: count,", "- {key: Users managed, kind: count,", "", `part key "Users managed": lower-case letters`},
		{"a part without words", "vi: Người sử dụng trái phép có hồ sơ quản lý, en: Illegal users with records,", "en: Illegal users with records,", "", `part "users_managed_part": vi, en, help_vi and help_en are required`},
		{"parts on a text field", `help_en: "Commune name as in the registry"}`, `help_en: "Commune name as in the registry", parts: [{key: c1x, vi: a, en: a, help_vi: a, help_en: a}, {key: c2x, vi: b, en: b, help_vi: b, help_en: b}]}`, "", `field "commune": parts add up to a count or an area; the field is text`},
		{"one part only", `help_en: "Commune name as in the registry"}`, `help_en: "Commune name as in the registry"}` + "\n  - {key: total_x, kind: count, vi: x, en: x, help_vi: x, help_en: x, parts: [{key: only_x, vi: a, en: a, help_vi: a, help_en: a}]}", "- {key: total_x", `field "total_x": give at least 2 parts`},
		{"a group column naming no field nor part", "{field: users_managed_part, headers:", "{field: users_part, headers:", "", `"users_part" is not a field of the return, nor a part of one`},
		{"a rule reading a part", "{name: residents-positive, left: residents,", "{name: residents-positive, left: users_managed_part,", "", `"users_managed_part" is not a field of the return`},
		{"bands and types together", "  types:\n", "  indicators: [{field: points, vi: x, en: x, bands: [{level: 1, min: 1}]}]\n  types:\n", "- {level: 1, at_least: 3", "not both"},
	}
	refusedAtLine(t, "qd28.yaml", base, cases)
}

// Formulas: sums, differences and ratios, as written.
func TestParseFormula(t *testing.T) {
	f, err := ParseFormula("addicts_managed + users_managed / residents")
	if err != nil || !f.IsRatio() || f.NumText() != "addicts_managed + users_managed" || f.DenText() != "residents" ||
		len(f.Num.Terms) != 2 || f.Den.Terms[0].Field != "residents" {
		t.Errorf("%+v, %v", f, err)
	}
	if f, err := ParseFormula("a - b"); err != nil || f.IsRatio() || !f.Num.Terms[1].Minus {
		t.Errorf("a - b: %+v, %v", f, err)
	}
	for _, bad := range []string{"", "a /", "/ b", "a * b", "a / b / c", "a + + b", "A"} {
		if _, err := ParseFormula(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

// A plan names the sender of a return and its communes in its own words: Plan 16's
// districts; QĐ 28's communes, each its own reporting unit, named by the cover's label.
func TestSenderAndUnitWords(t *testing.T) {
	b, _ := BuiltinNamed("qd28")
	kh16, qd28 := Default(), b.Plan()
	for _, c := range []struct {
		p                      *Plan
		districts              bool
		vi, en, unitVi, unitEn string
	}{
		{kh16, true, "Huyện", "District", "xã, phường, thị trấn", "commune"},
		{qd28, false, "Đơn vị báo cáo", "Reporting unit", "xã, phường, đặc khu", "commune"},
	} {
		if got := c.p.HasDistricts(); got != c.districts {
			t.Errorf("%s: HasDistricts %v", c.p.Name, got)
		}
		if vi, en := c.p.Sender(i18n.Vi), c.p.Sender(i18n.En); vi != c.vi || en != c.en {
			t.Errorf("%s: Sender %q, %q; want %q, %q", c.p.Name, vi, en, c.vi, c.en)
		}
		if got := c.p.SenderName(i18n.Vi); got != i18n.LowerFirst(c.vi) {
			t.Errorf("%s: SenderName %q", c.p.Name, got)
		}
		if vi, en := c.p.Unit(i18n.Vi), c.p.Unit(i18n.En); vi != c.unitVi || en != c.unitEn {
			t.Errorf("%s: Unit %q, %q; want %q, %q", c.p.Name, vi, en, c.unitVi, c.unitEn)
		}
	}
}
