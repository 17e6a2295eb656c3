package layout

import (
	"fmt"
	"strings"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
)

// Letter is a letter urging a sender to send its returns (công văn đôn đốc), in the form
// of Decree 30/2020/NĐ-CP, laid out as the texts of its places: render.WriteLetter fills
// them into the letter's template.
type Letter struct {
	Body, Office string // the issuing body over its office, top left, in capitals
	Number       string // "Số:      /CAT-PC04", the number left to fill
	Subject      string // "V/v đôn đốc gửi báo cáo …", under the number
	Motto        string // top right
	Slogan       string
	DateLine     string // "Trà Vinh, ngày 20 tháng 12 năm 2025"
	Recipient    string // "Kính gửi: …"
	Intro        string // what the plan asks and what is owed, above the table
	// Head is the header of the table of returns owed; Rows its rows (No., report, due,
	// status), one a return.
	Head    [4]string
	Rows    [][4]string
	Request string // what the sender is asked to do
	// Provision cites the plan; Contact gives its contact phone ("" when the plan has none).
	Provision, Contact string
	// RecipientsLabel ("Nơi nhận:") over Recipients, one a line; the signer's title (one
	// or more lines) over how to sign.
	RecipientsLabel string
	Recipients      []string
	Signer          []string
	SignHint        string
}

// NewLetter lays out the letter urging r's sender, issued by the plan's issuer on asOf.
func NewLetter(p *criteria.Plan, r report.Reminder, asOf time.Time, lang i18n.Lang) Letter {
	is := p.Issuer
	symbol := p.Reminder.Symbol
	if symbol == "" {
		symbol = is.Symbol
	}
	sender := senderName(r, lang)
	l := Letter{
		Body:      strings.ToUpper(is.Body.In(lang)),
		Office:    strings.ToUpper(is.Office.In(lang)),
		Number:    i18n.Msg(lang, "letter.number", symbol),
		Subject:   i18n.Msg(lang, "letter.subject", p.Name),
		Motto:     i18n.Tr(lang, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
		Slogan:    i18n.Tr(lang, "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
		DateLine:  i18n.DateLine(is.Place, asOf, lang),
		Recipient: i18n.Msg(lang, "letter.recipient", sender),
		Intro:     i18n.Msg(lang, "letter.intro", p.Name, i18n.LongDate(p.Issued.Time, lang), p.Title.In(lang), i18n.LongDate(asOf, lang), sender),
		Head: [4]string{i18n.Msg(lang, "letter.col.no"), i18n.Msg(lang, "letter.col.kind"), i18n.Msg(lang, "letter.col.due"),
			i18n.Msg(lang, "letter.col.status", i18n.LongDate(asOf, lang))},
		Provision:       p.Reminder.Provision.In(lang),
		RecipientsLabel: i18n.Tr(lang, "Nơi nhận:", "Recipients:"),
		Recipients:      []string{"- " + i18n.Msg(lang, "letter.as-above")},
		SignHint:        i18n.Tr(lang, "(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)"),
	}
	for i, s := range r.Owed {
		kind, due := s.Kind, s.Due
		words := ""
		if d, ok := p.Deadline(s.Kind); ok {
			kind, due, words = d.Label(lang), i18n.LongDate(d.Due.Time, lang), d.Plan
		}
		if words != "" && lang == i18n.Vi {
			due += " (" + words + ")"
		}
		l.Rows = append(l.Rows, [4]string{fmt.Sprint(i + 1), kind, due, owedStatus(s, lang)})
	}
	if r.Missing() {
		l.Request = i18n.Msg(lang, "letter.request.missing", sender)
	} else {
		l.Request = i18n.Msg(lang, "letter.request.late", sender)
	}
	if p.Reminder.Phone != "" {
		l.Contact = i18n.Msg(lang, "letter.contact", p.Reminder.Phone)
	}
	for _, rc := range is.Recipients {
		l.Recipients = append(l.Recipients, "- "+rc.In(lang))
	}
	if n := len(is.Signers); n > 0 {
		l.Signer = strings.Split(strings.ToUpper(is.Signers[n-1].Title.In(lang)), "\n")
	}
	return l
}

// senderName is how a letter addresses r's sender: a body by its name, a reporting unit
// as its People's Committee.
func senderName(r report.Reminder, lang i18n.Lang) string {
	if r.Body {
		return r.Sender
	}
	name := r.Sender
	if lang == i18n.Vi {
		name = i18n.LowerFirst(name) // "Ủy ban nhân dân huyện Cầu Ngang"
	}
	return i18n.Msg(lang, "letter.committee", name)
}

// owedStatus says where a return owed stands: not sent, so many days overdue; or sent so
// many days late, on the day it came.
func owedStatus(s classify.SubmissionStatus, lang i18n.Lang) string {
	if s.Status == classify.SubmissionMissing {
		return i18n.Msg(lang, "letter.missing", s.DaysLate)
	}
	sent := s.Submitted
	if t, err := time.Parse(time.DateOnly, s.Submitted); err == nil {
		sent = i18n.LongDate(t, lang)
	}
	return i18n.Msg(lang, "letter.late", s.DaysLate, sent)
}

// LetterName is the file name of the letter to r's sender: its name, without the
// characters a file name cannot hold.
func LetterName(r report.Reminder, lang i18n.Lang) string {
	name := strings.Map(func(c rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, c) || c < ' ' {
			return '-'
		}
		return c
	}, r.Sender)
	return i18n.Msg(lang, "letter.file", name)
}

// ReminderTable is the summary list of the letters: one row per return owed, with the
// sender, the file of its letter, the due day and where the return stands.
func ReminderTable(p *criteria.Plan, rs []report.Reminder, asOf time.Time, lang i18n.Lang) Table {
	// A terminal too narrow hides the former district first, then the letter's file name
	// (Column.Drop).
	col := func(key string, drop int) Column {
		return Column{Key: key, Header: i18n.Msg(lang, "remind.col."+key), Drop: drop}
	}
	t := Table{Name: i18n.Msg(lang, "remind.sheet"), Columns: []Column{
		col("sender", 0), col("former_district", 1), col("kind", 0), col("due", 0), col("status", 0), col("days", 0), col("letter", 2),
	}}
	for _, r := range rs {
		for _, s := range r.Owed {
			due, _ := time.Parse(time.DateOnly, s.Due)
			status := Tag{Key: s.Status, Text: i18n.Msg(lang, "remind.status."+s.Status)}
			if s.Status == classify.SubmissionMissing {
				status.Style = "overdue"
			}
			t.Rows = append(t.Rows, []any{r.Sender, r.FormerDistrict, Tag{Key: s.Kind, Text: kindLabel(p, s.Kind, lang)}, due, status, s.DaysLate, LetterName(r, lang)})
		}
	}
	return omitUnused(p, t, "former_district")
}

// RemindSummary is the line under the list: how many letters for how many returns, as of
// the day.
func RemindSummary(rs []report.Reminder, asOf time.Time, lang i18n.Lang) string {
	n := 0
	for _, r := range rs {
		n += len(r.Owed)
	}
	if len(rs) == 0 {
		return i18n.Msg(lang, "remind.none", i18n.LongDate(asOf, lang))
	}
	return i18n.Msg(lang, "remind.summary", i18n.LongDate(asOf, lang), len(rs), n)
}

func kindLabel(p *criteria.Plan, kind string, lang i18n.Lang) string {
	if d, ok := p.Deadline(kind); ok {
		return d.Label(lang)
	}
	return kind
}
