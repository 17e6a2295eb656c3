package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"drugfree/classify"
	"drugfree/criteria"
)

// RecognitionResult is one commune's verdict on the recognition checklist.
type RecognitionResult struct {
	District string                     `json:"district"`
	Commune  string                     `json:"commune"`
	Code     string                     `json:"code"`
	Status   string                     `json:"status"`
	Kind     string                     `json:"kind,omitempty"`
	Result   classify.Verdict           `json:"result"`
	Criteria []classify.CriterionResult `json:"criteria"`
	// Baseline says where criterion 4's baseline came from: "columns", a file, or "" (none).
	Baseline string `json:"baseline,omitempty"`
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Row      int    `json:"row"`
}

// Baselines indexes the rows of earlier returns by commune code, for criterion 4.
type Baselines map[string]baselineRow

type baselineRow struct {
	figures classify.Figures
	file    string
}

// NewBaselines indexes the rows of returns by commune code; a later return replaces an
// earlier one for the same commune.
func NewBaselines(returns []*Return) Baselines {
	b := Baselines{}
	for _, r := range returns {
		for _, row := range r.Rows {
			b[row.Commune.Code] = baselineRow{row.Figures, r.File}
		}
	}
	return b
}

// RecognizeReturns runs the checklist on every commune in transformation or maintained
// (every commune when all is set), taking criterion 4's baseline from the return's own
// columns or else from base (which may be nil).
func RecognizeReturns(p *criteria.Plan, returns []*Return, base Baselines, all bool, lang string) []RecognitionResult {
	return recognizeReturns(p, returns, base, all, nil, lang)
}

// recognizeReturns is RecognizeReturns. When classified is ClassifyReturns of the same
// returns (one result per row, in order), each commune's name is taken from it rather
// than written again: the same string for both, 5,800 fewer at 700 returns.
func recognizeReturns(p *criteria.Plan, returns []*Return, base Baselines, all bool, classified []CommuneResult, lang string) []RecognitionResult {
	jobs := rowsOf(returns, func(row *Row) bool { return all || p.Checklist.Applies(row.Status) })
	if len(jobs) == 0 {
		return nil
	}
	keys := baselineKeys(p)
	out := make([]RecognitionResult, len(jobs))
	// As in ClassifyReturns: each commune is checked on its own, on every core, each
	// result in its place, with an Evaluator per core.
	parallelChunks(len(jobs), evalChunkMin, func(from, to int) {
		ev := classify.NewEvaluator(p, lang)
		for i := from; i < to; i++ {
			r, row := jobs[i].r, jobs[i].row
			fig := row.Figures
			source := ""
			if hasAll(fig, keys) {
				source = "columns"
			}
			if b, ok := base[row.Commune.Code]; ok && source == "" {
				fig = classify.WithBaseline(p, fig, b.figures)
				source = b.file
			}
			res := ev.Check(fig)
			var name string
			if at := jobs[i].at; at < len(classified) && classified[at].Code == row.Commune.Code {
				name = classified[at].Commune
			} else {
				name = row.Commune.FullName()
			}
			out[i] = RecognitionResult{
				District: row.Commune.District, Commune: name, Code: row.Commune.Code,
				Status: row.Status, Kind: r.Kind, Result: res.Result, Criteria: res.Criteria, Baseline: source,
				File: r.File, Sheet: r.Sheet, Row: row.Line,
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

// CountPassing counts the communes in transformation or maintained whose checklist passes.
func CountPassing(p *criteria.Plan, rs []RecognitionResult) int {
	n := 0
	seen := map[string]bool{}
	for _, r := range rs {
		if r.Result == classify.Pass && p.Checklist.Applies(r.Status) && !seen[r.Code] {
			seen[r.Code] = true
			n++
		}
	}
	return n
}

// ProgressLine says how far the province is from its target, in lang.
func ProgressLine(p *criteria.Plan, g classify.Progress, lang string) string {
	s := fmt.Sprintf(tr(lang, "Đạt đủ 8 tiêu chí: %d xã; mục tiêu %s: %d/%d xã", "Pass all 8 criteria: %d communes; target %s: %d of %d communes"),
		g.Passing, p.Target.Share.String(), g.Target, g.Registry)
	if g.Reached() {
		return s + tr(lang, " — đã đạt mục tiêu", " — target reached")
	}
	return s + fmt.Sprintf(tr(lang, " — còn thiếu %d xã", " — %d more needed"), g.Remaining())
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
func RecognitionTable(p *criteria.Plan, rs []RecognitionResult, lang string) Table {
	t := Table{Name: tr(lang, "Tiêu chí công nhận", "Checklist"), Columns: []Column{
		{Key: "district", Header: tr(lang, "Huyện, thị xã, thành phố", "District")},
		{Key: "commune", Header: tr(lang, "Xã, phường, thị trấn", "Commune")},
		{Key: "code", Header: tr(lang, "Mã", "Code")},
		{Key: "status", Header: tr(lang, "Tình trạng", "Status")},
	}}
	for _, c := range p.Checklist.Criteria {
		t.Columns = append(t.Columns, Column{Key: fmt.Sprintf("c%d", c.ID), Header: fmt.Sprint(c.ID), Width: 5})
	}
	t.Columns = append(t.Columns,
		Column{Key: "result", Header: tr(lang, "Kết quả", "Result")},
		Column{Key: "details", Header: tr(lang, "Không đạt / thiếu", "Failing / missing"), Width: 80, Wrap: true},
	)
	// Laid out row by row as the table is written (lazyTable).
	tags := planTags(p, lang)
	missing := tr(lang, "thiếu", "missing")
	return lazyTable(t, len(rs), func(row []any, i int) []any {
		r := &rs[i]
		row = append(row, r.District, r.Commune, r.Code, tags.cell(Tag{Key: r.Status, Text: p.StatusLabel(r.Status, lang)}))
		// The failing or missing figures of each criterion, "ID: figures", joined by "; ".
		var details strings.Builder
		for _, c := range r.Criteria {
			row = append(row, tags.cell(Tag{Key: string(c.Result), Text: verdictMark(c.Result)}))
			if c.Result != classify.Fail && c.Result != classify.Missing {
				continue
			}
			if details.Len() > 0 {
				details.WriteString("; ")
			}
			details.WriteString(strconv.Itoa(c.ID))
			details.WriteString(": ")
			if c.Result == classify.Fail {
				details.WriteString(strings.Join(c.Failing, ", "))
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
		return append(row, tags.cell(Tag{Key: string(r.Result), Text: r.Result.Label(lang)}), details.String())
	})
}

// RecognitionDetailTable lays out every criterion of every commune with its figures, one
// row per commune and criterion, for a workbook.
func RecognitionDetailTable(p *criteria.Plan, rs []RecognitionResult, lang string) Table {
	t := Table{Name: tr(lang, "Chi tiết tiêu chí", "Checklist details"), Columns: []Column{
		{Key: "district", Header: tr(lang, "Huyện, thị xã, thành phố", "District")},
		{Key: "commune", Header: tr(lang, "Xã, phường, thị trấn", "Commune")},
		{Key: "criterion", Header: "#", Width: 5},
		{Key: "wording", Header: tr(lang, "Tiêu chí", "Criterion"), Width: 50, Wrap: true},
		{Key: "result", Header: tr(lang, "Kết quả", "Result")},
		{Key: "figures", Header: tr(lang, "Số liệu", "Figures"), Width: 70, Wrap: true},
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
	return lazyTable(t, starts[len(rs)], func(row []any, i int) []any {
		k := sort.SearchInts(starts[1:], i+1)
		r := &rs[k]
		c := &r.Criteria[i-starts[k]]
		return append(row, r.District, r.Commune, c.ID, words[c.ID], tags.cell(Tag{Key: string(c.Result), Text: c.Result.Label(lang)}), strings.Join(c.Figures, "; "))
	})
}
