package report

import "testing"

// Two tables of one name are refused rather than streamed into the same sheet, where the
// second would replace the first.
func TestWorkbookRefusesTwoSheetsOfOneName(t *testing.T) {
	wb := NewWorkbook("vi")
	a := Table{Name: "Tiến độ", Columns: []Column{{Key: "a", Header: "A"}}, Rows: [][]any{{"1"}}}
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
