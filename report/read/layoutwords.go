package read

import (
	"regexp"
	"strings"

	"drugfree/criteria"
	"drugfree/report/naming"
)

// layoutWords is the plan's vocabulary of an official document's layout (criteria.Layout),
// folded once for a run: what labels group rows, totals rows, the lines below the table,
// the issuing body in a letterhead, and the lines that cite other documents.
type layoutWords struct {
	groupRows map[string]bool
	totals    []string
	footer    []string
	issuers   []string
	citations []string
	// totalsStart marks the ASCII letters and digits (lower case) a folded totals word
	// starts with: a label that starts with another is not folded (isTotalsLabel).
	totalsStart [128]bool
}

func newLayoutWords(l criteria.Layout) layoutWords {
	fold := func(words []string) []string {
		var out []string
		for _, w := range words {
			if f := naming.Fold(w); f != "" {
				out = append(out, f)
			}
		}
		return out
	}
	lw := layoutWords{groupRows: map[string]bool{}, totals: fold(l.Totals), footer: fold(l.Footer), issuers: fold(l.Issuers), citations: fold(l.Citations)}
	for _, w := range fold(l.GroupRows) {
		lw.groupRows[w] = true
	}
	for _, w := range lw.totals {
		if c := w[0]; c < 128 {
			lw.totalsStart[c] = true
		}
	}
	return lw
}

// beginsWith reports whether the folded text f is one of words or begins with one of them
// followed by another word.
func beginsWith(f string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(f, w) && (len(f) == len(w) || f[len(w)] == ' ') {
			return true
		}
	}
	return false
}

// isTotalsLabel reports whether text labels a totals row: "Tổng cộng", "Cộng", "TOÀN HUYỆN".
func (lw *layoutWords) isTotalsLabel(text string) bool {
	// A text whose first letter or digit is an ASCII one no totals word starts with is
	// not folded: most cells are names and figures.
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 0x80 {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if !lw.totalsStart[c] {
				return false
			}
			break
		}
	}
	return beginsWith(naming.Fold(text), lw.totals)
}

// itemNumber is an item number in front of a group's label, folded: Roman numerals, a
// letter, or one or two digits ("I.", "a)", "2.").
var itemNumber = regexp.MustCompile(`^(?:[ivxlc]{1,6}|[a-z]|\d{1,2})$`)

// isGroupLabel reports whether text labels a group of communes: a group word of the plan,
// perhaps after an item number ("I. Thị trấn", "Các xã"), or an item number alone in
// Roman numerals or a letter ("II", "B"), which a commune's row number never is.
func (lw *layoutWords) isGroupLabel(text string) bool {
	f := naming.Fold(text)
	if lw.groupRows[f] {
		return true
	}
	first, rest, _ := strings.Cut(f, " ")
	if !itemNumber.MatchString(first) {
		return false
	}
	if rest == "" {
		return first[0] < '0' || first[0] > '9'
	}
	return lw.groupRows[rest]
}

// isFooterLine reports whether a line of text starts what comes below the table: a note,
// "Nơi nhận", a signature's title, a date "Cầu Kè, ngày 12 tháng 12 năm 2025", or a
// long sentence no commune's name is.
func (lw *layoutWords) isFooterLine(text string) bool {
	f := naming.Fold(text)
	return beginsWith(f, lw.footer) || wordDate.MatchString(f) || len([]rune(text)) > 60
}
