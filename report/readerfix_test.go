package report

import (
	"strings"
	"testing"
)

// A problem's cell is in its Cell; the message does not repeat it.
func TestReadMessagesDoNotRepeatTheCell(t *testing.T) {
	dir := t.TempDir()
	path := newBook(t).
		sheet("Thông tin", [][]any{{"Đơn vị báo cáo", nil}, {"Loại báo cáo", "Rà soát"}, {"Ngày báo cáo", "20/02/2025"}}).
		sheet(DataSheetName, [][]any{{"Xã, phường, thị trấn", "Dân số"}, {"Mỹ Cẩm", "12,5"}}).
		save(dir, "BC_Cang_Long.xlsx")
	_, probs := ReadFile(path, opts())
	p := wantProblem(t, probs, CodeMissingMetadata, "B1")
	if want := "Trang bìa không ghi Đơn vị báo cáo; đã lấy theo tên tệp: Huyện Càng Long."; p.Message != want {
		t.Errorf("message %q, want %q", p.Message, want)
	}
	wantProblem(t, probs, CodeNotInteger, "B2")
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
		path := writeFile(t, dir, c.name, []byte("\"Xã, phường, thị trấn\",Dân số\nMỹ Cẩm,1000\n"))
		rets, probs := ReadFile(path, opts())
		if ret := oneReturn(t, rets, probs); ret.District != "Huyện Càng Long" {
			t.Errorf("%s: district %q", c.name, ret.District)
		}
		found := false
		for _, p := range problemsWith(probs, CodeMissingMetadata) {
			if strings.Contains(p.Message, "Đơn vị báo cáo") || strings.Contains(p.Message, "rang bìa không ghi") {
				t.Errorf("%s: a CSV note speaks of a cover: %q", c.name, p.Message)
			}
			found = found || p.Message == c.want
		}
		if !found {
			t.Errorf("%s: want %q among:\n%s", c.name, c.want, dump(probs))
		}
	}
}
