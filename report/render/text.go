package render

import (
	"bytes"
	"drugfree/i18n"
	"drugfree/report/layout"
	"drugfree/report/problem"
	"drugfree/report/textfit"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// WriteProblems writes one line per problem, for stderr:
//
//	lỗi unknown-commune: returns.xlsx: Số liệu!B7: Huyện Cầu Kè, Xã Hoa Ân: ...
func WriteProblems(w io.Writer, ps []problem.Problem, lang i18n.Lang) error {
	for _, p := range ps {
		sev := i18n.Tr(lang, map[problem.Severity]string{problem.Error: "lỗi", problem.Warning: "cảnh báo"}[p.Severity], string(p.Severity))
		code := p.Code
		if p.Rule != "" {
			code += "/" + p.Rule
		}
		who := strings.Trim(strings.Join([]string{p.District, p.Commune}, ", "), ", ")
		if who != "" {
			who += ": "
		}
		where := p.Where()
		if where != "" {
			where += ": "
		}
		line := fmt.Sprintf("%s %s: %s%s%s", sev, code, where, who, p.Message)
		if _, err := fmt.Fprintln(w, terminalSafe(line, false)); err != nil {
			return err
		}
	}
	return nil
}

// WriteText writes t as a terminal table with tablewriter, its columns as wide as their
// text (up to 60 cells, wider text wrapping), then the legend of its columns.
func WriteText(w io.Writer, t layout.Table, lang i18n.Lang) error {
	return WriteTextWidth(w, t, lang, 0)
}

// WriteTextWidth is WriteText on a terminal width cells wide (0: no limit). A table wider
// than that is fitted to it (fitColumns): its text wrapped in narrower columns, and columns
// hidden in the order the layout gives (layout.Column.Drop), named in a note under the
// table. The note above the table, the legend and the note are wrapped to the width too.
// A table that fits is written exactly as WriteText writes it.
func WriteTextWidth(w io.Writer, t layout.Table, lang i18n.Lang, width int) error {
	if t.Note != "" {
		if err := WriteLines(w, terminalSafe(t.Note, true), width); err != nil {
			return err
		}
	}
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = terminalSafe(c.Header, true) // a header may be two lines
	}
	rows := make([][]string, 0, t.Len())
	var cells []any
	for n := range t.Len() {
		cells = t.Row(cells, n)
		row := make([]string, len(cells))
		for i, v := range cells {
			row[i] = terminalSafe(layout.CellText(v, lang), false)
		}
		rows = append(rows, row)
	}
	shown := make([]bool, len(t.Columns))
	for i := range shown {
		shown[i] = true
	}
	var table bytes.Buffer
	if err := renderTable(&table, head, rows, nil); err != nil {
		return err
	}
	if width > 0 && widestLine(table.String()) > width {
		wrap, drop := make([]bool, len(t.Columns)), make([]int, len(t.Columns))
		for i, c := range t.Columns {
			wrap[i], drop[i] = c.Wrap, c.Drop
		}
		widths, _ := fitColumns(measure(head, rows, wrap, drop), width)
		table.Reset()
		if err := renderTable(&table, head, rows, widths); err != nil {
			return err
		}
		for i, wd := range widths {
			shown[i] = wd > 0
		}
	}
	if _, err := w.Write(table.Bytes()); err != nil {
		return err
	}
	for i, c := range t.Columns {
		if shown[i] && c.Legend != "" {
			if err := WriteLines(w, terminalSafe(c.Header+": "+c.Legend, false), width); err != nil {
				return err
			}
		}
	}
	if hidden := hiddenColumns(t.Columns, shown); hidden != "" {
		note := fmt.Sprintf(i18n.Tr(lang, "Ẩn cột %s; dùng --wide để xem đủ.", "Columns hidden: %s; use --wide to see them all."), hidden)
		return WriteLines(w, note, width)
	}
	return nil
}

// hiddenColumns names the columns not shown, in quotes: “Mã”, “Tình trạng”; three or more
// side by side that are hidden together (the same Drop) as a range, “1”–“8”.
func hiddenColumns(cols []layout.Column, shown []bool) string {
	name := func(c layout.Column) string {
		return "“" + strings.ReplaceAll(terminalSafe(c.Header, true), "\n", " ") + "”"
	}
	var names []string
	for i := 0; i < len(cols); i++ {
		if shown[i] {
			continue
		}
		j := i
		for j+1 < len(cols) && !shown[j+1] && cols[j+1].Drop == cols[i].Drop {
			j++
		}
		if j-i >= 2 {
			names = append(names, name(cols[i])+"–"+name(cols[j]))
			i = j
			continue
		}
		names = append(names, name(cols[i]))
	}
	return strings.Join(names, ", ")
}

// renderTable renders a table with tablewriter: as wide as its text (up to 60 cells, then
// wrapped) when widths is nil, else with column i widths[i] cells wide (its text wrapped by
// textfit.WrapCells), or hidden when that is 0.
func renderTable(w io.Writer, head []string, rows [][]string, widths []int) error {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	}
	if widths == nil {
		opts = append(opts, tablewriter.WithRowAutoWrap(tw.WrapNormal), tablewriter.WithRowMaxWidth(maxCell))
	} else {
		opts = append(opts, tablewriter.WithRowAutoWrap(tw.WrapNone), tablewriter.WithHeaderAutoWrap(tw.WrapNone))
	}
	tbl := tablewriter.NewTable(w, opts...)
	fit := func(cells []string) []any {
		var out []any
		for i, c := range cells {
			if widths == nil {
				out = append(out, c)
			} else if widths[i] > 0 {
				out = append(out, wrapCell(c, widths[i]))
			}
		}
		return out
	}
	tbl.Header(fit(head)...)
	for _, row := range rows {
		if err := tbl.Append(fit(row)); err != nil {
			return err
		}
	}
	return tbl.Render()
}

// wrapCell wraps each line of s into lines of width cells.
func wrapCell(s string, width int) string {
	var out []string
	for _, line := range splitLines(s) {
		out = append(out, textfit.WrapCells(line, width)...)
	}
	return strings.Join(out, "\n")
}

// splitLines is the lines of s.
func splitLines(s string) []string { return strings.Split(s, "\n") }

// widestLine is the width in cells of the widest line of s.
func widestLine(s string) int {
	w := 0
	for _, line := range splitLines(s) {
		w = max(w, textfit.Cells(line))
	}
	return w
}

// writeLines writes s, its lines wrapped to width cells (0: not wrapped).
func WriteLines(w io.Writer, s string, width int) error {
	for _, line := range splitLines(s) {
		lines := []string{line}
		if width > 0 {
			lines = textfit.WrapCells(line, width)
		}
		for _, l := range lines {
			if _, err := fmt.Fprintln(w, l); err != nil {
				return err
			}
		}
	}
	return nil
}

// terminalSafe is s with its control characters (ESC, BEL, CR, a newline unless
// newlines is set, …, and the C1 controls) written as Go escapes ("\x1b", "\n"), so that
// a name read from a return cannot clear the terminal, move its cursor or forge a line.
func terminalSafe(s string, newlines bool) string {
	clean := true
	for _, r := range s {
		if isControl(r, newlines) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isControl(r, newlines) {
			b.WriteRune(r)
			continue
		}
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			fmt.Fprintf(&b, `\x%02x`, r)
		}
	}
	return b.String()
}

func isControl(r rune, newlines bool) bool {
	return (r < 0x20 && !(newlines && r == '\n')) || (r >= 0x7f && r <= 0x9f)
}

// csvCell is a cell's machine value for CSV, with a text that a spreadsheet would run as
// a formula (beginning with = + - @, a tab or a CR: "=HYPERLINK(…)", "@SUM(1)")
// neutralised as OWASP recommends, by a leading apostrophe. Numbers and dates are the
// tool's own, never text from a return, and are written as they are (-5 stays -5).
func csvCell(v any) string {
	key := layout.CellKey(v)
	switch v.(type) {
	case nil, int, float64, *float64, time.Time:
		return key
	}
	if key != "" && strings.ContainsRune("=+-@\t\r", rune(key[0])) {
		return "'" + key
	}
	return key
}

// utf8BOM starts the CSV: Excel on Windows reads a CSV file without it in the system's
// code page, which turns Vietnamese into mojibake; with it, as UTF-8.
const utf8BOM = "\ufeff"

// WriteCSV writes t as CSV with the column keys as header and machine values, after a
// UTF-8 byte order mark so that Excel opens it right.
func WriteCSV(w io.Writer, t layout.Table) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	var head []string
	for _, c := range t.Columns {
		head = append(head, c.Key)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	var cells []any
	var keys []string
	for n := range t.Len() {
		cells = t.Row(cells, n)
		keys = keys[:0]
		for _, v := range cells {
			keys = append(keys, csvCell(v))
		}
		if err := cw.Write(keys); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
