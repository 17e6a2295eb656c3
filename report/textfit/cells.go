package textfit

import (
	"strings"

	"github.com/clipperhouse/displaywidth"
)

// Cells is the width of the line s on a terminal, in character cells: a letter with its
// marks is one cell whether it is written composed ("ư") or decomposed ("u" and U+031B),
// a wide (East Asian) character two. It measures as tablewriter does, by the same
// library, so that a table laid out by these widths keeps its grid.
func Cells(s string) int { return displaywidth.String(s) }

// WrapCells wraps the line s into lines of at most width cells (Cells), as a terminal
// table wraps a cell: at the spaces; in a word, after a slash or a hyphen that comes before
// a letter ("returns/phase3", "huyen-cang-long"); and a piece still wider than a line
// between two characters, never inside one (a Vietnamese letter keeps its marks). Spaces
// where a line breaks are dropped. A width below 1 is taken as 1.
func WrapCells(s string, width int) []string {
	width = max(width, 1)
	if Cells(s) <= width {
		return []string{s}
	}
	var lines []string
	var line strings.Builder
	used := 0 // the cells on line
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		used = 0
	}
	for _, word := range strings.Fields(s) {
		gap := 0
		if used > 0 {
			gap = 1
		}
		if w := Cells(word); used+gap+w <= width {
			if gap > 0 {
				line.WriteByte(' ')
			}
			line.WriteString(word)
			used += gap + w
			continue
		}
		if w := Cells(word); w <= width { // on a line of its own
			flush()
			line.WriteString(word)
			used = w
			continue
		}
		// A word wider than a line is broken after its slashes and hyphens, and a piece
		// still wider between two characters (graphemes).
		for i, piece := range Pieces(word) {
			if i == 0 && used > 0 {
				if used+1+Cells(piece) > width {
					flush()
				} else {
					line.WriteByte(' ')
					used++
				}
			}
			if w := Cells(piece); w <= width {
				if used+w > width {
					flush()
				}
				line.WriteString(piece)
				used += w
				continue
			}
			for gs := displaywidth.StringGraphemes(piece); gs.Next(); {
				gw := gs.Width()
				if used+gw > width && used > 0 {
					flush()
				}
				line.WriteString(gs.Value())
				used += gw
			}
		}
	}
	if used > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// Pieces splits a word where WrapCells may break it without cutting a piece: after a slash
// or a hyphen that comes before a letter ("5.163/5.202" and "-5" stay whole).
func Pieces(word string) []string {
	var out []string
	start := 0
	for i := 0; i < len(word)-1; i++ {
		if (word[i] == '/' || word[i] == '-') && isLetterByte(word[i+1]) {
			out = append(out, word[start:i+1])
			start = i + 1
		}
	}
	return append(out, word[start:])
}

// WidestPiece is the width in cells of the widest piece (Pieces) of a word of s: the
// narrowest column s wraps into without a word cut between two characters.
func WidestPiece(s string) int {
	w := 0
	for _, word := range strings.Fields(s) {
		for _, p := range Pieces(word) {
			w = max(w, Cells(p))
		}
	}
	return w
}
