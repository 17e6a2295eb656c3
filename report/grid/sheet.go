package grid

import (
	"github.com/xuri/excelize/v2"
)

// rowSource yields a data sheet's rows one at a time and answers questions about cells
// the row values alone cannot.
type Source interface {
	// next returns the next row; ok is false at the end.
	Next() (row Row, ok bool, err error)
	// isText reports whether the cell (0-based column) holds text rather than a number.
	IsText(col, line int) bool
	// formula returns the formula of an empty cell and its computed value: has is false
	// when the cell holds no formula, ok false when no value could be computed.
	Formula(col, line int) (formula, value string, has, ok bool)
	Close() error
}

func ColLetters(col int) string {
	l, _ := excelize.ColumnNumberToName(col + 1)
	return l
}
