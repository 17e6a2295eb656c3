package naming

import (
	"drugfree/i18n"
	"testing"
	"time"

	"drugfree/criteria"
	"drugfree/report/problem"
)

// Issue 15: names and codes resolved against the registry in force on a day (SPEC §9).
func TestMatchersAcrossTheReform(t *testing.T) {
	p := criteria.Default()
	ms := NewMatchers(p)
	before, after := ms.On(time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC)), ms.On(time.Date(2025, 12, 12, 0, 0, 0, 0, time.UTC))
	if before.Registry() != &p.Registry || after.Registry() != &p.Reform.Registry {
		t.Fatal("On chose the wrong registries")
	}
	tests := []struct {
		name     string
		m        *Matcher
		written  string
		code     string
		unit     string // the reporting unit the return is from, "" for none
		want     string // the code resolved, "" when not OK
		former   string // the code of the former unit reported, when not OK
		mergedTo string // the commune it went into
	}{
		{"a reused code before: Phường 3", before, "", "29242", "", "29242", "", ""},
		{"a reused code after: phường Trà Vinh", after, "", "29242", "", "29242", "", ""},
		{"Phường 3 with its code after the reform is a part, not the whole", after, "Phường 3", "29242", "", "", "29242", "29242"},
		{"a reused code before: Lương Hòa A", before, "Lương Hòa A", "29386", "", "29386", "", ""},
		{"Song Lộc after, by name", after, "Xã Song Lộc", "", "", "29386", "", ""},
		{"Song Lộc before, by name", before, "Xã Song Lộc", "", "", "29392", "", ""},
		{"Cầu Kè after: the xã", after, "Cầu Kè", "", "", "29308", "", ""},
		{"Cầu Kè before: the thị trấn", before, "Cầu Kè", "", "Huyện Cầu Kè", "29308", "", ""},
		{"thị trấn Cầu Kè after: merged into the xã", after, "TT Cầu Kè", "", "", "", "29308", "29308"},
		{"thị trấn Càng Long with its code after: merged into the xã", after, "Thị trấn Càng Long", "29266", "Xã Càng Long", "", "29266", "29266"},
		{"xã Nguyệt Hóa after: merged into the phường", after, "Xã Nguyệt Hóa", "", "", "", "29395", "29254"},
		{"the resolution's tone mark: Nguyệt Hoá", after, "Phường Nguyệt Hoá", "", "", "29254", "", ""},
		{"the GSO's tone mark: Nguyệt Hóa", after, "Phường Nguyệt Hóa", "", "", "29254", "", ""},
		{"no diacritics: Hoa Thuan", after, "p hoa thuan", "", "", "29398", "", ""},
		{"Hòa Thuận before is the xã of Châu Thành", before, "Hòa Thuận", "", "Huyện Châu Thành", "29398", "", ""},
		{"a former unit in a commune's own return", after, "Mỹ Cẩm", "", "Xã Càng Long", "", "29269", "29266"},
		{"a former unit of another commune in a commune's return", after, "Xã Phương Thạnh", "", "Xã Càng Long", "", "29290", "29287"},
		{"Lương Hòa in Song Lộc's return: the former unit", after, "Lương Hòa", "", "Xã Song Lộc", "", "29389", "29386"},
		{"Lương Hòa alone after: the commune formed from Bến Tre's", after, "Lương Hòa", "", "", "28987", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.m.Commune(tt.written, tt.unit, tt.code, "")
			switch {
			case tt.want != "":
				if !got.OK || got.Commune.Code != tt.want {
					t.Errorf("%q %s: %v %s (%s), want %s", tt.written, tt.code, got.OK, got.Commune.Code, got.Message(p, i18n.En), tt.want)
				}
			default:
				if got.OK || got.Problem != problem.CodeUnknownCommune || got.Former == nil || got.Former.Code != tt.former || got.Commune.Code != tt.mergedTo {
					t.Errorf("%q %s: OK %v, %s, former %v into %s; want the former unit %s into %s", tt.written, tt.code, got.OK, got.Problem, got.Former, got.Commune.Code, tt.former, tt.mergedTo)
				}
			}
		})
	}

	t.Run("reporting units", func(t *testing.T) {
		for _, tt := range []struct {
			m          *Matcher
			text, want string
		}{
			{before, "UBND HUYỆN CẦU KÈ", "Huyện Cầu Kè"},
			{before, "Cầu Kè", "Huyện Cầu Kè"},
			{before, "UBND xã Cầu Kè", ""}, // a xã, not the district
			{after, "UBND XÃ CẦU KÈ", "Xã Cầu Kè"},
			{after, "Cầu Kè", "Xã Cầu Kè"},
			{after, "UBND HUYỆN CẦU KÈ", ""},
			{after, "phase3-phuong-tra-vinh", "Phường Trà Vinh"},
			{after, "Công an tỉnh Trà Vinh", ""},
			{after, "Báo cáo kết quả xây dựng xã, phường không ma túy", ""},
		} {
			if got, _ := tt.m.DistrictIn(tt.text); got != tt.want {
				t.Errorf("%v: %q is %q, want %q", tt.m.Registry().Effective, tt.text, got, tt.want)
			}
		}
		if u := ms.UnitElsewhere(after, "Cầu Kè", "Xã Cầu Kè"); len(u) != 1 || u[0].Unit != "Huyện Cầu Kè" {
			t.Errorf("Cầu Kè elsewhere: %v", u)
		}
	})
	t.Run("other meanings", func(t *testing.T) {
		tv, _ := p.Reform.Registry.ByCode("29242")
		if e := ms.Elsewhere(after, "Phường Trà Vinh", "29242", tv); len(e) != 1 || !e[0].ByCode || e[0].Commune.Name != "Phường 3" {
			t.Errorf("29242 elsewhere: %v", e)
		}
		al, _ := p.Reform.Registry.ByCode("29413") // Long Hòa, unchanged
		if e := ms.Elsewhere(after, "Long Hòa", "29413", al); len(e) != 0 {
			t.Errorf("an unchanged commune means the same: %v", e)
		}
		sl, _ := p.Reform.Registry.ByCode("29386")
		if e := ms.Elsewhere(after, "Song Lộc", "", sl); len(e) != 1 || e[0].ByCode || e[0].Commune.Code != "29392" {
			t.Errorf("Song Lộc elsewhere: %v", e)
		}
	})
	t.Run("senders of the register", func(t *testing.T) {
		dec := time.Date(2025, 10, 29, 0, 0, 0, 0, time.UTC)
		for name, want := range map[string]string{"Sở TT&TT": "Sở Thông tin và Truyền thông", "hoi lhpn tinh": "Hội Liên hiệp Phụ nữ tỉnh", "Xã Càng Long": "Xã Càng Long", "Càng Long": "Xã Càng Long"} {
			if got, _, ok := ms.Sender(name, dec); !ok || got != want {
				t.Errorf("Sender(%q) = %q, %v; want %q", name, got, ok, want)
			}
		}
		if _, _, ok := ms.Sender("Huyện Càng Long", dec); ok {
			t.Error("a district is a sender in October 2025")
		}
		if note := ms.SenderNote("Huyện Càng Long", dec, i18n.En); note == "" {
			t.Error("no note on the district abolished")
		}
	})
}
