package header

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"drugfree/criteria"
	"drugfree/report/naming"
	"drugfree/report/read/cell"
)

// LayoutWords is the plan's vocabulary of an official document's layout (criteria.Layout),
// folded once for a run: what labels group rows, totals rows, the lines below the table,
// the issuing body in a letterhead, and the lines that cite other documents.
type LayoutWords struct {
	groupRows wordList
	totals    wordList
	footer    wordList
	Issuers   wordList
	Citations wordList
	// totalsStart marks the ASCII letters and digits (lower case) a folded totals word
	// starts with: a label that starts with another is not folded (isTotalsLabel).
	totalsStart [128]bool
}

func NewLayoutWords(l criteria.Layout) LayoutWords {
	lw := LayoutWords{groupRows: newWordList(l.GroupRows), totals: newWordList(l.Totals), footer: newWordList(l.Footer),
		Issuers: newWordList(l.Issuers), Citations: newWordList(l.Citations)}
	for _, w := range lw.totals {
		if c := w.folded[0]; c < 128 {
			lw.totalsStart[c] = true
		}
	}
	return lw
}

// wordList is a list of the plan's words, each folded and as written (its letters,
// lower case).
type wordList []word

type word struct{ folded, letters string }

func newWordList(words []string) wordList {
	var out wordList
	for _, w := range words {
		if f := naming.Fold(w); f != "" {
			out = append(out, word{f, markedLetters(w)})
		}
	}
	return out
}

// markedLetters is s in lower case, NFC, with its letters and digits only.
func markedLetters(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Begins reports whether text, folded as f, is one of the words or begins with one
// followed by another word. A text written with diacritics must have the word's:
// "Công an" does not begin with "Cộng", nor "Trường Long Hòa" with "Trưởng"; a text
// written without them ("TONG CONG") matches whatever the marks.
func (ws wordList) Begins(text, f string) bool {
	for _, w := range ws {
		if strings.HasPrefix(f, w.folded) && (len(f) == len(w.folded) || f[len(w.folded)] == ' ') && marksAgree(text, w.letters) {
			return true
		}
	}
	return false
}

// is reports whether text, folded as f, is one of the words, with the same marks.
func (ws wordList) is(text, f string) bool {
	for _, w := range ws {
		if f == w.folded && marksAgree(text, w.letters) {
			return true
		}
	}
	return false
}

// marksAgree reports whether text, when it has any mark or letter beyond ASCII, begins
// with letters.
func marksAgree(text, letters string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			return strings.HasPrefix(markedLetters(text), letters)
		}
	}
	return true
}

// IsTotalsLabel reports whether text labels a totals row: "Tổng cộng", "Cộng", "TOÀN HUYỆN".
func (lw *LayoutWords) IsTotalsLabel(text string) bool {
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
	return lw.totals.Begins(text, naming.Fold(text))
}

// itemNumber is an item number in front of a group's label, folded: Roman numerals, a
// letter, or one or two digits ("I.", "a)", "2.").
var itemNumber = regexp.MustCompile(`^(?:[ivxlc]{1,6}|[a-z]|\d{1,2})$`)

// IsGroupLabel reports whether text labels a group of communes: a group word of the plan,
// perhaps after an item number ("I. Thị trấn", "Các xã"), or an item number alone in
// Roman numerals or a letter ("II", "B"), which a commune's row number never is.
func (lw *LayoutWords) IsGroupLabel(text string) bool {
	f := naming.Fold(text)
	if lw.groupRows.is(text, f) {
		return true
	}
	first, rest, _ := strings.Cut(f, " ")
	if !itemNumber.MatchString(first) {
		return false
	}
	if rest == "" {
		return first[0] < '0' || first[0] > '9'
	}
	// the label after its number: "I. Thị trấn" is "Thị trấn"
	label := strings.TrimLeft(text, " \t")
	if i := strings.IndexFunc(label, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i > 0 {
		label = label[i:]
	}
	return lw.groupRows.is(label, rest)
}

// IsFooterLine reports whether a line of text starts what comes below the table: a note,
// "Nơi nhận", a signature's title, a date "Cầu Kè, ngày 12 tháng 12 năm 2025", or a
// long sentence no commune's name is.
func (lw *LayoutWords) IsFooterLine(text string) bool {
	f := naming.Fold(text)
	return lw.footer.Begins(text, f) || cell.WordDate.MatchString(f) || len([]rune(text)) > 60
}
