package report

import (
	"sort"
	"strings"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/read"
)

// Baselines indexes the rows of earlier returns (the review, or --baseline) by registry and
// commune code, for criterion 4's baseline and the movement between categories. A commune
// formed by the reform of 1 July 2025 that no baseline return lists takes as its baseline
// its former units' figures added up (classify.Aggregate, SPEC §9): a pre-reform review is
// the baseline of post-reform returns.
type Baselines struct {
	plan *criteria.Plan
	rows map[baselineKey]baselineRow
}

type baselineKey struct {
	reg  *criteria.Registry
	code string
}

type baselineRow struct {
	figures classify.Figures
	file    string
	// of names the former units added up, for an aggregated baseline.
	of []string
}

// NewBaselines indexes the rows of returns; a later return replaces an earlier one for the
// same commune.
func NewBaselines(p *criteria.Plan, returns []*read.Return) Baselines {
	b := Baselines{plan: p, rows: map[baselineKey]baselineRow{}}
	for _, r := range returns {
		reg := b.registry(r.Registry)
		for _, row := range r.Rows {
			b.rows[baselineKey{reg, row.Commune.Code}] = baselineRow{figures: row.Figures, file: r.File}
		}
	}
	return b
}

// registry is reg, or the plan's own for a return read without one.
func (b Baselines) registry(reg *criteria.Registry) *criteria.Registry {
	if reg == nil && b.plan != nil {
		return &b.plan.Registry
	}
	return reg
}

// For returns the baseline of commune c of registry reg: its own row in a baseline
// return, or for a commune formed by the reform its former units' rows added up, unknown
// where any of them is unknown or has no row; false when there is neither.
func (b Baselines) For(reg *criteria.Registry, c criteria.Commune) (baselineRow, bool) {
	if b.plan == nil {
		return baselineRow{}, false
	}
	reg = b.registry(reg)
	if row, ok := b.rows[baselineKey{reg, c.Code}]; ok {
		return row, true
	}
	if !b.plan.Later(reg) {
		return baselineRow{}, false
	}
	pred := b.plan.Predecessors(c.Code)
	parts := make([]classify.Figures, len(pred))
	var files, of []string
	found := false
	for i, o := range pred {
		of = append(of, o.FullName())
		row, ok := b.rows[baselineKey{&b.plan.Registry, o.Code}]
		if !ok {
			parts[i] = classify.Figures{} // no row: every figure of it unknown
			continue
		}
		found = true
		parts[i] = row.figures
		if !contains(files, row.file) {
			files = append(files, row.file)
		}
	}
	if !found {
		return baselineRow{}, false
	}
	sort.Strings(files)
	return baselineRow{figures: classify.Aggregate(b.plan, parts), file: strings.Join(files, ", "), of: of}, true
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// formerDistrict is the district of the plan's registry a commune of a reform's registry
// is listed under; "" for a commune of the plan's own.
func formerDistrict(p *criteria.Plan, reg *criteria.Registry, c criteria.Commune) string {
	if !p.Later(reg) {
		return ""
	}
	return p.FormerDistrict(c)
}
