package render

import (
	"fmt"
	"io"
	"math"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/layout"
	"drugfree/report/problem"
	"drugfree/report/template"
	"drugfree/report/textfit"
)

// WriteConsolidation writes the provincial workbook: a summary in the official form with a
// chart, then the classification, the checklist, the movement between categories, the
// timeliness of returns, the problems and the sources, districts and communes in the
// registry's order. It is encrypted when password is not empty.
func WriteConsolidation(w io.Writer, c *report.Consolidation, password string) error {
	lang, p := c.Lang, c.Plan
	wb := NewWorkbook(lang)
	problems := layout.ProblemTable(p, c.Problems, lang)
	sources := layout.SourcesTable(c)
	var inputs []string
	for _, in := range c.Inputs {
		inputs = append(inputs, in.Path)
	}
	err := wb.SetForm(layout.NewForm(p, layout.Doc{
		Subject: layout.Subject(p, layout.SubjectConsolidate, lang),
		AsOf:    c.AsOf, Made: c.Generated, Version: c.Version,
		Inputs: inputs, InputsSheet: SheetName(sources.Name),
		Problems: c.Problems, ProblemsSheet: SheetName(problems.Name),
	}, lang))
	if err != nil {
		return err
	}
	if err := writeSummary(wb, c, SheetName(problems.Name)); err != nil {
		return err
	}
	// The communes in the registry's order, the tables' rows reordered rather than the
	// results copied (a national round's are 5 MB).
	classification := layout.ClassificationTable(p, c.Classification, lang).Reordered(
		layout.RegistryOrder(p, c.Classification, func(r *report.CommuneResult) (string, string) { return r.District, r.Code }))
	checklist := layout.RecognitionTable(p, c.Recognition, lang).Reordered(
		layout.RegistryOrder(p, c.Recognition, func(r *report.RecognitionResult) (string, string) { return r.District, r.Code }))
	checklist.Note = layout.ProgressLine(p, c.Progress, lang)
	tables := []layout.Table{
		classification,
		checklist, // criterion by criterion, with the failing figures; recognize -o adds every figure
		layout.MovementTable(p, c.Movement, c.MovementFrom, c.MovementAggregated, lang),
		layout.SubmissionsTable(p, c.Timeliness, lang),
		problems,
		sources,
	}
	if err := wb.AddTables(tables...); err != nil {
		return err
	}
	// The first sheet, the summary, is the active one already. SetActiveSheet(0) would read
	// every streamed sheet back into memory to clear its tabSelected (half the time of
	// writing a national workbook, by the profile).
	return wb.Write(w, password)
}

// summaryWidths are the widths of the summary's columns, for its table of communes per
// category (head): the districts' column as wide as their longest name, the counts' as
// their headers' longest word, so that no word of theirs is broken.
func summaryWidths(head []any, counts []report.DistrictCounts) []float64 {
	widths := make([]float64, len(head))
	for i, h := range head {
		widths[i] = max(11, textfit.WordsWidth(fmt.Sprint(h), textfit.Body, true))
	}
	for _, d := range counts {
		widths[0] = max(widths[0], min(textfit.ColumnWidth(textfit.Width(d.District, textfit.Body, true)), fitMax))
	}
	return widths
}

// writeSummary writes the first sheet: the official form around the communes per category
// for the province and each district, the target, the timeliness at a glance, the count of
// problems and a chart of the categories by district, on a page of its own.
func writeSummary(wb *Workbook, c *report.Consolidation, problemsSheet string) error {
	lang, p, f := c.Lang, c.Plan, wb.f
	name := SheetName(i18n.Tr(lang, "Tổng hợp", "Summary"))
	if err := wb.NewSheet(name); err != nil {
		return err
	}
	if err := wb.printLayout(name, 0, true); err != nil {
		return err
	}
	// Communes per category, per district: the table that sets the columns' widths.
	counts := report.CountByDistrict(p, c.Classification, c.AsOf, lang)
	// A plan whose communes have no district (QĐ 28) counts and charts the province alone.
	byDistrict := p.Registry.HasDistricts()
	head := []any{i18n.Tr(lang, "Huyện, thị xã, thành phố", "District")}
	if !byDistrict {
		head[0] = i18n.Tr(lang, "Tỉnh, thành phố", "Province")
	}
	if reg := p.RegistryOn(c.AsOf); p.Later(reg) {
		head[0] = fmt.Sprintf(i18n.Tr(lang, "Huyện cũ (các xã, phường từ %s)", "Former district (communes from %s)"), i18n.ClerkDate(reg.Effective.Time, lang))
	}
	for _, cat := range p.Categories {
		head = append(head, cat.Label(lang))
	}
	head = append(head, i18n.Tr(lang, "Đã phân loại", "Classified"), i18n.Tr(lang, "Số xã trong danh mục", "Communes in registry"), i18n.Tr(lang, "Chưa có số liệu", "No figures"))
	widths := summaryWidths(head, counts)
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		_ = f.SetColWidth(name, col, col, w)
	}
	pg := newPager(wb, name, widths)
	pg.rows(formHead(wb.form, widths))

	// A row of a small table: cells from column 1 on, each with its style; its height fits
	// its text.
	tableRow := func(cells []any, styles []string) {
		lines := 1
		for i, v := range cells {
			cell, _ := excelize.CoordinatesToCellName(i+1, pg.next)
			_ = f.SetCellValue(name, cell, v)
			_ = f.SetCellStyle(name, cell, cell, wb.Style(styles[i]))
			if s, ok := v.(string); ok {
				l := lookOf(styles[i])
				lines = max(lines, textfit.Lines(s, textfit.Room(widths[i]), l.size, l.bold))
			}
		}
		pg.height(textfit.RowHeight(lines, textfit.Body))
	}
	same := func(n int, style string) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = style
		}
		return s
	}

	pg.keep(3 * textfit.RowHeight(1, textfit.Body)) // the section's title, the header and a row or two
	section1 := i18n.Tr(lang, "1. Phân loại "+p.Units(lang)+" theo huyện", "1. Communes by category and district")
	if !byDistrict {
		section1 = i18n.Tr(lang, "1. Phân loại "+p.Units(lang), "1. Communes by category")
	}
	pg.rows([]formRow{textRow(section1, "section", widths)})
	headRow := pg.next
	tableRow(head, same(len(head), "head"))
	firstData := pg.next
	for i, d := range counts {
		province := i == len(counts)-1
		cells := []any{d.District}
		styles := []string{"text"}
		if province {
			styles[0] = "text-bold"
		}
		for _, cat := range p.Categories {
			cells = append(cells, d.ByCategory[cat.Key])
			styles = append(styles, "int")
		}
		noData := d.Registry - d.Classified
		cells = append(cells, d.Classified, d.Registry, noData)
		styles = append(styles, "int", "int", "int")
		if noData > 0 {
			styles[len(styles)-1] = "tag:missing"
		}
		if province {
			for j := 1; j < len(styles); j++ {
				styles[j] = "int-bold"
			}
		}
		tableRow(cells, styles)
	}
	lastDistrict := pg.next - 2 // the province row is not charted, unless it is alone
	if !byDistrict {
		lastDistrict = pg.next - 1
	}
	for _, note := range c.DataNotes {
		pg.rows(textRows(note, "tag:late", widths))
	}
	pg.rows([]formRow{spacer()})

	// The target.
	target := []formRow{
		textRow(i18n.Tr(lang, "2. Mục tiêu của kế hoạch", "2. The plan's target"), "section", widths),
		textRow(criteria.Text{Vi: p.Target.Vi, En: p.Target.En}.In(lang), "plain", widths),
	}
	key := "fail"
	if c.Progress.Reached() {
		key = "pass"
	}
	target = append(target, textRow(layout.ProgressLine(p, c.Progress, lang), "tag:"+key, widths), spacer())
	pg.keep(sumHeights(target))
	pg.rows(target)

	// Timeliness at a glance: per kind, how many reporting units (the districts, the
	// communes after the reform, the bodies) are in each status.
	pg.keep(3 * textfit.RowHeight(1, textfit.Body))
	pg.rows([]formRow{textRow(i18n.Tr(lang, "3. Tiến độ gửi báo cáo (số đơn vị gửi báo cáo)", "3. Returns received (reporting units)"), "section", widths)})
	statuses := []string{classify.SubmissionOnTime, classify.SubmissionLate, classify.SubmissionMissing, classify.SubmissionNotDue}
	for _, s := range c.Timeliness {
		if s.Status == classify.SubmissionNotChecked { // a column only when a kind was not judged
			statuses = append(statuses, classify.SubmissionNotChecked)
			break
		}
	}
	head = []any{i18n.Tr(lang, "Loại báo cáo (hạn)", "Kind (due)")}
	for _, s := range statuses {
		head = append(head, layout.StatusLabel(s, lang))
	}
	tableRow(head, same(len(head), "head"))
	for _, d := range p.Calendar {
		n := map[string]int{}
		for _, s := range c.Timeliness {
			if s.Kind == d.Kind {
				n[s.Status]++
			}
		}
		cells := []any{fmt.Sprintf("%s (%s)", d.Label(lang), i18n.ClerkDate(d.Due.Time, lang))}
		styles := []string{"text"}
		for _, s := range statuses {
			st := "int"
			switch {
			case n[s] > 0 && s == classify.SubmissionLate:
				st = "tag:late"
			case n[s] > 0 && s == classify.SubmissionMissing:
				st = "tag:" + layout.StatusTag(s, "").Style
			}
			cells = append(cells, n[s])
			styles = append(styles, st)
		}
		tableRow(cells, styles)
	}
	pg.rows([]formRow{spacer()})
	errs := problem.CountErrors(c.Problems)
	pg.rows([]formRow{textRow(fmt.Sprintf(i18n.Tr(lang, "4. Vấn đề trong số liệu: %d lỗi, %d cảnh báo (xem trang “%s”).", "4. Problems in the data: %d errors, %d warnings (see “%s”)."), errs, len(c.Problems)-errs, problemsSheet), "section", widths), spacer()})

	// The chart of the categories by district, whole on one page, with the notes and the
	// signatures under it when they fit: on this page if they fit (the chart smaller, down
	// to chartMin), else at the top of the next.
	title := textRow(i18n.Tr(lang, "5. Biểu đồ phân loại theo huyện", "5. Categories by district (chart)"), "section", widths)
	if !byDistrict {
		title = textRow(i18n.Tr(lang, "5. Biểu đồ phân loại", "5. Categories (chart)"), "section", widths)
	}
	foot := formFoot(wb.form, widths)
	footHeight := sumHeights(foot)
	const chartMin = 200
	chartHeight := min(max(60+22*float64(lastDistrict-firstData+1), chartMin), pg.pageHeight-title.height-2*chartRowHeight)
	if room := pg.pageHeight - pg.y - title.height - chartRowHeight - footHeight; room >= chartMin {
		chartHeight = min(chartHeight, room)
	} else {
		chartHeight = max(chartMin, min(chartHeight, pg.pageHeight-title.height-chartRowHeight-footHeight))
		pg.keep(pg.pageHeight) // a new page, unless this one is empty
	}
	pg.rows([]formRow{title})
	anchor, _ := excelize.CoordinatesToCellName(1, pg.next)
	// The chart spans whole rows, chartRows of them, and a spreadsheet draws it from its
	// first row to its last whatever their height: excelize finds the last by its own
	// measure of a row in pixels, 4/3.4 of its height in points (rounded up), smaller
	// than the 4/3 a spreadsheet draws, so the chart is given the pixels excelize counts
	// for its rows, less its offset.
	chartRows := int(chartHeight / chartRowHeight)
	for range chartRows + 1 {
		pg.height(chartRowHeight)
	}
	pixels := float64(chartRows)*math.Ceil(chartRowHeight*4/3.4) - 4
	if err := addCategoryChart(wb, name, p, widths, headRow, firstData, lastDistrict, anchor, pixels); err != nil {
		return err
	}

	// The notes, the recipients and the signatures; the signatures kept on one page.
	notes := 0
	for notes < len(foot) && len(foot[notes].cells) <= 1 && !isSignatureRow(foot[notes]) {
		notes++
	}
	pg.rows(foot[:notes])
	pg.keep(sumHeights(foot[notes:]))
	pg.rows(foot[notes:])
	return nil
}

// isSignatureRow reports whether r begins the recipients and signatures.
func isSignatureRow(r formRow) bool {
	return len(r.cells) > 0 && r.cells[0].style == "form-recipients"
}

// sumHeights is the height of rows together.
func sumHeights(rows []formRow) float64 {
	h := 0.0
	for _, r := range rows {
		h += r.height
	}
	return h
}

// chartRowHeight is the height of the rows under the chart.
const chartRowHeight = 15

// chartFills are the colours of the categories' bars: a dark red for Type I to a pale
// yellow for Type III, a blue for less complex and a green for drug-free, each of its own
// lightness, so that the bars differ in a black-and-white print and for readers who cannot
// tell red from green.
var chartFills = map[string]struct{ fill, label string }{
	criteria.Type1:        {"7F1D1D", "FFFFFF"},
	criteria.Type2:        {"E66100", "000000"},
	criteria.Type3:        {"FDE38A", "000000"},
	criteria.LessComplex:  {"5DA9E9", "000000"},
	criteria.DrugFree:     {"1B7837", "FFFFFF"},
	criteria.Undetermined: {"BDBDBD", "000000"},
}

// addCategoryChart adds the stacked bar chart of the categories by district at anchor,
// across the sheet's width and height pixels tall: dark axis labels, the count on each bar.
func addCategoryChart(wb *Workbook, name string, p *criteria.Plan, widths []float64, headRow, firstData, lastDistrict int, anchor string, height float64) error {
	var series []excelize.ChartSeries
	sheet := "'" + name + "'!"
	abs := func(col, row int) string { // "$B$5"
		cell, _ := excelize.CoordinatesToCellName(col, row, true)
		return cell
	}
	axisFont := excelize.Font{Family: textfit.Font, Size: 10, Color: "000000"}
	for i, cat := range p.Categories {
		s := excelize.ChartSeries{
			Name:       sheet + abs(i+2, headRow),
			Categories: sheet + abs(1, firstData) + ":" + abs(1, lastDistrict),
			Values:     sheet + abs(i+2, firstData) + ":" + abs(i+2, lastDistrict),
		}
		if c, ok := chartFills[cat.Key]; ok {
			s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.fill}}
			s.DataLabel = excelize.ChartDataLabel{Font: excelize.Font{Family: textfit.Font, Size: 9, Bold: true, Color: c.label}}
		}
		series = append(series, s)
	}
	pixels := 0.0
	for _, w := range widths {
		pixels += w*7 + 5
	}
	return wb.f.AddChart(name, anchor, &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Dimension: excelize.ChartDimension{Width: uint(pixels), Height: uint(height)},
		Format:    excelize.GraphicOptions{OffsetX: 2, OffsetY: 2},
		Title: excelize.ChartTitle{
			Paragraph: []excelize.RichTextRun{{Text: chartTitle(p, wb.lang),
				Font: &excelize.Font{Family: textfit.Font, Size: 12, Bold: true, Color: "000000"}}},
		},
		Legend:   excelize.ChartLegend{Position: "bottom", Font: &axisFont},
		GapWidth: template.Ptr(uint(60)),
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0;;;"}},
		YAxis:    excelize.ChartAxis{MajorGridLines: true, Font: axisFont},
		XAxis:    excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
	})
}

// pager writes rows down a sheet that is not streamed and follows where its pages break,
// so that a block that must not be cut (the chart, the signatures) starts a page when it
// would not fit on the current one.
type pager struct {
	wb         *Workbook
	sheet      string
	next       int     // the next row to write
	y          float64 // the height used on the current page
	pageHeight float64 // the height of a page, in the sheet's points
}

// newPager starts at the top of a sheet whose columns have widths.
func newPager(wb *Workbook, sheet string, widths []float64) *pager {
	return &pager{wb: wb, sheet: sheet, next: 1, pageHeight: pageHeight(widths)}
}

// rows writes rows from the next row on.
func (pg *pager) rows(rows []formRow) {
	pg.wb.setFormRows(pg.sheet, pg.next, rows)
	for _, r := range rows {
		pg.advance(r.height)
	}
}

// height sets the next row's height and moves past it.
func (pg *pager) height(h float64) {
	_ = pg.wb.f.SetRowHeight(pg.sheet, pg.next, h)
	pg.advance(h)
}

func (pg *pager) advance(h float64) {
	pg.next++
	if pg.y+h > pg.pageHeight { // the spreadsheet breaks the page before this row
		pg.y = 0
	}
	pg.y += h
}

// keep starts a new page unless h more points fit on the current one.
func (pg *pager) keep(h float64) {
	if pg.y > 0 && pg.y+h > pg.pageHeight {
		cell, _ := excelize.CoordinatesToCellName(1, pg.next)
		_ = pg.wb.f.InsertPageBreak(pg.sheet, cell)
		pg.y = 0
	}
}

// The printable size of an A4 page in landscape within the margins, in points, with a
// little kept back for the spreadsheet's own rounding of the rows' heights (LibreOffice
// prints 48 rows of 10 points on a page of 487).
const (
	printWidth  = 841.89 - (1.2+0.6)*72
	printHeight = (595.28 - (0.75+0.75)*72) * 0.98
)

// pageHeight is the height of a printed page in the points of a sheet whose columns have
// widths, printed one page wide: shrunk to fit, the sheet gets more of its points on a
// page.
func pageHeight(widths []float64) float64 {
	w := 0.0
	for _, x := range widths {
		w += x*textfit.PointsPerUnit + 3.75
	}
	return printHeight / min(1, printWidth/w)
}

// chartTitle is the title of the chart of the categories, in lang.
func chartTitle(p *criteria.Plan, lang i18n.Lang) string {
	if !p.Registry.HasDistricts() {
		return i18n.Tr(lang, "Phân loại "+p.Units(lang), "Communes by category")
	}
	return i18n.Tr(lang, "Phân loại "+p.Units(lang)+" theo huyện", "Communes by category and district")
}
