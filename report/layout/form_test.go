package layout

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/problem"
)

func TestNewForm(t *testing.T) {
	p := criteria.Default()
	made := time.Date(2025, 2, 5, 14, 30, 0, 0, time.UTC)
	asOf := time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC)
	doc := Doc{Subject: Subject(p, SubjectClassify, i18n.Vi), AsOf: asOf, Made: made, Version: "1.2",
		Inputs: []string{"a.xlsx", "", "b.xlsx"}}
	f := NewForm(p, doc, i18n.Vi)
	for got, want := range map[string]string{
		f.Body: "CÔNG AN TỈNH TRÀ VINH", f.Office: "PHÒNG CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY",
		f.Motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.Slogan: "Độc lập - Tự do - Hạnh phúc",
		f.DateLine: "Trà Vinh, ngày 05 tháng 02 năm 2025", f.Kind: "BÁO CÁO",
		f.Subject: "Kết quả phân loại xã, phường, thị trấn theo tiêu chí về ma túy trên địa bàn tỉnh Trà Vinh năm 2025",
		f.Creator: "drugfree 1.2", f.Language: "vi-VN",
	} {
		if got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
	if !strings.HasPrefix(f.Number, "Số:") || !strings.HasSuffix(f.Number, "/BC-PC04") {
		t.Errorf("number line %q", f.Number)
	}
	lines := strings.Join(f.Lines, "\n")
	for _, want := range []string{"Kế hoạch 16/KH-UBND ngày 17/02/2025", "số liệu tính đến ngày 20/12/2025", "Nguồn số liệu: a.xlsx; b.xlsx."} {
		if !strings.Contains(lines, want) {
			t.Errorf("lines %q lack %q", lines, want)
		}
	}
	if f.Banner != "" {
		t.Errorf("a workbook without errors says %q", f.Banner)
	}
	if n := len(f.Recipients); n != 3 || f.Recipients[n-1] != "- Lưu: VT, PC04." {
		t.Errorf("recipients %q", f.Recipients)
	}
	if len(f.Signers) != 2 || f.Signers[0].Hint != "(Ký, ghi rõ họ tên)" || f.Signers[1].Hint != "(Ký, ghi rõ họ tên, đóng dấu)" {
		t.Errorf("signers %+v: the head of the unit, last, stamps", f.Signers)
	}
	if !strings.Contains(strings.Join(f.Notes, "\n"), "Lập lúc 14:30 ngày 05/02/2025.") {
		t.Errorf("notes %q lack the time of making", f.Notes)
	}

	en := NewForm(p, doc, i18n.En)
	if en.DateLine != "Trà Vinh, 5 February 2025" || en.Kind != "REPORT" || en.Motto != "SOCIALIST REPUBLIC OF VIET NAM" || !strings.HasPrefix(en.Number, "No.:") {
		t.Errorf("English form: %q, %q, %q, %q", en.DateLine, en.Kind, en.Motto, en.Number)
	}

	// Many inputs are counted under the title and listed after the table; with a sheet
	// of sources, pointed to.
	doc.Inputs = nil
	for range 30 {
		doc.Inputs = append(doc.Inputs, "returns/phase3/phase3-huyen-cang-long.xlsx")
	}
	f = NewForm(p, doc, i18n.Vi)
	if !strings.Contains(strings.Join(f.Lines, "\n"), "Nguồn số liệu: 30 tệp, liệt kê ở cuối bảng.") || !strings.HasPrefix(f.Notes[0], "Nguồn số liệu (30 tệp): returns/") {
		t.Errorf("30 inputs: lines %q, notes %q", f.Lines, f.Notes)
	}
	doc.InputsSheet = "Nguồn số liệu"
	f = NewForm(p, doc, i18n.Vi)
	if !strings.Contains(strings.Join(f.Lines, "\n"), "30 tệp, liệt kê ở trang “Nguồn số liệu”.") || len(f.Notes) != 1 {
		t.Errorf("with a sheet of sources: lines %q, notes %q", f.Lines, f.Notes)
	}
}

func TestIncompleteBanner(t *testing.T) {
	ps := []problem.Problem{
		{Severity: problem.Error, Code: problem.CodeMissingCommune},
		{Severity: problem.Warning, Code: problem.CodeLateSubmission},
		{Severity: problem.Error, Code: problem.CodeTypeError},
		{Severity: problem.Error, Code: problem.CodeMissingCommune},
	}
	vi := IncompleteBanner(criteria.Default(), ps, "Vấn đề", i18n.Vi)
	want := "SỐ LIỆU CHƯA ĐẦY ĐỦ – 3 lỗi (báo cáo thiếu xã: 2; giá trị không hợp lệ: 1) và 1 cảnh báo, xem danh sách ở trang “Vấn đề”."
	if !strings.HasPrefix(vi, want) {
		t.Errorf("banner\n%s\nwant it to begin\n%s", vi, want)
	}
	en := IncompleteBanner(criteria.Default(), ps, "Problems", i18n.En)
	if !strings.HasPrefix(en, "INCOMPLETE DATA – 3 errors (returns missing communes: 2; invalid values: 1) and 1 warnings, listed on the “Problems” sheet.") {
		t.Errorf("banner %q", en)
	}
	if b := IncompleteBanner(criteria.Default(), ps[1:2], "Vấn đề", i18n.Vi); b != "" {
		t.Errorf("warnings alone: %q", b)
	}
	// Every code of SPEC §6 has its plain words.
	for _, code := range []string{problem.CodeUnreadableFile, problem.CodeUnsupportedFormat, problem.CodeTooLarge, problem.CodePasswordRequired, problem.CodeNoDataSheet,
		problem.CodeMissingColumn, problem.CodeDuplicateColumn, problem.CodeMissingValue, problem.CodeTypeError, problem.CodeNegativeValue,
		problem.CodeNotInteger, problem.CodeFormulaWithoutValue, problem.CodeUnknownDistrict, problem.CodeUnknownCommune, problem.CodeAmbiguousCommune,
		problem.CodeWrongDistrict, problem.CodeDuplicateCommune, problem.CodeInconsistent, problem.CodeTotalMismatch, problem.CodeMissingCommune,
		problem.CodeMissingMetadata, problem.CodeUnknownKind, problem.CodeLateSubmission, problem.CodeMissingSubmission, problem.CodeSuperseded,
		problem.CodeRegistryDate} {
		if ProblemLabel(criteria.Default(), code, i18n.Vi) == code || ProblemLabel(criteria.Default(), code, i18n.En) == code {
			t.Errorf("%s has no plain words", code)
		}
	}
}

func TestInRegistryOrder(t *testing.T) {
	p := criteria.Default()
	cs := p.Registry.Communes
	// The last commune, one the registry does not know, the first, and the first again
	// from a later kind of return.
	rs := []report.CommuneResult{
		{District: cs[len(cs)-1].District, Code: cs[len(cs)-1].Code},
		{District: "Huyện Không Có", Code: "00000", Kind: "a"},
		{District: cs[0].District, Code: cs[0].Code, Kind: "review"},
		{District: cs[0].District, Code: cs[0].Code, Kind: "phase3"},
	}
	got := InRegistryOrder(p, rs, func(r *report.CommuneResult) (string, string) { return r.District, r.Code })
	want := []string{cs[0].Code + "review", cs[0].Code + "phase3", cs[len(cs)-1].Code, "00000a"}
	for i, r := range got {
		if r.Code+r.Kind != want[i] {
			t.Errorf("%d: %s, want %s", i, r.Code+r.Kind, want[i])
		}
	}
	if rs[0].Code != cs[len(cs)-1].Code {
		t.Error("the results given were reordered")
	}
}

// A table reordered gives its rows in the order asked, laid out on demand when the table
// is lazy, and leaves the table it came from as it was.
func TestReordered(t *testing.T) {
	eager := Table{Rows: [][]any{{"a"}, {"b"}, {"c"}}}
	laid := 0
	lazy := lazyTable(Table{}, 3, func(dst []any, i int) []any { laid++; return append(dst, eager.Rows[i][0]) })
	for _, tb := range []Table{eager, lazy} {
		r := tb.Reordered([]int{2, 0, 1})
		var got []any
		for i := range r.Len() {
			got = append(got, r.Row(nil, i)[0])
		}
		if fmt.Sprint(got) != "[c a b]" {
			t.Errorf("reordered rows %v, want [c a b]", got)
		}
		if first := tb.Row(nil, 0)[0]; first != "a" {
			t.Errorf("the table reordered now begins with %v", first)
		}
	}
	if laid != 4 {
		t.Errorf("the lazy table laid out %d rows, want 4 (3 read back and 1 of the original)", laid)
	}
}
