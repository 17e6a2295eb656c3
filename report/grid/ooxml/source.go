package ooxml

import "drugfree/report/grid"

// rawSource streams a sheet's rows from its XML, as a grid.Source. The reader reads a
// sheet's first rows twice, once to find its header and once with its data: the first
// source of a sheet keeps them (and the scanner past them) for the second.
type rawSource struct {
	b      *Book
	sheet  string
	sc     *sheetScanner
	cur    rawRow
	replay []rawRow // rows read before, given first
	// record keeps the rows read, up to the first below headerRows, for the next
	// source of the sheet; head is what was kept once recording stopped.
	record bool
	rows   []rawRow
	head   *rawHead
}

// rawHead is the start of a sheet read once: its rows, and the scanner past them.
type rawHead struct {
	rows []rawRow
	sc   sheetScanner
}

func (x *rawSource) Next() (grid.Row, bool, error) {
	if len(x.replay) > 0 {
		r := x.replay[0]
		x.replay = x.replay[1:]
		x.cur = r
		return grid.Row{Line: r.line, Cells: r.cells}, true, nil
	}
	r, ok, err := x.sc.Next()
	if err != nil {
		x.record = false
		return grid.Row{}, false, x.b.fail(grid.ErrReading(x.sheet, err))
	}
	x.cur = r
	if x.record {
		if ok {
			x.rows = append(x.rows, r)
		}
		if !ok || r.line > grid.HeaderRows {
			x.record = false
			x.head = &rawHead{rows: x.rows, sc: *x.sc}
		}
	}
	return grid.Row{Line: r.line, Cells: r.cells}, ok, nil
}

// IsText answers for the row last returned.
func (x *rawSource) IsText(col, line int) bool {
	if line != x.cur.line || col >= len(x.cur.meta) {
		return false
	}
	return x.cur.meta[col]&rawText != 0
}

// Formula asks excelize, which the book opens for it, for a formula's value: the
// scanner reads cached values only.
func (x *rawSource) Formula(col, line int) (string, string, bool, bool) {
	if line != x.cur.line || col >= len(x.cur.meta) || x.cur.meta[col]&rawFormula == 0 {
		return "", "", false, false
	}
	f, err := x.b.excelize()
	if err != nil {
		return "", "", false, false
	}
	return (&grid.ExcelizeSource{F: f, Sheet: x.sheet}).Formula(col, line)
}

// Close keeps the rows read, when they are the first of the sheet, for its next source.
func (x *rawSource) Close() error {
	if x.record && len(x.rows) <= grid.HeaderRows+1 {
		x.head = &rawHead{rows: x.rows, sc: *x.sc}
	}
	if x.head != nil {
		if x.b.heads == nil {
			x.b.heads = map[string]*rawHead{}
		}
		x.b.heads[x.sheet] = x.head
		x.head, x.record = nil, false
	}
	return nil
}
