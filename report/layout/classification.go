package layout

import (
	"fmt"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/problem"
)

// ClassificationTable lays the results out for a terminal, CSV or a workbook sheet.
func ClassificationTable(p *criteria.Plan, results []report.CommuneResult, lang i18n.Lang) Table {
	kinds := map[string]bool{}
	for _, r := range results {
		kinds[r.Kind] = true
	}
	withKind := len(kinds) > 1
	t := Table{Name: i18n.Tr(lang, "Phân loại", "Classification")}
	t.Columns = []Column{
		{Key: "district", Header: i18n.Tr(lang, "Huyện, thị xã, thành phố", "District"), Drop: 1},
		{Key: "commune", Header: p.FieldLabel("commune", lang)},
		{Key: "code", Header: i18n.Tr(lang, "Mã", "Code"), Drop: 4},
	}
	if withKind {
		t.Columns = append(t.Columns, Column{Key: "kind", Header: i18n.Tr(lang, "Loại báo cáo", "Report kind"), Drop: 3})
	}
	t.Columns = append(t.Columns,
		Column{Key: "status", Header: i18n.Tr(lang, "Tình trạng", "Status"), Drop: 2},
		Column{Key: "category", Header: i18n.Tr(lang, "Phân loại", "Category")},
		Column{Key: "reasons", Header: i18n.Tr(lang, "Lý do", "Reasons"), Width: 90, Wrap: true},
	)
	// Laid out row by row as the table is written (lazyTable).
	tags := planTags(p, lang)
	return omitUnused(p, lazyTable(t, len(results), func(row []any, i int) []any {
		r := &results[i]
		row = append(row, DistrictCell(r.District, r.FormerDistrict, lang), r.Commune, r.Code)
		if withKind {
			kind := r.Kind
			if d, ok := p.Deadline(r.Kind); ok {
				kind = d.Label(lang)
			}
			row = append(row, tags.Cell(Tag{Key: r.Kind, Text: kind}))
		}
		status := tags.Cell(Tag{Key: r.Status, Text: p.StatusLabel(r.Status, lang)})
		reasons := joinTexts(r.Reasons, func(x *report.Reason) string { return x.Text }, "; ")
		return append(row, status, tags.Cell(Tag{Key: r.Category, Text: r.Label}), reasons)
	}), "district", "status")
}

// CountTable lays the counts per category out as a small table. When the data had errors
// (problems), the table says above it that the counts are incomplete.
func CountTable(counts []report.CategoryCount, problems []problem.Problem, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Số lượng", "Counts"), Columns: []Column{
		{Key: "category", Header: i18n.Tr(lang, "Phân loại", "Category")},
		{Key: "communes", Header: i18n.Tr(lang, "Số xã", "Communes")},
	}}
	total := 0
	for _, c := range counts {
		t.Rows = append(t.Rows, []any{Tag{Key: c.Category, Text: c.Label}, c.Communes})
		total += c.Communes
	}
	t.Rows = append(t.Rows, []any{Tag{Key: "total", Text: i18n.Tr(lang, "Tổng cộng", "Total")}, total})
	t.Note = IncompleteNote(problems, lang)
	return t
}

// IncompleteNote says that figures computed from data with errors are incomplete, or
// returns "" when the data has no error.
func IncompleteNote(problems []problem.Problem, lang i18n.Lang) string {
	n := problem.CountErrors(problems)
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(i18n.Tr(lang, "CHƯA ĐẦY ĐỦ: số liệu có %d lỗi (xem danh sách vấn đề); các số ở đây chỉ tính các xã đọc được.", "INCOMPLETE: errors in the data: %d (see the problems); these figures cover only the communes that could be read."), n)
}

// DistrictCell is a commune's district in a table: its district, or for a commune formed
// by the reform of 1 July 2025, which has none, the district it is listed under, marked as
// former ("Huyện Cầu Kè (cũ)").
func DistrictCell(district, former string, lang i18n.Lang) string {
	if district != "" || former == "" {
		return district
	}
	return former + i18n.Tr(lang, " (cũ)", " (former)")
}
