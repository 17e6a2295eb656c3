package cmd

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drugfree/internal/testkit"
)

// annotateHeader is the data sheet's header of the returns these tests build.
// (the columns classification needs: a return without one of them has a warning).
var annotateHeader = []any{"Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý", "Tụ điểm, điểm phức tạp, bán lẻ ma túy",
	"Người sử dụng trái phép chất ma túy", "Số cây có chứa chất ma túy", "Diện tích trồng cây có chứa chất ma túy (m²)", "Đối tượng phạm tội về ma túy",
	"Vụ vi phạm khác về ma túy", "Nằm trên tuyến trọng điểm"}

// writeAnnotateReturns writes, in dir, bad.xlsx (Cầu Kè's review, dressed as a sender
// dresses it, with an error in a cell, a blank, and communes missing) and good.xlsx (xã Cầu
// Kè's phase 3, without a problem).
func writeAnnotateReturns(t *testing.T, dir string) {
	b := testkit.NewBook(t).
		Sheet("Thông tin", testkit.Cover("Huyện Cầu Kè", "Rà soát", "20/02/2025")).
		Sheet("Số liệu", [][]any{
			annotateHeader,
			{"Thị trấn Cầu Kè", 12000, 70, 80, 0, 1, 0, 0, 2, 0, "Không"}, // D2: more managed than addicts
			{"Hòa Ân", 9000, 5, 5, nil, 0, 0, 0, 0, 0, "Không"},           // E3: blank
			{"Châu Điền", 8000, 0, 0, 0, 0, 0, 0, 0, 0, "Không"},
		})
	// The sender's formatting of the cells to be marked, and a note of its own on D2.
	bold, err := b.F.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F4E79"}, NumFmt: 3,
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{"D2", "E3"} {
		if err := b.F.SetCellStyle("Số liệu", cell, cell, bold); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.F.AddComment("Số liệu", excelize.Comment{Cell: "D2", Author: "Người lập", Text: "Số liệu của trạm y tế"}); err != nil {
		t.Fatal(err)
	}
	b.Save(dir, "bad.xlsx")
	testkit.NewBook(t).
		Sheet("Thông tin", [][]any{{"Đơn vị báo cáo", "Xã Cầu Kè"}, {"Loại báo cáo", "Giai đoạn 3"}, {"Số văn bản", "9/BC-CAX"}, {"Ngày báo cáo", "10/12/2025"}}).
		Sheet("Số liệu", [][]any{annotateHeader, {"Xã Cầu Kè", 30000, 10, 10, 0, 0, 0, 0, 1, 0, "Không"}}).
		Save(dir, "good.xlsx")
}

func fileSHA(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// cellFill is the fill colour of a cell, "" for none.
func cellFill(t *testing.T, f *excelize.File, sheet, cell string) (string, *excelize.Style) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Fill.Color) == 0 {
		return "", st
	}
	return strings.ToUpper(st.Fill.Color[0]), st
}

// commentsOf are the notes of a sheet by cell, their text whole.
func commentsOf(t *testing.T, f *excelize.File, sheet string) map[string]string {
	t.Helper()
	cs, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range cs {
		text := c.Text
		for _, r := range c.Paragraph {
			text += r.Text
		}
		out[c.Cell] = text
	}
	return out
}

// Issue 18: validate --annotate writes a marked copy of each return with problems, read back
// here cell by cell: the fills and notes of the problem cells (the sender's formatting and
// note kept), the list sheet first with a link to each cell, the cover marked with the day;
// the input unchanged to the byte; no copy of a return without problems.
func TestE2EValidateAnnotate(t *testing.T) {
	dir := t.TempDir()
	writeAnnotateReturns(t, dir)
	before := fileSHA(t, filepath.Join(dir, "bad.xlsx"))

	code, out, errOut := bin(t, dir, "validate", "bad.xlsx", "good.xlsx", "--as-of", "2025-12-20", "--annotate", "tra-lai", "--format", "json")
	if code != ExitData {
		t.Fatalf("exit %d, want 1 (errors in bad.xlsx)\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "Đã ghi "+filepath.Join("tra-lai", "bad.xlsx")+"\n") {
		t.Errorf("stderr does not say the copy was written:\n%s", errOut)
	}
	var got struct {
		Problems []struct{ Severity, Code, File, Sheet, Cell, Message string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if after := fileSHA(t, filepath.Join(dir, "bad.xlsx")); after != before {
		t.Errorf("the input changed: sha256 %s, was %s", after, before)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "tra-lai"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "bad.xlsx" {
		t.Errorf("the folder holds %v, want only bad.xlsx (good.xlsx has no problem)", entries)
	}
	var bad []struct{ Severity, Code, File, Sheet, Cell, Message string }
	for _, p := range got.Problems {
		if p.File == "good.xlsx" {
			t.Errorf("good.xlsx has a problem: %+v", p)
		}
		if p.File == "bad.xlsx" {
			bad = append(bad, p)
		}
	}
	codes := map[string]string{} // code -> cell, of bad.xlsx
	for _, p := range bad {
		codes[p.Code] = p.Cell
	}
	if codes["inconsistent"] != "D2" || codes["missing-value"] != "E3" || codes["missing-commune"] != "" {
		t.Fatalf("problems of bad.xlsx: %+v", bad)
	}

	f, err := excelize.OpenFile(filepath.Join(dir, "tra-lai", "bad.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 3 || sheets[0] != "Cần sửa" || sheets[1] != "Thông tin" || sheets[2] != "Số liệu" || f.GetActiveSheetIndex() != 0 {
		t.Fatalf("sheets %v, active %d; want the list first and open", sheets, f.GetActiveSheetIndex())
	}

	// The problem cells: filled, the sender's font, number format and border kept.
	for cell, want := range map[string]string{"D2": "F4B6B6", "E3": "FFE699"} {
		fill, st := cellFill(t, f, "Số liệu", cell)
		if fill != want {
			t.Errorf("%s filled %q, want %s", cell, fill, want)
		}
		if st.Font == nil || !st.Font.Bold || st.Font.Color != "1F4E79" || st.NumFmt != 3 || len(st.Border) != 1 {
			t.Errorf("%s lost the sender's formatting: font %+v, format %d, border %v", cell, st.Font, st.NumFmt, st.Border)
		}
	}
	if fill, _ := cellFill(t, f, "Số liệu", "C2"); fill != "" {
		t.Errorf("C2, without a problem, is filled %s", fill)
	}
	if v, _ := f.GetCellValue("Số liệu", "D2"); v != "80" {
		t.Errorf("D2 reads %q, want the sender's 80", v)
	}
	notes := commentsOf(t, f, "Số liệu")
	for _, p := range bad {
		if p.Cell != "" && !strings.Contains(notes[p.Cell], p.Message) {
			t.Errorf("the note on %s is %q; want it to say %q", p.Cell, notes[p.Cell], p.Message)
		}
	}
	if !strings.Contains(notes["D2"], "Số liệu của trạm y tế") {
		t.Errorf("the sender's note on D2 is lost: %q", notes["D2"])
	}

	// The list: every problem of the file, a link to the cell of each that has one.
	rows, err := f.GetRows("Cần sửa")
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "TRẢ LẠI ĐỂ SỬA (ngày 20/12/2025)" {
		t.Errorf("the list's title is %q", rows[0][0])
	}
	listed := rows[4:]
	if len(listed) != len(bad) {
		t.Fatalf("the list has %d rows, want the %d problems of bad.xlsx:\n%v", len(listed), len(bad), listed)
	}
	for i, p := range bad {
		row := listed[i]
		cellAt, _ := excelize.CoordinatesToCellName(5, 5+i)
		link, target, err := f.GetCellHyperLink("Cần sửa", cellAt)
		if err != nil {
			t.Fatal(err)
		}
		if row[2] != p.Code || row[len(row)-1] != p.Message {
			t.Errorf("list row %d is %v, want %s: %s", i+1, row, p.Code, p.Message)
		}
		if p.Cell == "" && link {
			t.Errorf("list row %d (%s, no cell) has a link to %q", i+1, p.Code, target)
		}
		if want := "'Số liệu'!" + p.Cell; p.Cell != "" && (!link || target != want) {
			t.Errorf("list row %d links %v to %q, want %q", i+1, link, target, want)
		}
	}

	// The cover, marked under its last row.
	cover, err := f.GetRows("Thông tin")
	if err != nil {
		t.Fatal(err)
	}
	last := cover[len(cover)-1]
	if len(cover) != 6 || len(last) != 2 || last[0] != "Trả lại để sửa" || last[1] != "20/12/2025" {
		t.Errorf("the cover's rows: %q", cover)
	}

	// A second run: the copy exists, so it is refused without --force, replaced with it.
	code, _, errOut = bin(t, dir, "validate", "bad.xlsx", "--as-of", "2025-12-21", "--annotate", "tra-lai")
	if code != ExitData || !strings.Contains(errOut, "drugfree: "+filepath.Join("tra-lai", "bad.xlsx")+" đã có: không ghi đè; thêm --force để thay tệp") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	code, _, errOut = bin(t, dir, "validate", "bad.xlsx", "--as-of", "2025-12-21", "--annotate", "tra-lai", "--force")
	if code != ExitData || !strings.Contains(errOut, "Đã ghi "+filepath.Join("tra-lai", "bad.xlsx")) {
		t.Errorf("with --force: exit %d, stderr:\n%s", code, errOut)
	}
	g, err := excelize.OpenFile(filepath.Join(dir, "tra-lai", "bad.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if v, _ := g.GetCellValue("Cần sửa", "A1"); v != "TRẢ LẠI ĐỂ SỬA (ngày 21/12/2025)" {
		t.Errorf("the replaced copy's title is %q", v)
	}
}

// The copies never go over an input: --annotate naming the inputs' own folder is refused
// like -o, for that file, in the user's language; the input is unchanged.
func TestE2EValidateAnnotateNeverOverAnInput(t *testing.T) {
	dir := t.TempDir()
	writeAnnotateReturns(t, dir)
	before := fileSHA(t, filepath.Join(dir, "bad.xlsx"))
	code, _, errOut := bin(t, dir, "--lang", "en", "validate", "bad.xlsx", "--as-of", "2025-12-20", "--annotate", ".", "--force")
	if code != ExitData || !strings.Contains(errOut, "drugfree: bad.xlsx is an input: an input is never overwritten") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if after := fileSHA(t, filepath.Join(dir, "bad.xlsx")); after != before {
		t.Error("the input changed")
	}
	// A CSV return with problems cannot be marked: stderr says so and what to do.
	if err := os.WriteFile(filepath.Join(dir, "cau-ke.csv"), []byte("district,commune,population,addicts_total,addicts_managed\nCầu Kè,Hòa Ân,9000,5,8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = bin(t, dir, "validate", "cau-ke.csv", "--as-of", "2025-04-30", "--annotate", "out")
	if code != ExitData || !strings.Contains(errOut, "cau-ke.csv là tệp CSV nên không đánh dấu được") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "cau-ke.csv")); err == nil {
		t.Error("a copy of the CSV was written")
	}
}

// An official one-sheet return (SPEC §8) is marked too: its blank cell filled and noted,
// its formatting kept, and, as it has no cover, the mark a note on its first cell.
func TestE2EValidateAnnotateOfficial(t *testing.T) {
	dir := t.TempDir()
	name := "phase1-huyen-cau-ke-302.xlsx"
	copyFile(t, filepath.Join("..", "testdata", "official", name), filepath.Join(dir, name))
	before := fileSHA(t, filepath.Join(dir, name))
	orig, err := excelize.OpenFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	sheet := orig.GetSheetList()[0]
	_, origStyle := cellFill(t, orig, sheet, "L28")
	origSheets := orig.GetSheetList()
	orig.Close()

	code, out, errOut := bin(t, dir, "validate", name, "--as-of", "2025-12-20", "--annotate", "tra-lai", "--format", "csv")
	if code != ExitOK || !strings.Contains(out, ",missing-value,,"+name+","+sheet+",L28,") {
		t.Fatalf("exit %d; want the blank L28 as a warning\n%s\n%s", code, out, errOut)
	}
	if fileSHA(t, filepath.Join(dir, name)) != before {
		t.Error("the input changed")
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "tra-lai", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != len(origSheets)+1 || got[0] != "Cần sửa" {
		t.Errorf("sheets %v, want Cần sửa before %v", got, origSheets)
	}
	fill, st := cellFill(t, f, sheet, "L28")
	if fill != "FFE699" {
		t.Errorf("L28 filled %q, want FFE699", fill)
	}
	if st.Font == nil || origStyle.Font == nil || st.Font.Family != origStyle.Font.Family || st.Font.Size != origStyle.Font.Size || len(st.Border) != len(origStyle.Border) {
		t.Errorf("L28's formatting changed: font %+v border %v, was %+v %v", st.Font, st.Border, origStyle.Font, origStyle.Border)
	}
	notes := commentsOf(t, f, sheet)
	if !strings.Contains(notes["L28"], "bỏ trống") {
		t.Errorf("the note on L28 is %q", notes["L28"])
	}
	if !strings.Contains(notes["A1"], "Trả lại để sửa ngày 20/12/2025: xem trang “Cần sửa”.") {
		t.Errorf("the note on A1 is %q", notes["A1"])
	}
	link, target, _ := f.GetCellHyperLink("Cần sửa", "E5")
	if !link || target != "'"+sheet+"'!L28" {
		t.Errorf("the list links E5 %v to %q", link, target)
	}
}

// The marked copy as the sender sees it printed: LibreOffice renders it to PDF, where it is
// installed, and the PDF's text holds the list's title, each problem and the cover's mark,
// in both languages.
func TestE2EValidateAnnotatePrints(t *testing.T) {
	office := needOffice(t)
	dir := t.TempDir()
	writeAnnotateReturns(t, dir)
	want := map[string][]string{
		"vi": {"TRẢ LẠI ĐỂ SỬA (ngày 20/12/2025)", "Trả lại để sửa", "Báo cáo này có 9 lỗi và 1 cảnh báo"},
		"en": {"RETURNED FOR CORRECTION (2025-12-20)", "Returned for correction", "This return has 9 errors and 1 warnings"},
	}
	for _, lang := range []string{"vi", "en"} {
		code, out, errOut := bin(t, dir, "--lang", lang, "validate", "bad.xlsx", "--as-of", "2025-12-20", "--annotate", lang, "--format", "json")
		if code != ExitData {
			t.Fatalf("%s: exit %d\n%s", lang, code, errOut)
		}
		var got struct{ Problems []struct{ Message string } }
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if err := office.toPDF(filepath.Join(dir, lang), filepath.Join(dir, lang, "bad.xlsx")); err != nil {
			t.Fatal(err)
		}
		b := office.text(t, filepath.Join(dir, lang, "bad.pdf"))
		text := squeeze(b)
		for _, p := range got.Problems {
			want[lang] = append(want[lang], p.Message)
		}
		for _, w := range want[lang] {
			if !strings.Contains(text, squeeze(w)) {
				t.Errorf("%s: the PDF lacks %q:\n%s", lang, w, b)
			}
		}
	}
}

// A password-protected return gets a copy protected by the same password (--password):
// marking it never leaves the sender's figures readable without it.
func TestE2EValidateAnnotateEncrypted(t *testing.T) {
	dir := t.TempDir()
	testkit.NewBook(t).
		Sheet("Thông tin", testkit.Cover("Huyện Cầu Kè", "Rà soát", "20/02/2025")).
		Sheet("Số liệu", [][]any{annotateHeader, {"Hòa Ân", 9000, 5, 8, 0, 0, 0, 0, 0, 0, "Không"}}).
		Save(dir, "bi-mat.xlsx", excelize.Options{Password: "bimat"})
	code, _, errOut := bin(t, dir, "validate", "bi-mat.xlsx", "--password", "bimat", "--as-of", "2025-12-20", "--annotate", "out")
	if code != ExitData || !strings.Contains(errOut, "Đã ghi "+filepath.Join("out", "bi-mat.xlsx")) {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if _, err := excelize.OpenFile(filepath.Join(dir, "out", "bi-mat.xlsx")); err == nil {
		t.Error("the copy opens without the password")
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "out", "bi-mat.xlsx"), excelize.Options{Password: "bimat"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if fill, _ := cellFill(t, f, "Số liệu", "D2"); fill != "F4B6B6" {
		t.Errorf("D2 (8 managed of 5 addicts) filled %q", fill)
	}
}
