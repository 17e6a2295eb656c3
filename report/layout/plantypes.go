package layout

import (
	"fmt"
	"strings"

	"drugfree/criteria"
	"drugfree/i18n"
)

// planTypes lists the criteria of a plan that classifies by type rules: each with what
// makes it hold, the types that count it and the readings it applies.
func planTypes(p *criteria.Plan, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Tiêu chí phân loại", "Classification"), Columns: []Column{
		{Key: "id", Header: "#"},
		{Key: "criterion", Header: i18n.Tr(lang, "Tiêu chí", "Criterion"), Width: 50, Wrap: true},
		{Key: "holds_when", Header: i18n.Tr(lang, "Đạt khi", "Holds when"), Width: 50, Wrap: true},
		{Key: "types", Header: i18n.Tr(lang, "Tính cho", "Counts for")},
		{Key: "readings", Header: i18n.Tr(lang, "Cách hiểu", "Readings")},
	}}
	cl := p.Classification
	for _, c := range cl.Criteria {
		var types []string
		for _, r := range cl.Types {
			for _, id := range r.Of {
				if id == c.ID {
					types = append(types, p.CategoryLabel(p.LevelCategory(r.Level), lang))
				}
			}
		}
		t.Rows = append(t.Rows, []any{c.ID, c.Label(lang), TestText(c, lang), strings.Join(types, ", "), strings.Join(c.Readings, ", ")})
	}
	return t
}

// TestText writes what makes a criterion hold: "addicts_users_managed / residents ≥ 0,5%",
// "plants_destroyed ≥ 3.000 hoặc plant_area_destroyed_m2 ≥ 750", "ít nhất 2 trong a2, b2".
func TestText(t criteria.Test, lang i18n.Lang) string {
	switch {
	case t.Expr != nil:
		return fmt.Sprintf("%s %s %s", t.Expr, opText(t.Op), criteria.FormatDecimal(*t.Value, lang))
	case len(t.Any) > 0 || len(t.All) > 0:
		parts, sep := t.Any, i18n.Tr(lang, " hoặc ", " or ")
		if len(t.All) > 0 {
			parts, sep = t.All, i18n.Tr(lang, " và ", " and ")
		}
		var out []string
		for _, part := range parts {
			out = append(out, TestText(part, lang))
		}
		return strings.Join(out, sep)
	}
	return fmt.Sprintf(i18n.Tr(lang, "ít nhất %d trong %s", "at least %d of %s"), t.AtLeast, strings.Join(t.Of, ", "))
}

// opText writes a comparison as people read it.
func opText(op string) string {
	switch op {
	case ">=":
		return "≥"
	case "<=":
		return "≤"
	}
	return op
}

// typeRulesText writes the type rules, the rest and the readings, a line each.
func typeRulesText(b *strings.Builder, p *criteria.Plan, lang i18n.Lang) {
	cl := p.Classification
	for _, r := range cl.Types {
		fmt.Fprintf(b, i18n.Tr(lang, "%s: ít nhất %d trong %s\n", "%s: at least %d of %s\n"), p.CategoryLabel(p.LevelCategory(r.Level), lang), r.AtLeast, strings.Join(r.Of, ", "))
	}
	fmt.Fprintf(b, i18n.Tr(lang, "Không đạt loại nào: %s\n", "No type reached: %s\n"), p.CategoryLabel(cl.Rest, lang))
	for _, r := range p.Readings {
		fmt.Fprintf(b, "%s: %s\n", r.ID, r.Text(lang))
	}
}
