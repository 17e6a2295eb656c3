package report

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Workbook builds an output workbook sheet by sheet. Tables are written with excelize's
// StreamWriter (widths and panes first, rows in order, one Flush), so a large table costs
// memory for its cells once, not for a DOM of the sheet.
type Workbook struct {
	f      *excelize.File
	lang   string
	sheets int
	tables int
	styles map[string]int
}

// Fills of tagged cells, by key: categories, verdicts, timeliness and severities.
var tagFills = map[string]string{
	"type-1": "F4B6B6", "type-2": "F8CBAD", "type-3": "FFE699",
	"less-complex": "DDEBF7", "drug-free": "C6EFCE", "undetermined": "D9D9D9",
	"pass": "C6EFCE", "fail": "F4B6B6", "missing": "D9D9D9",
	"on-time": "C6EFCE", "late": "F8CBAD", "not-due": "EDEDED", "overdue": "F4B6B6",
	"error": "F4B6B6", "warning": "FFE699",
}

// TagFill returns the fill colour (RRGGBB) of a tag key, and whether it has one.
func TagFill(key string) (string, bool) {
	c, ok := tagFills[key]
	return c, ok
}

// NewWorkbook starts an empty workbook whose texts are in lang.
func NewWorkbook(lang string) *Workbook {
	return &Workbook{f: excelize.NewFile(), lang: lang, styles: map[string]int{}}
}

// File gives access to the underlying workbook, for sheets that are not tables (a
// summary with a chart).
func (wb *Workbook) File() *excelize.File { return wb.f }

// NewSheet adds a sheet named name (the first call renames the default sheet).
func (wb *Workbook) NewSheet(name string) error {
	name = SheetName(name)
	wb.sheets++
	if wb.sheets == 1 {
		return wb.f.SetSheetName("Sheet1", name)
	}
	_, err := wb.f.NewSheet(name)
	return err
}

// Style returns a cached style id: "head", "note", "text", "wrap", "int", "dec",
// "date", "pct", "bold", or "tag:KEY" for a coloured cell.
func (wb *Workbook) Style(name string) int {
	if id, ok := wb.styles[name]; ok {
		return id
	}
	border := borders()
	st := &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}}
	switch {
	case name == "head":
		st.Font = &excelize.Font{Bold: true}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
		st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "center"}
	case name == "note":
		st = &excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000", Size: 12}}
	case name == "bold":
		st = &excelize.Style{Font: &excelize.Font{Bold: true}}
	case name == "title":
		st = &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}
	case name == "wrap":
		st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	case name == "int":
		st.NumFmt = 3 // #,##0
	case name == "dec":
		st.NumFmt = 4 // #,##0.00
	case name == "pct":
		st.NumFmt = 10 // 0.00%
	case name == "date":
		st.CustomNumFmt = ptr("dd/mm/yyyy")
		if wb.lang == "en" {
			st.CustomNumFmt = ptr("yyyy-mm-dd")
		}
	case len(name) > 4 && name[:4] == "tag:":
		if c, ok := tagFills[name[4:]]; ok {
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
		}
	}
	id, _ := wb.f.NewStyle(st)
	wb.styles[name] = id
	return id
}

// AddTable writes t as a sheet of its own: an optional note row, a bold header with
// filters, frozen below the header, widths fitted to the contents, tags coloured.
func (wb *Workbook) AddTable(t Table) error {
	if err := wb.NewSheet(t.Name); err != nil {
		return err
	}
	name := SheetName(t.Name)
	if err := wb.printLayout(name); err != nil {
		return err
	}
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// Widths first: the longest text of each column, within reason.
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		width := c.Width
		if width == 0 {
			width = min(max(float64(utf8.RuneCountInString(c.Header))*0.6, 8), 40)
			for _, r := range t.Rows {
				if i < len(r) {
					n := float64(utf8.RuneCountInString(cellText(r[i], wb.lang)))
					width = max(width, min(n+2, 60))
				}
			}
		}
		widths[i] = width
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	headRow := 1
	if t.Note != "" {
		headRow = 3
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: fmt.Sprintf("A%d", headRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if t.Note != "" {
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: wb.Style("note"), Value: t.Note}}); err != nil {
			return err
		}
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: wb.Style("head"), Value: c.Header}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headRow), head, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	for r, row := range t.Rows {
		cells := make([]any, len(row))
		for i, v := range row {
			wrap := i < len(t.Columns) && t.Columns[i].Wrap
			cells[i] = wb.cell(v, wrap)
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", headRow+1+r), cells, excelize.RowOpts{Height: wb.rowHeight(t, row, widths)}); err != nil {
			return err
		}
	}
	if len(t.Columns) > 0 {
		// A table without a style gives the header its filter buttons; the cells keep
		// their own styles.
		last, _ := excelize.CoordinatesToCellName(len(t.Columns), headRow+max(len(t.Rows), 1))
		wb.tables++
		if err := sw.AddTable(&excelize.Table{
			Range: fmt.Sprintf("A%d:%s", headRow, last), Name: fmt.Sprintf("Table%d", wb.tables),
			StyleName: "", ShowRowStripes: ptr(false),
		}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// rowHeight is the height a row needs for its wrapped text: a stream-written row is not
// fitted by the spreadsheet when it opens, so its wrapped cells would spill over the next.
func (wb *Workbook) rowHeight(t Table, row []any, widths []float64) float64 {
	lines := 1
	for i, v := range row {
		if i >= len(t.Columns) || !t.Columns[i].Wrap {
			continue
		}
		perLine := max(int(widths[i]*1.3), 10)
		n := 0
		for _, para := range strings.Split(cellText(v, wb.lang), "\n") {
			n += max(1, (utf8.RuneCountInString(para)+perLine-1)/perLine)
		}
		lines = max(lines, n)
	}
	return float64(lines) * 15
}

// printLayout prints a sheet in landscape, one page wide, with the header row repeated;
// it must come before the sheet's StreamWriter, which keeps these settings.
func (wb *Workbook) printLayout(name string) error {
	if err := wb.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	return wb.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)})
}

func (wb *Workbook) cell(v any, wrap bool) excelize.Cell {
	switch x := v.(type) {
	case Tag:
		key := x.Key
		if x.Style != "" {
			key = x.Style
		}
		return excelize.Cell{StyleID: wb.Style("tag:" + key), Value: x.Text}
	case int:
		return excelize.Cell{StyleID: wb.Style("int"), Value: x}
	case float64:
		if x == float64(int64(x)) {
			return excelize.Cell{StyleID: wb.Style("int"), Value: x}
		}
		return excelize.Cell{StyleID: wb.Style("dec"), Value: x}
	case *float64:
		if x == nil {
			return excelize.Cell{StyleID: wb.Style("text")}
		}
		return wb.cell(*x, wrap)
	case time.Time:
		if x.IsZero() {
			return excelize.Cell{StyleID: wb.Style("text")}
		}
		return excelize.Cell{StyleID: wb.Style("date"), Value: x}
	case nil:
		return excelize.Cell{StyleID: wb.Style("text")}
	}
	st := "text"
	if wrap {
		st = "wrap"
	}
	return excelize.Cell{StyleID: wb.Style(st), Value: cellText(v, wb.lang)}
}

// Write writes the workbook to w, encrypted with password when it is not empty.
func (wb *Workbook) Write(w io.Writer, password string) error {
	defer wb.f.Close()
	if password != "" {
		return wb.f.Write(w, excelize.Options{Password: password})
	}
	return wb.f.Write(w)
}

// SheetName makes name a valid sheet name: no []:*?/\ and at most 31 characters.
func SheetName(name string) string {
	out := make([]rune, 0, len(name))
	for _, r := range name {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			r = '-'
		}
		out = append(out, r)
	}
	if len(out) > 31 {
		out = out[:31]
	}
	if len(out) == 0 {
		return "Sheet"
	}
	return string(out)
}
