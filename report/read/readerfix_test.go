package read

import (
	"drugfree/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/template"
	"strconv"
	"strings"
	"testing"
)

// A problem's cell is in its Cell; the message does not repeat it.
func TestReadMessagesDoNotRepeatTheCell(t *testing.T) {
	dir := t.TempDir()
	path := testkit.NewBook(t).
		Sheet("Thông tin", [][]any{{"Đơn vị báo cáo", nil}, {"Loại báo cáo", "Rà soát"}, {"Ngày báo cáo", "20/02/2025"}}).
		Sheet(template.DataSheetName, [][]any{{"Xã, phường, thị trấn", "Dân số"}, {"Mỹ Cẩm", "12,5"}}).
		Save(dir, "BC_Cang_Long.xlsx")
	_, probs := ReadFile(path, opts())
	p := testkit.WantProblem(t, probs, problem.CodeMissingMetadata, "B1")
	if want := "Trang bìa không ghi Đơn vị báo cáo; đã lấy theo tên tệp: Huyện Càng Long."; p.Message != want {
		t.Errorf("message %q, want %q", p.Message, want)
	}
	testkit.WantProblem(t, probs, problem.CodeNotInteger, "B2")
	for _, p := range probs {
		if strings.Contains(p.Message, "Ô ") || strings.Contains(p.Message, p.Cell+":") && p.Cell != "" {
			t.Errorf("message repeats the cell: %+v", p)
		}
	}
}

// A CSV file has no cover: the note on its district does not speak of one.
func TestReadCSVDistrictNoteWithoutCover(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, want string }{
		{"BC_Cang_Long.csv", "Tệp CSV không ghi huyện; đã lấy theo tên tệp: Huyện Càng Long."},
		{"bao-cao.csv", "Tệp CSV không ghi huyện; đã lấy theo các xã trong báo cáo: Huyện Càng Long."},
	} {
		path := testkit.WriteFile(t, dir, c.name, []byte("\"Xã, phường, thị trấn\",Dân số\nMỹ Cẩm,1000\n"))
		rets, probs := ReadFile(path, opts())
		if ret := oneReturn(t, rets, probs); ret.District != "Huyện Càng Long" {
			t.Errorf("%s: district %q", c.name, ret.District)
		}
		found := false
		for _, p := range testkit.ProblemsWith(probs, problem.CodeMissingMetadata) {
			if strings.Contains(p.Message, "Đơn vị báo cáo") || strings.Contains(p.Message, "rang bìa không ghi") {
				t.Errorf("%s: a CSV note speaks of a cover: %q", c.name, p.Message)
			}
			found = found || p.Message == c.want
		}
		if !found {
			t.Errorf("%s: want %q among:\n%s", c.name, c.want, testkit.Dump(probs))
		}
	}
}

// A name and a code that designate different communes: neither is taken, the code cell
// says so. A code alone, a name alone, or a name that fits its code loosely still resolve.
func TestReadNameAndCodeDisagree(t *testing.T) {
	dir := t.TempDir()
	path := testkit.WriteFile(t, dir, "ma.csv", []byte("Huyện,\"Xã, phường, thị trấn\",Mã đơn vị,Dân số\n"+
		"Càng Long,Mỹ Cẩm,29281,1000\n"+ // line 2: Tân An's code
		"Càng Long,Mỹ Cẩm,29311,1000\n"+ // line 3: Hòa Ân's code, of Cầu Kè
		"Càng Long,,29284,1000\n"+ // line 4: code alone: Tân Bình
		"Càng Long,Nhị Long,,1000\n"+ // line 5: name alone
		"Càng Long,xa my cam,29269,1000\n"+ // line 6: Mỹ Cẩm loosely, with its code
		"Cầu Kè,Hoà Tân,29320,1000\n")) // line 7: old tone placement, with its code
	rets, probs := ReadFile(path, opts())
	p := testkit.WantProblem(t, probs, problem.CodeAmbiguousCommune, "C2")
	if !strings.HasPrefix(p.Message, "Tên Mỹ Cẩm và mã 29281 (Xã Tân An) không khớp nhau") || !strings.Contains(p.Message, "Xã Mỹ Cẩm (Huyện Càng Long, 29269)") {
		t.Errorf("message %q", p.Message)
	}
	p = testkit.WantProblem(t, probs, problem.CodeAmbiguousCommune, "C3")
	if !strings.HasPrefix(p.Message, "Tên Mỹ Cẩm và mã 29311 (Xã Hòa Ân) không khớp nhau") {
		t.Errorf("message %q", p.Message)
	}
	if len(testkit.ProblemsWith(probs, problem.CodeWrongDistrict)) != 0 {
		t.Errorf("a name that is not the code's commune is not a wrong district:\n%s", testkit.Dump(probs))
	}
	var codes []string
	for _, ret := range rets {
		for _, row := range ret.Rows {
			codes = append(codes, row.Commune.Code+"@"+strconv.Itoa(row.Line))
		}
	}
	if got, want := strings.Join(codes, " "), "29284@4 29302@5 29269@6 29320@7"; got != want {
		t.Errorf("rows placed %s, want %s (the disagreeing rows left out)\n%s", got, want, testkit.Dump(probs))
	}
}

// A row with figures and "12" or "(a)" for a commune is not the row that numbers the
// columns: its figures are not dropped without a word.
func TestReadNumberLikeCommuneWithFigures(t *testing.T) {
	dir := t.TempDir()
	path := testkit.WriteFile(t, dir, "so.csv", []byte("Huyện,\"Xã, phường, thị trấn\",Dân số,Tổng số người nghiện\n"+
		"(1),(2),(3),(4)\n"+ // line 2: numbers the columns
		"Càng Long,12,1000,9\n"+ // line 3
		"Càng Long,(a),1000,9\n"+ // line 4
		"Càng Long,Mỹ Cẩm,1000,9\n"+ // line 5
		"1,2,3,4\n"+ // line 6: numbers the columns again
		"Càng Long,(b),,\n")) // line 7: a sub-heading with no figure
	rets, probs := ReadFile(path, opts())
	for _, c := range []struct{ cell, value string }{{"B3", `"12"`}, {"B4", `"(a)"`}} {
		p := testkit.WantProblem(t, probs, problem.CodeUnknownCommune, c.cell)
		if p.Severity != problem.Error || !strings.Contains(p.Message, c.value) {
			t.Errorf("%s: %+v", c.cell, p)
		}
	}
	if n := len(testkit.ProblemsWith(probs, problem.CodeUnknownCommune)); n != 2 {
		t.Errorf("%d unknown-commune problems, want 2 (the numbering rows and the blank sub-heading are not communes):\n%s", n, testkit.Dump(probs))
	}
	if ret := oneReturn(t, rets, probs); len(ret.Rows) != 1 || ret.Rows[0].Commune.Code != "29269" {
		t.Errorf("rows %+v", ret.Rows)
	}
}

// A number in a column with no header is not read: one warning per column, at its first
// such cell. A row number under no header, left of the table, and text are not figures.
func TestReadFiguresUnderNoHeader(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Càng Long",
		[]any{nil, "Xã, phường, thị trấn", "Dân số", nil, "Tổng số người nghiện"},
		[]any{1, "Mỹ Cẩm", 1000, nil, 9, nil, nil},
		[]any{2, "Tân An", 2000, 7, 3, nil, 15},
		[]any{3, "Tân Bình", 3000, 8, 4, "ghi chú", "1.234"},
		[]any{nil, nil, nil, nil, nil, nil, "Người lập biểu"},
	).Save(dir, "khong-tieu-de.xlsx")
	rets, probs := ReadFile(path, opts())
	var got []string
	for _, p := range testkit.ProblemsWith(probs, problem.CodeMissingColumn) {
		if p.Cell != "" {
			got = append(got, string(p.Severity)+" "+p.Cell+" "+p.Message)
		}
	}
	want := []string{
		"warning D3 Cột D có số liệu nhưng không có tiêu đề: số liệu này không được đọc.",
		"warning G3 Cột G có số liệu nhưng không có tiêu đề: số liệu này không được đọc.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s\nall:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), testkit.Dump(probs))
	}
	if ret := oneReturn(t, rets, probs); len(ret.Rows) != 3 {
		t.Errorf("rows %+v", ret.Rows)
	}
}

// A CSV row longer than its header: the figures past the last header are reported.
func TestReadCSVFiguresPastTheHeader(t *testing.T) {
	dir := t.TempDir()
	path := testkit.WriteFile(t, dir, "BC_Cang_Long.csv", []byte("\"Xã, phường, thị trấn\",Dân số\nMỹ Cẩm,1000,5\nTân An,2000,6\n"))
	_, probs := ReadFile(path, opts())
	p := testkit.WantProblem(t, probs, problem.CodeMissingColumn, "C2")
	if p.Severity != problem.Warning || p.Message != "Cột C có số liệu nhưng không có tiêu đề: số liệu này không được đọc." {
		t.Errorf("%+v", p)
	}
}
