package layout

import (
	"fmt"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
)

// statusText is a district's status for one kind, in a few words: "Đúng hạn (25/02)",
// "Chậm 3 ngày", "Chưa gửi (quá 10 ngày)", "Chưa đến hạn", "Chưa kiểm tra".
func statusText(s classify.SubmissionStatus, lang i18n.Lang) string {
	sub := ""
	if t, err := time.Parse(time.DateOnly, s.Submitted); err == nil {
		sub = i18n.ClerkDate(t, lang)
	}
	switch s.Status {
	case classify.SubmissionOnTime:
		return fmt.Sprintf(i18n.Tr(lang, "Đúng hạn (%s)", "On time (%s)"), sub)
	case classify.SubmissionLate:
		return fmt.Sprintf(i18n.Tr(lang, "Chậm %d ngày (%s)", "%d days late (%s)"), s.DaysLate, sub)
	case classify.SubmissionMissing:
		return fmt.Sprintf(i18n.Tr(lang, "Chưa gửi (quá hạn %d ngày)", "Missing (%d days overdue)"), s.DaysLate)
	case classify.SubmissionNotDue:
		return i18n.Tr(lang, "Chưa đến hạn", "Not due")
	case classify.SubmissionNotChecked:
		return StatusLabel(s.Status, lang)
	}
	return s.Status
}

// DeadlinesTable lays out each sender's status for each kind: one row per sender, one
// column per kind of the calendar, with the due day in the header; "—" where the sender
// owes nothing. The communes formed by the reform of 1 July 2025 come under the district
// they are listed under ("└ Xã Càng Long"); the plan's bodies last.
func DeadlinesTable(p *criteria.Plan, sts []classify.SubmissionStatus, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Tiến độ theo đơn vị", "Timeliness by sender"), Columns: []Column{
		{Key: "district", Header: i18n.Tr(lang, "Đơn vị gửi báo cáo", "Sender")},
	}}
	col := map[string]int{}
	for i, d := range p.Calendar {
		col[d.Kind] = i + 1
		t.Columns = append(t.Columns, Column{Key: d.Kind, Header: fmt.Sprintf("%s\n(%s %s)", d.Label(lang), i18n.Tr(lang, "hạn", "due"), i18n.ClerkDate(d.Due.Time, lang))})
	}
	rows := map[string][]any{}
	var order []string
	for _, s := range sts {
		row, ok := rows[s.District]
		if !ok {
			row = make([]any, len(p.Calendar)+1)
			row[0] = s.District
			if s.FormerDistrict != "" {
				row[0] = "└ " + s.District
			}
			for i := range p.Calendar {
				row[i+1] = "—"
			}
			order = append(order, s.District)
		}
		if i, ok := col[s.Kind]; ok {
			row[i] = StatusTag(s.Status, statusText(s, lang))
		}
		rows[s.District] = row
	}
	for _, d := range order {
		t.Rows = append(t.Rows, rows[d])
	}
	setDeadlineDrops(t.Columns[1:], p, sts)
	return t
}

// setDeadlineDrops sets the order in which a narrow terminal hides the kinds' columns: first
// those with nothing to see (no sender's return due or checked yet), then the earliest
// kinds; the last kind of the calendar stays.
func setDeadlineDrops(cols []Column, p *criteria.Plan, sts []classify.SubmissionStatus) {
	if len(p.Calendar) == 0 {
		return
	}
	seen := map[string]bool{}
	for _, s := range sts {
		if s.Status != classify.SubmissionNotDue && s.Status != classify.SubmissionNotChecked {
			seen[s.Kind] = true
		}
	}
	drop := 1
	for _, empty := range []bool{true, false} {
		for i, d := range p.Calendar[:len(p.Calendar)-1] {
			if !seen[d.Kind] == empty {
				cols[i].Drop = drop
				drop++
			}
		}
	}
}

// SubmissionsTable lays out every district × kind on its own row, for CSV and workbooks.
func SubmissionsTable(p *criteria.Plan, sts []classify.SubmissionStatus, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Tiến độ báo cáo", "Timeliness"), Columns: []Column{
		{Key: "district", Header: i18n.Tr(lang, "Đơn vị gửi báo cáo", "Sender")},
		{Key: "former_district", Header: i18n.Tr(lang, "Huyện cũ", "Former district")},
		{Key: "kind", Header: i18n.Tr(lang, "Loại báo cáo", "Kind")},
		{Key: "due", Header: i18n.Tr(lang, "Hạn", "Due")},
		{Key: "submitted", Header: i18n.Tr(lang, "Ngày nộp", "Submitted")},
		{Key: "status", Header: i18n.Tr(lang, "Tình trạng", "Status")},
		{Key: "days_late", Header: i18n.Tr(lang, "Số ngày chậm", "Days late")},
		{Key: "file", Header: i18n.Tr(lang, "Tệp / văn bản", "File or document")},
		{Key: "superseded", Header: i18n.Tr(lang, "Bị thay thế", "Superseded")},
	}}
	// Laid out row by row as the table is written (lazyTable).
	return omitUnused(p, lazyTable(t, len(sts), func(row []any, i int) []any {
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
		return append(row, s.District, s.FormerDistrict, kind, due, sub, StatusTag(s.Status, StatusLabel(s.Status, lang)), s.DaysLate, s.File, sup)
	}), "former_district")
}

func StatusLabel(status string, lang i18n.Lang) string {
	switch status {
	case classify.SubmissionOnTime:
		return i18n.Tr(lang, "Đúng hạn", "On time")
	case classify.SubmissionLate:
		return i18n.Tr(lang, "Chậm", "Late")
	case classify.SubmissionMissing:
		return i18n.Tr(lang, "Chưa gửi", "Missing")
	case classify.SubmissionNotDue:
		return i18n.Tr(lang, "Chưa đến hạn", "Not due")
	case classify.SubmissionNotChecked:
		return i18n.Tr(lang, "Chưa kiểm tra", "Not checked")
	}
	return status
}

// NextDueLine says what falls due next and in how many days.
func NextDueLine(p *criteria.Plan, asOf time.Time, lang i18n.Lang) string {
	d, days, ok := classify.NextDue(p, asOf)
	if !ok {
		return fmt.Sprintf(i18n.Tr(lang, "Tính đến %s: không còn hạn báo cáo nào trong kế hoạch.", "As of %s: no return of the plan falls due any more."), i18n.ClerkDate(asOf, lang))
	}
	if days == 0 {
		return fmt.Sprintf(i18n.Tr(lang, "Tính đến %s: hôm nay là hạn báo cáo %s.", "As of %s: the %s return is due today."), i18n.ClerkDate(asOf, lang), d.Label(lang))
	}
	return fmt.Sprintf(i18n.Tr(lang, "Tính đến %s: hạn tiếp theo là báo cáo %s ngày %s, còn %d ngày.", "As of %s: next due is the %s return on %s, in %d days."), i18n.ClerkDate(asOf, lang), d.Label(lang), i18n.ClerkDate(d.Due.Time, lang), days)
}

// StatusTag is a timeliness status as a cell: a missing return shows red, not the grey of
// missing data.
func StatusTag(status, text string) Tag {
	t := Tag{Key: status, Text: text}
	if status == classify.SubmissionMissing {
		t.Style = "overdue"
	}
	return t
}

// NotCheckedLine says which kinds were not judged, for want of anything of them in the
// run, and how to judge them all; "" when every kind was judged.
func NotCheckedLine(p *criteria.Plan, sts []classify.SubmissionStatus, lang i18n.Lang) string {
	unchecked, bodies := map[string]bool{}, false
	for _, s := range sts {
		switch {
		case s.Status != classify.SubmissionNotChecked:
		case s.Body:
			bodies = true // without a register: report.Timeliness
		default:
			unchecked[s.Kind] = true
		}
	}
	labels := kindLabels(p, unchecked, lang)
	var line string
	if labels != "" {
		line = fmt.Sprintf(i18n.Tr(lang, "Chưa kiểm tra (không có báo cáo hay dòng sổ theo dõi nào thuộc loại này): %s. Thêm --all-kinds để xét cả lịch báo cáo.",
			"Not checked (no return or register line of these kinds was given): %s. Add --all-kinds to judge the whole calendar."), labels)
	}
	if bodies {
		if line != "" {
			line += " "
		}
		line += i18n.Tr(lang, "Văn bản của các sở, ngành, đoàn thể tỉnh chưa kiểm tra: chúng có trong sổ theo dõi (--register).",
			"The provincial bodies' documents are not checked: they come from the register (--register).")
	}
	return line
}

// ProvinceLine says in one line what validate leaves out of its list: the returns missing
// from the districts it was given nothing from; "" when there are none.
func ProvinceLine(p *criteria.Plan, districts int, kinds []string, lang i18n.Lang) string {
	if districts == 0 {
		return ""
	}
	set := map[string]bool{}
	for _, k := range kinds {
		set[k] = true
	}
	return fmt.Sprintf(i18n.Tr(lang, "Toàn tỉnh: %d đơn vị khác (không có trong các tệp đã cho) chưa gửi báo cáo đã quá hạn: %s. Xem từng đơn vị: drugfree deadlines.",
		"Province: %d other senders (not among the files given) have returns overdue: %s. See each: drugfree deadlines."), districts, kindLabels(p, set, lang))
}

// kindLabels names the kinds of set in calendar order, joined by ", ".
func kindLabels(p *criteria.Plan, set map[string]bool, lang i18n.Lang) string {
	out := ""
	for _, d := range p.Calendar {
		if set[d.Kind] {
			if out != "" {
				out += ", "
			}
			out += d.Label(lang)
		}
	}
	return out
}
