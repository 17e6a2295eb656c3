package check

import (
	"fmt"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// Latest keeps, of the returns of one kind from one district, the one that counts by
// classify.Latest, the rule shared with the timeliness of returns (an undated return is
// taken as submitted on the as-of day). Each other one is a "superseded" warning naming
// the return that counts instead and, when both count as submitted the same day, which
// tie-break decided, for the clerk to check. Returns whose district or kind is unknown are
// kept as they are, since they cannot be compared. The returns kept are in their input
// order.
func Latest(p *criteria.Plan, returns []*read.Return, asOf time.Time, lang i18n.Lang) (latest []*read.Return, superseded []problem.Problem) {
	standing := classify.Latest(AppendSubmissions(make([]classify.Submission, 0, len(returns)), returns), asOf)
	for i, r := range returns {
		st := standing[i]
		if st.Counts() {
			latest = append(latest, r)
			continue
		}
		superseded = append(superseded, problem.Problem{
			Severity: problem.Warning,
			Code:     problem.CodeSuperseded,
			File:     r.File,
			Sheet:    r.Sheet,
			District: r.District,
			Message:  supersededMessage(p, r, returns[st.By], st.Reason, asOf, lang),
		})
	}
	return latest, superseded
}

// supersededMessage says that r does not count, as by counts instead, and why.
func supersededMessage(p *criteria.Plan, r, by *read.Return, why classify.SupersedeReason, asOf time.Time, lang i18n.Lang) string {
	kind := r.Kind
	if d, ok := p.Deadline(r.Kind); ok {
		kind = d.Label(lang)
	}
	was, is, name := submittedOn(r, asOf, lang), submittedOn(by, asOf, lang), replacedByName(by, r, lang)
	if !why.SameDay() {
		return i18n.Tr(lang,
			fmt.Sprintf("Báo cáo %s của %s (%s) đã được thay bằng %s (%s); chỉ tính báo cáo sau.", kind, r.District, was, name, is),
			fmt.Sprintf("This %s return of %s (%s) is replaced by %s (%s); only the later one counts.", kind, r.District, was, name, is))
	}
	var tie string
	switch why {
	case classify.SupersedeLaterReportDate:
		tie = i18n.Tr(lang,
			fmt.Sprintf("báo cáo đó có ngày báo cáo sau hơn (%s so với %s)", reportDate(by, lang), reportDate(r, lang)),
			fmt.Sprintf("that one has the later report date (%s against %s)", reportDate(by, lang), reportDate(r, lang)))
	case classify.SupersedeMoreCommunes:
		tie = i18n.Tr(lang,
			fmt.Sprintf("cùng ngày báo cáo, và báo cáo đó có nhiều xã hơn (%d so với %d)", len(by.Rows), len(r.Rows)),
			fmt.Sprintf("the report dates are the same, and that one lists more communes (%d against %d)", len(by.Rows), len(r.Rows)))
	case classify.SupersedeFileName:
		tie = i18n.Tr(lang,
			"cùng ngày báo cáo, cùng số xã, nên tính tệp có tên xếp sau",
			"the report dates and the numbers of communes are the same, so the file whose name sorts later counts")
	case classify.SupersedeSheetName:
		tie = i18n.Tr(lang,
			"cùng ngày báo cáo, cùng số xã, nên tính trang có tên xếp sau",
			"the report dates and the numbers of communes are the same, so the sheet whose name sorts later counts")
	case classify.SupersedeSameReturn:
		return i18n.Tr(lang,
			fmt.Sprintf("Báo cáo %s của %s (%s) được đưa vào hai lần; chỉ tính một lần.", kind, r.District, was),
			fmt.Sprintf("This %s return of %s (%s) is given twice; it counts once.", kind, r.District, was))
	}
	return i18n.Tr(lang,
		fmt.Sprintf("Báo cáo %s của %s (%s) đã được thay bằng %s (%s), nộp cùng ngày: %s; hãy kiểm tra lại báo cáo nào được tính.", kind, r.District, was, name, is, tie),
		fmt.Sprintf("This %s return of %s (%s) is replaced by %s (%s), submitted the same day: %s; check which one should count.", kind, r.District, was, name, is, tie))
}

// submittedOn is SubmittedPhrase, saying for an undated return the day it is taken as
// submitted on (classify.Submission.Day).
func submittedOn(r *read.Return, asOf time.Time, lang i18n.Lang) string {
	if !r.Submitted().IsZero() {
		return SubmittedPhrase(r, lang)
	}
	return SubmittedPhrase(r, lang) + i18n.Tr(lang, ", tính là nộp ngày ", ", taken as submitted on ") + i18n.ClerkDate(classify.CalendarDay(asOf), lang)
}

// reportDate is r's report date for a message, or says there is none.
func reportDate(r *read.Return, lang i18n.Lang) string {
	if r.ReportDate.IsZero() {
		return i18n.Tr(lang, "không ghi", "none")
	}
	return i18n.ClerkDate(r.ReportDate, lang)
}

// SubmittedPhrase says, for a message, the day r counts as submitted: "nhận 28/02/2025"
// (received), "ngày 27/02/2025" (its report date), or that it is undated.
func SubmittedPhrase(r *read.Return, lang i18n.Lang) string {
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
func replacedByName(by, r *read.Return, lang i18n.Lang) string {
	if by.File == r.File && by.Sheet != "" && by.Sheet != r.Sheet {
		return i18n.Tr(lang, "trang ", "sheet ") + "“" + by.Sheet + "”"
	}
	return by.File
}

// AppendSubmissions appends to out what classify.Latest and classify.Timeliness know of
// each return.
func AppendSubmissions(out []classify.Submission, returns []*read.Return) []classify.Submission {
	for _, r := range returns {
		out = append(out, classify.Submission{
			District: r.District, Kind: r.Kind, File: r.File, Sheet: r.Sheet, Number: r.Number,
			ReportDate: r.ReportDate, Received: r.ReceivedDate, Communes: len(r.Rows),
		})
	}
	return out
}
