package report

import (
	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/internal/par"
	"drugfree/report/read"
)

// CommuneResult is one commune's classification with where its figures came from. Its
// reasons are shared by the communes with the same reasons: read them, do not change them.
type CommuneResult struct {
	District string    `json:"district"`
	Commune  string    `json:"commune"`
	Code     string    `json:"code"`
	Status   string    `json:"status"`
	Kind     string    `json:"kind,omitempty"`
	Category string    `json:"category"`
	Label    string    `json:"label"`
	Possible []string  `json:"possible,omitempty"`
	Missing  []string  `json:"missing,omitempty"`
	Reasons  []*Reason `json:"reasons"`
	// FormerDistrict is, for a commune formed by the reform of 1 July 2025, the district of
	// the plan's registry it is listed under.
	FormerDistrict string `json:"former_district,omitempty"`
	File           string `json:"file"`
	Sheet          string `json:"sheet,omitempty"`
	Row            int    `json:"row"`

	// registry is the registry the commune's return was read against.
	registry *criteria.Registry
}

// ClassifyReturns classifies every row of every return, in the order given.
func ClassifyReturns(p *criteria.Plan, returns []*read.Return, lang i18n.Lang) []CommuneResult {
	jobs := rowsOf(returns, func(*read.Row) bool { return true })
	out := make([]CommuneResult, len(jobs))
	// Communes are classified independently: the cores share them, each result in its
	// place, so the order is the returns' whatever the concurrency. The cores share the
	// Evaluator; each has its own explainer, which shares the texts of the communes it
	// explains.
	ev := classify.NewEvaluator(p)
	par.ParallelChunks(len(jobs), par.EvalChunkMin, func(from, to int) {
		ex := newExplainer(p, lang)
		// The reasons are written in this, reused from commune to commune: what is kept
		// is copied with its text (explainer.explain).
		var reasons []classify.Reason
		for i := from; i < to; i++ {
			r, row := jobs[i].r, jobs[i].row
			res := ev.ClassifyInto(row.Figures, reasons)
			reasons = res.Reasons
			out[i] = CommuneResult{
				District: row.Commune.District, Commune: row.Commune.FullName(), Code: row.Commune.Code,
				Status: row.Status, Kind: r.Kind, Category: res.Category, Label: p.CategoryLabel(res.Category, lang),
				Possible: res.Possible, Missing: res.Missing, Reasons: ex.explain(res.Reasons),
				FormerDistrict: formerDistrict(p, r.Registry, row.Commune), File: r.File, Sheet: r.Sheet, Row: row.Line,
				registry: r.Registry,
			}
		}
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// rowJob is one row of a return, to be evaluated on its own.
type rowJob struct {
	r   *read.Return
	row *read.Row
	// at is the row's place among all the rows of the returns, kept or not.
	at int
}

// rowsOf lists the rows of returns that keep accepts, in order.
func rowsOf(returns []*read.Return, keep func(*read.Row) bool) []rowJob {
	n := 0
	for _, r := range returns {
		n += len(r.Rows)
	}
	jobs := make([]rowJob, 0, n) // room for every row, rather than grown by doubling
	at := 0
	for _, r := range returns {
		for i := range r.Rows {
			at++
			if keep(&r.Rows[i]) {
				jobs = append(jobs, rowJob{r, &r.Rows[i], at - 1})
			}
		}
	}
	return jobs
}

// CategoryCount is the number of communes in one category.
type CategoryCount struct {
	Category string `json:"category"`
	Label    string `json:"label"`
	Communes int    `json:"communes"`
}

// CountCategories counts results per category, in the plan's order, every category listed.
func CountCategories(p *criteria.Plan, results []CommuneResult, lang i18n.Lang) []CategoryCount {
	n := map[string]int{}
	for _, r := range results {
		n[r.Category]++
	}
	var out []CategoryCount
	for _, c := range p.Categories {
		out = append(out, CategoryCount{Category: c.Key, Label: c.Label(lang), Communes: n[c.Key]})
	}
	return out
}
