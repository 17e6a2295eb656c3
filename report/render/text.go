package render

import (
	"drugfree/i18n"
	"drugfree/report/layout"
	"drugfree/report/problem"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

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
		if _, err := fmt.Fprintf(w, "%s %s: %s%s%s\n", sev, code, where, who, p.Message); err != nil {
			return err
		}
	}
	return nil
}

// WriteText writes t as a terminal table with tablewriter, followed by nothing else.
func WriteText(w io.Writer, t layout.Table, lang i18n.Lang) error {
	if t.Note != "" {
		if _, err := fmt.Fprintln(w, t.Note); err != nil {
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
		head = append(head, c.Header)
	}
	tbl.Header(head...)
	var cells []any
	for n := range t.Len() {
		cells = t.Row(cells, n)
		row := make([]string, len(cells))
		for i, v := range cells {
			row[i] = layout.CellText(v, lang)
		}
		if err := tbl.Append(row); err != nil {
			return err
		}
	}
	return tbl.Render()
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
			keys = append(keys, layout.CellKey(v))
		}
		if err := cw.Write(keys); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
