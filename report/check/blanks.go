package check

import (
	"fmt"
	"strings"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// BlankFields are the fields Check looks at: those of the classification, and those of
// the classification and the checklist. They depend on the plan alone: Holes lists them
// once for all the returns rather than once per return.
type BlankFields struct {
	class, both []string
}

// NewBlankFields lists the fields of plan p that Check looks at.
func NewBlankFields(p *criteria.Plan) BlankFields {
	return BlankFields{
		class: distinct(read.ClassificationFields(p)),
		both:  distinct(append(read.ClassificationFields(p), checklistFields(p)...)),
	}
}

// Check reports, once per row of r, the blank cells a commune's verdicts need: the
// classification's fields always, and the checklist's for a commune in transformation or
// maintained. A blank is unknown, never zero, so these are the holes a clerk should fill;
// a warning, since the figures given still stand. A column the return lacks altogether is
// the reader's missing-column warning, not repeated here. A figure read as the sum of its
// parts (read.Return.Summed) is blank when a part is: that part's cell is named.
func (bf BlankFields) Check(p *criteria.Plan, r *read.Return, lang i18n.Lang) []problem.Problem {
	classFields, bothFields := bf.class, bf.both
	var out []problem.Problem
	for _, row := range r.Rows {
		need := classFields
		if p.Checklist.Applies(row.Status) {
			need = bothFields
		}
		var blank []string
		first := ""
		for _, k := range need {
			if _, ok := row.Figures[k]; ok {
				continue
			}
			if parts := r.Summed[k]; len(parts) > 0 {
				// the sum of parts: the blank is a part's cell
				for _, pk := range parts {
					if _, ok := row.Figures[pk]; ok {
						continue
					}
					if first == "" {
						first = r.Cell(pk, row.Line)
					}
					blank = append(blank, fmt.Sprintf(i18n.Tr(lang, "%s (cộng vào %s)", "%s (part of %s)"), p.FieldLabel(pk, lang), p.FieldLabel(k, lang)))
				}
				continue
			}
			cell := r.Cell(k, row.Line)
			if cell == "" {
				continue // the column is absent: reported by the reader
			}
			if first == "" {
				first = cell
			}
			blank = append(blank, p.FieldLabel(k, lang))
		}
		if len(blank) == 0 {
			continue
		}
		out = append(out, problem.Problem{
			Severity: problem.Warning, Code: problem.CodeMissingValue, File: r.File, Sheet: r.Sheet, Cell: first,
			District: row.Commune.District, Commune: row.Commune.FullName(),
			Message: i18n.Tr(lang, "bỏ trống (chưa biết, không tính là 0): ", "left blank (unknown, not zero): ") + strings.Join(blank, "; "),
		})
	}
	return out
}

// distinct returns keys without repeats, each where it first comes.
func distinct(keys []string) []string {
	seen := make(map[string]bool, len(keys))
	out := keys[:0:0]
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// checklistFields are the fields the checklist reads, in the plan's order. Criterion 4's
// baseline columns are left out: they may come from an earlier return instead.
func checklistFields(p *criteria.Plan) []string {
	var keys []string
	for _, c := range p.Checklist.Criteria {
		for _, cond := range c.Conditions {
			keys = append(keys, cond.Left.AllFields()...)
			keys = append(keys, cond.Right.Fields...)
		}
	}
	var out []string
	for _, k := range keys {
		if _, isBaseline := p.Checklist.Baseline[k]; !isBaseline {
			out = append(out, k)
		}
	}
	return out
}
