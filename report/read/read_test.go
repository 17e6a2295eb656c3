package read

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"drugfree/classify"
	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/template"
)

// messyFixture is the data of the messy-return test, written canonically and messily.
type messyRow struct {
	code     string
	district string // as written in the messy return
	name     string // as written in the messy return
	status   string // as written in the messy return
	statusK  string // status key
	// population, addicts total, managed, hotspots, plants, area, on route: as written and
	// as meant. A nil meant value is blank.
	cells []any
	want  classify.Figures
}

var messyRows = []messyRow{
	{"29239", "TP Trà Vinh", "P1", "chuyen hoa", "transformation",
		[]any{"12.345", 3, "2", "-", "1 234", "1.000", "x"},
		classify.Figures{"population": 12345, "addicts_total": 3, "addicts_managed": 2, "hotspots": 0, "plants": 1234, "plant_area_m2": 1000, "on_route": 1}},
	{"29236", "tp tra vinh", "phuong 4", "DT", "maintained",
		[]any{9876, "0", 0, nil, 0, "0,5", "Không"},
		classify.Figures{"population": 9876, "addicts_total": 0, "addicts_managed": 0, "plants": 0, "plant_area_m2": 0.5, "on_route": 0}},
	{"29248", "Thanh pho Tra Vinh", "P.5", "", "",
		[]any{"8.001", 25, 21, 1, nil, nil, nil},
		classify.Figures{"population": 8001, "addicts_total": 25, "addicts_managed": 21, "hotspots": 1}},
	{"29308", "Cau Ke", "TT Cầu Kè", "Chuyển hoá", "transformation",
		[]any{"15.000", "110", "100", 5, 0, "1.999,99", "có"},
		classify.Figures{"population": 15000, "addicts_total": 110, "addicts_managed": 100, "hotspots": 5, "plants": 0, "plant_area_m2": 1999.99, "on_route": 1}},
	{"29320", "H. Cầu Kè", "Hoà Tân", "", "",
		[]any{7000, 0, 0, 0, 0, 0, "k"},
		classify.Figures{"population": 7000, "addicts_total": 0, "addicts_managed": 0, "hotspots": 0, "plants": 0, "plant_area_m2": 0, "on_route": 0}},
}

// writeMessy writes the messy return: title lines, a two-row header with merged group
// cells and no diacritics, a numbering row, numbers as text, loose names, a totals row.
func writeMessy(t *testing.T, dir string) string {
	const s = "BC"
	rows := [][]any{
		{"CONG AN TINH TRA VINH"},
		{"BÁO CÁO KẾT QUẢ RÀ SOÁT XÃ, PHƯỜNG, THỊ TRẤN KHÔNG MA TÚY"},
		{"(Kèm theo Báo cáo số 12/BC-CAT ngày 20/02/2025)"},
		{"STT", "Huyen", "Ten xa, phuong, thi tran", "Tinh trang", "Dan so", "Nguoi nghien", nil, "Tu diem", "So cay", "Dien tich (m2)", "Tuyen trong diem"},
		{nil, nil, nil, nil, nil, "Tong so", "Co ho so"},
		{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"},
	}
	for i, r := range messyRows {
		row := []any{i + 1, r.district, r.name, r.status}
		row = append(row, r.cells...)
		rows = append(rows, row)
	}
	rows = append(rows, []any{"Tổng cộng", nil, nil, nil, "52.222", 138, 123, 6, 1234, "3.000,49"})
	b := testkit.NewBook(t).Sheet(s, rows).Sheet("Thông tin", testkit.Cover("", "Rà soát", "20/02/2025"))
	b.Merge(s, "A2", "K2")
	for _, col := range []string{"A", "B", "C", "D", "E", "H", "I", "J", "K"} {
		b.Merge(s, col+"4", col+"5")
	}
	b.Merge(s, "F4", "G4")
	return b.Save(dir, "messy.xlsx")
}

func TestReadMessyReturnEqualsCanonical(t *testing.T) {
	dir := t.TempDir()
	var spec template.ReturnSpec
	spec.Kind, spec.ReportDate = "review", time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC)
	for _, r := range messyRows {
		spec.Rows = append(spec.Rows, template.ReturnRow{Commune: testkit.Commune(t, r.code), Status: r.statusK, Figures: r.want})
	}
	canonRets, canonProbs := ReadFile(writeCanonical(t, dir, "canonical.xlsx", spec), opts())
	testkit.NoErrors(t, canonProbs)
	messyRets, messyProbs := ReadFile(writeMessy(t, dir), opts())
	testkit.NoErrors(t, messyProbs)
	if len(canonRets) != 2 || len(messyRets) != 2 {
		t.Fatalf("want 2 returns (two districts) from each, got %d and %d", len(canonRets), len(messyRets))
	}
	for i := range canonRets {
		c, m := canonRets[i], messyRets[i]
		if c.District != m.District || c.Kind != "review" || m.Kind != "review" {
			t.Errorf("return %d: district %q / %q, kind %q / %q", i, c.District, m.District, c.Kind, m.Kind)
		}
		if got, want := essentials(m.Rows), essentials(c.Rows); !reflect.DeepEqual(got, want) {
			t.Errorf("return %d (%s): messy rows\n%v\nwant (canonical)\n%v", i, c.District, got, want)
		}
	}
	if m := messyRets[0]; m.Columns["addicts_managed"] != "G" || m.Columns["commune"] != "C" || m.Rows[0].Line != 7 {
		t.Errorf("columns %v, first line %d; want addicts_managed in G, commune in C, line 7", m.Columns, m.Rows[0].Line)
	}
	if n := messyRets[0].RowsRead + messyRets[1].RowsRead; n != len(messyRows) {
		t.Errorf("RowsRead %d, want %d (the totals row is not a commune)", n, len(messyRows))
	}
}

// essentials are what must survive any layout: code, status and figures of each row.
func essentials(rows []Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s %q %v", r.Commune.Code, r.Status, r.Figures))
	}
	return out
}

func TestReadCanonicalReturn(t *testing.T) {
	dir := t.TempDir()
	spec := template.ReturnSpec{
		District: testkit.HuyenTraCu, Kind: "phase1", Number: "35/BC-CAH", Author: "Nguyễn Văn A", Phone: "0294 3855 123",
		ReportDate: time.Date(2025, 4, 28, 0, 0, 0, 0, time.UTC), ReceivedDate: time.Date(2025, 5, 2, 0, 0, 0, 0, time.UTC),
		Rows: []template.ReturnRow{
			{Commune: testkit.Commune(t, "29462"), Status: "maintained", Figures: classify.Figures{"population": 12000, "addicts_managed": 4, "on_route": 1}},
			{Commune: testkit.Commune(t, "29494"), Figures: classify.Figures{"population": 9000, "plant_area_m2": 12.5}},
		},
	}
	path := writeCanonical(t, dir, "tra-cu.xlsx", spec)
	rets, probs := ReadFile(path, opts())
	testkit.NoErrors(t, probs)
	ret := oneReturn(t, rets, probs)
	if ret.District != testkit.HuyenTraCu || ret.Kind != "phase1" || ret.Number != "35/BC-CAH" || ret.Author != "Nguyễn Văn A" || ret.Phone != "0294 3855 123" {
		t.Errorf("cover read as %+v", ret)
	}
	if !ret.ReportDate.Equal(spec.ReportDate) || !ret.ReceivedDate.Equal(spec.ReceivedDate) {
		t.Errorf("dates %v, %v; want %v, %v", ret.ReportDate, ret.ReceivedDate, spec.ReportDate, spec.ReceivedDate)
	}
	if ret.CoverSheet != template.CoverSheetName || ret.CoverCells["kind"] != "B2" || ret.Sheet != template.DataSheetName {
		t.Errorf("cover sheet %q, kind cell %q, data sheet %q", ret.CoverSheet, ret.CoverCells["kind"], ret.Sheet)
	}
	if ret.Format != "xlsx" || len(ret.SHA256) != 64 || ret.File != path || ret.RowsRead != 2 {
		t.Errorf("format %q, sha %q, file %q, rows read %d", ret.Format, ret.SHA256, ret.File, ret.RowsRead)
	}
	r := rowByCode(t, ret, "29462")
	if r.Status != "maintained" || r.Line != 2 || !reflect.DeepEqual(r.Figures, spec.Rows[0].Figures) {
		t.Errorf("row %+v", r)
	}
	if _, ok := r.Figures["addicts_total"]; ok {
		t.Error("a blank cell must be absent from Figures")
	}
	if got := rowByCode(t, ret, "29494").Figures["plant_area_m2"]; got != 12.5 {
		t.Errorf("area %v, want 12.5 (a number cell is not Vietnamese text)", got)
	}
}

// dataSheet writes a sheet "Số liệu" with the given header and rows under it (row 2 on).
func dataBook(t *testing.T, district string, header []any, rows ...[]any) *testkit.Book {
	return testkit.NewBook(t).Sheet("Thông tin", testkit.Cover(district, "Rà soát", "20/02/2025")).
		Sheet(template.DataSheetName, append([][]any{header}, rows...))
}

var shortHeader = []any{"Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý", "Diện tích trồng cây có chứa chất ma túy (m²)"}

func TestReadValueProblems(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader,
		[]any{"Hòa Ân", 5000, 20, "12,5", "0,5"},    // row 2
		[]any{"Châu Điền", "năm nghìn", -3, 2, nil}, // row 3
		[]any{"Phong Phú", 4000, 3, 3, -1},          // row 4
		[]any{nil, 100, 1, 1, nil},                  // row 5
		[]any{"Tam Ngãi", nil, nil, nil, "-"},       // row 6
		[]any{"Tam Ngãi", 1, 1, 1, 1},               // row 7
		[]any{"Phường 1", 1, 1, 1, 1},               // row 8
		[]any{"Xã Không Có", 1, 1, 1, 1},            // row 9
		[]any{"Cầu Kè, ngày 20 tháng 02 năm 2025"},  // row 10: footer, not a commune
		[]any{"Người lập biểu"},                     // row 11: footer
	).Save(dir, "values.xlsx")
	rets, probs := ReadFile(path, opts())
	ret := oneReturn(t, rets, probs)
	p := testkit.WantProblem(t, probs, problem.CodeNotInteger, "D2")
	if p.Message != `"12,5" không phải số nguyên (người nghiện có hồ sơ quản lý)` {
		t.Errorf("message %q", p.Message)
	}
	if p.Severity != problem.Error || p.File != path || p.Sheet != template.DataSheetName || p.District != testkit.HuyenCauKe || p.Commune != "Xã Hòa Ân" {
		t.Errorf("problem %+v", p)
	}
	testkit.WantProblem(t, probs, problem.CodeTypeError, "B3")
	testkit.WantProblem(t, probs, problem.CodeNegativeValue, "C3")
	testkit.WantProblem(t, probs, problem.CodeNegativeValue, "E4")
	testkit.WantProblem(t, probs, problem.CodeMissingValue, "A5")
	testkit.WantProblem(t, probs, problem.CodeDuplicateCommune, "A7")
	testkit.WantProblem(t, probs, problem.CodeWrongDistrict, "A8")
	testkit.WantProblem(t, probs, problem.CodeUnknownCommune, "A9")
	if f := rowByCode(t, ret, "29311").Figures; f["plant_area_m2"] != 0.5 || hasKey(f, "addicts_managed") {
		t.Errorf("Hòa Ân figures %v: want area 0.5 and the bad managed count left out", f)
	}
	if f := rowByCode(t, ret, "29314").Figures; hasKey(f, "population") || hasKey(f, "addicts_total") || f["addicts_managed"] != 2 {
		t.Errorf("Châu Điền figures %v", f)
	}
	if f := rowByCode(t, ret, "29332").Figures; len(f) != 1 || f["plant_area_m2"] != 0 {
		t.Errorf("Tam Ngãi figures %v: want only the area, 0 from \"-\"", f)
	}
	if ret.RowsRead != 8 || len(ret.Rows) != 4 {
		t.Errorf("rows read %d, rows %d; want 8 and 4", ret.RowsRead, len(ret.Rows))
	}
}

func hasKey(f classify.Figures, k string) bool {
	_, ok := f[k]
	return ok
}

func TestReadEnglishMessages(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 20, "12,5", nil}).Save(dir, "en.xlsx")
	_, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En})
	p := testkit.WantProblem(t, probs, problem.CodeNotInteger, "D2")
	if p.Message != `"12,5" is not a whole number (managed addicts)` {
		t.Errorf("message %q", p.Message)
	}
}

func TestReadAmbiguousCommunes(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Trà Cú", shortHeader,
		[]any{"Định An", 1, 1, 1, nil},
		[]any{"TT Định An", 2, 2, 2, nil},
		[]any{"Xã Định An", 3, 3, 3, nil},
	).Save(dir, "tra-cu.xlsx")
	rets, probs := ReadFile(path, opts())
	ret := oneReturn(t, rets, probs)
	p := testkit.WantProblem(t, probs, problem.CodeAmbiguousCommune, "A2")
	if !strings.Contains(p.Message, "29462") || !strings.Contains(p.Message, "29494") {
		t.Errorf("message %q should name both candidates", p.Message)
	}
	if got := rowByCode(t, ret, "29462").Figures["population"]; got != 2 {
		t.Errorf("thị trấn Định An population %v, want 2", got)
	}
	if got := rowByCode(t, ret, "29494").Figures["population"]; got != 3 {
		t.Errorf("xã Định An population %v, want 3", got)
	}
}

func TestReadPhuong1NeedsDistrict(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, thị trấn", "Dân số"}
	_, probs := ReadFile(dataBook(t, "", header, []any{"Phường 1", 10}).Save(dir, "bao-cao.xlsx"), opts())
	testkit.WantProblem(t, probs, problem.CodeAmbiguousCommune, "A2")
	rets, probs := ReadFile(dataBook(t, "TP Trà Vinh", header, []any{"Phường 1", 10}).Save(dir, "tp.xlsx"), opts())
	testkit.NoErrors(t, probs)
	if rowByCode(t, oneReturn(t, rets, probs), "29239").Figures["population"] != 10 {
		t.Error("Phường 1 of TP Trà Vinh not read")
	}
}

func TestReadFormerUnit(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Thành phố Trà Vinh", []any{"Xã, phường, thị trấn", "Dân số"}, []any{"Phường 2", 10}).Save(dir, "tp.xlsx")
	_, probs := ReadFile(path, opts())
	p := testkit.WantProblem(t, probs, problem.CodeUnknownCommune, "A2")
	if !strings.Contains(p.Message, "Phường 3") || !strings.Contains(p.Message, "01/01/2025") {
		t.Errorf("message %q should say Phường 2 was merged into Phường 3 on 01/01/2025", p.Message)
	}
}

func TestReadTotalsRow(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader,
		[]any{"Hòa Ân", 5000, 20, 10, "0,5"},
		[]any{"Châu Điền", 4000, nil, 5, "1.000"},
		[]any{"Toan huyen", 9000, 21, 15, "1000,505"},
		[]any{"Cộng", 9001, 20, 15, 1000.52},
	).Save(dir, "totals.xlsx")
	rets, probs := ReadFile(path, opts())
	ret := oneReturn(t, rets, probs)
	if ret.RowsRead != 2 || len(ret.Rows) != 2 {
		t.Errorf("rows read %d: totals rows must not be communes", ret.RowsRead)
	}
	p := testkit.WantProblem(t, probs, problem.CodeTotalMismatch, "C4")
	if !strings.Contains(p.Message, "21") || !strings.Contains(p.Message, "20") {
		t.Errorf("message %q should give the total 21 and the sum 20", p.Message)
	}
	testkit.WantProblem(t, probs, problem.CodeTotalMismatch, "B5")
	testkit.WantProblem(t, probs, problem.CodeTotalMismatch, "E5")
	if n := len(testkit.ProblemsWith(probs, problem.CodeTotalMismatch)); n != 3 {
		t.Errorf("%d total mismatches, want 3 (the area 1000,505 is within 0.01):\n%s", n, testkit.Dump(probs))
	}
}

func TestReadFormulaWithCachedValue(t *testing.T) {
	dir := t.TempDir()
	b := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 20})
	b.Formula(template.DataSheetName, "D2", "NOSUCHFUNCTION(1)")
	path := b.Save(dir, "cached.xlsx")
	testkit.PatchZip(t, path, "xl/worksheets/", "<f>NOSUCHFUNCTION(1)</f>", "<f>NOSUCHFUNCTION(1)</f><v>12</v>")
	rets, probs := ReadFile(path, opts())
	testkit.NoErrors(t, probs)
	if got := rowByCode(t, oneReturn(t, rets, probs), "29311").Figures["addicts_managed"]; got != 12 {
		t.Errorf("managed addicts %v, want the cached 12", got)
	}
}

func TestReadFormulaWithoutCachedValue(t *testing.T) {
	dir := t.TempDir()
	b := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 20}, []any{"Châu Điền", 4000, 7})
	b.Formula(template.DataSheetName, "D2", "C2-5")               // computable
	b.Formula(template.DataSheetName, "D3", "NOSUCHFUNCTION(C3)") // not computable
	rets, probs := ReadFile(b.Save(dir, "formulas.xlsx"), opts())
	ret := oneReturn(t, rets, probs)
	if got := rowByCode(t, ret, "29311").Figures["addicts_managed"]; got != 15 {
		t.Errorf("D2 = C2-5 read as %v, want 15", got)
	}
	p := testkit.WantProblem(t, probs, problem.CodeFormulaWithoutValue, "D3")
	if !strings.Contains(p.Message, "NOSUCHFUNCTION(C3)") {
		t.Errorf("message %q should show the formula", p.Message)
	}
	if hasKey(rowByCode(t, ret, "29314").Figures, "addicts_managed") {
		t.Error("a formula without value must be unknown, not empty or zero")
	}
}

func TestReadDistrictColumn(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Huyện, thị xã, thành phố", "Xã, phường, thị trấn", "Dân số"}
	path := dataBook(t, "", header,
		[]any{"Huyện Cầu Kè", "Hòa Ân", 1},
		[]any{"TX Duyên Hải", "Phường 1", 2},
		[]any{"Cầu Kè", "Châu Điền", 3},
		[]any{"Duyên Hải", "Long Toàn", 4},
		[]any{"Huyện Cầu Kè", "Phường 2", 5},
	).Save(dir, "tinh.xlsx")
	rets, probs := ReadFile(path, opts())
	if len(rets) != 2 || rets[0].District != testkit.HuyenCauKe || rets[1].District != testkit.TxDuyenHai {
		t.Fatalf("returns %v; want Cầu Kè then TX Duyên Hải:\n%s", districtsOf(rets), testkit.Dump(probs))
	}
	if len(rets[0].Rows) != 2 || rowByCode(t, rets[1], "29512").Figures["population"] != 2 {
		t.Errorf("rows %v / %v", essentials(rets[0].Rows), essentials(rets[1].Rows))
	}
	p := testkit.WantProblem(t, probs, problem.CodeUnknownDistrict, "A5")
	if !strings.Contains(p.Message, "Thị xã Duyên Hải") || !strings.Contains(p.Message, "Huyện Duyên Hải") {
		t.Errorf("message %q should name both Duyên Hải", p.Message)
	}
	testkit.WantProblem(t, probs, problem.CodeWrongDistrict, "B6")
	if got := testkit.ProblemsWith(probs, problem.CodeMissingMetadata); len(got) != 0 {
		t.Errorf("several districts may leave the cover's district blank:\n%s", testkit.Dump(got))
	}
}

func districtsOf(rets []*Return) []string {
	var out []string
	for _, r := range rets {
		out = append(out, r.District)
	}
	return out
}

func TestReadSheetPerDistrict(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, thị trấn", "Dân số"}
	path := testkit.NewBook(t).
		Sheet("Thông tin", testkit.Cover("", "Giai đoạn 1", "28/04/2025")).
		Sheet("Càng Long", [][]any{header, {"Mỹ Cẩm", 1}}).
		Sheet("TP Trà Vinh", [][]any{header, {"Phường 1", 2}}).
		Sheet("TX Duyên Hải", [][]any{header, {"Phường 1", 3}}).
		Save(dir, "ca-tinh.xlsx")
	rets, probs := ReadFile(path, opts())
	testkit.NoErrors(t, probs)
	want := []string{"Huyện Càng Long", testkit.TpTraVinh, testkit.TxDuyenHai}
	if got := districtsOf(rets); !reflect.DeepEqual(got, want) {
		t.Fatalf("districts %v, want %v", got, want)
	}
	if rowByCode(t, rets[2], "29512").Figures["population"] != 3 || rets[2].Sheet != "TX Duyên Hải" || rets[2].Kind != "phase1" {
		t.Errorf("TX Duyên Hải return %+v", rets[2])
	}
}

func TestReadDistrictFromFileName(t *testing.T) {
	dir := t.TempDir()
	path := testkit.NewBook(t).Sheet("Sheet1", [][]any{{"Xã, phường, thị trấn", "Dân số"}, {"Mỹ Cẩm", 1}}).Save(dir, "BC_Cang_Long.xlsx")
	rets, probs := ReadFile(path, opts())
	if ret := oneReturn(t, rets, probs); ret.District != "Huyện Càng Long" {
		t.Errorf("district %q, want Huyện Càng Long from the file name", ret.District)
	}
	found := false
	for _, p := range testkit.ProblemsWith(probs, problem.CodeMissingMetadata) {
		found = found || strings.Contains(p.Message, "tên tệp")
		if p.Severity != problem.Warning {
			t.Errorf("missing metadata must be a warning: %+v", p)
		}
	}
	if !found {
		t.Errorf("want a missing-metadata warning saying the district came from the file name:\n%s", testkit.Dump(probs))
	}
}

func TestReadNumberCellsAreNotVietnameseText(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader,
		[]any{"Hòa Ân", nil, nil, nil, 1.234},      // a number cell: 1.234 m²
		[]any{"Châu Điền", nil, nil, nil, "1.234"}, // text: 1234 m²
	).Save(dir, "so.xlsx")
	rets, probs := ReadFile(path, opts())
	testkit.NoErrors(t, probs)
	ret := oneReturn(t, rets, probs)
	if got := rowByCode(t, ret, "29311").Figures["plant_area_m2"]; got != 1.234 {
		t.Errorf("number cell read as %v, want 1.234", got)
	}
	if got := rowByCode(t, ret, "29314").Figures["plant_area_m2"]; got != 1234 {
		t.Errorf("text cell read as %v, want 1234", got)
	}
}

func TestReadPlanKindWithoutDataSheet(t *testing.T) {
	dir := t.TempDir()
	path := testkit.NewBook(t).Sheet("Thông tin", testkit.Cover("Huyện Cầu Kè", "Kế hoạch", "25/03/2025")).Save(dir, "ke-hoach.xlsx")
	rets, probs := ReadFile(path, opts())
	testkit.NoErrors(t, probs)
	if ret := oneReturn(t, rets, probs); ret.Kind != "plan" || ret.District != testkit.HuyenCauKe || len(ret.Rows) != 0 {
		t.Errorf("return %+v", ret)
	}
}

// A figure above cell.MaxFigure (10^12) is a typing error, reported and left out: the
// plans compare figures exactly in 64-bit integers, which 10^17 people or 10^300 m² would
// overflow (a category decided by the overflow). 10^12 itself is read.
func TestReadFigureTooBig(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader,
		[]any{"Hòa Ân", 1e12, "1000000000000", 2, "1e300"},          // row 2
		[]any{"Châu Điền", "1000000000001", 1e17, 2, 1000000000001}, // row 3
	).Save(dir, "big.xlsx")
	rets, probs := ReadFile(path, opts())
	ret := oneReturn(t, rets, probs)
	for _, at := range []string{"E2", "B3", "C3", "E3"} {
		p := testkit.WantProblem(t, probs, problem.CodeTypeError, at)
		if !strings.Contains(p.Message, "lớn hơn mọi số liệu có thể có của một xã") {
			t.Errorf("%s: message %q", at, p.Message)
		}
	}
	if f := rowByCode(t, ret, "29311").Figures; f["population"] != 1e12 || f["addicts_total"] != 1e12 || hasKey(f, "plant_area_m2") {
		t.Errorf("Hòa Ân figures %v: want 10^12 read twice and 10^300 left out", f)
	}
	if f := rowByCode(t, ret, "29314").Figures; hasKey(f, "population") || hasKey(f, "addicts_total") || hasKey(f, "plant_area_m2") || f["addicts_managed"] != 2 {
		t.Errorf("Châu Điền figures %v: want only the managed addicts", f)
	}
}
