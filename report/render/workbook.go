package render

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"drugfree/i18n"
	"drugfree/report/layout"
	"drugfree/report/template"
	"drugfree/report/textfit"

	"github.com/xuri/excelize/v2"
)

// Workbook builds an output workbook sheet by sheet. Tables are written with excelize's
// StreamWriter (widths and panes first, rows in order, one Flush), so a large table costs
// memory for its cells once, not for a DOM of the sheet.
//
// Every sheet prints on A4 in landscape, fitted to the page's width, with room to bind on
// the left, its header rows repeated on each page and "Trang x/y" in the footer. Every cell
// is set in Times New Roman, every text wraps, and every row is as tall as its text
// (textfit).
// With a form (SetForm), the first sheet is an official report: the letterhead and title
// above its table, the notes, recipients and signatures below it.
type Workbook struct {
	f      *excelize.File
	lang   i18n.Lang
	sheets int
	tables int
	styles map[string]int
	form   *layout.Form
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
	f := excelize.NewFile()
	_ = f.SetDefaultFont(textfit.Font) // the workbook's own styles (and its column unit) in it too
	return &Workbook{f: f, lang: lang, styles: map[string]int{}}
}

// SetForm makes the workbook an official report: the first sheet written carries the form
// around its table, every page is headed by the form's subject and day, and the file's
// properties name its title, creator, language and time of making. It comes before the
// first sheet.
func (wb *Workbook) SetForm(form layout.Form) error {
	wb.form = &form
	return wb.f.SetDocProps(&excelize.DocProperties{
		Title:          form.Title,
		Subject:        form.Subject,
		Description:    form.Description,
		Creator:        form.Creator,
		LastModifiedBy: form.Creator,
		Created:        form.Made.UTC().Format(time.RFC3339),
		Modified:       form.Made.UTC().Format(time.RFC3339),
		Language:       form.Language,
	})
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

// cellStyles are the looks of the styles that are not tags, by name (Workbook.Style).
var cellStyles = map[string]look{
	"head":      {size: textfit.Body, bold: true, fill: "DDEBF7", wrap: true, border: true, valign: "center"},
	"text":      {size: textfit.Body, wrap: true, border: true}, // every text wraps: rows fit it
	"int":       {size: textfit.Body, border: true, numFmt: 3},  // #,##0
	"dec":       {size: textfit.Body, border: true, numFmt: 4},  // #,##0.00
	"pct":       {size: textfit.Body, border: true, numFmt: 10}, // 0.00%
	"date":      {size: textfit.Body, border: true, date: true},
	"bold":      {size: textfit.Body, bold: true},
	"title":     {size: textfit.Title, bold: true},
	"note":      {size: textfit.Form, bold: true, wrap: true},
	"banner":    {size: textfit.Form, bold: true, color: "C00000", wrap: true},
	"plain":     {size: textfit.Body, wrap: true},
	"section":   {size: textfit.Form, bold: true},
	"int-bold":  {size: textfit.Body, bold: true, border: true, numFmt: 3},
	"text-bold": {size: textfit.Body, bold: true, border: true, wrap: true},

	// The official form (Decree 30/2020/NĐ-CP).
	"form-body":       {size: textfit.Form, halign: "center", wrap: true},
	"form-office":     {size: textfit.Form, bold: true, underline: true, halign: "center", wrap: true},
	"form-motto":      {size: textfit.Form, bold: true, halign: "center", wrap: true},
	"form-slogan":     {size: textfit.Form + 1, bold: true, underline: true, halign: "center", wrap: true},
	"form-number":     {size: textfit.Form + 1, halign: "center", wrap: true},
	"form-date":       {size: textfit.Form + 1, italic: true, halign: "center", wrap: true},
	"form-kind":       {size: textfit.Title, bold: true, halign: "center", wrap: true},
	"form-subject":    {size: textfit.Form + 1, bold: true, halign: "center", wrap: true},
	"form-line":       {size: textfit.Form, italic: true, halign: "center", wrap: true},
	"form-note":       {size: textfit.Body, italic: true, wrap: true},
	"form-recipients": {size: textfit.Form, bold: true, italic: true, wrap: true},
	"form-recipient":  {size: textfit.Body, wrap: true},
	"form-signer":     {size: textfit.Form + 1, bold: true, halign: "center", wrap: true},
	"form-hint":       {size: textfit.Body, italic: true, halign: "center", wrap: true},
	"form-name":       {size: textfit.Form + 1, bold: true, halign: "center", wrap: true},
}

// look is how a style sets its cells.
type look struct {
	size                    float64
	bold, italic, underline bool
	color, fill             string
	wrap, border, date      bool
	halign, valign          string
	numFmt                  int
}

// lookOf is the look of the style name: a tag's is a bordered, wrapped cell of its fill.
func lookOf(name string) look {
	if l, ok := cellStyles[name]; ok {
		return l
	}
	l := look{size: textfit.Body, wrap: true, border: true}
	if strings.HasPrefix(name, "tag:") {
		l.fill = tagFills[name[4:]]
	}
	return l
}

// Style returns a cached style id: a name of cellStyles, or "tag:KEY" for a coloured cell.
func (wb *Workbook) Style(name string) int {
	if id, ok := wb.styles[name]; ok {
		return id
	}
	l := lookOf(name)
	st := &excelize.Style{
		Font:      &excelize.Font{Family: textfit.Font, Size: l.size, Bold: l.bold, Italic: l.italic, Color: l.color},
		Alignment: &excelize.Alignment{WrapText: l.wrap, Horizontal: l.halign, Vertical: cmp.Or(l.valign, "top")},
		NumFmt:    l.numFmt,
	}
	if l.underline {
		st.Font.Underline = "single"
	}
	if l.border {
		st.Border = template.Borders()
	}
	if l.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{l.fill}}
	}
	if l.date {
		st.CustomNumFmt = template.Ptr(i18n.Tr(wb.lang, "dd/mm/yyyy", "yyyy-mm-dd"))
	}
	id, _ := wb.f.NewStyle(st)
	wb.styles[name] = id
	return id
}

// AddTables writes each table as a sheet of its own, in order: the form's head on the first
// sheet of a workbook with a form, the banner of an incomplete workbook and the table's
// note, a bold header with filters, frozen below the header and repeated on every printed
// page, widths fitted to the contents and the page, tags coloured, every row as tall as its
// text, and the form's foot after the table. The workbook is the same as if the tables were
// written one after the other.
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
	sheets := make([]tableSheet, len(ts))
	for i := range ts {
		var err error
		if sheets[i], err = wb.startTable(&ts[i], surveys[i]); err != nil {
			return err
		}
	}
	errs := eachTable(order, func(i int) error {
		return wb.streamRows(&sheets[i], &ts[i])
	})
	for i := range ts {
		if errs[i] != nil {
			return errs[i]
		}
		if err := wb.endTable(&sheets[i], &ts[i]); err != nil {
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
	// widths are the columns' widths: Column.Width, or fitted to the longest text, then
	// narrowed to the page (fitPage).
	widths []float64
	// oneLine marks the columns whose every text fits on one line at their width: their
	// cells need not be measured for the rows' heights.
	oneLine []bool
}

// Widths of columns fitted to their contents, in units: at most fitMax (longer text
// wraps), at least fitMin; pageWidth is the width of the sheets' columns together that
// prints on A4 in landscape at about nine tenths of its size.
const (
	fitMin = 5
	// fitShortHeader is the widest a column gets to show its header on one line.
	fitShortHeader = 12
	fitMax         = 40
	pageWidth      = 155
)

// survey reads t's rows for its styles and widths. It touches nothing of the workbook.
func (wb *Workbook) survey(t *layout.Table) tableSurvey {
	var sv tableSurvey
	seen := map[string]bool{}
	seenTag := map[string]bool{} // by Tag style key, so as not to build "tag:"+key per cell
	fit := make([]bool, len(t.Columns))
	text := make([]bool, len(t.Columns))       // the column holds text, which may wrap
	longest := make([]float64, len(t.Columns)) // the widest text of a fitted column, in points
	sv.widths = make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		sv.widths[i] = c.Width
		text[i] = c.Wrap
		if c.Width == 0 {
			fit[i] = true
			// The header wraps, but none of its words is broken, and a short one stays
			// on one line.
			sv.widths[i] = max(fitMin, textfit.WordsWidth(c.Header, textfit.Body, true),
				min(textfit.ColumnWidth(textfit.Width(c.Header, textfit.Body, true)), fitShortHeader))
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
			} else if name := cellStyle(v); !seen[name] {
				seen[name] = true
				sv.styles = append(sv.styles, name)
			}
			if i < len(fit) && fit[i] {
				pt := textfit.Width(layout.CellText(v, wb.lang), textfit.Body, false)
				longest[i] = max(longest[i], pt)
				sv.widths[i] = max(sv.widths[i], min(textfit.ColumnWidth(pt), fitMax))
				if !text[i] && isText(v) {
					text[i] = true
				}
			}
		}
	}
	fitPage(sv.widths, fit, text)
	sv.oneLine = make([]bool, len(t.Columns))
	for i := range sv.oneLine {
		sv.oneLine[i] = fit[i] && textfit.Room(sv.widths[i]) >= longest[i]
	}
	return sv
}

// fitPage narrows the text columns of a table wider than the page, so that it prints at a
// readable size: first the wide columns of long text (a set width, wrapped) down to 45
// units, then the widest fitted columns down to 14, then the wide ones again down to 25.
// Their text wraps onto more lines; numbers and dates keep their widths.
func fitPage(widths []float64, fit, text []bool) {
	for _, pass := range []struct {
		fitted bool
		floor  float64
	}{{false, 45}, {true, 14}, {false, 25}} {
		total := 0.0
		for _, w := range widths {
			total += w
		}
		excess := total - pageWidth
		if excess <= 0 {
			return
		}
		// The width c to cut the pass's columns down to: the largest whose cuts cover
		// the excess, no lower than the floor.
		cut := func(c float64) float64 {
			n := 0.0
			for i, w := range widths {
				if text[i] && fit[i] == pass.fitted && w > c {
					n += w - c
				}
			}
			return n
		}
		c := pass.floor
		for hi := slices.Max(widths); hi > pass.floor; hi-- {
			if cut(hi) >= excess {
				c = hi
				break
			}
		}
		for i, w := range widths {
			if text[i] && fit[i] == pass.fitted && w > c {
				widths[i] = c
			}
		}
	}
}

// isText reports whether a table cell holding v shows text, which wraps, rather than a
// number or a date.
func isText(v any) bool {
	switch x := v.(type) {
	case int, float64, time.Time, nil:
		return false
	case *float64:
		return x == nil
	}
	return true
}

// tableSheet is where a table goes on its sheet: the rows above it, its header's row, the
// rows below it, and its sheet and column widths.
type tableSheet struct {
	name    string
	sw      *excelize.StreamWriter
	widths  []float64
	oneLine []bool    // tableSurvey.oneLine
	above   []formRow // the form's head, the banner, the note
	headRow int
	below   []formRow // the form's foot
}

// startTable creates t's sheet and StreamWriter, and the styles its cells use, in the
// order the cells use them; it lays out the rows around the table.
func (wb *Workbook) startTable(t *layout.Table, sv tableSurvey) (tableSheet, error) {
	withForm := wb.form != nil && wb.sheets == 0
	if err := wb.NewSheet(t.Name); err != nil {
		return tableSheet{}, err
	}
	ts := tableSheet{name: SheetName(t.Name), widths: sv.widths, oneLine: sv.oneLine}
	switch {
	case withForm:
		ts.above = formHead(wb.form, sv.widths)
		ts.below = formFoot(wb.form, sv.widths)
	case wb.form != nil && wb.form.Banner != "":
		ts.above = append(append(ts.above, textRows(wb.form.Banner, "banner", sv.widths)...), spacer())
	}
	if t.Note != "" {
		ts.above = append(append(ts.above, textRows(t.Note, "note", sv.widths)...), spacer())
	}
	ts.headRow = len(ts.above) + 1
	if err := wb.printLayout(ts.name, ts.headRow, withForm); err != nil {
		return tableSheet{}, err
	}
	var err error
	if ts.sw, err = wb.f.NewStreamWriter(ts.name); err != nil {
		return tableSheet{}, err
	}
	for _, r := range append(ts.above, ts.below...) {
		for _, c := range r.cells {
			wb.Style(c.style)
		}
	}
	wb.Style("head")
	for _, s := range sv.styles {
		wb.Style(s)
	}
	return ts, nil
}

// streamRows writes t's widths, panes and rows to its sheet's StreamWriter, with the rows
// around it. It touches nothing of the workbook but the StreamWriter, and reads the styles
// startTable created.
func (wb *Workbook) streamRows(ts *tableSheet, t *layout.Table) error {
	sw, widths := ts.sw, ts.widths
	styles := wb.styleIDs()
	for i, width := range widths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	topLeft, _ := excelize.CoordinatesToCellName(1, ts.headRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: ts.headRow, TopLeftCell: topLeft, ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := streamFormRows(sw, styles, 1, ts.above); err != nil {
		return err
	}
	head := make([]any, len(t.Columns))
	headLines := 1
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: styles["head"], Value: c.Header}
		headLines = max(headLines, textfit.Lines(c.Header, textfit.Room(widths[i]), textfit.Body, true))
	}
	headCell, _ := excelize.CoordinatesToCellName(1, ts.headRow)
	if err := sw.SetRow(headCell, head, excelize.RowOpts{Height: textfit.RowHeight(headLines, textfit.Body)}); err != nil {
		return err
	}
	// The room of each column in points, for the heights of the rows.
	points := make([]float64, len(widths))
	for i, w := range widths {
		points[i] = textfit.Room(w)
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
		lines := 1
		for i, v := range row {
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
			if i < len(points) && !ts.oneLine[i] && isText(v) {
				lines = max(lines, textfit.Lines(layout.CellText(v, wb.lang), points[i], textfit.Body, false))
			}
			buf[i] = excelize.Cell{StyleID: styleID(styles, v), Value: value}
			cells = append(cells, &buf[i])
		}
		first, _ := excelize.CoordinatesToCellName(1, ts.headRow+1+r)
		if err := sw.SetRow(first, cells, excelize.RowOpts{Height: textfit.RowHeight(lines, textfit.Body)}); err != nil {
			return err
		}
	}
	return streamFormRows(sw, styles, ts.headRow+max(t.Len(), 1)+1, ts.below)
}

// endTable gives t's header its filter buttons and writes the sheet out.
func (wb *Workbook) endTable(ts *tableSheet, t *layout.Table) error {
	if len(t.Columns) > 0 {
		// A table without a style gives the header its filter buttons; the cells keep
		// their own styles.
		first, _ := excelize.CoordinatesToCellName(1, ts.headRow)
		last, _ := excelize.CoordinatesToCellName(len(t.Columns), ts.headRow+max(t.Len(), 1))
		wb.tables++
		if err := ts.sw.AddTable(&excelize.Table{
			Range: first + ":" + last, Name: fmt.Sprintf("Table%d", wb.tables),
			StyleName: "", ShowRowStripes: template.Ptr(false),
		}); err != nil {
			return err
		}
	}
	return ts.sw.Flush()
}

// Page margins in inches: room on the left to bind (Decree 30/2020/NĐ-CP: 3 to 3.5 cm),
// less on the right, and room above and below for the running header and footer.
var margins = excelize.PageLayoutMarginsOptions{
	Left: template.Ptr(1.2), Right: template.Ptr(0.6), Top: template.Ptr(0.75), Bottom: template.Ptr(0.75),
	Header: template.Ptr(0.3), Footer: template.Ptr(0.3), Horizontally: template.Ptr(true),
}

// printLayout prints a sheet on A4 in landscape, one page wide, with the rows down to
// headRow repeated on every page (0 for none), the margins, and the running header and
// footer: the form's subject and day at the top of every page but a form's first, and the
// page number at the bottom. It must come before the sheet's StreamWriter, which keeps
// these settings.
func (wb *Workbook) printLayout(name string, headRow int, withForm bool) error {
	if err := wb.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: template.Ptr(9), Orientation: template.Ptr("landscape"), FitToWidth: template.Ptr(1), FitToHeight: template.Ptr(0)}); err != nil {
		return err
	}
	if err := wb.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: template.Ptr(true)}); err != nil {
		return err
	}
	if err := wb.f.SetPageMargins(name, &margins); err != nil {
		return err
	}
	if headRow > 0 {
		if err := wb.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(name, "'", "''"), headRow, headRow), Scope: name}); err != nil {
			return err
		}
	}
	return wb.f.SetHeaderFooter(name, wb.headerFooter(withForm))
}

// headerFooter is the running header and footer of a sheet's pages.
func (wb *Workbook) headerFooter(withForm bool) *excelize.HeaderFooterOptions {
	const font = `&"` + textfit.Font + `,Regular"&10`
	page := i18n.Tr(wb.lang, "Trang", "Page")
	hf := &excelize.HeaderFooterOptions{}
	if wb.form != nil {
		page = wb.form.Page
		hf.OddHeader = "&L" + font + headerText(wb.form.HeaderLeft, 150) + "&R" + font + headerText(wb.form.HeaderRight, 60)
	}
	hf.OddFooter = "&C" + font + headerText(page, 20) + " &P/&N"
	if withForm { // the first page has the letterhead: no running header above it
		hf.DifferentFirst, hf.FirstFooter = true, hf.OddFooter
	}
	return hf
}

// headerText is s for a header or footer: its ampersands doubled, at most n characters (a
// header holds 255 in all).
func headerText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return strings.ReplaceAll(s, "&", "&&")
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
func styleID(styles map[string]int, v any) int {
	if t, ok := v.(layout.Tag); ok {
		return styles["tag:"+tagStyleKey(t)]
	}
	return styles[cellStyle(v)]
}

// cellStyle is the name of the style (Workbook.Style) of a table cell holding v.
func cellStyle(v any) string {
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
		return cellStyle(*x)
	case time.Time:
		if x.IsZero() {
			return "text"
		}
		return "date"
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
