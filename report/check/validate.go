package check

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/i18n"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// CheckConsistency applies the plan's consistency rules (SPEC §6, plan.yaml consistency:)
// to every row of r. A rule with a blank figure is skipped: a blank is unknown, and the
// rules are never used to guess it. Each breach is an "inconsistent" error at the rule's
// left cell, naming both cells and their figures.
func CheckConsistency(p *criteria.Plan, r *read.Return, lang string) []problem.Problem {
	var out []problem.Problem
	for _, row := range r.Rows {
		for _, rule := range p.Consistency {
			left, ok := row.Figures[rule.Left]
			if !ok {
				continue
			}
			right, ok := consistencyRight(rule.Right, row.Figures)
			if !ok || rule.Holds(left, right) {
				continue
			}
			out = append(out, problem.Problem{
				Severity: problem.Error,
				Code:     problem.CodeInconsistent,
				Rule:     rule.Name,
				File:     r.File,
				Sheet:    r.Sheet,
				Cell:     r.Cell(rule.Left, row.Line),
				District: r.District,
				Commune:  row.Commune.FullName(),
				Message:  consistencyMessage(p, r, row, rule, left, right, lang),
			})
		}
	}
	return out
}

// consistencyRight sums the right side of a rule; false when one of its figures is blank.
func consistencyRight(e criteria.Expr, fig classify.Figures) (float64, bool) {
	v := float64(e.Const)
	for _, k := range e.Fields {
		x, ok := fig[k]
		if !ok {
			return 0, false
		}
		v += x
	}
	return v, true
}

// consistencyMessage writes "F7 = 12 người nghiện có hồ sơ quản lý > E7 = 10 tổng số người
// nghiện (quy tắc managed-le-total)", or for a bound "H7 = 0 dân số, phải > 0 (...)".
func consistencyMessage(p *criteria.Plan, r *read.Return, row read.Row, rule criteria.Rule, left, right float64, lang string) string {
	side := func(cells []string, v float64, labels []string) string {
		s := criteria.FormatNumber(v, lang) + " " + strings.Join(labels, " + ")
		if len(cells) > 0 {
			s = strings.Join(cells, " + ") + " = " + s
		}
		return s
	}
	var lcells []string
	if c := r.Cell(rule.Left, row.Line); c != "" {
		lcells = append(lcells, c)
	}
	l := side(lcells, left, []string{fieldNoun(p, rule.Left, lang)})
	ruleText := i18n.Tr(lang, "quy tắc ", "rule ") + rule.Name
	if len(rule.Right.Fields) == 0 {
		must := i18n.Tr(lang, "phải", "must be")
		return fmt.Sprintf("%s, %s %s %s (%s)", l, must, ruleOpSymbol(rule.Op), criteria.FormatNumber(right, lang), ruleText)
	}
	var rcells, labels []string
	for _, k := range rule.Right.Fields {
		labels = append(labels, fieldNoun(p, k, lang))
		if c := r.Cell(k, row.Line); c != "" {
			rcells = append(rcells, c)
		}
	}
	if len(rcells) != len(rule.Right.Fields) {
		rcells = nil // some column unknown: the figures alone say it
	}
	if rule.Right.Const != 0 {
		labels = append(labels, criteria.FormatNumber(float64(rule.Right.Const), lang))
	}
	return fmt.Sprintf("%s %s %s (%s)", l, ruleOpSymbol(ruleNegateOp(rule.Op)), side(rcells, right, labels), ruleText)
}

// fieldNoun is the field's header with a lower-case first letter, to sit inside a sentence.
func fieldNoun(p *criteria.Plan, key, lang string) string {
	s := p.FieldLabel(key, lang)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// ruleNegateOp returns the comparison that holds when op fails.
func ruleNegateOp(op string) string {
	switch op {
	case "<=":
		return ">"
	case "<":
		return ">="
	case ">=":
		return "<"
	case ">":
		return "<="
	case "=":
		return "!="
	}
	return op
}

func ruleOpSymbol(op string) string {
	switch op {
	case "<=":
		return "≤"
	case ">=":
		return "≥"
	case "!=":
		return "≠"
	}
	return op
}

// CheckCompleteness reports each commune of r's district that r does not list, for a
// return of a data kind (calendar data: true) or of an unknown kind. Nothing is reported
// when the district is unknown: the reader reports that.
func CheckCompleteness(p *criteria.Plan, r *read.Return, lang string) []problem.Problem {
	if r.District == "" {
		return nil
	}
	return CheckCompletenessOf(p, r, p.Registry.InDistrict(r.District), lang)
}

// checkCompleteness is CheckCompleteness given the communes of r's district (want), for
// callers that check many returns against one registry.ByDistrict.
func CheckCompletenessOf(p *criteria.Plan, r *read.Return, want []criteria.Commune, lang string) []problem.Problem {
	if r.District == "" {
		return nil
	}
	if d, ok := p.Deadline(r.Kind); ok && !d.Data {
		return nil
	}
	listed := make(map[string]bool, len(r.Rows)) // sized at once: one per return
	for _, row := range r.Rows {
		if row.Commune.District == r.District {
			listed[row.Commune.Code] = true
		}
	}
	var out []problem.Problem
	for _, c := range want {
		if listed[c.Code] {
			continue
		}
		out = append(out, problem.Problem{
			Severity: problem.Error,
			Code:     problem.CodeMissingCommune,
			File:     r.File,
			Sheet:    r.Sheet,
			District: r.District,
			Commune:  c.FullName(),
			Message: i18n.Tr(lang,
				fmt.Sprintf("Thiếu %s (mã %s): báo cáo của %s phải có đủ %d xã, phường, thị trấn; mới có %d.", c.FullName(), c.Code, r.District, len(want), len(listed)),
				fmt.Sprintf("%s (code %s) is missing: the return of %s must list all %d communes; it lists %d.", c.FullName(), c.Code, r.District, len(want), len(listed))),
		})
	}
	return out
}

// Latest keeps, of the returns of one kind from one district, the one that counts: the
// latest by Submitted(), and of those submitted the same day the later in returns. Each
// other one is a "superseded" warning naming the return that replaced it. A return without
// any date counts as the latest (as in classify.Timeliness, it is taken as submitted on the
// as-of day); returns whose district or kind is unknown are kept as they are, since they
// cannot be compared. The returns kept are in their input order.
func Latest(p *criteria.Plan, returns []*read.Return, lang string) (latest []*read.Return, superseded []problem.Problem) {
	type key struct{ district, kind string }
	winner := map[key]int{}
	for i, r := range returns {
		if r.District == "" || r.Kind == "" {
			continue
		}
		k := key{r.District, r.Kind}
		if j, ok := winner[k]; !ok || replaces(r, returns[j]) {
			winner[k] = i
		}
	}
	for i, r := range returns {
		if r.District == "" || r.Kind == "" {
			latest = append(latest, r)
			continue
		}
		j := winner[key{r.District, r.Kind}]
		if j == i {
			latest = append(latest, r)
			continue
		}
		by := returns[j]
		tie := ""
		if !submittedBefore(r, by) {
			tie = i18n.Tr(lang, " Hai báo cáo cùng ngày nhận: đã chọn báo cáo có ngày báo cáo sau hơn, rồi báo cáo có nhiều xã hơn, rồi theo tên tệp; hãy kiểm tra lại.",
				" Both were received the same day: the one with the later report date counts, then the one listing more communes, then by file name; check it.")
		}
		kind := r.Kind
		if d, ok := p.Deadline(r.Kind); ok {
			kind = d.Label(lang)
		}
		superseded = append(superseded, problem.Problem{
			Severity: problem.Warning,
			Code:     problem.CodeSuperseded,
			File:     r.File,
			Sheet:    r.Sheet,
			District: r.District,
			Message: i18n.Tr(lang,
				fmt.Sprintf("Báo cáo %s của %s (%s) đã được thay bằng %s (%s); chỉ tính báo cáo sau.%s", kind, r.District, SubmittedPhrase(r, lang), replacedByName(by, r, lang), SubmittedPhrase(by, lang), tie),
				fmt.Sprintf("This %s return of %s (%s) is replaced by %s (%s); only the later one counts.%s", kind, r.District, SubmittedPhrase(r, lang), replacedByName(by, r, lang), SubmittedPhrase(by, lang), tie)),
		})
	}
	return latest, superseded
}

// replaces reports whether a counts instead of b, two returns of one kind from one district:
// a was submitted on a later day; or on the same day with a later report date; or, the
// dates equal, it lists more communes; or, all else equal, its file (then sheet) name comes
// later — so that the order of the arguments never decides.
func replaces(a, b *read.Return) bool {
	switch {
	case submittedBefore(b, a):
		return true
	case submittedBefore(a, b):
		return false
	}
	ra, rb := dayOf(a.ReportDate), dayOf(b.ReportDate)
	switch {
	case !ra.Equal(rb):
		return ra.After(rb)
	case len(a.Rows) != len(b.Rows):
		return len(a.Rows) > len(b.Rows)
	case a.File != b.File:
		return a.File > b.File
	}
	return a.Sheet > b.Sheet
}

// dayOf is t's calendar day (zero stays zero).
func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// submittedBefore reports whether a was submitted on an earlier day than b; an undated
// return is later than any dated one.
func submittedBefore(a, b *read.Return) bool {
	da, db := a.Submitted(), b.Submitted()
	switch {
	case da.IsZero():
		return false
	case db.IsZero():
		return true
	}
	ya, ma, dda := da.Date()
	yb, mb, ddb := db.Date()
	return time.Date(ya, ma, dda, 0, 0, 0, 0, time.UTC).Before(time.Date(yb, mb, ddb, 0, 0, 0, 0, time.UTC))
}

func SubmittedPhrase(r *read.Return, lang string) string {
	switch {
	case !r.ReceivedDate.IsZero():
		return i18n.Tr(lang, "nhận ", "received ") + i18n.ClerkDate(r.ReceivedDate, lang)
	case !r.ReportDate.IsZero():
		return i18n.Tr(lang, "ngày ", "dated ") + i18n.ClerkDate(r.ReportDate, lang)
	}
	return i18n.Tr(lang, "không ghi ngày", "undated")
}

// replacedByName names by for a reader of a problem about r: its file, or its sheet when both
// come from the same workbook.
func replacedByName(by, r *read.Return, lang string) string {
	if by.File == r.File && by.Sheet != "" && by.Sheet != r.Sheet {
		return i18n.Tr(lang, "trang ", "sheet ") + "“" + by.Sheet + "”"
	}
	return by.File
}

// appendSubmissions appends to out what classify.Timeliness counts of each return.
func AppendSubmissions(out []classify.Submission, returns []*read.Return) []classify.Submission {
	for _, r := range returns {
		out = append(out, classify.Submission{
			District: r.District, Kind: r.Kind, File: r.File, Number: r.Number,
			ReportDate: r.ReportDate, Received: r.ReceivedDate,
		})
	}
	return out
}

// SubmissionProblems turns the late and missing returns of sts into warnings
// ("late-submission", "missing-submission") for the list of problems. They are warnings:
// the data read is not wrong, a district is behind.
func SubmissionProblems(p *criteria.Plan, sts []classify.SubmissionStatus, lang string) []problem.Problem {
	var out []problem.Problem
	for _, s := range sts {
		if s.Status != classify.SubmissionLate && s.Status != classify.SubmissionMissing {
			continue // on time or not due: nothing to say, nor any date to write
		}
		kind := s.Kind
		if d, ok := p.Deadline(s.Kind); ok {
			kind = d.Label(lang)
		}
		due := s.Due
		if t, err := time.Parse(time.DateOnly, s.Due); err == nil {
			due = i18n.ClerkDate(t, lang)
		}
		switch s.Status {
		case classify.SubmissionLate:
			out = append(out, problem.Problem{
				Severity: problem.Warning, Code: problem.CodeLateSubmission, File: s.File, District: s.District,
				Message: i18n.Tr(lang,
					fmt.Sprintf("Báo cáo %s của %s nộp chậm %d ngày (hạn %s).", kind, s.District, s.DaysLate, due),
					fmt.Sprintf("The %s return of %s was %d days late (due %s).", kind, s.District, s.DaysLate, due)),
			})
		case classify.SubmissionMissing:
			out = append(out, problem.Problem{
				Severity: problem.Warning, Code: problem.CodeMissingSubmission, District: s.District,
				Message: i18n.Tr(lang,
					fmt.Sprintf("%s chưa gửi báo cáo %s (hạn %s, đã quá %d ngày).", s.District, kind, due, s.DaysLate),
					fmt.Sprintf("%s has not sent the %s return (due %s, %d days overdue).", s.District, kind, due, s.DaysLate)),
			})
		}
	}
	return out
}

// CheckBlanks reports, once per row, the blank cells a commune's verdicts need: the
// classification's fields always, and the checklist's for a commune in transformation or
// maintained. A blank is unknown, never zero, so these are the holes a clerk should fill;
// a warning, since the figures given still stand. A column the return lacks altogether is
// the reader's missing-column warning, not repeated here.
func CheckBlanks(p *criteria.Plan, r *read.Return, lang string) []problem.Problem {
	return NewBlankFields(p).Check(p, r, lang)
}

// blankFields are the fields CheckBlanks looks at: those of the classification, and
// those of the classification and the checklist. They depend on the plan alone: Holes
// lists them once for all the returns rather than once per return.
type blankFields struct {
	class, both []string
}

func NewBlankFields(p *criteria.Plan) blankFields {
	return blankFields{
		class: distinct(read.ClassificationFields(p)),
		both:  distinct(append(read.ClassificationFields(p), checklistFields(p)...)),
	}
}

// check is CheckBlanks.
func (bf blankFields) Check(p *criteria.Plan, r *read.Return, lang string) []problem.Problem {
	classFields, bothFields := bf.class, bf.both
	var out []problem.Problem
	for _, row := range r.Rows {
		need := classFields
		if p.Checklist.Applies(row.Status) {
			need = bothFields
		}
		var blank []string
		first := ""
		for _, k := range need {
			if _, ok := row.Figures[k]; ok {
				continue
			}
			cell := r.Cell(k, row.Line)
			if cell == "" {
				continue // the column is absent: reported by the reader
			}
			if first == "" {
				first = cell
			}
			blank = append(blank, p.FieldLabel(k, lang))
		}
		if len(blank) == 0 {
			continue
		}
		out = append(out, problem.Problem{
			Severity: problem.Warning, Code: problem.CodeMissingValue, File: r.File, Sheet: r.Sheet, Cell: first,
			District: row.Commune.District, Commune: row.Commune.FullName(),
			Message: i18n.Tr(lang, "bỏ trống (chưa biết, không tính là 0): ", "left blank (unknown, not zero): ") + strings.Join(blank, "; "),
		})
	}
	return out
}

// distinct returns keys without repeats, each where it first comes.
func distinct(keys []string) []string {
	seen := make(map[string]bool, len(keys))
	out := keys[:0:0]
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// checklistFields are the fields the checklist reads, in the plan's order. Criterion 4's
// baseline columns are left out: they may come from an earlier return instead.
func checklistFields(p *criteria.Plan) []string {
	var keys []string
	for _, c := range p.Checklist.Criteria {
		for _, cond := range c.Conditions {
			keys = append(keys, cond.Left)
			keys = append(keys, cond.Right.Fields...)
		}
	}
	var out []string
	for _, k := range keys {
		if _, isBaseline := p.Checklist.Baseline[k]; !isBaseline {
			out = append(out, k)
		}
	}
	return out
}
