package cell

import (
	"testing"

	"drugfree/criteria"
)

// A text naming another year than a kind's names is not that kind, though it contains one
// of its names ("Năm 2025" holds "năm" of "Năm 2026"); a kind naming no year is of any.
func TestKindOfAnotherYear(t *testing.T) {
	qd, _ := criteria.BuiltinNamed("qd28")
	ks := NewKindNames(qd.Plan())
	for raw, want := range map[string]string{
		"Năm 2026": "year", "năm": "year", "Kỳ đánh giá năm 2026": "year", "2026": "year",
		"Năm 2025": "", "năm 2027": "", "Báo cáo năm 2025": "", "2025 2026": "year",
	} {
		if got, ok := ks.Match(raw); got != want || ok != (want != "") {
			t.Errorf("Match(%q) = %q, %v; want %q", raw, got, ok, want)
		}
	}
	if k, _ := ks.InTitle("ket qua tu ra soat danh gia xep loai dia ban nam 2025"); k != "" {
		t.Errorf("a title of 2025 read as %q", k)
	}
	if k, _ := ks.InTitle("ket qua tu ra soat danh gia xep loai dia ban nam 2026"); k != "year" {
		t.Errorf("a title of 2026 read as %q", k)
	}
	kh, _ := criteria.BuiltinNamed("kh16")
	p16 := NewKindNames(kh.Plan())
	if got, _ := p16.Match("Giai đoạn 1 năm 2025"); got != "phase1" {
		t.Errorf("Plan 16's kinds name no year: %q", got)
	}
}
