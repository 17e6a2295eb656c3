package report

import (
	"fmt"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
)

// ValidateInput is what Validate checks.
type ValidateInput struct {
	Returns  []*Return
	Register []classify.Submission
	// Problems found while reading the returns and the register.
	Problems []Problem
	AsOf     time.Time
	Lang     string
}

// Validate runs every check of SPEC §6 on the returns read: it keeps the reader's problems,
// marks superseded returns, checks the consistency and completeness of the returns that
// count, and judges the timeliness of every district × kind from the returns and the
// register. The problems come back sorted for a clerk to work down.
func Validate(p *criteria.Plan, in ValidateInput) ([]Problem, []classify.SubmissionStatus) {
	prep := Prepare(p, in.Returns, in.Problems, in.Lang)
	problems := append(prep.Problems, prep.Holes(p, in.Lang)...)
	statuses, late := Timeliness(p, in.Returns, in.Register, in.AsOf, in.Lang)
	problems = append(problems, late...)
	SortProblems(problems)
	return problems, statuses
}

// Timeliness judges every district × kind from the returns and the register as of asOf,
// with the late and missing ones as problems.
func Timeliness(p *criteria.Plan, returns []*Return, register []classify.Submission, asOf time.Time, lang string) ([]classify.SubmissionStatus, []Problem) {
	subs := appendSubmissions(make([]classify.Submission, 0, len(returns)+len(register)), returns) // sized once
	subs = append(subs, register...)
	statuses := classify.Timeliness(p, p.Registry.Districts(), subs, asOf)
	return statuses, SubmissionProblems(p, statuses, lang)
}

// statusText is a district's status for one kind, in a few words: "Đúng hạn (25/02)",
// "Chậm 3 ngày", "Chưa gửi (quá 10 ngày)", "Chưa đến hạn".
func statusText(s classify.SubmissionStatus, lang string) string {
	sub := ""
	if t, err := time.Parse(time.DateOnly, s.Submitted); err == nil {
		sub = clerkDate(t, lang)
	}
	switch s.Status {
	case classify.SubmissionOnTime:
		return fmt.Sprintf(tr(lang, "Đúng hạn (%s)", "On time (%s)"), sub)
	case classify.SubmissionLate:
		return fmt.Sprintf(tr(lang, "Chậm %d ngày (%s)", "%d days late (%s)"), s.DaysLate, sub)
	case classify.SubmissionMissing:
		return fmt.Sprintf(tr(lang, "Chưa gửi (quá hạn %d ngày)", "Missing (%d days overdue)"), s.DaysLate)
	case classify.SubmissionNotDue:
		return tr(lang, "Chưa đến hạn", "Not due")
	}
	return s.Status
}

// DeadlinesTable lays out each district's status for each kind: one row per district, one
// column per kind of the calendar, with the due day in the header.
func DeadlinesTable(p *criteria.Plan, sts []classify.SubmissionStatus, lang string) Table {
	t := Table{Name: tr(lang, "Tiến độ theo huyện", "Timeliness by district"), Columns: []Column{
		{Key: "district", Header: tr(lang, "Huyện, thị xã, thành phố", "District")},
	}}
	col := map[string]int{}
	for i, d := range p.Calendar {
		col[d.Kind] = i + 1
		t.Columns = append(t.Columns, Column{Key: d.Kind, Header: fmt.Sprintf("%s\n(%s %s)", d.Label(lang), tr(lang, "hạn", "due"), clerkDate(d.Due.Time, lang))})
	}
	rows := map[string][]any{}
	var order []string
	for _, s := range sts {
		row, ok := rows[s.District]
		if !ok {
			row = make([]any, len(p.Calendar)+1)
			row[0] = s.District
			order = append(order, s.District)
		}
		if i, ok := col[s.Kind]; ok {
			row[i] = statusTag(s.Status, statusText(s, lang))
		}
		rows[s.District] = row
	}
	for _, d := range order {
		t.Rows = append(t.Rows, rows[d])
	}
	return t
}

// SubmissionsTable lays out every district × kind on its own row, for CSV and workbooks.
func SubmissionsTable(p *criteria.Plan, sts []classify.SubmissionStatus, lang string) Table {
	t := Table{Name: tr(lang, "Tiến độ báo cáo", "Timeliness"), Columns: []Column{
		{Key: "district", Header: tr(lang, "Huyện, thị xã, thành phố", "District")},
		{Key: "kind", Header: tr(lang, "Loại báo cáo", "Kind")},
		{Key: "due", Header: tr(lang, "Hạn", "Due")},
		{Key: "submitted", Header: tr(lang, "Ngày nộp", "Submitted")},
		{Key: "status", Header: tr(lang, "Tình trạng", "Status")},
		{Key: "days_late", Header: tr(lang, "Số ngày chậm", "Days late")},
		{Key: "file", Header: tr(lang, "Tệp / văn bản", "File or document")},
		{Key: "superseded", Header: tr(lang, "Bị thay thế", "Superseded")},
	}}
	// Laid out row by row as the table is written (lazyTable).
	return lazyTable(t, len(sts), func(row []any, i int) []any {
		s := &sts[i]
		kind := Tag{Key: s.Kind, Text: s.Kind}
		if d, ok := p.Deadline(s.Kind); ok {
			kind.Text = d.Label(lang)
		}
		due, _ := time.Parse(time.DateOnly, s.Due)
		var sub any
		if t, err := time.Parse(time.DateOnly, s.Submitted); err == nil {
			sub = t
		}
		sup := ""
		for i, f := range s.Superseded {
			if i > 0 {
				sup += "; "
			}
			sup += f
		}
		return append(row, s.District, kind, due, sub, statusTag(s.Status, statusLabel(s.Status, lang)), s.DaysLate, s.File, sup)
	})
}

func statusLabel(status, lang string) string {
	switch status {
	case classify.SubmissionOnTime:
		return tr(lang, "Đúng hạn", "On time")
	case classify.SubmissionLate:
		return tr(lang, "Chậm", "Late")
	case classify.SubmissionMissing:
		return tr(lang, "Chưa gửi", "Missing")
	case classify.SubmissionNotDue:
		return tr(lang, "Chưa đến hạn", "Not due")
	}
	return status
}

// NextDueLine says what falls due next and in how many days.
func NextDueLine(p *criteria.Plan, asOf time.Time, lang string) string {
	d, days, ok := classify.NextDue(p, asOf)
	if !ok {
		return fmt.Sprintf(tr(lang, "Tính đến %s: không còn hạn báo cáo nào trong kế hoạch.", "As of %s: no return of the plan falls due any more."), clerkDate(asOf, lang))
	}
	if days == 0 {
		return fmt.Sprintf(tr(lang, "Tính đến %s: hôm nay là hạn báo cáo %s.", "As of %s: the %s return is due today."), clerkDate(asOf, lang), d.Label(lang))
	}
	return fmt.Sprintf(tr(lang, "Tính đến %s: hạn tiếp theo là báo cáo %s ngày %s, còn %d ngày.", "As of %s: next due is the %s return on %s, in %d days."), clerkDate(asOf, lang), d.Label(lang), clerkDate(d.Due.Time, lang), days)
}

// statusTag is a timeliness status as a cell: a missing return shows red, not the grey of
// missing data.
func statusTag(status, text string) Tag {
	t := Tag{Key: status, Text: text}
	if status == classify.SubmissionMissing {
		t.Style = "overdue"
	}
	return t
}
