package render

import (
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"drugfree/report/layout"
	"drugfree/report/textfit"
)

// formRow is one row of text around a table: the official form's lines, a banner or a note.
type formRow struct {
	cells  []formCell
	height float64
}

// formCell is one text of a formRow, over the columns first to last (1-based), merged when
// they are more than one.
type formCell struct {
	first, last int
	text        string
	style       string
}

// spacerHeight is the height of the empty rows between the parts of the form, in points.
const spacerHeight = 8

// spacer is an empty row between parts of the form.
func spacer() formRow { return formRow{height: spacerHeight} }

// textRow is a row of one text over all the columns of widths.
func textRow(text, style string, widths []float64) formRow {
	return fitRow(formRow{cells: []formCell{{1, len(widths), text, style}}}, widths)
}

// textRows are the rows of one text over all the columns of widths: one row, or, for a text
// taller than a row can be (textfit.MaxRowHeight), as many as it takes, cut between words.
func textRows(text, style string, widths []float64) []formRow {
	l := lookOf(style)
	room := textfit.Room(widths...)
	most := int((textfit.MaxRowHeight - 3) / textfit.LineHeight(l.size))
	if textfit.Lines(text, room, l.size, l.bold) <= most {
		return []formRow{textRow(text, style, widths)}
	}
	var rows []formRow
	words := strings.Fields(text)
	for len(words) > 0 {
		n := 1 // the most words that fit in a row, at least one
		for n < len(words) && textfit.Lines(strings.Join(words[:n+1], " "), room, l.size, l.bold) <= most {
			n++
		}
		rows = append(rows, textRow(strings.Join(words[:n], " "), style, widths))
		words = words[n:]
	}
	return rows
}

// fitRow gives r the height of its tallest text, wrapped in its columns.
func fitRow(r formRow, widths []float64) formRow {
	h := 0.0
	for _, c := range r.cells {
		if c.text == "" {
			continue
		}
		l := lookOf(c.style)
		lines := textfit.Lines(c.text, textfit.Room(widths[c.first-1:c.last]...), l.size, l.bold)
		h = max(h, textfit.RowHeight(lines, l.size))
	}
	if h == 0 {
		h = textfit.RowHeight(1, textfit.Body)
	}
	r.height = h
	return r
}

// blocks splits the columns of widths into len(shares) blocks side by side, each at least
// one column wide, as near its share of the total width as the columns allow: of all the
// ways to cut the columns, the one whose narrowest block, for its share, is widest (one
// very wide column, a table's reasons, cannot be shared out). It gives each block's first
// and last column (1-based). With fewer columns than blocks, every block is the whole
// width, and the blocks go one under the other (stacked).
func blocks(widths []float64, shares ...float64) (spans [][2]int, stacked bool) {
	n, k := len(widths), len(shares)
	if n < k {
		for range shares {
			spans = append(spans, [2]int{1, max(n, 1)})
		}
		return spans, true
	}
	best, cut := -1.0, make([]int, k) // cut[b] is the first column (0-based) of block b
	var try func(b, from int, worst float64)
	try = func(b, from int, worst float64) {
		if b == k-1 { // the last block takes the rest
			worst = min(worst, sum(widths[from:])/shares[b])
			if worst > best {
				best = worst
				cut[b] = from
				for i := range spans {
					spans[i][0] = cut[i] + 1
					if i+1 < k {
						spans[i][1] = cut[i+1]
					}
				}
				spans[k-1][1] = n
			}
			return
		}
		for end := from + 1; end <= n-(k-1-b); end++ {
			cut[b] = from
			try(b+1, end, min(worst, sum(widths[from:end])/shares[b]))
		}
	}
	spans = make([][2]int, k)
	try(0, 0, math.Inf(1))
	return spans, false
}

// sum is the total of xs.
func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// columns lays texts out side by side in the spans, row by row: texts[b] are the lines of
// block b, each with its style; a block with fewer lines leaves its cells empty. Stacked
// blocks go one under the other.
func columns(widths []float64, spans [][2]int, stacked bool, texts [][]styled) []formRow {
	var rows []formRow
	if stacked {
		for b, lines := range texts {
			for _, t := range lines {
				rows = append(rows, fitRow(formRow{cells: []formCell{{spans[b][0], spans[b][1], t.text, t.style}}}, widths))
			}
		}
		return rows
	}
	n := 0
	for _, lines := range texts {
		n = max(n, len(lines))
	}
	for i := range n {
		var r formRow
		for b, lines := range texts {
			if i < len(lines) && lines[i].text != "" {
				r.cells = append(r.cells, formCell{spans[b][0], spans[b][1], lines[i].text, lines[i].style})
			}
		}
		rows = append(rows, fitRow(r, widths))
	}
	return rows
}

// styled is a text and the name of its style.
type styled struct{ text, style string }

// formHead lays out the top of the official form over columns of widths: the letterhead
// (the issuing body over its office on the left, the national motto on the right), the
// number and the place and date, the title and its lines, and the banner of an incomplete
// workbook.
func formHead(f *layout.Form, widths []float64) []formRow {
	spans, stacked := blocks(widths, 0.42, 0.58)
	left := []styled{{f.Body, "form-body"}}
	if f.Office != "" {
		left = append(left, styled{f.Office, "form-office"})
	}
	right := []styled{{f.Motto, "form-motto"}, {f.Slogan, "form-slogan"}}
	rows := columns(widths, spans, stacked, [][]styled{left, right})
	rows = append(rows, spacer())
	rows = append(rows, columns(widths, spans, stacked, [][]styled{{{f.Number, "form-number"}}, {{f.DateLine, "form-date"}}})...)
	rows = append(rows, spacer(), textRow(f.Kind, "form-kind", widths), textRow(f.Subject, "form-subject", widths))
	for _, l := range f.Lines {
		rows = append(rows, textRows(l, "form-line", widths)...)
	}
	rows = append(rows, spacer())
	if f.Banner != "" {
		rows = append(append(rows, textRows(f.Banner, "banner", widths)...), spacer())
	}
	return rows
}

// signRoom is the number of empty lines left to sign in.
const signRoom = 4

// formFoot lays out the bottom of the official form under columns of widths: the notes,
// then the recipients on the left and the signature blocks beside them.
func formFoot(f *layout.Form, widths []float64) []formRow {
	rows := []formRow{spacer()}
	for _, n := range f.Notes {
		rows = append(rows, textRows(n, "form-note", widths)...)
	}
	rows = append(rows, spacer())
	shares := []float64{0.4}
	for range f.Signers {
		shares = append(shares, 0.6/float64(len(f.Signers)))
	}
	spans, stacked := blocks(widths, shares...)
	texts := [][]styled{{{f.RecipientsLabel, "form-recipients"}}}
	for _, r := range f.Recipients {
		texts[0] = append(texts[0], styled{r, "form-recipient"})
	}
	for _, s := range f.Signers {
		var lines []styled
		for _, t := range s.Title {
			lines = append(lines, styled{t, "form-signer"})
		}
		lines = append(lines, styled{s.Hint, "form-hint"})
		for range signRoom {
			lines = append(lines, styled{})
		}
		if s.Name != "" {
			lines = append(lines, styled{s.Name, "form-name"})
		}
		texts = append(texts, lines)
	}
	return append(rows, columns(widths, spans, stacked, texts)...)
}

// streamFormRows writes rows to sw from row first on, merging the cells of each text.
func streamFormRows(sw *excelize.StreamWriter, styles map[string]int, first int, rows []formRow) error {
	for i, r := range rows {
		var values []any
		for _, c := range r.cells {
			for len(values) < c.first-1 {
				values = append(values, nil)
			}
			values = append(values, excelize.Cell{StyleID: styles[c.style], Value: c.text})
			for range c.last - c.first {
				values = append(values, excelize.Cell{StyleID: styles[c.style]})
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, first+i)
		if err := sw.SetRow(cell, values, excelize.RowOpts{Height: r.height}); err != nil {
			return err
		}
		for _, c := range r.cells {
			if c.last > c.first {
				a, _ := excelize.CoordinatesToCellName(c.first, first+i)
				b, _ := excelize.CoordinatesToCellName(c.last, first+i)
				if err := sw.MergeCell(a, b); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// setFormRows writes rows to a sheet that is not streamed, from row first on, and returns
// the row after them.
func (wb *Workbook) setFormRows(sheet string, first int, rows []formRow) int {
	for i, r := range rows {
		_ = wb.f.SetRowHeight(sheet, first+i, r.height)
		for _, c := range r.cells {
			a, _ := excelize.CoordinatesToCellName(c.first, first+i)
			b, _ := excelize.CoordinatesToCellName(c.last, first+i)
			_ = wb.f.SetCellValue(sheet, a, c.text)
			_ = wb.f.SetCellStyle(sheet, a, b, wb.Style(c.style))
			if c.last > c.first {
				_ = wb.f.MergeCell(sheet, a, b)
			}
		}
	}
	return first + len(rows)
}
