package cell

import (
	"testing"
	"time"

	"drugfree/criteria"
	"drugfree/internal/testkit"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		raw     string
		numeric bool
		want    float64
		state   NumState
	}{
		{"", false, 0, NumBlank},
		{"   ", false, 0, NumBlank},
		{"1234", false, 1234, NumOK},
		{"1.234", false, 1234, NumOK},
		{"1 234", false, 1234, NumOK},
		{"1\u00a0234", false, 1234, NumOK},
		{"0,5", false, 0.5, NumOK},
		{"12,5", false, 12.5, NumOK},
		{"1.999,99", false, 1999.99, NumOK},
		{"1,999.99", false, 1999.99, NumOK},
		{"1.000", false, 1000, NumOK},
		{"1.000 m²", false, 1000, NumOK},
		{"1.234.567", false, 1234567, NumOK},
		{"0.5", false, 0.5, NumOK},
		{"12.5", false, 12.5, NumOK},
		{"-", false, 0, NumOK},
		{"–", false, 0, NumOK},
		{"-5", false, -5, NumOK},
		{"1.5E+3", false, 1500, NumOK},
		{"abc", false, 0, NumBad},
		{"12a", false, 0, NumBad},
		{"1.23.4", false, 0, NumBad},
		{"1 23", false, 0, NumBad},
		// A number cell holding 1.234 is 1.234, not 1234.
		{"1.234", true, 1.234, NumOK},
		// Numbers as Excel shows them: rounded to 9 decimal places (SPEC §8).
		{"0.30000000000000004", true, 0.3, NumOK},
		{"999.9999999999999", true, 1000, NumOK},
		{"999.9999999999999", false, 1000, NumOK},
		{"0.1234567894", true, 0.123456789, NumOK},
		{"12345678.25", true, 12345678.25, NumOK},
		{"'17676", false, 0, NumBad}, // the apostrophe is dropped by grid.Row.Cell, not here
		// Only finite decimal numbers (SPEC §5): what else strconv.ParseFloat takes is
		// not a figure, in a text cell or as a number cell's value.
		{".5", false, 0.5, NumOK},
		{"1e3", true, 1000, NumOK},
		{"-1.5e-3", true, -0.0015, NumOK},
		{"0e-400", true, 0, NumOK},
		{"NaN", false, 0, NumBad},
		{"NaN", true, 0, NumBad},
		{"nan", false, 0, NumBad},
		{"Inf", false, 0, NumBad},
		{"-Inf", true, 0, NumBad},
		{"+Inf", false, 0, NumBad},
		{"Infinity", false, 0, NumBad},
		{"Infinity", true, 0, NumBad},
		{"1_000", false, 0, NumBad},
		{"1_000", true, 0, NumBad},
		{"0x1p4", false, 0, NumBad},
		{"0x1p4", true, 0, NumBad},
		{"0x10", true, 0, NumBad},
		{"4.9e-324", false, 0, NumBad},
		{"4.9e-324", true, 0, NumBad},
		{"1e-400", true, 0, NumBad},
		{"1e400", true, 0, NumBad},
		{"1e", true, 0, NumBad},
		{"e5", true, 0, NumBad},
		{".", true, 0, NumBad},
		{"1.5E+", true, 0, NumBad},
		{"- NaN", false, 0, NumBad},
		{"NaN m²", false, 0, NumBad},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			got, st := ParseNumber(tc.raw, tc.numeric)
			if st != tc.state || (st == NumOK && got != tc.want) {
				t.Errorf("parseNumber(%q, %v) = %v, %v; want %v, %v", tc.raw, tc.numeric, got, st, tc.want, tc.state)
			}
		})
	}
}

func TestParseYesNo(t *testing.T) {
	tests := []struct {
		raw   string
		want  float64
		state NumState
	}{
		{"Có", 1, NumOK}, {"co", 1, NumOK}, {"C", 1, NumOK}, {"x", 1, NumOK}, {"X", 1, NumOK},
		{"✓", 1, NumOK}, {"1", 1, NumOK}, {"yes", 1, NumOK}, {"TRUE", 1, NumOK},
		{"Không", 0, NumOK}, {"khong", 0, NumOK}, {"k", 0, NumOK}, {"0", 0, NumOK}, {"no", 0, NumOK},
		{"-", 0, NumOK},
		{"", 0, NumBlank},
		{"có lẽ", 0, NumBad}, {"2", 0, NumBad},
	}
	for _, tc := range tests {
		got, st := ParseYesNo(tc.raw)
		if st != tc.state || got != tc.want {
			t.Errorf("parseYesNo(%q) = %v, %v; want %v, %v", tc.raw, got, st, tc.want, tc.state)
		}
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		raw      string
		numeric  bool
		date1904 bool
		state    NumState
	}{
		{"20/02/2025", false, false, NumOK},
		{"20/2/2025", false, false, NumOK},
		{"2025-02-20", false, false, NumOK},
		{"20-02-2025", false, false, NumOK},
		{"20.02.2025", false, false, NumOK},
		{"ngày 20 tháng 02 năm 2025", false, false, NumOK},
		{"Trà Vinh, ngày 20 tháng 2 năm 2025", false, false, NumOK},
		{"ngay 20 thang 02 nam 2025", false, false, NumOK},
		{"2025-02-20T00:00:00Z", false, false, NumOK},
		{"45708", true, false, NumOK},
		{"44246", true, true, NumOK}, // the same day counted from 1904
		{"", false, false, NumBlank},
		{"31/02/2025", false, false, NumBad},
		{"hôm qua", false, false, NumBad},
	}
	for _, tc := range tests {
		got, st := ParseDate(tc.raw, tc.numeric, tc.date1904)
		if st != tc.state || (st == NumOK && !got.Equal(want)) {
			t.Errorf("parseDate(%q, %v, %v) = %v, %v; want %v, %v", tc.raw, tc.numeric, tc.date1904, got, st, want, tc.state)
		}
	}
}

func TestMatchKind(t *testing.T) {
	tests := map[string]string{
		"Rà soát": "review", "ra soat": "review", "REVIEW": "review", "Báo cáo rà soát": "review",
		"Kế hoạch": "plan", "Giai đoạn 1": "phase1", "GĐ1": "phase1", "giai doan 01": "phase1",
		"phase2": "phase2", "Giai đoạn 3 (sơ kết)": "phase3", "Sơ kết": "phase3",
	}
	for raw, want := range tests {
		if got, ok := matchKind(testkit.TestPlan, raw); !ok || got != want {
			t.Errorf("matchKind(%q) = %q, %v; want %q", raw, got, ok, want)
		}
	}
	if got, ok := matchKind(testkit.TestPlan, "Tổng kết năm"); ok {
		t.Errorf("matchKind(Tổng kết năm) = %q, want no kind", got)
	}
}

func TestMatchStatus(t *testing.T) {
	tests := []struct {
		raw, want string
		ok        bool
	}{
		{"Chuyển hóa", "transformation", true}, {"chuyển hoá", "transformation", true}, {"CHUYEN HOA", "transformation", true},
		{"Duy trì", "maintained", true}, {"DT", "maintained", true}, {"maintained", "maintained", true},
		{"", "", true}, {"-", "", true}, {"Không", "", true},
		{"Đang xét", "", false},
	}
	for _, tc := range tests {
		got, ok := matchStatus(testkit.TestPlan, tc.raw)
		if got != tc.want || ok != tc.ok {
			t.Errorf("matchStatus(%q) = %q, %v; want %q, %v", tc.raw, got, ok, tc.want, tc.ok)
		}
	}
}

// matchStatus reads a status cell as the reader does: a status key; ok is false for text
// that is no status.
func matchStatus(p *criteria.Plan, raw string) (key string, ok bool) {
	return StatusIndex(p).Match(raw)
}

// matchKind reads a kind as the reader does, with the plan's names folded for the call.
func matchKind(p *criteria.Plan, raw string) (string, bool) {
	return NewKindNames(p).Match(raw)
}
