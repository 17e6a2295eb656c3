package naming

import (
	"slices"
	"testing"

	"drugfree/criteria"
	"drugfree/internal/testkit"
)

func national(t *testing.T, province string) *criteria.Plan {
	t.Helper()
	b, ok := criteria.BuiltinNamed("qd28")
	if !ok {
		t.Fatal("no built-in plan qd28")
	}
	p := b.Plan()
	if err := p.SelectProvince(province); err != nil {
		t.Fatal(err)
	}
	return p
}

// Provinces are matched loosely, the word for their kind optional.
func TestProvince(t *testing.T) {
	list := national(t, criteria.AllProvinces).Registry.Provinces()
	for in, want := range map[string]string{
		"vinh long": "Tỉnh Vĩnh Long", "Tỉnh  Vĩnh Long": "Tỉnh Vĩnh Long", "TP. Hồ Chí Minh": "Tp Hồ Chí Minh",
		"thanh pho ha noi": "Thành phố Hà Nội", "Hà Nội": "Thành phố Hà Nội", "Huế": "Thành phố Huế",
	} {
		if got, ok := Province(in, list); !ok || got != want {
			t.Errorf("Province(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "Trà Vinh", "Vĩnh", "Tỉnh"} {
		if got, ok := Province(in, list); ok {
			t.Errorf("Province(%q) = %q, want no match", in, got)
		}
	}
}

// In the whole country's registry every commune reports as itself with its province, and
// each such unit, named as it is, is found: names repeat across provinces ("Xã Thuận An"),
// differ by a tone mark only ("Văn Lang", "Văn Lăng" in Thái Nguyên), begin with a word of
// their type ("Phường Phương Liệt") or are special zones ("Đặc khu Vân Đồn").
func TestNationalUnits(t *testing.T) {
	p := national(t, criteria.AllProvinces)
	m := NewRegistryMatcher(&p.Registry)
	units := map[string]bool{}
	for _, c := range p.Registry.Communes {
		u := c.Unit()
		if units[u] {
			t.Fatalf("unit %q twice", u)
		}
		units[u] = true
		if got, _, ok := m.District(u); !ok || got != u {
			t.Errorf("District(%q) = %q, %v", u, got, ok)
		}
		if r := m.Commune(c.FullName(), u, c.Code, ""); !r.OK || r.Commune.Code != c.Code {
			t.Errorf("Commune(%q, %q, %s): %+v", c.FullName(), u, c.Code, r.Problem)
		}
	}
	if len(units) != 3321 {
		t.Errorf("%d units, want 3,321", len(units))
	}
	// Without the province, a name that recurs is not a unit: the units of that name and
	// type are listed. A name found in one province only is its unit.
	if _, sugg, ok := m.District("Xã Thuận An"); ok || !slices.Equal(sugg, []string{"Xã Thuận An (Hà Nội)", "Xã Thuận An (Lâm Đồng)"}) {
		t.Errorf("District(Xã Thuận An) = %v, %v; want the two xã of that name", sugg, ok)
	}
	for _, name := range []string{"Xã Tạ An Khương", "Tạ An Khương", "xa ta an khuong", "Xã Tạ An Khương (Cà Mau)"} {
		if got, _, ok := m.District(name); !ok || got != "Xã Tạ An Khương (Cà Mau)" {
			t.Errorf("District(%q) = %q, %v; want Xã Tạ An Khương (Cà Mau)", name, got, ok)
		}
	}
	// In a longer text, after its type; of a name that recurs, the one whose province the
	// text names.
	for text, want := range map[string]string{
		"UBND xã Tạ An Khương":                  "Xã Tạ An Khương (Cà Mau)",
		"ỦY BAN NHÂN DÂN XÃ TẠ AN KHƯƠNG":       "Xã Tạ An Khương (Cà Mau)",
		"UBND xã Thuận An, TP Hà Nội":           "Xã Thuận An (Hà Nội)",
		"Công an xã Thuận An tỉnh Lâm Đồng":     "Xã Thuận An (Lâm Đồng)",
		"UBND xã Tạ An Khương (Cà Mau) báo cáo": "Xã Tạ An Khương (Cà Mau)",
		"UBND xã Thuận An":                      "",
		"UBND xã Thuận An, TP Hồ Chí Minh":      "", // a phường there
		"Tạ An Khương":                          "Xã Tạ An Khương (Cà Mau)",
	} {
		if got, ok := m.DistrictIn(text); got != want || ok != (want != "") {
			t.Errorf("DistrictIn(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
}

// Within one province: a special zone and a name beginning with a type word are found
// by name alone, written with or without the type.
func TestProvinceUnits(t *testing.T) {
	m := NewRegistryMatcher(&national(t, "Quảng Ninh").Registry)
	for _, name := range []string{"Đặc khu Vân Đồn", "Vân Đồn", "dac khu van don", "ĐK Vân Đồn", "ĐK. Vân Đồn"} {
		if r := m.Commune(name, "", "", ""); !r.OK || r.Commune.Code != "06994" {
			t.Errorf("Commune(%q): %+v", name, r.Problem)
		}
	}
	h := NewRegistryMatcher(&national(t, "Hà Nội").Registry)
	for _, name := range []string{"Phường Phương Liệt", "Phương Liệt", "P. Phương Liệt"} {
		if r := h.Commune(name, "", "00352", ""); !r.OK || r.Commune.Code != "00352" {
			t.Errorf("Commune(%q, 00352): %+v", name, r.Problem)
		}
	}
	tn := NewRegistryMatcher(&national(t, "Thái Nguyên").Registry)
	a, _, okA := tn.District("Xã Văn Lang")
	b, _, okB := tn.District("Xã Văn Lăng")
	if !okA || !okB || a == b {
		t.Errorf("Văn Lang %q %v, Văn Lăng %q %v: want two units", a, okA, b, okB)
	}
}

// A cover naming the province sends a file of many communes; a text naming a commune's
// type is a commune's, found or not; a registry with districts has no such sender.
func TestProvinceIn(t *testing.T) {
	m := NewRegistryMatcher(&national(t, "Vĩnh Long").Registry)
	for text, want := range map[string]string{
		"Tỉnh Vĩnh Long":                   "Tỉnh Vĩnh Long",
		"Vĩnh Long":                        "Tỉnh Vĩnh Long",
		"CÔNG AN TỈNH VĨNH LONG":           "Tỉnh Vĩnh Long",
		"UBND tinh Vinh Long":              "Tỉnh Vĩnh Long",
		"UBND xã Lonng Hồ, tỉnh Vĩnh Long": "",
		"Phường Vĩnh Long":                 "",
		"Tỉnh Cà Mau":                      "",
		"":                                 "",
	} {
		if got, ok := m.ProvinceIn(text); got != want || ok != (want != "") {
			t.Errorf("ProvinceIn(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	all := NewRegistryMatcher(&national(t, criteria.AllProvinces).Registry)
	if got, ok := all.ProvinceIn("Công an TP Hà Nội"); !ok || got != "Thành phố Hà Nội" {
		t.Errorf("whole country: ProvinceIn(Công an TP Hà Nội) = %q, %v", got, ok)
	}
	if _, ok := NewMatcher(testkit.TestPlan).ProvinceIn("Tỉnh Trà Vinh"); ok {
		t.Error("Plan 16's registry has districts: no province sender")
	}
}
