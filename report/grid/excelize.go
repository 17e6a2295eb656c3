package grid

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxSource streams a sheet's rows with excelize's Rows iterator, as raw values (numbers
// unformatted, dates as serials). Cell types and formulas are looked up only for the
// cells that need them.
type ExcelizeSource struct {
	F     *excelize.File
	Sheet string
	rows  *excelize.Rows
	line  int
}

func openXLSXSource(f *excelize.File, sheet string) (*ExcelizeSource, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, ErrReading(sheet, err)
	}
	return &ExcelizeSource{F: f, Sheet: sheet, rows: rows}, nil
}

func (x *ExcelizeSource) Next() (Row, bool, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return Row{}, false, ErrReading(x.Sheet, err)
		}
		return Row{}, false, nil
	}
	x.line++
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return Row{}, false, ErrReading(x.Sheet, err)
	}
	return Row{Line: x.line, Cells: cells}, true, nil
}

func (x *ExcelizeSource) IsText(col, line int) bool {
	t, err := x.F.GetCellType(x.Sheet, CellName(col, line))
	if err != nil {
		return true
	}
	return t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula
}

func (x *ExcelizeSource) Formula(col, line int) (string, string, bool, bool) {
	cell := CellName(col, line)
	fm, err := x.F.GetCellFormula(x.Sheet, cell)
	if err != nil || fm == "" {
		return "", "", false, false
	}
	v, err := x.F.CalcCellValue(x.Sheet, cell, excelize.Options{RawCellValue: true})
	ok := err == nil && strings.TrimSpace(v) != "" && !strings.HasPrefix(v, "#")
	return fm, v, true, ok
}

func (x *ExcelizeSource) Close() error {
	if err := x.rows.Close(); err != nil {
		return ErrReading(x.Sheet, err)
	}
	return nil
}

// xbook is a workbook as the reader sees it: its sheets, each streamed row by row.
// ooxml.Book reads plain workbooks fast; ExcelizeBook reads every other one.
type Book interface {
	SheetList() []string
	Date1904() bool
	Source(sheet string) (Source, error)
	// Rows returns a sheet's rows as excelize's GetRows with RawCellValue.
	Rows(sheet string) ([][]string, error)
	CellIsText(sheet, cell string) bool
	// Merges returns the merged ranges of a sheet; rows, the first rows of the sheet,
	// give their text.
	Merges(sheet string, rows []Row) []Merge
	// SheetHidden reports whether a sheet is hidden (or very hidden): the clerk does not
	// see it.
	SheetHidden(sheet string) bool
	// HiddenColumns returns the hidden columns of a sheet (0-based), nil when none is.
	HiddenColumns(sheet string) map[int]bool
	Close()
}

// xlBook is a workbook opened with excelize.
type ExcelizeBook struct{ F *excelize.File }

func (b ExcelizeBook) SheetList() []string { return b.F.GetSheetList() }
func (b ExcelizeBook) Date1904() bool {
	props, _ := b.F.GetWorkbookProps()
	return props.Date1904 != nil && *props.Date1904
}
func (b ExcelizeBook) Source(sheet string) (Source, error) { return openXLSXSource(b.F, sheet) }
func (b ExcelizeBook) Rows(sheet string) ([][]string, error) {
	return b.F.GetRows(sheet, excelize.Options{RawCellValue: true})
}
func (b ExcelizeBook) CellIsText(sheet, cell string) bool {
	t, err := b.F.GetCellType(sheet, cell)
	return err != nil || t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula
}
func (b ExcelizeBook) Merges(sheet string, _ []Row) []Merge { return sheetMerges(b.F, sheet) }
func (b ExcelizeBook) Close()                               { _ = b.F.Close() }

func (b ExcelizeBook) SheetHidden(sheet string) bool {
	visible, err := b.F.GetSheetVisible(sheet)
	return err == nil && !visible
}

// HiddenColumns asks excelize about each column of the sheet's used range, and at least
// the first 256: the dimension a program writes may be "A1" whatever the sheet holds.
func (b ExcelizeBook) HiddenColumns(sheet string) map[int]bool {
	width := 256
	if dim, err := b.F.GetSheetDimension(sheet); err == nil && dim != "" {
		_, last, _ := strings.Cut(dim, ":")
		if last == "" {
			last = dim
		}
		if w, _, err := excelize.CellNameToCoordinates(last); err == nil {
			width = max(width, min(w, 1024))
		}
	}
	var hidden map[int]bool
	for c := 1; c <= width; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		if visible, err := b.F.GetColVisible(sheet, name); err == nil && !visible {
			if hidden == nil {
				hidden = map[int]bool{}
			}
			hidden[c-1] = true
		}
	}
	return hidden
}

func sheetMerges(f *excelize.File, sheet string) []Merge {
	cells, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil
	}
	var out []Merge
	for _, mc := range cells {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, Merge{Top: r1, Left: c1 - 1, Bottom: r2, Right: c2 - 1, Text: mc.GetCellValue()})
	}
	return out
}
