package report

import (
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/internal/par"
	"drugfree/report/read"
)

// RecognitionResult is one commune's verdict on the recognition checklist.
type RecognitionResult struct {
	District string            `json:"district"`
	Commune  string            `json:"commune"`
	Code     string            `json:"code"`
	Status   string            `json:"status"`
	Kind     string            `json:"kind,omitempty"`
	Result   classify.Verdict  `json:"result"`
	Criteria []CriterionResult `json:"criteria"`
	// Baseline says where criterion 4's baseline came from: "columns", a file (files,
	// joined by ", ", for an aggregated one), or "" (none).
	Baseline string `json:"baseline,omitempty"`
	// BaselineOf names the former units whose figures were added up into the baseline of
	// a commune formed by the reform of 1 July 2025 (an aggregated baseline, SPEC §9).
	BaselineOf []string `json:"baseline_of,omitempty"`
	// FormerDistrict is, for a commune formed by the reform, the district of the plan's
	// registry it is listed under.
	FormerDistrict string `json:"former_district,omitempty"`
	File           string `json:"file"`
	Sheet          string `json:"sheet,omitempty"`
	Row            int    `json:"row"`

	// registry is the registry the commune's return was read against.
	registry *criteria.Registry
}

// RecognizeReturns runs the checklist on every commune in transformation or maintained
// (every commune when all is set), taking criterion 4's baseline from the return's own
// columns or else from base (which may be nil).
func RecognizeReturns(p *criteria.Plan, returns []*read.Return, base Baselines, all bool, lang i18n.Lang) []RecognitionResult {
	return recognizeReturns(p, returns, base, all, nil, lang)
}

// recognizeReturns is RecognizeReturns. When classified is ClassifyReturns of the same
// returns (one result per row, in order), each commune's name is taken from it rather
// than written again: the same string for both, 5,800 fewer at 700 returns.
func recognizeReturns(p *criteria.Plan, returns []*read.Return, base Baselines, all bool, classified []CommuneResult, lang i18n.Lang) []RecognitionResult {
	jobs := rowsOf(returns, func(row *read.Row) bool { return all || p.Checklist.Applies(row.Status) })
	if len(jobs) == 0 {
		return nil
	}
	keys := baselineKeys(p)
	out := make([]RecognitionResult, len(jobs))
	// As in ClassifyReturns: each commune is checked on its own, on every core, each
	// result in its place, with an explainer per core.
	ev := classify.NewEvaluator(p)
	conditions := 0
	for _, c := range p.Checklist.Criteria {
		conditions += len(c.Conditions)
	}
	par.ParallelChunks(len(jobs), par.EvalChunkMin, func(from, to int) {
		ex := newExplainer(p, lang)
		// The checklist is written in these, reused from commune to commune: what is kept
		// is copied with its texts (explainer.check).
		crit := make([]classify.CriterionResult, 0, len(p.Checklist.Criteria))
		conds := make([]classify.ConditionResult, 0, conditions)
		for i := from; i < to; i++ {
			r, row := jobs[i].r, jobs[i].row
			fig := row.Figures
			source := ""
			var of []string
			if hasAll(fig, keys) {
				source = "columns"
			}
			if b, ok := base.For(r.Registry, row.Commune); ok && source == "" {
				fig = classify.WithBaseline(p, fig, b.figures)
				source, of = b.file, b.of
			}
			res := ev.CheckInto(fig, crit, conds)
			var name string
			if at := jobs[i].at; at < len(classified) && classified[at].Code == row.Commune.Code {
				name = classified[at].Commune
			} else {
				name = row.Commune.FullName()
			}
			out[i] = RecognitionResult{
				District: row.Commune.District, Commune: name, Code: row.Commune.Code,
				Status: row.Status, Kind: r.Kind, Result: res.Result, Criteria: ex.check(res), Baseline: source, BaselineOf: of,
				FormerDistrict: formerDistrict(p, r.Registry, row.Commune), File: r.File, Sheet: r.Sheet, Row: row.Line,
				registry: r.Registry,
			}
		}
	})
	return out
}

func baselineKeys(p *criteria.Plan) []string {
	var keys []string
	for k := range p.Checklist.Baseline {
		keys = append(keys, k)
	}
	return keys
}

func hasAll(f classify.Figures, keys []string) bool {
	for _, k := range keys {
		if _, ok := f[k]; !ok {
			return false
		}
	}
	return len(keys) > 0
}

// TargetProgress counts the communes in transformation or maintained whose checklist
// passes toward the plan's target, in the plan's communes in force on asOf (SPEC §9): a
// commune passing in a return read against another registry is not one of them, and is
// counted apart (NotCounted). After the reform it says how many former units the passing
// communes were formed from (Covers).
func TargetProgress(p *criteria.Plan, rs []RecognitionResult, asOf time.Time) classify.Progress {
	reg := p.RegistryOn(asOf)
	passing, covers, other := 0, 0, 0
	type key struct {
		reg  *criteria.Registry
		code string
	}
	seen := map[key]bool{}
	for _, r := range rs {
		if r.Result != classify.Pass || !p.Checklist.Applies(r.Status) {
			continue
		}
		k := key{r.registry, r.Code}
		if k.reg == nil {
			k.reg = &p.Registry
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		if k.reg != reg {
			other++
			continue
		}
		passing++
		if p.Later(reg) {
			covers += len(p.Predecessors(r.Code))
		}
	}
	g := classify.TargetProgress(p, reg, passing)
	g.Covers, g.NotCounted = covers, other
	return g
}
