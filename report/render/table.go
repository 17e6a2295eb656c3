package render

import (
	"encoding/csv"
	"fmt"
	"io"

	"drugfree/report/layout"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// WriteText writes t as a terminal table with tablewriter, followed by nothing else.
func WriteText(w io.Writer, t layout.Table, lang string) error {
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
