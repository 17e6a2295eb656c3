package grid

import (
	"strings"
)

// headerRows is how many rows from the top of a sheet are searched for the header.
const HeaderRows = 15

// gridRow is one row of a sheet: its 1-based line and its cells as text.
type Row struct {
	Line  int
	Cells []string
}

func (g Row) Cell(col int) string {
	if col < len(g.Cells) {
		return strings.TrimSpace(g.Cells[col])
	}
	return ""
}

// mergeRange is a merged range of cells; rows are 1-based lines, columns 0-based.
type Merge struct {
	Top, Left, Bottom, Right int
	Text                     string
}
