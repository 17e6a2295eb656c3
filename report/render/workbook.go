package render

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"drugfree/i18n"
	"drugfree/report/layout"
	"drugfree/report/template"

	"github.com/xuri/excelize/v2"
)

// Workbook builds an output workbook sheet by sheet. Tables are written with excelize's
// StreamWriter (widths and panes first, rows in order, one Flush), so a large table costs
// memory for its cells once, not for a DOM of the sheet.
type Workbook struct {
	f      *excelize.File
	lang   i18n.Lang
	sheets int
	tables int
	styles map[string]int
}

// styleIDs returns the styles created so far, for writers that must not create any.
func (wb *Workbook) styleIDs() map[string]int { return wb.styles }

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
func NewWorkbook(lang i18n.Lang) *Workbook {
	return &Workbook{f: excelize.NewFile(), lang: lang, styles: map[string]int{}}
}

// NewSheet adds a sheet named name (the first call renames the default sheet). A name
// already taken is an error: excelize would hand back the existing sheet, and a second
// table streamed into it would replace the first.
func (wb *Workbook) NewSheet(name string) error {
	name = SheetName(name)
	if wb.sheets > 0 {
		if i, err := wb.f.GetSheetIndex(name); err == nil && i >= 0 {
			return fmt.Errorf("two sheets named %q", name)
		}
	}
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
	border := template.Borders()
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
		st.CustomNumFmt = template.Ptr(i18n.Tr(wb.lang, "dd/mm/yyyy", "yyyy-mm-dd"))
	case len(name) > 4 && name[:4] == "tag:":
		if c, ok := tagFills[name[4:]]; ok {
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
		}
	}
	id, _ := wb.f.NewStyle(st)
	wb.styles[name] = id
	return id
}

// AddTables writes each table as a sheet of its own, in order: an optional note row, a
// bold header with filters, frozen below the header, widths fitted to the contents, tags
// coloured. The workbook is the same as if the tables were written one after the other.
// Their rows are streamed at once, one table per core: each table has its own
// StreamWriter, which writes its own buffer, while what the tables share in the workbook
// is done in order, one table at a time: the sheets are created, every style the cells
// use is created in the order a table-by-table writing would have first used it (the
// style ids are the same), and the tables' filters and Flush come last.
//
// A table's rows are read twice, first to fit the widths and list the styles (survey, on
// every core), then to stream them; a table laid out on demand (lazyTable) is laid out
// twice rather than held whole.
func (wb *Workbook) AddTables(ts ...layout.Table) error {
	order := bySize(ts)
	surveys := make([]tableSurvey, len(ts))
	eachTable(order, func(i int) error {
		surveys[i] = wb.survey(&ts[i])
		return nil
	})
	sws := make([]*excelize.StreamWriter, len(ts))
	for i := range ts {
		var err error
		if sws[i], err = wb.startTable(&ts[i], surveys[i].styles); err != nil {
			return err
		}
	}
	errs := eachTable(order, func(i int) error {
		return wb.streamRows(sws[i], &ts[i], surveys[i].widths)
	})
	for i := range ts {
		if errs[i] != nil {
			return errs[i]
		}
		if err := wb.endTable(sws[i], &ts[i]); err != nil {
			return err
		}
	}
	return nil
}

// eachTable runs do(i) for every i of order on every core, taking them in that order,
// and returns the error of each.
func eachTable(order []int, do func(i int) error) []error {
	errs := make([]error, len(order))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(order)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				errs[i] = do(i)
			}
		}()
	}
	for _, i := range order {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return errs
}

// bySize returns the indexes of ts, the largest table first, so that the last table
// streamed is a small one.
func bySize(ts []layout.Table) []int {
	idx := make([]int, len(ts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return ts[idx[a]].Len()*len(ts[idx[a]].Columns) > ts[idx[b]].Len()*len(ts[idx[b]].Columns)
	})
	return idx
}

// tableSurvey is what a table's sheet needs to know of all its rows before the first is
// streamed.
type tableSurvey struct {
	// styles are the names of the styles the cells use (cellStyle), in the order of their
	// first use.
	styles []string
	// widths are the columns' widths: Column.Width, or fitted to the longest text.
	widths []float64
}

// survey reads t's rows for its styles and widths. It touches nothing of the workbook.
func (wb *Workbook) survey(t *layout.Table) tableSurvey {
	var sv tableSurvey
	seen := map[string]bool{}
	seenTag := map[string]bool{} // by Tag style key, so as not to build "tag:"+key per cell
	fit := make([]bool, len(t.Columns))
	sv.widths = make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		sv.widths[i] = c.Width
		if c.Width == 0 {
			fit[i] = true
			sv.widths[i] = min(max(float64(utf8.RuneCountInString(c.Header))*0.6, 8), 40)
		}
	}
	var row []any
	for r := range t.Len() {
		row = t.Row(row, r)
		for i, v := range row {
			if tag, ok := v.(layout.Tag); ok {
				key := tagStyleKey(tag)
				if !seenTag[key] {
					seenTag[key] = true
					sv.styles = append(sv.styles, "tag:"+key)
				}
			} else if name := cellStyle(v, i < len(t.Columns) && t.Columns[i].Wrap); !seen[name] {
				seen[name] = true
				sv.styles = append(sv.styles, name)
			}
			if i < len(fit) && fit[i] {
				n := float64(utf8.RuneCountInString(layout.CellText(v, wb.lang)))
				sv.widths[i] = max(sv.widths[i], min(n+2, 60))
			}
		}
	}
	return sv
}

// startTable creates t's sheet and StreamWriter, and the styles its cells use, in the
// order the cells use them.
func (wb *Workbook) startTable(t *layout.Table, styles []string) (*excelize.StreamWriter, error) {
	if err := wb.NewSheet(t.Name); err != nil {
		return nil, err
	}
	name := SheetName(t.Name)
	if err := wb.printLayout(name); err != nil {
		return nil, err
	}
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	if t.Note != "" {
		wb.Style("note")
	}
	wb.Style("head")
	for _, s := range styles {
		wb.Style(s)
	}
	return sw, nil
}

// streamRows writes t's widths, panes and rows to sw. It touches nothing of the workbook
// but sw, and reads the styles startTable created.
func (wb *Workbook) streamRows(sw *excelize.StreamWriter, t *layout.Table, widths []float64) error {
	styles := wb.styleIDs()
	for i, width := range widths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	headRow := tableHeadRow(t)
	topLeft, _ := excelize.CoordinatesToCellName(1, headRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: topLeft, ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if t.Note != "" {
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: styles["note"], Value: t.Note}}); err != nil {
			return err
		}
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: styles["head"], Value: c.Header}
	}
	headCell, _ := excelize.CoordinatesToCellName(1, headRow)
	if err := sw.SetRow(headCell, head, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	// One row's values and cells, reused from row to row: SetRow writes them out before it
	// returns.
	var row []any
	var buf []excelize.Cell
	var cells []any
	// The texts of tags, boxed once each: a table's tags repeat a few texts (✓, ✗, a
	// status), and a text is written as a value of its own (cellValue).
	texts := map[string]any{}
	for r := range t.Len() {
		row = t.Row(row, r)
		if len(row) > len(buf) {
			buf = make([]excelize.Cell, len(row))
		}
		cells = cells[:0]
		for i, v := range row {
			wrap := i < len(t.Columns) && t.Columns[i].Wrap
			var value any
			if tag, ok := v.(layout.Tag); ok {
				if value, ok = texts[tag.Text]; !ok {
					value = tag.Text
					if len(texts) < 256 {
						texts[tag.Text] = value
					}
				}
			} else {
				value = wb.cellValue(v)
			}
			buf[i] = excelize.Cell{StyleID: styleID(styles, v, wrap), Value: value}
			cells = append(cells, &buf[i])
		}
		first, _ := excelize.CoordinatesToCellName(1, headRow+1+r)
		if err := sw.SetRow(first, cells, excelize.RowOpts{Height: wb.rowHeight(t, row, widths)}); err != nil {
			return err
		}
	}
	return nil
}

// tableHeadRow is the line of t's header: 3 below a note, else 1.
func tableHeadRow(t *layout.Table) int {
	if t.Note != "" {
		return 3
	}
	return 1
}

// endTable gives t's header its filter buttons and writes the sheet out.
func (wb *Workbook) endTable(sw *excelize.StreamWriter, t *layout.Table) error {
	if len(t.Columns) > 0 {
		// A table without a style gives the header its filter buttons; the cells keep
		// their own styles.
		headRow := tableHeadRow(t)
		first, _ := excelize.CoordinatesToCellName(1, headRow)
		last, _ := excelize.CoordinatesToCellName(len(t.Columns), headRow+max(t.Len(), 1))
		wb.tables++
		if err := sw.AddTable(&excelize.Table{
			Range: first + ":" + last, Name: fmt.Sprintf("Table%d", wb.tables),
			StyleName: "", ShowRowStripes: template.Ptr(false),
		}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// rowHeight is the height a row needs for its wrapped text: a stream-written row is not
// fitted by the spreadsheet when it opens, so its wrapped cells would spill over the next.
func (wb *Workbook) rowHeight(t *layout.Table, row []any, widths []float64) float64 {
	lines := 1
	for i, v := range row {
		if i >= len(t.Columns) || !t.Columns[i].Wrap {
			continue
		}
		perLine := max(int(widths[i]*1.3), 10)
		n := 0
		// The lines of each paragraph, as strings.Split(text, "\n") would cut them.
		for text, more := layout.CellText(v, wb.lang), true; more; {
			var para string
			para, text, more = strings.Cut(text, "\n")
			n += max(1, (utf8.RuneCountInString(para)+perLine-1)/perLine)
		}
		lines = max(lines, n)
	}
	return float64(lines) * 15
}

// printLayout prints a sheet in landscape, one page wide, with the header row repeated;
// it must come before the sheet's StreamWriter, which keeps these settings.
func (wb *Workbook) printLayout(name string) error {
	if err := wb.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: template.Ptr(9), Orientation: template.Ptr("landscape"), FitToWidth: template.Ptr(1), FitToHeight: template.Ptr(0)}); err != nil {
		return err
	}
	return wb.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: template.Ptr(true)})
}

// tagStyleKey is the key of a tag's style: its Style, else its Key.
func tagStyleKey(t layout.Tag) string {
	if t.Style != "" {
		return t.Style
	}
	return t.Key
}

// styleID is the id of the style of a table cell holding v (cellStyle), among styles.
// A tag's style name is built for the lookup only, which does not keep it.
func styleID(styles map[string]int, v any, wrap bool) int {
	if t, ok := v.(layout.Tag); ok {
		return styles["tag:"+tagStyleKey(t)]
	}
	return styles[cellStyle(v, wrap)]
}

// cellStyle is the name of the style (Workbook.Style) of a table cell holding v.
func cellStyle(v any, wrap bool) string {
	switch x := v.(type) {
	case layout.Tag:
		return "tag:" + tagStyleKey(x)
	case int:
		return "int"
	case float64:
		if x == float64(int64(x)) {
			return "int"
		}
		return "dec"
	case *float64:
		if x == nil {
			return "text"
		}
		return cellStyle(*x, wrap)
	case time.Time:
		if x.IsZero() {
			return "text"
		}
		return "date"
	case nil:
		return "text"
	}
	if wrap {
		return "wrap"
	}
	return "text"
}

// cellValue is the value written in a table cell holding v (styled by cellStyle).
func (wb *Workbook) cellValue(v any) any {
	switch x := v.(type) {
	case layout.Tag:
		return x.Text
	case int, float64:
		return x
	case *float64:
		if x == nil {
			return nil
		}
		return *x
	case time.Time:
		if x.IsZero() {
			return nil
		}
		return x
	case nil:
		return nil
	case string:
		return v // as cellText gives it, without boxing it again
	}
	return layout.CellText(v, wb.lang)
}

// Write writes the workbook to w, encrypted with password when it is not empty.
//
// Unencrypted, the zip goes straight to w through streamZip, its parts deflated on every
// core, rather than into excelize's buffer of the whole file first (File.Write builds
// the zip in memory, and encryption needs it there).
func (wb *Workbook) Write(w io.Writer, password string) error {
	defer wb.f.Close()
	if password != "" {
		return wb.f.Write(w, excelize.Options{Password: password})
	}
	return streamZip(wb.f, w)
}

// zipSaver is what streamZip needs of an *excelize.File.
type zipSaver interface {
	SetZipWriter(func(io.Writer) excelize.ZipWriter) *excelize.File
	Write(w io.Writer, opts ...excelize.Options) error
	GetSheetList() []string
}

// streamZip has f write its zip to w through a parallelZip. excelize's File.Write asks
// the function given to SetZipWriter for a zip writer to fill its own buffer, closes it,
// and copies the buffer to the writer it was given; the parallelZip writes to w instead,
// so excelize's buffer stays empty. That depends on how excelize uses its buffer, so the
// write fails, rather than give an empty or partial workbook, unless excelize asked for
// exactly one zip writer, gave it the parts of a workbook (the content types, the
// workbook and every sheet), closed it after the last, and had nothing of its own to
// write.
func streamZip(f zipSaver, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	var zips []*parallelZip
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		z := newParallelZip(bw)
		zips = append(zips, z)
		return z
	})
	var own byteCounter // what excelize writes itself, which would not reach w
	if err := f.Write(&own); err != nil {
		return err
	}
	if len(zips) != 1 {
		return fmt.Errorf("writing the workbook: excelize used %d parallel zip writers, not 1", len(zips))
	}
	z := zips[0]
	sheets := 0
	for _, name := range z.names {
		if strings.HasPrefix(name, "xl/worksheets/sheet") {
			sheets++
		}
	}
	switch {
	case !z.closed:
		return errors.New("writing the workbook: excelize did not close the zip")
	case z.err != nil: // a part added after Close, which excelize did not report
		return fmt.Errorf("writing the workbook: %w", z.err)
	case own > 0:
		return fmt.Errorf("writing the workbook: excelize wrote %d bytes besides the zip", int64(own))
	case !slices.Contains(z.names, "[Content_Types].xml") || !slices.Contains(z.names, "xl/workbook.xml") || sheets != len(f.GetSheetList()):
		return fmt.Errorf("writing the workbook: the zip has %d parts, %d of them sheets of %d: not the whole workbook", len(z.names), sheets, len(f.GetSheetList()))
	}
	return bw.Flush()
}

// byteCounter counts the bytes written to it and drops them.
type byteCounter int64

func (c *byteCounter) Write(p []byte) (int, error) {
	*c += byteCounter(len(p))
	return len(p), nil
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
