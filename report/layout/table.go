package layout

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
)

// Table is the tabular form of a command's result, written to a terminal, a CSV file or a
// workbook sheet. JSON is written from each command's own types instead.
type Table struct {
	// Name is the sheet name in a workbook.
	Name    string
	Columns []Column
	// Rows are the cells, row by row, but for the tables whose rows are laid out on
	// demand (ClassificationTable, RecognitionTable, RecognitionDetailTable,
	// SubmissionsTable): their Rows are nil, and rows are read through Len and the
	// writers (WriteText, WriteCSV, Workbook), which lay each row out from the results
	// the table was built from when they write it: those results must not change until
	// the table is written, and rows appended to Rows of such a table are not written.
	Rows [][]any
	// Note, when set, is shown above the table (a workbook's first row, in bold).
	Note string

	// rowAt, when set, lays row i of n out on demand, in place of Rows: a national
	// consolidation's checklist and classification would otherwise hold about 11 MB of
	// boxed cells while their sheets are streamed, which the garbage collector's headroom
	// doubles in the peak memory. Each writer lays a row out when it writes it, in a
	// slice reused from row to row.
	n     int
	rowAt func(dst []any, i int) []any
}

// lazyTable returns t whose rows are laid out by rowAt(dst, i) on demand, n of them.
// rowAt appends row i to dst (which the caller may reuse from row to row) and must give
// the same row each time it is asked.
func lazyTable(t Table, n int, rowAt func(dst []any, i int) []any) Table {
	t.Rows, t.n, t.rowAt = nil, n, rowAt
	return t
}

// Len is the number of rows of t.
func (t *Table) Len() int {
	if t.rowAt != nil {
		return t.n
	}
	return len(t.Rows)
}

// Row returns row i of t, laid out in dst's storage when t is lazy.
func (t *Table) Row(dst []any, i int) []any {
	if t.rowAt != nil {
		return t.rowAt(dst[:0], i)
	}
	return t.Rows[i]
}

// Reordered returns t with its rows in order: row i of the result is row order[i] of t
// (order holds each of t's rows once). A lazy table stays lazy: no row is laid out or
// copied.
func (t Table) Reordered(order []int) Table {
	if t.rowAt != nil {
		at := t.rowAt
		t.rowAt = func(dst []any, i int) []any { return at(dst, order[i]) }
		return t
	}
	rows := make([][]any, len(order))
	for i, j := range order {
		rows[i] = t.Rows[j]
	}
	t.Rows = rows
	return t
}

// Column is one column of a Table.
type Column struct {
	// Key is the machine name of the column, used as the CSV header.
	Key string
	// Header is the column's title in the user's language.
	Header string
	// Width is the workbook column width; 0 fits the contents.
	Width float64
	// Wrap marks a column of long text (reasons, messages): in a workbook wider than the
	// page, such a column is narrowed first, its text wrapping onto more lines. (Every
	// text of a workbook wraps, its row as tall as it needs.)
	Wrap bool
	// Drop is when a terminal too narrow for the table hides the column: 0 never; else
	// the columns of Drop 1 go first, then those of 2, and so on, each group whole, and
	// only after the wrapped text has narrowed (render.WriteTextWidth). --wide shows them.
	Drop int
	// Legend, when set, says what the column holds where its header is too short to (the
	// checklist's "1" to "8"): a terminal table prints "Header: Legend" under itself for
	// each column it shows.
	Legend string
}

// Tag is a cell with a machine key and a text for people, such as a category
// (type-2, "Loại II") or a verdict (pass, "Đạt"). Workbooks colour it by its key; CSV
// writes the key; terminal tables the text.
type Tag struct {
	Key  string
	Text string
	// Style, when set, colours the cell in place of Key: a missing return is "overdue"
	// (red), where a missing checklist figure is grey.
	Style string
}

func (t Tag) String() string { return t.Text }

// tagCells holds the tags a table repeats from row to row (statuses, verdicts,
// categories), each boxed once, so that its rows share the boxes rather than allocate one
// per cell (the checklist at 700 returns has 47,000 verdict marks). It is filled before
// the first row is laid out and only read afterwards, so the table may be written from
// any goroutine.
type tagCells map[Tag]any

// Cell returns t as a cell: the shared box when t is one of m's, else a new one.
func (m tagCells) Cell(t Tag) any {
	if c, ok := m[t]; ok {
		return c
	}
	return t
}

// add adds the tag with key and text.
func (m tagCells) add(key, text string) {
	t := Tag{Key: key, Text: text}
	m[t] = t
}

// planTags returns the tags of p's statuses, categories and calendar kinds in lang, and
// those of the verdicts (marks and words).
func planTags(p *criteria.Plan, lang i18n.Lang) tagCells {
	m := tagCells{}
	for _, s := range p.Statuses {
		m.add(s.Key, p.StatusLabel(s.Key, lang))
	}
	for _, c := range p.Categories {
		m.add(c.Key, p.CategoryLabel(c.Key, lang))
	}
	for _, d := range p.Calendar {
		m.add(d.Kind, d.Label(lang))
	}
	for _, v := range []classify.Verdict{classify.Pass, classify.Fail, classify.Missing} {
		m.add(string(v), verdictMark(v))
		m.add(string(v), report.VerdictLabel(v, lang))
	}
	return m
}

// CellText renders a value for people in lang.
func CellText(v any, lang i18n.Lang) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case Tag:
		return x.Text
	case int:
		return criteria.FormatNumber(float64(x), lang)
	case float64:
		return criteria.FormatNumber(x, lang)
	case *float64:
		if x == nil {
			return ""
		}
		return criteria.FormatNumber(*x, lang)
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return i18n.ClerkDate(x, lang)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// CellKey renders a value for machines: keys, plain numbers, ISO dates.
func CellKey(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case Tag:
		return x.Key
	case int:
		return fmt.Sprint(x)
	case float64:
		return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", x), "0"), ".")
	case *float64:
		if x == nil {
			return ""
		}
		return CellKey(*x)
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.Format(time.DateOnly)
	}
	return fmt.Sprint(v)
}

// joinTexts joins the texts of xs with sep, as strings.Join joins strings: a single text
// comes back as it is, without a copy.
func joinTexts[T any](xs []T, text func(T) string, sep string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return text(xs[0])
	}
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(text(x))
	}
	return b.String()
}

// omitUnused leaves out the columns of t among keys that p never fills (unused). A plan
// that fills them all gets t as it is. keys name the columns that may go: a "district"
// column of one table holds communes' districts, of another every sender.
func omitUnused(p *criteria.Plan, t Table, keys ...string) Table {
	var drop []int
	for i, c := range t.Columns {
		if slices.Contains(keys, c.Key) && unused(p, c.Key) {
			drop = append(drop, i)
		}
	}
	if len(drop) == 0 {
		return t
	}
	keep := func(row []any) []any {
		out := row[:0]
		for i, v := range row {
			if !slices.Contains(drop, i) {
				out = append(out, v)
			}
		}
		return out
	}
	t.Columns = keep2(t.Columns, drop)
	if t.rowAt != nil {
		at := t.rowAt
		t.rowAt = func(dst []any, i int) []any { return keep(at(dst, i)) }
		return t
	}
	for i, r := range t.Rows {
		t.Rows[i] = keep(slices.Clone(r))
	}
	return t
}

// unused reports whether p never fills the column key: the district and the former
// district when no registry of the plan has districts (QĐ 28: criteria.Plan.HasDistricts),
// the status when the plan has no statuses.
func unused(p *criteria.Plan, key string) bool {
	switch key {
	case "district", "former_district":
		return !p.HasDistricts()
	case "status":
		return len(p.Statuses) == 0
	}
	return false
}

// keep2 returns cols without the indices in drop.
func keep2(cols []Column, drop []int) []Column {
	var out []Column
	for i, c := range cols {
		if !slices.Contains(drop, i) {
			out = append(out, c)
		}
	}
	return out
}
