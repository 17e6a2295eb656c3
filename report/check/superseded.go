package check

import (
	"fmt"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/i18n"
	"drugfree/report/problem"
	"drugfree/report/read"
)

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

// AppendSubmissions appends to out what classify.Timeliness counts of each return.
func AppendSubmissions(out []classify.Submission, returns []*read.Return) []classify.Submission {
	for _, r := range returns {
		out = append(out, classify.Submission{
			District: r.District, Kind: r.Kind, File: r.File, Number: r.Number,
			ReportDate: r.ReportDate, Received: r.ReceivedDate,
		})
	}
	return out
}
