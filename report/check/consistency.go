package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// CheckConsistency applies the plan's consistency rules (SPEC §6, plan.yaml consistency:)
// to every row of r. A rule with a blank figure is skipped: a blank is unknown, and the
// rules are never used to guess it. Each breach is an "inconsistent" error at the rule's
// left cell, naming both cells and their figures.
//
// A field given with its parts (criteria.Part) is held to their sum by the plan's part
// rules (criteria.Plan.PartRules): the field's own figure is the one read, so a breach is a
// warning, at the field's cell, naming the parts' cells.
func CheckConsistency(p *criteria.Plan, r *read.Return, lang i18n.Lang) []problem.Problem {
	out := checkRules(p, r, p.Consistency, problem.Error, lang)
	if parts := p.PartRules(); len(parts) > 0 {
		out = append(out, checkRules(p, r, parts, problem.Warning, lang)...)
	}
	return out
}

// checkRules applies rules to every row of r, a breach a problem of severity sev.
func checkRules(p *criteria.Plan, r *read.Return, rules []criteria.Rule, sev problem.Severity, lang i18n.Lang) []problem.Problem {
	var out []problem.Problem
	for _, row := range r.Rows {
		for _, rule := range rules {
			left, ok := row.Figures[rule.Left]
			if !ok {
				continue
			}
			right, ok := consistencyRight(rule.Right, row.Figures)
			if !ok || rule.Holds(left, right) {
				continue
			}
			out = append(out, problem.Problem{
				Severity: sev,
				Code:     problem.CodeInconsistent,
				Rule:     rule.Name,
				File:     r.File,
				Sheet:    r.Sheet,
				Cell:     r.Cell(rule.Left, row.Line),
				District: r.District,
				Commune:  row.Commune.FullName(),
				Message:  consistencyMessage(p, r, row, rule, left, right, lang),
			})
		}
	}
	return out
}

// consistencyRight sums the right side of a rule; false when one of its figures is blank.
func consistencyRight(e criteria.Expr, fig classify.Figures) (float64, bool) {
	v := float64(e.Const)
	for _, k := range e.Fields {
		x, ok := fig[k]
		if !ok {
			return 0, false
		}
		v += x
	}
	return v, true
}

// consistencyMessage writes "F7 = 12 người nghiện có hồ sơ quản lý > E7 = 10 tổng số người
// nghiện (quy tắc managed-le-total)", or for a bound "H7 = 0 dân số, phải > 0 (...)".
func consistencyMessage(p *criteria.Plan, r *read.Return, row read.Row, rule criteria.Rule, left, right float64, lang i18n.Lang) string {
	side := func(cells []string, v float64, labels []string) string {
		s := criteria.FormatNumber(v, lang) + " " + strings.Join(labels, " + ")
		if len(cells) > 0 {
			s = strings.Join(cells, " + ") + " = " + s
		}
		return s
	}
	var lcells []string
	if c := r.Cell(rule.Left, row.Line); c != "" {
		lcells = append(lcells, c)
	}
	l := side(lcells, left, []string{fieldNoun(p, rule.Left, lang)})
	ruleText := i18n.Tr(lang, "quy tắc ", "rule ") + rule.Name
	if len(rule.Right.Fields) == 0 {
		must := i18n.Tr(lang, "phải", "must be")
		return fmt.Sprintf("%s, %s %s %s (%s)", l, must, ruleOpSymbol(rule.Op), criteria.FormatNumber(right, lang), ruleText)
	}
	var rcells, labels []string
	for _, k := range rule.Right.Fields {
		labels = append(labels, fieldNoun(p, k, lang))
		if c := r.Cell(k, row.Line); c != "" {
			rcells = append(rcells, c)
		}
	}
	if len(rcells) != len(rule.Right.Fields) {
		rcells = nil // some column unknown: the figures alone say it
	}
	if rule.Right.Const != 0 {
		labels = append(labels, criteria.FormatNumber(float64(rule.Right.Const), lang))
	}
	return fmt.Sprintf("%s %s %s (%s)", l, ruleOpSymbol(ruleNegateOp(rule.Op)), side(rcells, right, labels), ruleText)
}

// fieldNoun is the field's header with a lower-case first letter, to sit inside a sentence.
func fieldNoun(p *criteria.Plan, key string, lang i18n.Lang) string {
	s := p.FieldLabel(key, lang)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// ruleNegateOp returns the comparison that holds when op fails.
func ruleNegateOp(op string) string {
	switch op {
	case "<=":
		return ">"
	case "<":
		return ">="
	case ">=":
		return "<"
	case ">":
		return "<="
	case "=":
		return "!="
	}
	return op
}

func ruleOpSymbol(op string) string {
	switch op {
	case "<=":
		return "≤"
	case ">=":
		return "≥"
	case "!=":
		return "≠"
	}
	return op
}
