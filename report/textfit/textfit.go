// Package textfit measures text as a spreadsheet sets it in a cell, so that the workbooks
// drugfree writes give their columns and rows the room their text needs: spreadsheets do
// not fit a row's height to its wrapped text when they open a file (excelize writes no
// height of its own), and text that does not fit is cut off when printed.
//
// The text is measured in the metrics of Times New Roman (LibreOffice prints in Liberation
// Serif, which has the same), wrapped word by word into its column as a spreadsheet wraps
// it, and a row is given the height of its tallest cell. The measures err on the wide side:
// a line too many leaves a little room, a line too few cuts the text off.
package textfit

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Font is the one font of every workbook: official documents are set in Times New Roman.
const Font = "Times New Roman"

// Font sizes, in points.
const (
	Body  = 11.0 // table cells and headers
	Form  = 12.0 // the lines of the official form
	Title = 14.0 // the kind of document ("BÁO CÁO")
)

// PointsPerUnit is the width in points of one unit of column width in Excel: the width of a
// digit of the default font (Times New Roman 11: 7 pixels at 96 dpi). LibreOffice counts
// 5.5 points.
const PointsPerUnit = 7 * 0.75

// MaxRowHeight is the tallest row a spreadsheet accepts, in points.
const MaxRowHeight = 409

// Room is the width in points that text has in cells of the given widths (in units) merged
// together: the narrower of what Excel gives it (7 pixels a unit, less 5 for the margins)
// and what LibreOffice does (5.5 points a unit, less 2.5: measured, 39 zeros fit in a
// column 40 wide, and 40 do not).
func Room(widths ...float64) float64 {
	w := 0.0
	for _, x := range widths {
		w += x
	}
	return min(w*PointsPerUnit-3.75, w*5.5-2.5)
}

// ColumnWidth is the width in units of a column whose text pt points wide fits on one line
// (the inverse of Room), and a little more.
func ColumnWidth(pt float64) float64 {
	w := max((pt+3.75)/PointsPerUnit, (pt+2.5)/5.5)
	return math.Ceil(w*10)/10 + 0.5
}

// WordsWidth is the width in units of a column in which no word of s is broken, set at size
// points.
func WordsWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, word := range strings.Fields(s) {
		w = max(w, ColumnWidth(Width(word, size, bold)))
	}
	return w
}

// asciiWidths are the advance widths of Times New Roman, in thousandths of an em, of the
// printable ASCII characters from the space on.
var asciiWidths = [95]uint16{
	250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space to /
	500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0 to ?
	921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ to O
	556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P to _
	333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` to o
	500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // p to ~
}

// latinWidths are the widths of the Latin letters with diacritics (U+00C0 to U+1EFF), those
// of their base letters, worked out once: Vietnamese sets its tones and hats above and below
// a letter without widening it.
var latinWidths = func() []uint16 {
	w := make([]uint16, 0x1F00-0xC0)
	for r := rune(0xC0); r < 0x1F00; r++ {
		base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
		switch {
		case r == 'Đ':
			w[r-0xC0] = 722
		case r == 'đ':
			w[r-0xC0] = 500
		case base >= ' ' && base <= '~':
			w[r-0xC0] = asciiWidths[base-' ']
		default:
			w[r-0xC0] = 600
		}
	}
	return w
}()

// runeWidth is the advance width of r in thousandths of an em.
func runeWidth(r rune) int {
	switch {
	case r >= ' ' && r <= '~':
		return int(asciiWidths[r-' '])
	case r >= 0xC0 && r < 0x1F00:
		return int(latinWidths[r-0xC0])
	case r == '\u00A0':
		return 250
	case r == '–' || r == '“' || r == '”' || r == '‘' || r == '’':
		return 500
	case r == '—' || r == '…' || r == '→':
		return 1000
	case r == '≥' || r == '≤' || r == '²' || r == '×':
		return 564
	}
	// A symbol the font lacks (✓, ✗) is printed from another font, often a wider one.
	return 900
}

// boldFactor widens bold text: Times New Roman Bold is up to a tenth wider than the regular.
const boldFactor = 1.1

// Width is the width of s in points, set at size points.
func Width(s string, size float64, bold bool) float64 {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	pt := float64(w) * size / 1000
	if bold {
		pt *= boldFactor
	}
	return pt
}

// LineHeight is the height of one line of text set at size points: the font's line spacing
// (Times New Roman's ascent and descent, 1.107 em; LibreOffice's Liberation Serif takes
// 1.15) and a hair.
func LineHeight(size float64) float64 { return size * 1.17 }

// Lines is the number of lines s takes when wrapped into a cell room points wide (Room), as
// a spreadsheet wraps it: at the spaces, a word too long for a line broken where it reaches
// the edge, and a line for each paragraph ("\n").
func Lines(s string, room, size float64, bold bool) int {
	room = max(room, 1)
	// Widths in thousandths of an em, so that the loop adds integers.
	scale := size / 1000
	if bold {
		scale *= boldFactor
	}
	limit := int(room / scale)
	lines := 0
	for para, more := s, true; more; {
		var p string
		p, para, more = strings.Cut(para, "\n")
		lines += paragraphLines(p, limit)
	}
	return lines
}

// paragraphLines is the number of lines of one paragraph whose lines hold limit thousandths
// of an em. Spreadsheets differ in where they may break a word: Excel breaks a word too long
// for its line where it reaches the edge, LibreOffice also after a slash or a hyphen before
// a letter (a path, a file name), so a paragraph that has them is wrapped both ways and
// given the more lines.
func paragraphLines(p string, limit int) int {
	lines, breaks := pack(p, limit, false)
	if breaks {
		wrapped, _ := pack(p, limit, true)
		lines = max(lines, wrapped)
	}
	return lines
}

// isLetterByte reports whether c begins a letter: an ASCII letter, or any character
// beyond ASCII (a Vietnamese letter).
func isLetterByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// pack is the number of lines the paragraph p fills, each line holding limit thousandths
// of an em: a word goes on the line if it fits, else starts the next; one longer than a
// line is broken where it reaches the edge. With atBreaks, a word may also break after a
// slash or a hyphen before a letter within it ("returns/phase3", "huyen-cang"; not
// "5.163/5.202"); breaks says whether p has such a place. It reads p once and allocates
// nothing: it runs for every wrapped cell of a national workbook.
func pack(p string, limit int, atBreaks bool) (lines int, breaks bool) {
	space := runeWidth(' ')
	lines = 1
	line := 0                 // the width used on the current line
	piece, spaced := 0, false // the piece being read, and whether a space comes before it
	for i := 0; i <= len(p); {
		r, size := ' ', 1 // past the end: a space, which places the last piece
		if i < len(p) {
			if r = rune(p[i]); r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(p[i:])
			}
		}
		i += size
		end := r == ' ' || r == '\t' || r == '\r'
		if !end {
			switch { // runeWidth, its common cases inlined: this loop is the writer's hottest
			case r >= ' ' && r <= '~':
				piece += int(asciiWidths[r-' '])
			case r >= 0xC0 && r < 0x1F00:
				piece += int(latinWidths[r-0xC0])
			default:
				piece += runeWidth(r)
			}
			if (r == '/' || r == '-') && i < len(p) && isLetterByte(p[i]) {
				breaks = true
				end = atBreaks // the rest of the word is a piece of its own, with no space before it
			}
		}
		if !end || piece == 0 {
			if r == ' ' || r == '\t' || r == '\r' {
				spaced = true
			}
			continue
		}
		// Place the piece read on the lines.
		gap := 0
		if spaced && line > 0 {
			gap = space
		}
		switch {
		case line+gap+piece <= limit:
			line += gap + piece
		case piece <= limit:
			lines++
			line = piece
		default:
			if line > 0 {
				lines++
			}
			lines += (piece - 1) / limit
			line = (piece-1)%limit + 1
		}
		piece = 0
		spaced = r == ' ' || r == '\t' || r == '\r'
	}
	return lines, breaks
}

// RowHeight is the height of a row whose tallest cell holds lines lines at size points, with
// room above and below, in whole points, capped at the most a spreadsheet accepts.
func RowHeight(lines int, size float64) float64 {
	return min(math.Ceil(float64(max(lines, 1))*LineHeight(size)+3), MaxRowHeight)
}
