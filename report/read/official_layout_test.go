package read

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
)

// Issue 12: returns as offices send them, one failure of the issue per test. Each
// workbook is one sheet of an official document, without a cover, built here.

// letterhead is the top of an official document of Huyện Cầu Kè: letterhead, number,
// date line and title, then the lines given.
func letterhead(more ...[]any) [][]any {
	rows := [][]any{
		{"UBND HUYỆN CẦU KÈ", nil, nil, nil, nil, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"CÔNG AN HUYỆN CẦU KÈ", nil, nil, nil, nil, "Độc lập - Tự do - Hạnh phúc"},
		{"Số: 302/BC-CAH", nil, nil, nil, nil, "Cầu Kè, ngày 25 tháng 04 năm 2025"},
		{},
		{"BÁO CÁO"},
		{"Kết quả xây dựng xã, thị trấn không ma túy giai đoạn 1"},
		{"(Kèm theo Kế hoạch số 16/KH-UBND ngày 17/02/2025 của UBND tỉnh)"},
	}
	return append(rows, more...)
}

// signature is what follows an official table: notes, "Nơi nhận", the signatures with
// their titles across the figure columns, and the names under them.
var signature = [][]any{
	{},
	{"Ghi chú:"},
	{"- Số liệu tính đến ngày 30/11/2025."},
	{},
	{nil, "NGƯỜI LẬP BIỂU", nil, nil, "KT. TRƯỞNG CÔNG AN HUYỆN"},
	{nil, "(Ký, ghi rõ họ tên)", nil, nil, "PHÓ TRƯỞNG CÔNG AN HUYỆN"},
	{nil, nil, nil, nil, "(Ký, đóng dấu)"},
	{"Nơi nhận:"},
	{"- Công an tỉnh (PC04);", nil, nil, nil, "Thượng tá Nguyễn Văn Bình"},
	{"- Lưu: VT.", "Đại úy Trần Thị Cúc"},
}

var cauKeRows = [][]any{
	{1, "Thị trấn Cầu Kè", 15000, 3, 2},
	{2, "Xã Hòa Ân", 8000, 0, 0},
	{3, "Xã Châu Điền", 7000, 12, 10},
}

// table is a one-row header (STT, commune, population, addicts, managed) and the Cầu Kè
// communes.
func table(communeHeader string) [][]any {
	return append([][]any{{"STT", communeHeader, "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"}}, cauKeRows...)
}

func rowsOf(parts ...[][]any) [][]any {
	var out [][]any
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// wantCauKe fails unless the return is Cầu Kè's phase 1 return no. 302 of 25/04/2025, with
// the figures of cauKeRows. (A district's return is dated before the reform of 1 July 2025:
// after it the communes report for themselves, TestOfficialCommuneAfterTheReform.)
func wantCauKe(t *testing.T, rets []*Return, probs []problem.Problem) *Return {
	t.Helper()
	testkit.NoErrors(t, probs)
	ret := oneReturn(t, rets, probs)
	if ret.District != testkit.HuyenCauKe || ret.Kind != "phase1" || ret.Number != "302/BC-CAH" || !ret.ReportDate.Equal(time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("read as %q, %q, %q, %v; want Huyện Cầu Kè, phase1, 302/BC-CAH, 2025-04-25", ret.District, ret.Kind, ret.Number, ret.ReportDate)
	}
	want := map[string]classify.Figures{
		"29308": {"population": 15000, "addicts_total": 3, "addicts_managed": 2},
		"29311": {"population": 8000, "addicts_total": 0, "addicts_managed": 0},
		"29314": {"population": 7000, "addicts_total": 12, "addicts_managed": 10},
	}
	if len(ret.Rows) != len(want) {
		t.Errorf("%d communes read, want %d: %v", len(ret.Rows), len(want), essentials(ret.Rows))
	}
	for code, fig := range want {
		if got := rowByCode(t, ret, code).Figures; !sameFigures(got, fig) {
			t.Errorf("commune %s: figures %v, want %v", code, got, fig)
		}
	}
	return ret
}

func sameFigures(a, b classify.Figures) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// noProblems fails on any problem but the warnings that the small tables of these tests
// lack columns the classification needs.
func noProblems(t *testing.T, probs []problem.Problem) {
	t.Helper()
	for _, p := range probs {
		if p.Code != problem.CodeMissingColumn || p.Cell != "" {
			t.Errorf("unexpected problem: %s", testkit.Dump([]problem.Problem{p}))
		}
	}
}

// noCoverTalk fails when a message speaks of a cover sheet as if there were one.
func noCoverTalk(t *testing.T, probs []problem.Problem) {
	t.Helper()
	for _, p := range probs {
		if strings.Contains(p.Message, "trang bìa không") || strings.Contains(p.Message, "cover does not") {
			t.Errorf("a message speaks of a cover the workbook does not have: %s", p.Message)
		}
	}
}

// The letterhead and title give the district, number, date and kind; no message speaks
// of a cover; the signature block is not read as communes.
func TestOfficialLetterheadAndSignature(t *testing.T) {
	dir := t.TempDir()
	path := testkit.NewBook(t).Sheet("Sheet1", rowsOf(letterhead(), table("Xã, phường, thị trấn"), signature)).Save(dir, "bao-cao.xlsx")
	rets, probs := ReadFile(path, opts())
	ret := wantCauKe(t, rets, probs)
	noProblems(t, probs)
	if ret.CoverCells["report_date"] != "F3" || ret.CoverCells["number"] != "A3" || ret.CoverCells["kind"] != "A6" || ret.CoverCells["district"] != "A2" {
		t.Errorf("metadata found in %v; want the date in F3, the number in A3, the kind in A6, the district in A2", ret.CoverCells)
	}
}

// A letterhead without date line and a title without kind: the warnings say so, and say
// where they looked, not "the cover does not give".
func TestOfficialMissingMetadataNamesTheLetterhead(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf([][]any{{"UBND HUYỆN CẦU KÈ"}, {"CÔNG AN HUYỆN CẦU KÈ"}, {"Số: 302/BC-CAH"}, {}, {"BÁO CÁO TÌNH HÌNH"}}, table("Xã, phường, thị trấn"))
	path := testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "bc.xlsx")
	_, probs := ReadFile(path, opts())
	noCoverTalk(t, probs)
	var kind, date bool
	for _, p := range testkit.ProblemsWith(probs, problem.CodeMissingMetadata) {
		kind = kind || strings.Contains(p.Message, "tiêu đề văn bản")
		date = date || strings.Contains(p.Message, "phần đầu văn bản")
		if p.Sheet != "Sheet1" {
			t.Errorf("missing metadata should point at the sheet: %+v", p)
		}
	}
	if !kind || !date {
		t.Errorf("want warnings naming the title (kind) and the letterhead (date):\n%s", testkit.Dump(probs))
	}
}

// A date in a "Căn cứ" line and "giai đoạn 2021-2025" in a citation are not the return's.
func TestOfficialCitationsAreNotMetadata(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf([][]any{
		{"UBND HUYỆN CẦU KÈ"}, {"CÔNG AN HUYỆN CẦU KÈ"}, {"Số: 302/BC-CAH", nil, nil, nil, nil, "Cầu Kè, ngày 25 tháng 04 năm 2025"}, {},
		{"BÁO CÁO"}, {"Kết quả xây dựng xã, thị trấn không ma túy giai đoạn 1"},
		{"Căn cứ Kế hoạch số 16/KH-UBND ngày 17 tháng 02 năm 2025 của Ủy ban nhân dân tỉnh Trà Vinh;"},
		{"Căn cứ Chương trình phòng, chống ma túy giai đoạn 2021-2025;"},
		{"Căn cứ kết quả giai đoạn 2 của Công an huyện Tiểu Cần;"},
	}, table("Xã, phường, thị trấn"))
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "bc.xlsx"), opts())
	wantCauKe(t, rets, probs)
}

// The kind in the title: "giai đoạn 2021-2025" is no phase 2; "sơ kết" is phase 3; "rà
// soát" the review; "Kế hoạch" in a title is no kind of a data return.
func TestOfficialKindFromTitle(t *testing.T) {
	dir := t.TempDir()
	for title, want := range map[string]string{
		"Kết quả xây dựng xã, thị trấn không ma túy giai đoạn 3":                      "phase3",
		"SƠ KẾT CÔNG TÁC CHUYỂN HÓA ĐỊA BÀN NĂM 2025":                                 "phase3",
		"Kết quả rà soát, đánh giá tình hình xã, thị trấn có ma túy theo Kế hoạch 16": "review",
		"Kết quả thực hiện Kế hoạch xây dựng xã không ma túy, giai đoạn II":           "phase2",
		"Kết quả Chương trình phòng, chống ma túy giai đoạn 2021-2025":                "",
	} {
		rows := rowsOf([][]any{{"CÔNG AN HUYỆN CẦU KÈ"}, {"BÁO CÁO"}, {title}}, table("Xã, phường, thị trấn"))
		rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "k.xlsx"), opts())
		if ret := oneReturn(t, rets, probs); ret.Kind != want {
			t.Errorf("title %q read as kind %q, want %q", title, ret.Kind, want)
		}
	}
}

// The commune column under the headers of rural districts, and the total of addicts under
// a group header.
func TestOfficialCommuneAndGroupHeaders(t *testing.T) {
	dir := t.TempDir()
	for _, h := range []string{"Tên xã, thị trấn", "Xã, thị trấn", "Xã", "Đơn vị", "Tên đơn vị", "Địa bàn"} {
		rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rowsOf(letterhead(), table(h))).Save(dir, "h.xlsx"), opts())
		t.Run(h, func(t *testing.T) { wantCauKe(t, rets, probs) })
	}
	for _, g := range [][2]string{
		{"Người nghiện ma túy", "Có hồ sơ quản lý"},
		{"Số người nghiện", "Trong đó: có hồ sơ quản lý"},
		{"Người nghiện", "Trong đó: có hồ sơ quản lý"},
	} {
		header := [][]any{
			{"STT", "Xã, thị trấn", "Dân số", g[0]},
			{nil, nil, nil, "Tổng số", g[1]},
		}
		b := testkit.NewBook(t).Sheet("Sheet1", rowsOf(letterhead(), header, cauKeRows))
		b.Merge("Sheet1", "D8", "E8")
		for _, c := range []string{"A", "B", "C"} {
			b.Merge("Sheet1", c+"8", c+"9")
		}
		rets, probs := ReadFile(b.Save(dir, "g.xlsx"), opts())
		t.Run(g[0]+"/"+g[1], func(t *testing.T) { wantCauKe(t, rets, probs) })
	}
}

// A header below row 15 (letterhead and "Căn cứ" lines) is found; one below row 40 is not,
// and the message says which rows were searched.
func TestOfficialHeaderBelowRow15(t *testing.T) {
	dir := t.TempDir()
	var cites [][]any
	for i := 0; i < 18; i++ {
		cites = append(cites, []any{"Căn cứ văn bản số " + strconv.Itoa(i+1) + "/CAT ngày 01/11/2025;"})
	}
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rowsOf(letterhead(cites...), table("Xã, phường, thị trấn"))).Save(dir, "deep.xlsx"), opts())
	if ret := wantCauKe(t, rets, probs); ret.Rows[0].Line != 27 {
		t.Errorf("first commune on line %d, want 27 (header on row 26)", ret.Rows[0].Line)
	}
	for i := 0; i < 20; i++ {
		cites = append(cites, []any{"Căn cứ văn bản khác;"})
	}
	_, probs = ReadFile(testkit.NewBook(t).Sheet("Sheet1", rowsOf(letterhead(cites...), table("Xã, phường, thị trấn"))).Save(dir, "too-deep.xlsx"), opts())
	p := testkit.WantProblem(t, probs, problem.CodeNoDataSheet, "")
	if !strings.Contains(p.Message, "40 dòng đầu") {
		t.Errorf("message %q should say the first 40 rows were searched", p.Message)
	}
}

// Group rows, column numbers, a totals row above the communes and one below, a header
// printed again on a new page: none is a commune, none a problem.
func TestOfficialLayoutRows(t *testing.T) {
	dir := t.TempDir()
	header := []any{"STT", "Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"}
	rows := rowsOf(letterhead(), [][]any{
		header,
		{"(1)", "(2)", "(3)", "(4)", "(5)"},
		{nil, "TOÀN HUYỆN", 30000, 15, 12},
		{"I", "Thị trấn"},
		cauKeRows[0],
		{"II", "Các xã"},
		cauKeRows[1],
		header, // a new page
		{"(1)", "(2)", "(3)", "(4)", "(5)"},
		cauKeRows[2],
		{nil, "Tổng cộng", 30000, 15, 12},
	}, signature)
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "layout.xlsx"), opts())
	ret := wantCauKe(t, rets, probs)
	noProblems(t, probs)
	if ret.RowsRead != 3 {
		t.Errorf("%d rows read, want 3", ret.RowsRead)
	}
}

// A totals row above the communes is still checked: against the sum of every row.
func TestOfficialTotalsAboveAreChecked(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf(letterhead(), [][]any{
		{"STT", "Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"},
		{nil, "TOÀN HUYỆN", 30000, 16, 12},
	}, cauKeRows)
	_, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "top.xlsx"), opts())
	p := testkit.WantProblem(t, probs, problem.CodeTotalMismatch, "D9")
	if !strings.Contains(p.Message, "16") || !strings.Contains(p.Message, "15") {
		t.Errorf("message %q should give the total 16 and the sum 15", p.Message)
	}
	if n := len(testkit.ProblemsWith(probs, problem.CodeTotalMismatch)); n != 1 {
		t.Errorf("%d total mismatches, want 1:\n%s", n, testkit.Dump(probs))
	}
}

// A commune header merged across two columns, the unit's type in one and its name in the
// other, is one column, not a duplicate.
func TestOfficialMergedCommuneHeader(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf(letterhead(), [][]any{
		{"STT", "Xã, phường, thị trấn", nil, "Dân số", "Người nghiện ma túy"},
		{nil, nil, nil, nil, "Tổng số", "Có hồ sơ quản lý"},
		{1, "TT", "Cầu Kè", 15000, 3, 2},
		{2, "Xã", "Hòa Ân", 8000, 0, 0},
		{3, "Xã", "Châu Điền", 7000, 12, 10},
	})
	b := testkit.NewBook(t).Sheet("Sheet1", rows)
	b.Merge("Sheet1", "B8", "C9").Merge("Sheet1", "E8", "F8").Merge("Sheet1", "A8", "A9").Merge("Sheet1", "D8", "D9")
	rets, probs := ReadFile(b.Save(dir, "merged.xlsx"), opts())
	if len(testkit.ProblemsWith(probs, problem.CodeDuplicateColumn)) > 0 {
		t.Errorf("a merged header is no duplicate column:\n%s", testkit.Dump(probs))
	}
	wantCauKe(t, rets, probs)
}

// A hidden sheet with last period's figures, first in the workbook, is not read; nor is
// a hidden column "Dân số (năm 2024)" beside "Dân số", nor a hidden list sheet.
func TestOfficialHiddenSheetsAndColumns(t *testing.T) {
	dir := t.TempDir()
	old := [][]any{{"BÁO CÁO GIAI ĐOẠN 2"}, {"STT", "Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"}}
	for _, r := range cauKeRows {
		old = append(old, []any{r[0], r[1], 1, 99, 99})
	}
	current := rowsOf(letterhead(), [][]any{{"STT", "Xã, phường, thị trấn", "Dân số (năm 2024)", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"}})
	for _, r := range cauKeRows {
		current = append(current, []any{r[0], r[1], 5, r[2], r[3], r[4]})
	}
	b := testkit.NewBook(t).Sheet("GĐ2", old).Sheet("BC", current).
		Sheet("DM", [][]any{{"Xã, phường, thị trấn", "Tình trạng"}, {"Hòa Ân", "Chuyển hóa"}, {"Châu Điền", "Duy trì"}})
	if err := b.F.MoveSheet("GĐ2", "BC"); err != nil {
		t.Fatal(err)
	}
	idx, _ := b.F.GetSheetIndex("BC")
	b.F.SetActiveSheet(idx)
	for _, s := range []string{"GĐ2", "DM"} {
		if err := b.F.SetSheetVisible(s, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.F.SetColVisible("BC", "C", false); err != nil {
		t.Fatal(err)
	}
	rets, probs := ReadFile(b.Save(dir, "hidden.xlsx"), opts())
	wantCauKe(t, rets, probs)
	noProblems(t, probs)
}

// A visible list sheet for a drop-down is not a return either.
func TestOfficialVisibleListSheet(t *testing.T) {
	dir := t.TempDir()
	b := testkit.NewBook(t).Sheet("BC", rowsOf(letterhead(), table("Xã, phường, thị trấn"))).
		Sheet("DM", [][]any{{"Xã, phường, thị trấn", "Tình trạng"}, {"Hòa Ân", "Chuyển hóa"}, {"Châu Điền", "Duy trì"}})
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "F9:F20"
	dv.SetSqrefDropList("DM!$B$2:$B$3")
	if err := b.F.AddDataValidation("BC", dv); err != nil {
		t.Fatal(err)
	}
	rets, probs := ReadFile(b.Save(dir, "list.xlsx"), opts())
	wantCauKe(t, rets, probs)
	noProblems(t, probs)
}

// A Cầu Kè return saved as tieu-can.xlsx, without letterhead: the communes outrank the file
// name, and a warning says so. With a letterhead naming Cầu Kè, the letterhead outranks
// the file name and nothing is said.
func TestOfficialCommunesOutrankTheFileName(t *testing.T) {
	dir := t.TempDir()
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", table("Xã, phường, thị trấn")).Save(dir, "tieu-can.xlsx"), opts())
	testkit.NoErrors(t, probs)
	ret := oneReturn(t, rets, probs)
	if ret.District != testkit.HuyenCauKe || len(ret.Rows) != 3 {
		t.Fatalf("read as %q with %d communes, want Huyện Cầu Kè with 3:\n%s", ret.District, len(ret.Rows), testkit.Dump(probs))
	}
	warned := false
	for _, p := range testkit.ProblemsWith(probs, problem.CodeWrongDistrict) {
		warned = p.Severity == problem.Warning && strings.Contains(p.Message, "Tên tệp ghi Huyện Tiểu Cần") && strings.Contains(p.Message, testkit.HuyenCauKe)
	}
	if !warned {
		t.Errorf("want a warning that the communes outrank the file name:\n%s", testkit.Dump(probs))
	}
	rets, probs = ReadFile(testkit.NewBook(t).Sheet("Sheet1", rowsOf(letterhead(), table("Xã, phường, thị trấn"))).Save(dir, "tieu-can-2.xlsx"), opts())
	wantCauKe(t, rets, probs)
	noProblems(t, probs) // the letterhead outranks the file name, silently
}

// The letterhead says Tiểu Cần but every commune is Cầu Kè's: the communes win, and the
// warning points at the letterhead's cell.
func TestOfficialCommunesOutrankTheLetterhead(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf([][]any{{"UBND HUYỆN TIỂU CẦN"}, {"CÔNG AN HUYỆN TIỂU CẦN"}}, table("Xã, phường, thị trấn"))
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "bc.xlsx"), opts())
	testkit.NoErrors(t, probs)
	if ret := oneReturn(t, rets, probs); ret.District != testkit.HuyenCauKe || len(ret.Rows) != 3 {
		t.Errorf("read as %q with %d communes, want Huyện Cầu Kè with 3", ret.District, len(ret.Rows))
	}
	p := testkit.WantProblem(t, probs, problem.CodeWrongDistrict, "A2")
	if p.Severity != problem.Warning || !strings.Contains(p.Message, "hần đầu văn bản (ô A2) ghi Huyện Tiểu Cần") {
		t.Errorf("want a warning naming the letterhead: %+v", p)
	}
	// One commune of another district among the district's own: that one is wrong.
	rows = rowsOf(letterhead(), table("Xã, phường, thị trấn"), [][]any{{4, "Xã Hiếu Tử", 100, 0, 0}})
	_, probs = ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "bc2.xlsx"), opts())
	if p := testkit.WantProblem(t, probs, problem.CodeWrongDistrict, "B12"); p.Severity != problem.Error {
		t.Errorf("a commune of another district among Cầu Kè's is an error: %+v", p)
	}
}

// An area computed as 999.9999999999999 (Excel shows 1000) is 1000 m²: Type II.
func TestOfficialFormulaResultRounded(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf(letterhead(), [][]any{
		{"STT", "Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý", "Diện tích trồng cây có chứa chất ma túy (m²)"},
		{1, "Hòa Ân", 8000, 0, 0, 999.9999999999999},
	})
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "area.xlsx"), opts())
	testkit.NoErrors(t, probs)
	fig := rowByCode(t, oneReturn(t, rets, probs), "29311").Figures
	if fig["plant_area_m2"] != 1000 {
		t.Errorf("area %v, want 1000", fig["plant_area_m2"])
	}
	for _, k := range ClassificationFields(testkit.TestPlan) {
		if _, ok := fig[k]; !ok {
			fig[k] = 0
		}
	}
	if c := classify.Classify(testkit.TestPlan, fig).Category; c != "type-2" {
		t.Errorf("category %q, want type-2 (1000 m² and more)", c)
	}
}

// "'17676", an apostrophe typed in front of a figure, is the figure.
func TestOfficialApostrophe(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf(letterhead(), [][]any{
		{"STT", "Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"},
		{1, "'Thị trấn Cầu Kè", "'15000", "'3", "'2"},
		{2, "Xã Hòa Ân", "'8.000", "'0", "0"},
		{3, "Xã Châu Điền", "'7000", "12", "'10"},
	})
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "apostrophe.xlsx"), opts())
	wantCauKe(t, rets, probs)
}

// "Phường 1" is resolved once the letterhead names the city.
func TestOfficialPhuong1ByLetterhead(t *testing.T) {
	dir := t.TempDir()
	rows := [][]any{
		{"UBND THÀNH PHỐ TRÀ VINH"}, {"CÔNG AN THÀNH PHỐ TRÀ VINH"}, {"Số: 12/BC-CATP", nil, nil, "Trà Vinh, ngày 24 tháng 04 năm 2025"},
		{"BÁO CÁO"}, {"Kết quả giai đoạn 1 công tác chuyển hóa địa bàn năm 2025"},
		{"STT", "Xã, phường, thị trấn", "Dân số"},
		{1, "Phường 1", 10},
		{2, "Phường 4", 20},
	}
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "bc.xlsx"), opts())
	testkit.NoErrors(t, probs)
	ret := oneReturn(t, rets, probs)
	if ret.District != testkit.TpTraVinh || ret.Kind != "phase1" || rowByCode(t, ret, "29239").Figures["population"] != 10 {
		t.Errorf("read as %q, %q, rows %v", ret.District, ret.Kind, essentials(ret.Rows))
	}
}

// A layout the reader cannot take still gets a message naming the row and what was
// expected: a header without commune column.
func TestOfficialRejectedLayoutNamesTheRow(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf(letterhead(), [][]any{{"STT", "Ấp", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"}, {1, "Ấp 1", 100, 1, 1}})
	_, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(dir, "ap.xlsx"), opts())
	p := testkit.WantProblem(t, probs, problem.CodeMissingColumn, "A8")
	if !strings.Contains(p.Message, "dòng 8") || !strings.Contains(p.Message, "Xã, phường, thị trấn") {
		t.Errorf("message %q should name row 8 and the commune column expected", p.Message)
	}
}

// The layout words are the plan's: a province adds its own (a totals label, a group row,
// a group header, a commune header) in its plan file, and the reader takes them.
func TestOfficialVocabularyFromThePlan(t *testing.T) {
	dir := t.TempDir()
	rows := rowsOf(letterhead(), [][]any{
		{"STT", "Địa bàn cấp xã trực thuộc", "Dân số", "Đối tượng nghiện"},
		{nil, nil, nil, "Tổng số", "Có hồ sơ quản lý"},
		{nil, "TOÀN QUẬN", 30000, 15, 12},
		{"A", "Cụm thị trấn"},
		cauKeRows[0],
		{"B", "Cụm xã"},
		cauKeRows[1], cauKeRows[2],
	})
	b := testkit.NewBook(t).Sheet("Sheet1", rows)
	b.Merge("Sheet1", "D8", "E8")
	path := b.Save(dir, "mine.xlsx")

	_, probs := ReadFile(path, opts())
	if len(testkit.ProblemsWith(probs, problem.CodeNoDataSheet))+len(testkit.ProblemsWith(probs, problem.CodeMissingColumn)) == 0 {
		t.Fatalf("the embedded plan should not know these words:\n%s", testkit.Dump(probs))
	}
	text := string(criteria.DefaultYAML())
	for _, edit := range [][2]string{
		{"variants: [tên xã, tên đơn vị,", "variants: [địa bàn cấp xã trực thuộc, tên xã, tên đơn vị,"},
		{"  totals: [", "  totals: [toàn quận, "},
		{"  group_rows: [", "  group_rows: [cụm thị trấn, cụm xã, "},
		{"    - names: [người nghiện, ", "    - names: [đối tượng nghiện, người nghiện, "},
	} {
		if !strings.Contains(text, edit[0]) {
			t.Fatalf("%q is not in the plan", edit[0])
		}
		text = strings.Replace(text, edit[0], edit[1], 1)
	}
	mine, err := criteria.Parse("mine.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	rets, probs := ReadFile(path, ReadOptions{Plan: mine})
	wantCauKe(t, rets, probs)
	noProblems(t, probs)
}

// Two visible sheets with the same district's table for the same kind (a draft kept
// beside the final one): the first is read, the other reported.
func TestOfficialTwoSheetsOfOneReturn(t *testing.T) {
	dir := t.TempDir()
	draft := rowsOf(letterhead(), table("Xã, phường, thị trấn"))
	draft[len(draft)-1] = []any{3, "Xã Châu Điền", 1, 1, 1}
	path := testkit.NewBook(t).Sheet("BC", rowsOf(letterhead(), table("Xã, phường, thị trấn"))).Sheet("BC (nháp)", draft).Save(dir, "two.xlsx")
	rets, probs := ReadFile(path, opts())
	if ret := wantCauKe(t, rets, probs); ret.Sheet != "BC" {
		t.Errorf("sheet %q read, want BC (the first)", ret.Sheet)
	}
	p := testkit.WantProblem(t, probs, problem.CodeSuperseded, "")
	if p.Severity != problem.Warning || p.Sheet != "BC (nháp)" || !strings.Contains(p.Message, `"BC"`) {
		t.Errorf("want a warning on the other sheet naming the one read: %+v", p)
	}
}

// A header of three rows (a heading over the group over its columns), repeated whole on
// a new page, and a number written "302 /BC-CAH".
func TestOfficialThreeRowHeaderRepeated(t *testing.T) {
	dir := t.TempDir()
	header := [][]any{
		{"STT", "Xã, phường, thị trấn", "Dân số", "Tình hình người nghiện"},
		{nil, nil, nil, "Người nghiện ma túy"},
		{nil, nil, nil, "Tổng số", "Trong đó: có hồ sơ quản lý"},
	}
	top := [][]any{
		{"UBND HUYỆN CẦU KÈ"}, {"CÔNG AN HUYỆN CẦU KÈ"}, {"Số: 302 /BC-CAH", nil, nil, nil, "Cầu Kè, ngày 25 tháng 04 năm 2025"},
		{"BÁO CÁO"}, {"Kết quả xây dựng xã, thị trấn không ma túy giai đoạn 1"},
	}
	rows := rowsOf(top, header, cauKeRows[:2], header, cauKeRows[2:], signature)
	b := testkit.NewBook(t).Sheet("Sheet1", rows)
	for _, at := range []int{6, 11} { // the header's first row, on each page
		r := strconv.Itoa
		b.Merge("Sheet1", "D"+r(at), "E"+r(at)).Merge("Sheet1", "D"+r(at+1), "E"+r(at+1))
		for _, c := range []string{"A", "B", "C"} {
			b.Merge("Sheet1", c+r(at), c+r(at+2))
		}
	}
	rets, probs := ReadFile(b.Save(dir, "three.xlsx"), opts())
	wantCauKe(t, rets, probs)
	noProblems(t, probs)
}
