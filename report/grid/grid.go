package grid

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ErrReading wraps an error met while reading a sheet.
func ErrReading(sheet string, err error) error {
	if sheet == "" {
		return fmt.Errorf("read: %w", err)
	}
	return fmt.Errorf("read sheet %q: %w", sheet, err)
}

// rowSource yields a data sheet's rows one at a time and answers questions about cells
// the row values alone cannot.
type Source interface {
	// Next returns the next row; ok is false at the end.
	Next() (row Row, ok bool, err error)
	// IsText reports whether the cell (0-based column) holds text rather than a number.
	IsText(col, line int) bool
	// Formula returns the formula of an empty cell and its computed value: has is false
	// when the cell holds no formula, ok false when no value could be computed.
	Formula(col, line int) (formula, value string, has, ok bool)
	Close() error
}

// ColLetters returns the letters of the 0-based column col ("A", "AB"), by excelize's
// ColumnNumberToName (a table look-up).
func ColLetters(col int) string {
	l, _ := excelize.ColumnNumberToName(col + 1)
	return l
}

// CellName returns the A1 reference of the 0-based column col on the 1-based line, by
// excelize's CoordinatesToCellName; "" when there is no such cell.
func CellName(col, line int) string {
	c, _ := excelize.CoordinatesToCellName(col+1, line)
	return c
}

// HeaderRows is how many rows from the top of a sheet are searched for the header: an
// official document puts a letterhead, a title and "Căn cứ …" lines above its table.
const HeaderRows = 40

// gridRow is one row of a sheet: its 1-based line and its cells as text.
type Row struct {
	Line  int
	Cells []string
}

// Cell returns the text of a cell as the clerk sees it: without surrounding spaces, nor
// an apostrophe typed in front of the text ("'17676"), which Excel hides.
func (g Row) Cell(col int) string {
	if col < len(g.Cells) {
		s := strings.TrimSpace(g.Cells[col])
		if len(s) > 0 && s[0] == '\'' {
			s = strings.TrimSpace(s[1:])
		}
		return s
	}
	return ""
}

// mergeRange is a merged range of cells; rows are 1-based lines, columns 0-based.
type Merge struct {
	Top, Left, Bottom, Right int
	Text                     string
}
