package check

import (
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// CheckCompletenessOf reports each commune of r's reporting unit (want: its communes in r's
// registry; a district's, or after the reform of 1 July 2025 the commune itself) that r does
// not list, for a return of a data kind (calendar data: true) or of an unknown kind. Nothing
// is reported when the unit is unknown: the reader reports that.
func CheckCompletenessOf(p *criteria.Plan, r *read.Return, want []criteria.Commune, lang i18n.Lang) []problem.Problem {
	if r.District == "" {
		return nil
	}
	if d, ok := p.Deadline(r.Kind); ok && !d.Data {
		return nil
	}
	listed := make(map[string]bool, len(r.Rows)) // sized at once: one per return
	for _, row := range r.Rows {
		if row.Commune.District == r.District || row.Commune.District == "" && row.Commune.Unit() == r.District {
			listed[row.Commune.Code] = true
		}
	}
	var out []problem.Problem
	for _, c := range want {
		if listed[c.Code] {
			continue
		}
		out = append(out, problem.Problem{
			Severity: problem.Error,
			Code:     problem.CodeMissingCommune,
			File:     r.File,
			Sheet:    r.Sheet,
			District: r.District,
			Commune:  c.FullName(),
			Message:  i18n.Msg(lang, "missing-commune", c.FullName(), c.Code, r.District, len(want), p.Units(lang), len(listed)),
		})
	}
	return out
}
