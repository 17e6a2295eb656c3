package render

import (
	"bytes"
	"drugfree/i18n"
	"drugfree/report/layout"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Two tables of one name are refused rather than streamed into the same sheet, where the
// second would replace the first.
func TestWorkbookRefusesTwoSheetsOfOneName(t *testing.T) {
	wb := NewWorkbook(i18n.Vi)
	a := layout.Table{Name: "Tiến độ", Columns: []layout.Column{{Key: "a", Header: "A"}}, Rows: [][]any{{"1"}}}
	if err := wb.AddTables(a, a); err == nil {
		t.Error("two tables named alike: no error")
	}
	wb = NewWorkbook(i18n.Vi)
	b := a
	b.Name = "Khác"
	if err := wb.AddTables(a, b); err != nil {
		t.Errorf("two names: %v", err)
	}
}

// Tables streamed at once, one per core, each come out in a sheet of their own, in the
// order given: the note, the header (bold, filtered, frozen above the rows), every cell's
// value, and every cell's style (Times New Roman; tags filled with their colour, numbers,
// dates, wrapped text) — read back with excelize.
func TestAddTablesWritesEachTableInItsSheet(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	cols := []layout.Column{{Key: "name", Header: "Tên"}, {Key: "n", Header: "Số"}, {Key: "cat", Header: "Phân loại"}, {Key: "why", Header: "Lý do", Wrap: true}}
	tags := []string{"type-1", "type-2", "type-3", "drug-free"}
	big := layout.Table{Name: "Lớn", Note: "GHI CHÚ", Columns: cols}
	for i := range 300 {
		big.Rows = append(big.Rows, []any{"xã " + strconv.Itoa(i), i, layout.Tag{Key: tags[i%4], Text: "Loại " + strconv.Itoa(i%3)}, strings.Repeat("lý do dài ", i%9)})
	}
	day := time.Date(2025, 12, 13, 0, 0, 0, 0, time.UTC)
	small := layout.Table{Name: "Nhỏ", Columns: cols, Rows: [][]any{{"a", 1.5, layout.Tag{Key: "overdue", Text: "Quá hạn"}, day}}}
	other := layout.Table{Name: "Khác", Columns: cols[:2], Rows: [][]any{{"b", nil}, {layout.Tag{Key: "pass", Text: "Đạt"}, 2}}}
	wb := NewWorkbook(i18n.Vi)
	if err := wb.AddTables(small, big, other); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf, ""); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Nhỏ", "Lớn", "Khác"}) {
		t.Fatalf("sheets %v", got)
	}
	style := func(sheet, cell string) *excelize.Style {
		t.Helper()
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	fill := func(st *excelize.Style) string { return strings.Join(st.Fill.Color, "") }
	for _, tb := range []layout.Table{small, big, other} {
		rows, err := f.GetRows(tb.Name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		head := 1
		if tb.Note != "" {
			head = 3
			if len(rows) == 0 || len(rows[0]) != 1 || rows[0][0] != tb.Note || !style(tb.Name, "A1").Font.Bold {
				t.Errorf("%s: the note row %q", tb.Name, rows[0])
			}
		}
		if len(rows) != head+len(tb.Rows) {
			t.Fatalf("%s: %d rows, want %d", tb.Name, len(rows), head+len(tb.Rows))
		}
		for c, col := range tb.Columns {
			cell, _ := excelize.CoordinatesToCellName(c+1, head)
			if rows[head-1][c] != col.Header || !style(tb.Name, cell).Font.Bold || fill(style(tb.Name, cell)) != "DDEBF7" {
				t.Errorf("%s: header %s %q", tb.Name, cell, rows[head-1][c])
			}
		}
		if panes, err := f.GetPanes(tb.Name); err != nil || !panes.Freeze || panes.YSplit != head {
			t.Errorf("%s: panes %+v, %v; want frozen below line %d", tb.Name, panes, err, head)
		}
		last, _ := excelize.CoordinatesToCellName(len(tb.Columns), head+len(tb.Rows))
		if tables, err := f.GetTables(tb.Name); err != nil || len(tables) != 1 || tables[0].Range != fmt.Sprintf("A%d:%s", head, last) {
			t.Errorf("%s: tables %+v, %v; want the filter on A%d:%s", tb.Name, tables, err, head, last)
		}
		for r, row := range tb.Rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, head+1+r)
				got := ""
				if c < len(rows[head+r]) {
					got = rows[head+r][c]
				}
				st := style(tb.Name, cell)
				var want string
				ok := true
				switch x := v.(type) {
				case layout.Tag:
					fc, _ := TagFill(x.Key)
					want, ok = x.Text, fill(st) == fc
				case int:
					want, ok = strconv.Itoa(x), st.NumFmt == 3
				case float64:
					want, ok = strconv.FormatFloat(x, 'f', -1, 64), st.NumFmt == 4
				case time.Time:
					want, ok = "46004", st.CustomNumFmt != nil && *st.CustomNumFmt == "dd/mm/yyyy" // 13/12/2025
				case string: // text wraps, in every column: its row is as tall as it needs
					want, ok = x, st.Alignment != nil && st.Alignment.WrapText
				}
				if st.Font == nil || st.Font.Family != "Times New Roman" {
					ok = false
				}
				if got != want || !ok {
					t.Errorf("%s!%s: %q styled %+v; want %q (%T)", tb.Name, cell, got, st, want, v)
				}
			}
		}
	}
}
