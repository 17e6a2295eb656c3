package layout

import (
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
	"fmt"
)

// ProblemTable lays problems out for a terminal, CSV or a workbook sheet. The sender of
// the return a problem is about is headed in p's words (criteria.Plan.Sender).
func ProblemTable(p *criteria.Plan, ps []problem.Problem, lang i18n.Lang) Table {
	t := Table{Name: ProblemsName(lang), Columns: []Column{
		{Key: "severity", Header: i18n.Tr(lang, "Mức độ", "Severity")},
		{Key: "code", Header: i18n.Tr(lang, "Mã lỗi", "Code"), Drop: 3},
		{Key: "rule", Header: i18n.Tr(lang, "Quy tắc", "Rule"), Drop: 1},
		{Key: "file", Header: i18n.Tr(lang, "Tệp", "File")},
		{Key: "sheet", Header: i18n.Tr(lang, "Trang tính", "Sheet"), Drop: 2},
		{Key: "cell", Header: i18n.Tr(lang, "Ô", "Cell")},
		{Key: "district", Header: p.Sender(lang), Drop: 4},
		{Key: "commune", Header: i18n.Tr(lang, "Xã", "Commune")},
		{Key: "message", Header: i18n.Tr(lang, "Nội dung", "Message"), Width: 80, Wrap: true},
	}}
	for _, pr := range ps {
		sev := Tag{Key: string(pr.Severity), Text: i18n.Tr(lang, map[problem.Severity]string{problem.Error: "Lỗi", problem.Warning: "Cảnh báo"}[pr.Severity], map[problem.Severity]string{problem.Error: "Error", problem.Warning: "Warning"}[pr.Severity])}
		t.Rows = append(t.Rows, []any{sev, pr.Code, pr.Rule, pr.File, pr.Sheet, pr.Cell, pr.District, pr.Commune, pr.Message})
	}
	return t
}

// ProblemsName is the name of the sheet of problems.
func ProblemsName(lang i18n.Lang) string { return i18n.Tr(lang, "Vấn đề", "Problems") }

// ProblemSummary counts errors and warnings in one line.
func ProblemSummary(ps []problem.Problem, lang i18n.Lang) string {
	errs := problem.CountErrors(ps)
	return fmt.Sprintf(i18n.Tr(lang, "%d lỗi, %d cảnh báo.", "%d errors, %d warnings."), errs, len(ps)-errs)
}
