package header

import (
	"drugfree/criteria"
	"drugfree/internal/testkit"
	"drugfree/report/grid"
	"drugfree/report/naming"
	"testing"
)

func TestNormLabel(t *testing.T) {
	tests := map[string]string{
		"Xã, phường, thị trấn":    "xaphuongthitran",
		"XA PHUONG THI TRAN":      "xaphuongthitran",
		"  Xã - Phường/Thị trấn ": "xaphuongthitran",
		"Diện tích (m²)":          "dientichm2",
		"Người nghiện\ncó hồ sơ":  "nguoinghiencohoso",
		"addicts_managed":         "addictsmanaged",
		"Hoà":                     "hoa",
	}
	for in, want := range tests {
		if got := naming.NormLabel(in); got != want {
			t.Errorf("normLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFieldIndexKnowsEveryHeader(t *testing.T) {
	ix := FieldIndex(testkit.TestPlan)
	for _, f := range testkit.TestPlan.Fields {
		for _, label := range []string{f.Key, f.Vi, f.En, "  " + f.Vi + " "} {
			if got, ok := ix.Match(label); !ok || got != f.Key {
				t.Errorf("header %q: got %q, %v; want %q", label, got, ok, f.Key)
			}
		}
	}
	tests := map[string]string{
		"Dan so":                    "population",
		"Dân số (người)":            "population",
		"TEN XA":                    "commune",
		"Nguoi nghien co ho so":     "addicts_managed",
		"Diện tích (m2)":            "plant_area_m2",
		"Nằm trên tuyến trọng điểm": "on_route",
	}
	for label, want := range tests {
		if got, ok := ix.Match(label); !ok || got != want {
			t.Errorf("header %q: got %q, %v; want %q", label, got, ok, want)
		}
	}
}

func TestDetectHeaderTwoRows(t *testing.T) {
	rows := []grid.Row{
		{Line: 1, Cells: []string{"BÁO CÁO KẾT QUẢ RÀ SOÁT"}},
		{Line: 2, Cells: []string{"STT", "Xã, phường, thị trấn", "Người nghiện", "", "Dân số"}},
		{Line: 3, Cells: []string{"", "", "Tổng số", "Có hồ sơ", ""}},
		{Line: 4, Cells: []string{"1", "Phường 1", "3", "2", "5000"}},
	}
	merges := []grid.Merge{
		{Top: 2, Left: 0, Bottom: 3, Right: 0, Text: "STT"},
		{Top: 2, Left: 1, Bottom: 3, Right: 1, Text: "Xã, phường, thị trấn"},
		{Top: 2, Left: 2, Bottom: 2, Right: 3, Text: "Người nghiện"},
		{Top: 2, Left: 4, Bottom: 3, Right: 4, Text: "Dân số"},
	}
	for name, m := range map[string][]grid.Merge{"merged": merges, "not merged": nil} {
		t.Run(name, func(t *testing.T) {
			h, ok := DetectHeader(FieldIndex(testkit.TestPlan), rows, m)
			if !ok {
				t.Fatal("no header found")
			}
			want := map[string]int{"commune": 1, "addicts_total": 2, "addicts_managed": 3, "population": 4}
			for k, c := range want {
				if got, ok := h.Cols[k]; !ok || got != c {
					t.Errorf("%s: column %d, %v; want %d", k, got, ok, c)
				}
			}
			if h.First != 2 || h.Last != 3 {
				t.Errorf("header rows %d–%d, want 2–3", h.First, h.Last)
			}
		})
	}
}

// A two-cell label matches as its text does, whatever the parentheses of its cells.
func TestHeaderChoiceIsMatchOfText(t *testing.T) {
	ix := FieldIndex(testkit.TestPlan)
	var texts []string
	for _, f := range testkit.TestPlan.Fields {
		texts = append(texts, f.Vi, f.En)
		texts = append(texts, f.Variants...)
	}
	texts = append(texts, "(m²)", "Diện tích (m2", ")", "(", "a (b) c (d", "Số (người)", "12", "1 234",
		"Diện tích trồng cây có chứa chất ma túy", "Tổng (", "chất ma túy (m²)", "Xã An (mẫu)", "")
	m := NewHeaderMatcher(ix)
	for _, a := range texts {
		for _, b := range texts {
			if a == "" {
				continue
			}
			ch := labelChoice{a: a, b: b, x: m.Cell(a)}
			if b != "" {
				ch.y = m.Cell(b)
			}
			gotK, gotOK := m.choice(ch)
			wantK, wantOK := ix.Match(ch.Text())
			if gotK != wantK || gotOK != wantOK {
				t.Errorf("choice(%q, %q) = %q, %v; match of the text %q, %v", a, b, gotK, gotOK, wantK, wantOK)
			}
		}
	}
}

// A figure under a group header is not looked up as a sub-header, unless some sub-header
// is made of digits alone: then a year under "Dân số" names the field.
func TestDigitSubHeadersUnderAGroup(t *testing.T) {
	p := *testkit.TestPlan
	p.Layout.HeaderGroups = append([]criteria.HeaderGroup{{Names: []string{"Dân số theo năm"},
		Columns: []criteria.GroupColumn{{Field: "population", Headers: []string{"2025"}}}}}, p.Layout.HeaderGroups...)
	ix := FieldIndex(&p)
	if ix[digitKeys] == "" {
		t.Fatal("a sub-header of digits does not mark the index")
	}
	rows := []grid.Row{
		{Line: 1, Cells: []string{"Xã, phường, thị trấn", "Dân số theo năm"}},
		{Line: 2, Cells: []string{"", "2025"}},
		{Line: 3, Cells: []string{"Phường 1", "5000"}},
	}
	h, ok := DetectHeader(ix, rows, []grid.Merge{{Top: 1, Left: 0, Bottom: 2, Right: 0, Text: "Xã, phường, thị trấn"}})
	if !ok || h.Cols["population"] != 1 || h.Last != 2 {
		t.Errorf("header %+v, %v: want population in column B under the group, rows 1–2", h.Cols, ok)
	}
	if _, ok := FieldIndex(testkit.TestPlan)[digitKeys]; ok {
		t.Error("Plan 16 has a label of digits")
	}
}
