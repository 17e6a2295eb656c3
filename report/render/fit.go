package render

import "drugfree/report/textfit"

// maxCell is the widest a column of text grows on a terminal before it wraps, as
// tablewriter's WithRowMaxWidth(60) in WriteText.
const maxCell = 60

// softWrap is the width a column of wrapped text (layout.Column.Wrap: reasons, messages)
// narrows to before a column is hidden: narrower, a reason takes a line for every few words.
const softWrap = 24

// minCell is the narrowest a column is made when even its words do not fit: a word is
// then cut between two characters.
const minCell = 4

// fitColumn is what fitColumns knows of a column.
type fitColumn struct {
	// Want is the width the column takes with its header wrapped at the spaces and its
	// cells on one line each (up to maxCell).
	Want int
	// Piece is the widest word (textfit.WidestPiece) of its header and cells: narrower
	// than that, a word is cut.
	Piece int
	// Wrap and Drop are those of the layout.Column.
	Wrap bool
	Drop int
}

// fitColumns chooses the width of each column of a table to be shown on a terminal width
// cells wide, and the columns to hide (width 0), by one rule, in this order, stopping as
// soon as the table fits:
//
//  1. each column at its Want, headers wrapped at the spaces;
//  2. the columns of wrapped text narrowed, the widest first, down to softWrap;
//  3. the columns of Drop 1 hidden, then those of Drop 2, … (step 2 again after each);
//  4. every column shown back at its Want, then narrowed, the widest first, down to its
//     widest word: names wrap at their spaces;
//  5. every column narrowed down to minCell, words cut between two characters.
//
// fits says whether the table fits; when it does not (a terminal narrower than the columns
// that are never hidden, at minCell each, and their borders), the widths are those of
// step 5 and the table's lines are wider than the terminal.
func fitColumns(cols []fitColumn, width int) (widths []int, fits bool) {
	widths = make([]int, len(cols))
	for i, c := range cols {
		widths[i] = c.Want
	}
	total := func() int {
		n := 1 // the left border
		for _, w := range widths {
			if w > 0 {
				n += w + 3 // "│ " cell " "
			}
		}
		return n
	}
	// narrow takes a cell at a time from the widest column above its floor.
	narrow := func(floor func(i int) int) bool {
		for total() > width {
			widest := -1
			for i, w := range widths {
				if w > 0 && w > floor(i) && (widest < 0 || w > widths[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				return false
			}
			widths[widest]--
		}
		return true
	}
	soft := func(i int) int {
		if cols[i].Wrap {
			return min(cols[i].Want, softWrap)
		}
		return cols[i].Want
	}
	if narrow(soft) {
		return widths, true
	}
	for drop := 1; ; drop++ {
		more := false
		for i, c := range cols {
			if c.Drop == drop {
				widths[i] = 0
			}
			more = more || c.Drop > drop
		}
		for i, c := range cols { // the wrapped text takes back the room
			if widths[i] > 0 && c.Wrap {
				widths[i] = c.Want
			}
		}
		if narrow(soft) {
			return widths, true
		}
		if !more {
			break
		}
	}
	for i, c := range cols { // from here every column narrows, the widest first
		if widths[i] > 0 {
			widths[i] = c.Want
		}
	}
	if narrow(func(i int) int { return min(cols[i].Want, max(cols[i].Piece, 1)) }) {
		return widths, true
	}
	return widths, narrow(func(i int) int { return min(cols[i].Want, minCell) })
}

// measure returns the fitColumn of each column of a table whose headers and rows are
// given as the text shown.
func measure(head []string, rows [][]string, wrap []bool, drop []int) []fitColumn {
	cols := make([]fitColumn, len(head))
	for i := range cols {
		cols[i].Wrap, cols[i].Drop = wrap[i], drop[i]
		for _, line := range splitLines(head[i]) {
			cols[i].Want = max(cols[i].Want, textfit.WidestPiece(line))
			cols[i].Piece = max(cols[i].Piece, textfit.WidestPiece(line))
		}
	}
	for _, row := range rows {
		for i, cell := range row {
			for _, line := range splitLines(cell) {
				cols[i].Want = max(cols[i].Want, min(textfit.Cells(line), maxCell))
				cols[i].Piece = max(cols[i].Piece, textfit.WidestPiece(line))
			}
		}
	}
	for i := range cols {
		cols[i].Want = max(cols[i].Want, 1)
	}
	return cols
}
