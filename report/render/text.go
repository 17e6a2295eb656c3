package render

import (
	"drugfree/i18n"
	"drugfree/report/layout"
	"drugfree/report/problem"
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

// WriteText writes t as a terminal table with tablewriter, followed by nothing else.
func WriteText(w io.Writer, t layout.Table, lang i18n.Lang) error {
	if t.Note != "" {
		if _, err := fmt.Fprintln(w, terminalSafe(t.Note, true)); err != nil {
			return err
		}
	}
	tbl := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(60),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	)
	var head []any
	for _, c := range t.Columns {
		head = append(head, terminalSafe(c.Header, true)) // a header may be two lines
	}
	tbl.Header(head...)
	var cells []any
	for n := range t.Len() {
		cells = t.Row(cells, n)
		row := make([]string, len(cells))
		for i, v := range cells {
			row[i] = terminalSafe(layout.CellText(v, lang), false)
		}
		if err := tbl.Append(row); err != nil {
			return err
		}
	}
	return tbl.Render()
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

// WriteCSV writes t as CSV with the column keys as header and machine values.
func WriteCSV(w io.Writer, t layout.Table) error {
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
