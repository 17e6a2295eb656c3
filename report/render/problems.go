package render

import (
	"drugfree/report/problem"
	"fmt"
	"io"
	"strings"
)

// WriteProblems writes one line per problem, for stderr:
//
//	lỗi unknown-commune: returns.xlsx: Số liệu!B7: Huyện Cầu Kè, Xã Hoa Ân: ...
func WriteProblems(w io.Writer, ps []problem.Problem, lang string) error {
	for _, p := range ps {
		sev := string(p.Severity)
		if lang != "en" {
			sev = map[problem.Severity]string{problem.Error: "lỗi", problem.Warning: "cảnh báo"}[p.Severity]
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
