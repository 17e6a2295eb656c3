package report

import (
	"fmt"
	"strings"

	"drugfree/classify"
	"drugfree/criteria"
)

// CommuneResult is one commune's classification with where its figures came from.
type CommuneResult struct {
	District string   `json:"district"`
	Commune  string   `json:"commune"`
	Code     string   `json:"code"`
	Status   string   `json:"status"`
	Kind     string   `json:"kind,omitempty"`
	Category string   `json:"category"`
	Label    string   `json:"label"`
	Possible []string `json:"possible,omitempty"`
	Missing  []string `json:"missing,omitempty"`
	Reasons  []string `json:"reasons"`
	File     string   `json:"file"`
	Sheet    string   `json:"sheet,omitempty"`
	Row      int      `json:"row"`
}

// ClassifyReturns classifies every row of every return, in the order given.
func ClassifyReturns(p *criteria.Plan, returns []*Return, lang string) []CommuneResult {
	jobs := rowsOf(returns, func(*Row) bool { return true })
	out := make([]CommuneResult, len(jobs))
	// Communes are classified independently: the cores share them, each result in its
	// place, so the order is the returns' whatever the concurrency. Each core has its own
	// Evaluator, which shares the texts of the communes it classifies.
	parallelChunks(len(jobs), evalChunkMin, func(from, to int) {
		ev := classify.NewEvaluator(p, lang)
		for i := from; i < to; i++ {
			r, row := jobs[i].r, jobs[i].row
			res := ev.Classify(row.Figures)
			// Only the reasons' texts are kept: the classify.Result is dropped, as no
			// output reads more of it than CommuneResult holds.
			var reasons []string // nil without reasons, as JSON has always shown it
			if len(res.Reasons) > 0 {
				reasons = make([]string, len(res.Reasons))
				for j, x := range res.Reasons {
					reasons[j] = x.Text
				}
			}
			out[i] = CommuneResult{
				District: row.Commune.District, Commune: row.Commune.FullName(), Code: row.Commune.Code,
				Status: row.Status, Kind: r.Kind, Category: res.Category, Label: p.CategoryLabel(res.Category, lang),
				Possible: res.Possible, Missing: res.Missing, Reasons: reasons,
				File: r.File, Sheet: r.Sheet, Row: row.Line,
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
	r   *Return
	row *Row
	// at is the row's place among all the rows of the returns, kept or not.
	at int
}

// rowsOf lists the rows of returns that keep accepts, in order.
func rowsOf(returns []*Return, keep func(*Row) bool) []rowJob {
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
func CountCategories(p *criteria.Plan, results []CommuneResult, lang string) []CategoryCount {
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

// ClassificationTable lays the results out for a terminal, CSV or a workbook sheet.
func ClassificationTable(p *criteria.Plan, results []CommuneResult, lang string) Table {
	kinds := map[string]bool{}
	for _, r := range results {
		kinds[r.Kind] = true
	}
	withKind := len(kinds) > 1
	t := Table{Name: tr(lang, "Phân loại", "Classification")}
	t.Columns = []Column{
		{Key: "district", Header: tr(lang, "Huyện, thị xã, thành phố", "District")},
		{Key: "commune", Header: tr(lang, "Xã, phường, thị trấn", "Commune")},
		{Key: "code", Header: tr(lang, "Mã", "Code")},
	}
	if withKind {
		t.Columns = append(t.Columns, Column{Key: "kind", Header: tr(lang, "Loại báo cáo", "Report kind")})
	}
	t.Columns = append(t.Columns,
		Column{Key: "status", Header: tr(lang, "Tình trạng", "Status")},
		Column{Key: "category", Header: tr(lang, "Phân loại", "Category")},
		Column{Key: "reasons", Header: tr(lang, "Lý do", "Reasons"), Width: 90, Wrap: true},
	)
	// Laid out row by row as the table is written (lazyTable).
	tags := planTags(p, lang)
	return lazyTable(t, len(results), func(row []any, i int) []any {
		r := &results[i]
		row = append(row, r.District, r.Commune, r.Code)
		if withKind {
			kind := r.Kind
			if d, ok := p.Deadline(r.Kind); ok {
				kind = d.Label(lang)
			}
			row = append(row, tags.cell(Tag{Key: r.Kind, Text: kind}))
		}
		status := tags.cell(Tag{Key: r.Status, Text: p.StatusLabel(r.Status, lang)})
		return append(row, status, tags.cell(Tag{Key: r.Category, Text: r.Label}), strings.Join(r.Reasons, "; "))
	})
}

// CountTable lays the counts per category out as a small table. When the data had errors
// (problems), the table says above it that the counts are incomplete.
func CountTable(counts []CategoryCount, problems []Problem, lang string) Table {
	t := Table{Name: tr(lang, "Số lượng", "Counts"), Columns: []Column{
		{Key: "category", Header: tr(lang, "Phân loại", "Category")},
		{Key: "communes", Header: tr(lang, "Số xã", "Communes")},
	}}
	total := 0
	for _, c := range counts {
		t.Rows = append(t.Rows, []any{Tag{Key: c.Category, Text: c.Label}, c.Communes})
		total += c.Communes
	}
	t.Rows = append(t.Rows, []any{Tag{Key: "total", Text: tr(lang, "Tổng cộng", "Total")}, total})
	t.Note = IncompleteNote(problems, lang)
	return t
}

// IncompleteNote says that figures computed from data with errors are incomplete, or
// returns "" when the data has no error.
func IncompleteNote(problems []Problem, lang string) string {
	n := CountErrors(problems)
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(tr(lang, "CHƯA ĐẦY ĐỦ: số liệu có %d lỗi (xem danh sách vấn đề); các số ở đây chỉ tính các xã đọc được.", "INCOMPLETE: errors in the data: %d (see the problems); these figures cover only the communes that could be read."), n)
}
