package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/layout"
	"drugfree/report/problem"
)

// WriteConsolidation writes the provincial workbook: a summary with a chart, then the
// classification, the checklist, the movement between categories, the timeliness of
// returns, the problems and the sources. It is encrypted when password is not empty.
func WriteConsolidation(w io.Writer, c *report.Consolidation, password string) error {
	lang := c.Lang
	wb := NewWorkbook(lang)
	if err := writeSummary(wb, c); err != nil {
		return err
	}
	p := c.Plan
	checklist := layout.RecognitionTable(p, c.Recognition, lang)
	checklist.Note = layout.ProgressLine(p, c.Progress, lang)
	tables := []layout.Table{
		layout.ClassificationTable(p, c.Classification, lang),
		checklist, // criterion by criterion, with the failing figures; recognize -o adds every figure
		layout.MovementTable(p, c.Movement, c.MovementFrom, c.MovementAggregated, lang),
		layout.SubmissionsTable(p, c.Timeliness, lang),
		layout.ProblemTable(c.Problems, lang),
		layout.SourcesTable(c),
	}
	if c.Partial {
		for i := range tables {
			if tables[i].Note == "" {
				tables[i].Note = partialBanner(c)
			}
		}
	}
	if err := wb.AddTables(tables...); err != nil {
		return err
	}
	// The first sheet, the summary, is the active one already. SetActiveSheet(0) would read
	// every streamed sheet back into memory to clear its tabSelected (half the time of
	// writing a national workbook, by the profile).
	return wb.Write(w, password)
}

// partialBanner says that the workbook is incomplete and why.
func partialBanner(c *report.Consolidation) string {
	return i18n.Tr(c.Lang, "SỐ LIỆU CHƯA ĐẦY ĐỦ – ", "INCOMPLETE DATA – ") + strings.Join(c.PartialReasons, "; ")
}

func writeSummary(wb *Workbook, c *report.Consolidation) error {
	lang, p, f := c.Lang, c.Plan, wb.f
	name := SheetName(i18n.Tr(lang, "Tổng hợp", "Summary"))
	if err := wb.NewSheet(name); err != nil {
		return err
	}
	if err := wb.printLayout(name); err != nil {
		return err
	}
	row := 1
	set := func(col int, v any, style string) {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		_ = f.SetCellValue(name, cell, v)
		if style != "" {
			_ = f.SetCellStyle(name, cell, cell, wb.Style(style))
		}
	}
	if c.Partial {
		set(1, partialBanner(c), "note")
		row += 2
	}
	set(1, strings.ToUpper(i18n.Tr(lang, "Tổng hợp kết quả xây dựng xã, phường, thị trấn không ma túy", "Drug-free communes: consolidated results"))+" – "+p.Province+" "+fmt.Sprint(p.Year), "title")
	row++
	set(1, fmt.Sprintf("%s %s %s. %s %s. %s %s.", p.Name, i18n.Tr(lang, "ngày", "of"), i18n.ClerkDate(p.Issued.Time, lang),
		i18n.Tr(lang, "Tiến độ tính đến", "Timeliness as of"), i18n.ClerkDate(c.AsOf, lang),
		i18n.Tr(lang, "Lập lúc", "Made"), c.Generated.Format("15:04 02/01/2006")), "")
	row += 2

	// Communes per category, per district.
	set(1, i18n.Tr(lang, "1. Phân loại xã, phường, thị trấn theo huyện", "1. Communes by category and district"), "bold")
	row++
	counts := report.CountByDistrict(p, c.Classification, c.AsOf, lang)
	head := []string{i18n.Tr(lang, "Huyện, thị xã, thành phố", "District")}
	if reg := p.RegistryOn(c.AsOf); p.Later(reg) {
		head[0] = fmt.Sprintf(i18n.Tr(lang, "Huyện cũ (các xã, phường từ %s)", "Former district (communes from %s)"), i18n.ClerkDate(reg.Effective.Time, lang))
	}
	for _, cat := range p.Categories {
		head = append(head, cat.Label(lang))
	}
	head = append(head, i18n.Tr(lang, "Đã phân loại", "Classified"), i18n.Tr(lang, "Số xã trong danh mục", "Communes in registry"), i18n.Tr(lang, "Chưa có số liệu", "No figures"))
	for i, h := range head {
		set(i+1, h, "head")
	}
	headRow := row
	row++
	firstData := row
	for _, d := range counts {
		set(1, d.District, "text")
		for i, cat := range p.Categories {
			set(i+2, d.ByCategory[cat.Key], "int")
		}
		n := len(p.Categories)
		set(n+2, d.Classified, "int")
		set(n+3, d.Registry, "int")
		noData := d.Registry - d.Classified
		st := "int"
		if noData > 0 {
			st = "tag:missing"
		}
		set(n+4, noData, st)
		row++
	}
	lastDistrict := row - 2 // the province row is not charted
	for col := 1; col <= len(head); col++ {
		cell, _ := excelize.CoordinatesToCellName(col, row-1)
		_ = f.SetCellStyle(name, cell, cell, wb.Style("bold"))
	}
	for _, note := range c.DataNotes {
		set(1, note, "tag:late")
		row++
	}
	row++

	// The target.
	set(1, i18n.Tr(lang, "2. Mục tiêu của kế hoạch", "2. The plan's target"), "bold")
	row++
	set(1, criteria.Text{Vi: p.Target.Vi, En: p.Target.En}.In(lang), "")
	row++
	key := "fail"
	if c.Progress.Reached() {
		key = "pass"
	}
	set(1, layout.ProgressLine(p, c.Progress, lang), "tag:"+key)
	row += 2

	// Timeliness at a glance: per kind, how many districts are in each status.
	set(1, i18n.Tr(lang, "3. Tiến độ gửi báo cáo (số huyện)", "3. Returns received (districts)"), "bold")
	row++
	statuses := []string{classify.SubmissionOnTime, classify.SubmissionLate, classify.SubmissionMissing, classify.SubmissionNotDue}
	for _, s := range c.Timeliness {
		if s.Status == classify.SubmissionNotChecked { // a column only when a kind was not judged
			statuses = append(statuses, classify.SubmissionNotChecked)
			break
		}
	}
	set(1, i18n.Tr(lang, "Loại báo cáo (hạn)", "Kind (due)"), "head")
	for i, s := range statuses {
		set(i+2, layout.StatusLabel(s, lang), "head")
	}
	row++
	for _, d := range p.Calendar {
		n := map[string]int{}
		for _, s := range c.Timeliness {
			if s.Kind == d.Kind {
				n[s.Status]++
			}
		}
		set(1, fmt.Sprintf("%s (%s)", d.Label(lang), i18n.ClerkDate(d.Due.Time, lang)), "text")
		for i, s := range statuses {
			st := "int"
			if n[s] > 0 && (s == classify.SubmissionLate || s == classify.SubmissionMissing) {
				st = "tag:" + layout.StatusTag(s, "").Style
				if s == classify.SubmissionLate {
					st = "tag:late"
				}
			}
			set(i+2, n[s], st)
		}
		row++
	}
	row++
	errs := problem.CountErrors(c.Problems)
	set(1, fmt.Sprintf(i18n.Tr(lang, "4. Vấn đề trong số liệu: %d lỗi, %d cảnh báo (xem trang “Vấn đề”).", "4. Problems in the data: %d errors, %d warnings (see “Problems”)."), errs, len(c.Problems)-errs), "bold")

	_ = f.SetColWidth(name, "A", "A", 30)
	last, _ := excelize.ColumnNumberToName(len(head))
	_ = f.SetColWidth(name, "B", last, 13)
	_ = f.SetRowHeight(name, headRow, 45)
	topLeft, _ := excelize.CoordinatesToCellName(1, headRow+1)
	_ = f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: topLeft, ActivePane: "bottomLeft"})

	// A stacked bar chart of the categories by district, beside the tables.
	var series []excelize.ChartSeries
	sheet := "'" + name + "'!"
	abs := func(col, row int) string { // "$B$5"
		cell, _ := excelize.CoordinatesToCellName(col, row, true)
		return cell
	}
	for i, cat := range p.Categories {
		s := excelize.ChartSeries{
			Name:       sheet + abs(i+2, headRow),
			Categories: sheet + abs(1, firstData) + ":" + abs(1, lastDistrict),
			Values:     sheet + abs(i+2, firstData) + ":" + abs(i+2, lastDistrict),
		}
		if fill, ok := TagFill(cat.Key); ok {
			s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{darker(fill)}}
		}
		series = append(series, s)
	}
	anchor, _ := excelize.CoordinatesToCellName(1, row+2) // below the tables, so the page prints upright
	return f.AddChart(name, anchor, &excelize.Chart{
		Type:   excelize.BarStacked,
		Series: series,
		Format: excelize.GraphicOptions{ScaleX: 2.0, ScaleY: 1.5},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: i18n.Tr(lang, "Phân loại theo huyện", "Categories by district")}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		YAxis:  excelize.ChartAxis{MajorGridLines: true},
		XAxis:  excelize.ChartAxis{ReverseOrder: true},
	})
}

// darker returns a stronger shade of a pastel fill, for chart bars.
func darker(hex string) string {
	var out strings.Builder
	for i := 0; i < 6; i += 2 {
		var v int
		fmt.Sscanf(hex[i:i+2], "%02X", &v)
		fmt.Fprintf(&out, "%02X", v*3/4)
	}
	return out.String()
}
