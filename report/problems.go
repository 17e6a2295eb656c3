package report

import (
	"fmt"
	"io"
	"strings"
)

// CountErrors returns the number of problems of severity error.
func CountErrors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Where returns "file, sheet!cell" for a problem, leaving out what is unknown.
func (p Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" || p.Cell != "" {
		b.WriteString(": ")
		if p.Sheet != "" {
			b.WriteString(p.Sheet)
			if p.Cell != "" {
				b.WriteString("!")
			}
		}
		b.WriteString(p.Cell)
	}
	return b.String()
}

// WriteProblems writes one line per problem, for stderr:
//
//	lỗi unknown-commune: returns.xlsx: Số liệu!B7: Huyện Cầu Kè, Xã Hoa Ân: ...
func WriteProblems(w io.Writer, ps []Problem, lang string) error {
	for _, p := range ps {
		sev := string(p.Severity)
		if lang != "en" {
			sev = map[Severity]string{Error: "lỗi", Warning: "cảnh báo"}[p.Severity]
		}
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

// ProblemTable lays problems out for a terminal, CSV or a workbook sheet.
func ProblemTable(ps []Problem, lang string) Table {
	t := Table{Name: tr(lang, "Vấn đề", "Problems"), Columns: []Column{
		{Key: "severity", Header: tr(lang, "Mức độ", "Severity")},
		{Key: "code", Header: tr(lang, "Mã lỗi", "Code")},
		{Key: "rule", Header: tr(lang, "Quy tắc", "Rule")},
		{Key: "file", Header: tr(lang, "Tệp", "File")},
		{Key: "sheet", Header: tr(lang, "Trang tính", "Sheet")},
		{Key: "cell", Header: tr(lang, "Ô", "Cell")},
		{Key: "district", Header: tr(lang, "Huyện", "District")},
		{Key: "commune", Header: tr(lang, "Xã", "Commune")},
		{Key: "message", Header: tr(lang, "Nội dung", "Message"), Width: 80, Wrap: true},
	}}
	for _, p := range ps {
		sev := Tag{Key: string(p.Severity), Text: tr(lang, map[Severity]string{Error: "Lỗi", Warning: "Cảnh báo"}[p.Severity], map[Severity]string{Error: "Error", Warning: "Warning"}[p.Severity])}
		t.Rows = append(t.Rows, []any{sev, p.Code, p.Rule, p.File, p.Sheet, p.Cell, p.District, p.Commune, p.Message})
	}
	return t
}

// ProblemSummary counts errors and warnings in one line.
func ProblemSummary(ps []Problem, lang string) string {
	errs := CountErrors(ps)
	return fmt.Sprintf(tr(lang, "%d lỗi, %d cảnh báo.", "%d errors, %d warnings."), errs, len(ps)-errs)
}
