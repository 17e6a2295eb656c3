package layout

import (
	"fmt"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
)

// MovementTable lays out how communes moved between categories: rows are the baseline
// categories, columns the latest ones. aggregated is how many communes formed by the
// reform of 1 July 2025 took as baseline their former units' figures added up.
func MovementTable(p *criteria.Plan, m map[string]map[string]int, from string, aggregated int, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Chuyển biến", "Movement"), Columns: []Column{
		{Key: "from", Header: i18n.Tr(lang, "Ban đầu \\ Hiện nay", "Baseline \\ Latest")},
	}}
	review, hasReview := p.Deadline("review") // the kind that is the baseline (report.Prepared.Baseline)
	switch {
	case from == "" && hasReview:
		t.Note = fmt.Sprintf(i18n.Tr(lang, "Không có số liệu ban đầu: chưa có báo cáo %s nào, nên không tính được chuyển biến giữa các loại.", "No baseline: no %s return was read, so the movement between categories cannot be shown."), i18n.LowerFirst(review.Label(lang)))
	case from == "": // a plan without a review (QĐ 28): only --baseline gives one
		t.Note = i18n.Tr(lang, "Không có số liệu ban đầu (--baseline), nên không tính được chuyển biến giữa các loại.", "No baseline (--baseline), so the movement between categories cannot be shown.")
	default:
		if from == "review" {
			from = i18n.Tr(lang, "các báo cáo rà soát", "the review returns")
		}
		t.Note = i18n.Tr(lang, "Số liệu ban đầu lấy từ ", "Baseline taken from ") + from
		if aggregated > 0 {
			t.Note += fmt.Sprintf(i18n.Tr(lang, "; %d xã, phường hình thành sau sắp xếp lấy số liệu ban đầu là tổng số liệu của các đơn vị cũ, phân loại như một đơn vị (số liệu gộp)",
				"; %d communes formed by the reform take as baseline their former units' figures added up, classified as one unit (aggregated)"), aggregated)
		}
		t.Note += "."
	}
	for _, c := range p.Categories {
		t.Columns = append(t.Columns, Column{Key: c.Key, Header: c.Label(lang)})
	}
	t.Columns = append(t.Columns, Column{Key: "total", Header: i18n.Tr(lang, "Tổng", "Total")})
	rowsFor := append([]string{}, categoryKeys(p)...)
	if len(m[""]) > 0 {
		rowsFor = append(rowsFor, "")
	}
	for _, from := range rowsFor {
		label := i18n.Tr(lang, "Không có số liệu ban đầu", "No baseline")
		if from != "" {
			label = p.CategoryLabel(from, lang)
		}
		row := []any{Tag{Key: from, Text: label}}
		total := 0
		for _, to := range categoryKeys(p) {
			n := m[from][to]
			row = append(row, n)
			total += n
		}
		t.Rows = append(t.Rows, append(row, total))
	}
	return t
}

func categoryKeys(p *criteria.Plan) []string {
	var keys []string
	for _, c := range p.Categories {
		keys = append(keys, c.Key)
	}
	return keys
}

// SourcesTable lists every input with its SHA-256 and what was read from it; the note
// names the plan in effect, the tool's version and the time of the run.
func SourcesTable(c *report.Consolidation) Table {
	lang := c.Lang
	t := Table{Name: i18n.Tr(lang, "Nguồn số liệu", "Sources"), Columns: []Column{
		{Key: "file", Header: i18n.Tr(lang, "Tệp", "File"), Width: 30, Wrap: true},
		{Key: "sha256", Header: "SHA-256", Width: 25, Wrap: true}, // three lines of 22 digits
		{Key: "role", Header: i18n.Tr(lang, "Vai trò", "Role")},
		{Key: "district", Header: c.Plan.Sender(lang)},
		{Key: "kind", Header: i18n.Tr(lang, "Loại báo cáo", "Kind")},
		{Key: "number", Header: i18n.Tr(lang, "Số văn bản", "Number")},
		{Key: "report_date", Header: i18n.Tr(lang, "Ngày báo cáo", "Report date")},
		{Key: "received_date", Header: i18n.Tr(lang, "Ngày nhận", "Received")},
		{Key: "rows", Header: i18n.Tr(lang, "Số dòng đọc", "Rows read")},
		{Key: "used", Header: i18n.Tr(lang, "Sử dụng", "Used")},
		{Key: "problems", Header: i18n.Tr(lang, "Số vấn đề", "Problems")},
	}}
	p := c.Plan
	planSrc := i18n.Tr(lang, "bản có sẵn trong chương trình", "as built into the program")
	if p.Source != "embedded" {
		planSrc = i18n.Tr(lang, "tệp ", "file ") + p.Source
	}
	if p.RegistrySource != "" {
		planSrc += i18n.Tr(lang, "; danh mục xã: tệp ", "; registry: file ") + p.RegistrySource
	}
	t.Note = fmt.Sprintf(i18n.Tr(lang, "Lập lúc %s bằng drugfree %s, theo %s ngày %s (%s).", "Made at %s with drugfree %s, under %s of %s (%s)."),
		i18n.ClockDate(c.Generated, lang), c.Version, p.Name, i18n.LongDate(p.Issued.Time, lang), planSrc)
	for _, in := range c.Inputs {
		role := map[string]string{"return": i18n.Tr(lang, "Báo cáo", "Return"), "baseline": i18n.Tr(lang, "Số liệu ban đầu", "Baseline"), "register": i18n.Tr(lang, "Sổ theo dõi văn bản", "Register")}[in.Role]
		if len(in.Returns) == 0 {
			t.Rows = append(t.Rows, []any{in.Path, in.SHA256, role, "", "", "", nil, nil, 0, "", in.Problems})
			continue
		}
		for _, r := range in.Returns {
			kind := r.Kind
			if d, ok := p.Deadline(r.Kind); ok {
				kind = d.Label(lang)
			}
			used := Tag{Key: "pass", Text: i18n.Tr(lang, "Có", "Yes")}
			if !r.Used {
				used = Tag{Key: "missing", Text: i18n.Tr(lang, "Bị thay thế", "Superseded")}
			}
			t.Rows = append(t.Rows, []any{in.Path, in.SHA256, role, r.District, kind, r.Number, r.ReportDate, r.ReceivedDate, r.Rows, used, in.Problems})
		}
	}
	return t
}
