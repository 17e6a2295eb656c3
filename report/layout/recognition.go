package layout

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
)

// ProgressLine says how far the province is from its target, in lang. After the reform
// of 1 July 2025 it says the target is counted in the communes formed by it, how many
// former units the passing communes cover, and how many passing communes of the registry
// before it are not counted.
func ProgressLine(p *criteria.Plan, g classify.Progress, lang i18n.Lang) string {
	// The number of the plan's criteria (8 for Plan 16, 3 for QĐ 28).
	s := fmt.Sprintf(i18n.Tr(lang, "Đạt đủ %d tiêu chí: %d xã", "Pass all %d criteria: %d communes"), len(p.Checklist.Criteria), g.Passing)
	if g.Covers > 0 {
		s += fmt.Sprintf(i18n.Tr(lang, " (gồm %d %s cũ)", " (formed from %d former %s)"), g.Covers, p.Units(lang))
	}
	s += fmt.Sprintf(i18n.Tr(lang, "; mục tiêu %s: %d/%d xã", "; target %s: %d of %d communes"), p.Target.Share.String(), g.Target, g.Registry)
	if g.InForceFrom != "" {
		if t, err := time.Parse(time.DateOnly, g.InForceFrom); err == nil {
			s += fmt.Sprintf(i18n.Tr(lang, " có hiệu lực từ %s", " in force from %s"), i18n.ClerkDate(t, lang))
		}
	}
	if g.Reached() {
		s += i18n.Tr(lang, " — đã đạt mục tiêu", " — target reached")
	} else {
		s += fmt.Sprintf(i18n.Tr(lang, " — còn thiếu %d xã", " — %d more needed"), g.Remaining())
	}
	if g.NotCounted > 0 {
		s += fmt.Sprintf(i18n.Tr(lang, "; %d xã đạt theo danh mục khác (không còn hiệu lực ngày xét) không được tính", "; %d passing communes of another registry (not in force on the as-of day) are not counted"), g.NotCounted)
	}
	return s
}

// verdictMark is the symbol of a verdict in a table.
func verdictMark(v classify.Verdict) string {
	switch v {
	case classify.Pass:
		return "✓"
	case classify.Fail:
		return "✗"
	}
	return "?"
}

// RecognitionTable lays the verdicts out: one column per criterion (✓, ✗, ?), the overall
// verdict and the figures that fail or are missing.
func RecognitionTable(p *criteria.Plan, rs []report.RecognitionResult, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Tiêu chí công nhận", "Checklist"), Columns: []Column{
		{Key: "district", Header: i18n.Tr(lang, "Huyện, thị xã, thành phố", "District"), Drop: 1},
		{Key: "commune", Header: p.FieldLabel("commune", lang)},
		{Key: "code", Header: i18n.Tr(lang, "Mã", "Code"), Drop: 4},
		{Key: "status", Header: i18n.Tr(lang, "Tình trạng", "Status"), Drop: 2},
	}}
	// The marks of the criteria go together, before the district: the last column names
	// each criterion that fails or lacks figures.
	for _, c := range p.Checklist.Criteria {
		t.Columns = append(t.Columns, Column{Key: fmt.Sprintf("c%d", c.ID), Header: fmt.Sprint(c.ID), Width: 5, Drop: 3, Legend: c.Label(lang)})
	}
	t.Columns = append(t.Columns,
		Column{Key: "result", Header: i18n.Tr(lang, "Kết quả", "Result")},
		Column{Key: "details", Header: i18n.Tr(lang, "Không đạt / thiếu", "Failing / missing"), Width: 80, Wrap: true},
	)
	// Laid out row by row as the table is written (lazyTable).
	tags := planTags(p, lang)
	missing := i18n.Tr(lang, "thiếu", "missing")
	return omitUnused(p, lazyTable(t, len(rs), func(row []any, i int) []any {
		r := &rs[i]
		row = append(row, DistrictCell(r.District, r.FormerDistrict, lang), r.Commune, r.Code, tags.Cell(Tag{Key: r.Status, Text: p.StatusLabel(r.Status, lang)}))
		// The failing or missing figures of each criterion, "ID: figures", joined by "; ".
		var details strings.Builder
		for _, c := range r.Criteria {
			row = append(row, tags.Cell(Tag{Key: string(c.Result), Text: verdictMark(c.Result)}))
			if c.Result != classify.Fail && c.Result != classify.Missing {
				continue
			}
			if details.Len() > 0 {
				details.WriteString("; ")
			}
			details.WriteString(strconv.Itoa(c.ID))
			details.WriteString(": ")
			if c.Result == classify.Fail {
				sep := ""
				for _, x := range c.Conditions {
					if x.Result == classify.Fail {
						details.WriteString(sep)
						details.WriteString(x.Text)
						sep = ", "
					}
				}
				continue
			}
			details.WriteString(missing)
			details.WriteString(" ")
			for j, k := range c.Missing {
				if j > 0 {
					details.WriteString(", ")
				}
				details.WriteString(p.FieldLabel(k, lang))
			}
		}
		return append(row, tags.Cell(Tag{Key: string(r.Result), Text: report.VerdictLabel(r.Result, lang)}), details.String())
	}), "district", "status")
}

// RecognitionDetailTable lays out every criterion of every commune with its figures, one
// row per commune and criterion, for a workbook.
func RecognitionDetailTable(p *criteria.Plan, rs []report.RecognitionResult, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Chi tiết tiêu chí", "Checklist details"), Columns: []Column{
		{Key: "district", Header: i18n.Tr(lang, "Huyện, thị xã, thành phố", "District")},
		{Key: "commune", Header: p.FieldLabel("commune", lang)},
		{Key: "criterion", Header: "#", Width: 5},
		{Key: "wording", Header: i18n.Tr(lang, "Tiêu chí", "Criterion"), Width: 50, Wrap: true},
		{Key: "result", Header: i18n.Tr(lang, "Kết quả", "Result")},
		{Key: "figures", Header: i18n.Tr(lang, "Số liệu", "Figures"), Width: 70, Wrap: true},
	}}
	words := map[int]string{}
	for _, c := range p.Checklist.Criteria {
		words[c.ID] = c.Label(lang)
	}
	// Laid out row by row as the table is written (lazyTable): row i is criterion
	// i-starts[k] of commune k, where starts[k] <= i < starts[k+1].
	starts := make([]int, len(rs)+1)
	for k, r := range rs {
		starts[k+1] = starts[k] + len(r.Criteria)
	}
	tags := planTags(p, lang)
	// the criteria that compare with the baseline (criterion 4)
	baselineCriteria := map[int]bool{}
	for _, c := range p.Checklist.Criteria {
		for _, cond := range c.Conditions {
			for _, f := range append(cond.Left.AllFields(), cond.Right.Fields...) {
				if _, ok := p.Checklist.Baseline[f]; ok {
					baselineCriteria[c.ID] = true
				}
			}
		}
	}
	return omitUnused(p, lazyTable(t, starts[len(rs)], func(row []any, i int) []any {
		k := sort.SearchInts(starts[1:], i+1)
		r := &rs[k]
		c := &r.Criteria[i-starts[k]]
		figures := joinTexts(c.Conditions, func(x *report.Condition) string { return x.Text }, "; ")
		if len(r.BaselineOf) > 0 && baselineCriteria[c.ID] {
			figures += fmt.Sprintf(i18n.Tr(lang, "; ban đầu: tổng số liệu của %s (%s)", "; baseline: the figures of %s added up (%s)"), strings.Join(r.BaselineOf, ", "), r.Baseline)
		}
		return append(row, DistrictCell(r.District, r.FormerDistrict, lang), r.Commune, c.ID, words[c.ID], tags.Cell(Tag{Key: string(c.Result), Text: report.VerdictLabel(c.Result, lang)}), figures)
	}), "district", "status")
}
