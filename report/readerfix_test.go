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
