package render

import (
	"bytes"
	"drugfree/report/layout"
	"maps"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Two tables of one name are refused rather than streamed into the same sheet, where the
// second would replace the first.
func TestWorkbookRefusesTwoSheetsOfOneName(t *testing.T) {
	wb := NewWorkbook("vi")
	a := layout.Table{Name: "Tiến độ", Columns: []layout.Column{{Key: "a", Header: "A"}}, Rows: [][]any{{"1"}}}
	if err := wb.AddTables(a, a); err == nil {
		t.Error("two tables named alike: no error")
	}
	wb = NewWorkbook("vi")
	b := a
	b.Name = "Khác"
	if err := wb.AddTables(a, b); err != nil {
		t.Errorf("two names: %v", err)
	}
}

// Tables streamed at once give the workbook that writing them one after the other gives:
// the same sheets, styles (ids in the order of first use) and cells, part for part.
func TestAddTablesIsOneAfterTheOther(t *testing.T) {
	cols := []layout.Column{{Key: "name", Header: "Tên"}, {Key: "n", Header: "Số"}, {Key: "cat", Header: "Phân loại"}, {Key: "why", Header: "Lý do", Wrap: true}}
	big := layout.Table{Name: "Lớn", Note: "GHI CHÚ", Columns: cols}
	for i := range 300 {
		big.Rows = append(big.Rows, []any{"xã " + strconv.Itoa(i), i, layout.Tag{Key: "type-" + strconv.Itoa(1+i%3), Text: "Loại"}, strings.Repeat("lý do dài ", i%9)})
	}
	small := layout.Table{Name: "Nhỏ", Columns: cols, Rows: [][]any{{"a", 1.5, layout.Tag{Key: "overdue", Text: "Quá hạn"}, time.Date(2025, 12, 13, 0, 0, 0, 0, time.UTC)}}}
	other := layout.Table{Name: "Khác", Columns: cols[:2], Rows: [][]any{{"b", nil}, {layout.Tag{Key: "pass", Text: "Đạt"}, 2}}}
	write := func(groups ...[]layout.Table) map[string]string {
		wb := NewWorkbook("vi")
		for _, g := range groups {
			if err := wb.AddTables(g...); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := wb.Write(&buf, ""); err != nil {
			t.Fatal(err)
		}
		return workbookParts(t, buf.Bytes())
	}
	want := write([]layout.Table{small}, []layout.Table{big}, []layout.Table{other})
	got := write([]layout.Table{small, big, other})
	if !maps.Equal(got, want) {
		for name := range want {
			if got[name] != want[name] {
				t.Errorf("part %s differs", name)
			}
		}
		t.Errorf("%d parts, want %d", len(got), len(want))
	}
}
