package read

import (
	"testing"
	"time"

	"drugfree/criteria"
	"drugfree/report/internal/testkit"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		raw     string
		numeric bool
		want    float64
		state   numState
	}{
		{"", false, 0, numBlank},
		{"   ", false, 0, numBlank},
		{"1234", false, 1234, numOK},
		{"1.234", false, 1234, numOK},
		{"1 234", false, 1234, numOK},
		{"1\u00a0234", false, 1234, numOK},
		{"0,5", false, 0.5, numOK},
		{"12,5", false, 12.5, numOK},
		{"1.999,99", false, 1999.99, numOK},
		{"1,999.99", false, 1999.99, numOK},
		{"1.000", false, 1000, numOK},
		{"1.000 m²", false, 1000, numOK},
		{"1.234.567", false, 1234567, numOK},
		{"0.5", false, 0.5, numOK},
		{"12.5", false, 12.5, numOK},
		{"-", false, 0, numOK},
		{"–", false, 0, numOK},
		{"-5", false, -5, numOK},
		{"1.5E+3", false, 1500, numOK},
		{"abc", false, 0, numBad},
		{"12a", false, 0, numBad},
		{"1.23.4", false, 0, numBad},
		{"1 23", false, 0, numBad},
		// A number cell holding 1.234 is 1.234, not 1234.
		{"1.234", true, 1.234, numOK},
		// Numbers as Excel shows them: rounded to 9 decimal places (SPEC §8).
		{"0.30000000000000004", true, 0.3, numOK},
		{"999.9999999999999", true, 1000, numOK},
		{"999.9999999999999", false, 1000, numOK},
		{"0.1234567894", true, 0.123456789, numOK},
		{"12345678.25", true, 12345678.25, numOK},
		{"'17676", false, 0, numBad}, // the apostrophe is dropped by grid.Row.Cell, not here
		// Only finite decimal numbers (SPEC §5): what else strconv.ParseFloat takes is
		// not a figure, in a text cell or as a number cell's value.
		{".5", false, 0.5, numOK},
		{"1e3", true, 1000, numOK},
		{"-1.5e-3", true, -0.0015, numOK},
		{"0e-400", true, 0, numOK},
		{"NaN", false, 0, numBad},
		{"NaN", true, 0, numBad},
		{"nan", false, 0, numBad},
		{"Inf", false, 0, numBad},
		{"-Inf", true, 0, numBad},
		{"+Inf", false, 0, numBad},
		{"Infinity", false, 0, numBad},
		{"Infinity", true, 0, numBad},
		{"1_000", false, 0, numBad},
		{"1_000", true, 0, numBad},
		{"0x1p4", false, 0, numBad},
		{"0x1p4", true, 0, numBad},
		{"0x10", true, 0, numBad},
		{"4.9e-324", false, 0, numBad},
		{"4.9e-324", true, 0, numBad},
		{"1e-400", true, 0, numBad},
		{"1e400", true, 0, numBad},
		{"1e", true, 0, numBad},
		{"e5", true, 0, numBad},
		{".", true, 0, numBad},
		{"1.5E+", true, 0, numBad},
		{"- NaN", false, 0, numBad},
		{"NaN m²", false, 0, numBad},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			got, st := parseNumber(tc.raw, tc.numeric)
			if st != tc.state || (st == numOK && got != tc.want) {
				t.Errorf("parseNumber(%q, %v) = %v, %v; want %v, %v", tc.raw, tc.numeric, got, st, tc.want, tc.state)
			}
		})
	}
}

func TestParseYesNo(t *testing.T) {
	tests := []struct {
		raw   string
		want  float64
		state numState
	}{
		{"Có", 1, numOK}, {"co", 1, numOK}, {"C", 1, numOK}, {"x", 1, numOK}, {"X", 1, numOK},
		{"✓", 1, numOK}, {"1", 1, numOK}, {"yes", 1, numOK}, {"TRUE", 1, numOK},
		{"Không", 0, numOK}, {"khong", 0, numOK}, {"k", 0, numOK}, {"0", 0, numOK}, {"no", 0, numOK},
		{"-", 0, numOK},
		{"", 0, numBlank},
		{"có lẽ", 0, numBad}, {"2", 0, numBad},
	}
	for _, tc := range tests {
		got, st := parseYesNo(tc.raw)
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
		state    numState
	}{
		{"20/02/2025", false, false, numOK},
		{"20/2/2025", false, false, numOK},
		{"2025-02-20", false, false, numOK},
		{"20-02-2025", false, false, numOK},
		{"20.02.2025", false, false, numOK},
		{"ngày 20 tháng 02 năm 2025", false, false, numOK},
		{"Trà Vinh, ngày 20 tháng 2 năm 2025", false, false, numOK},
		{"ngay 20 thang 02 nam 2025", false, false, numOK},
		{"2025-02-20T00:00:00Z", false, false, numOK},
		{"45708", true, false, numOK},
		{"44246", true, true, numOK}, // the same day counted from 1904
		{"", false, false, numBlank},
		{"31/02/2025", false, false, numBad},
		{"hôm qua", false, false, numBad},
	}
	for _, tc := range tests {
		got, st := parseDate(tc.raw, tc.numeric, tc.date1904)
		if st != tc.state || (st == numOK && !got.Equal(want)) {
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
	return statusIndex(p).match(raw)
}

// matchKind reads a kind as the reader does, with the plan's names folded for the call.
func matchKind(p *criteria.Plan, raw string) (string, bool) {
	return newKindNames(p).match(raw)
}
