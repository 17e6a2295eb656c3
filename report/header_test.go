package report

import "testing"

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
		if got := normLabel(in); got != want {
			t.Errorf("normLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFieldIndexKnowsEveryHeader(t *testing.T) {
	ix := fieldIndex(testPlan)
	for _, f := range testPlan.Fields {
		for _, label := range []string{f.Key, f.Vi, f.En, "  " + f.Vi + " "} {
			if got, ok := ix.match(label); !ok || got != f.Key {
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
		if got, ok := ix.match(label); !ok || got != want {
			t.Errorf("header %q: got %q, %v; want %q", label, got, ok, want)
		}
	}
}

func TestDetectHeaderTwoRows(t *testing.T) {
	rows := []gridRow{
		{1, []string{"BÁO CÁO KẾT QUẢ RÀ SOÁT"}},
		{2, []string{"STT", "Xã, phường, thị trấn", "Người nghiện", "", "Dân số"}},
		{3, []string{"", "", "Tổng số", "Có hồ sơ", ""}},
		{4, []string{"1", "Phường 1", "3", "2", "5000"}},
	}
	merges := []mergeRange{
		{top: 2, left: 0, bottom: 3, right: 0, text: "STT"},
		{top: 2, left: 1, bottom: 3, right: 1, text: "Xã, phường, thị trấn"},
		{top: 2, left: 2, bottom: 2, right: 3, text: "Người nghiện"},
		{top: 2, left: 4, bottom: 3, right: 4, text: "Dân số"},
	}
	for name, m := range map[string][]mergeRange{"merged": merges, "not merged": nil} {
		t.Run(name, func(t *testing.T) {
			h, ok := detectHeader(fieldIndex(testPlan), rows, m)
			if !ok {
				t.Fatal("no header found")
			}
			want := map[string]int{"commune": 1, "addicts_total": 2, "addicts_managed": 3, "population": 4}
			for k, c := range want {
				if got, ok := h.cols[k]; !ok || got != c {
					t.Errorf("%s: column %d, %v; want %d", k, got, ok, c)
				}
			}
			if h.first != 2 || h.last != 3 {
				t.Errorf("header rows %d–%d, want 2–3", h.first, h.last)
			}
		})
	}
}

// A two-cell label matches as its text does, whatever the parentheses of its cells.
func TestHeaderChoiceIsMatchOfText(t *testing.T) {
	ix := fieldIndex(testPlan)
	var texts []string
	for _, f := range testPlan.Fields {
		texts = append(texts, f.Vi, f.En)
		texts = append(texts, f.Variants...)
	}
	texts = append(texts, "(m²)", "Diện tích (m2", ")", "(", "a (b) c (d", "Số (người)", "12", "1 234",
		"Diện tích trồng cây có chứa chất ma túy", "Tổng (", "chất ma túy (m²)", "Xã An (mẫu)", "")
	m := newHeaderMatcher(ix)
	for _, a := range texts {
		for _, b := range texts {
			if a == "" {
				continue
			}
			ch := labelChoice{a: a, b: b, x: m.cell(a)}
			if b != "" {
				ch.y = m.cell(b)
			}
			gotK, gotOK := m.choice(ch)
			wantK, wantOK := ix.match(ch.text())
			if gotK != wantK || gotOK != wantOK {
				t.Errorf("choice(%q, %q) = %q, %v; match of the text %q, %v", a, b, gotK, gotOK, wantK, wantOK)
			}
		}
	}
}
