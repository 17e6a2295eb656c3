package naming

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldWordsRef is foldWords as it was before appendFold: NFKD (or stripLatin) into a
// strings.Builder, split with strings.Fields, numbers trimmed of leading zeros.
func foldWordsRef(s string) []string {
	var b strings.Builder
	prev := rune(0)
	if !isASCII(s) {
		if t, ok := stripLatin(s); ok {
			s = t
		} else {
			s = norm.NFKD.String(s)
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			r = ' '
		}
		if prev != 0 && r != ' ' && prev != ' ' && unicode.IsDigit(r) != unicode.IsDigit(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return trimZeros(strings.Fields(b.String()))
}

// newTonePlacementRef is newTonePlacement, which was applied to each word, through []rune.
func newTonePlacementRef(w string) string {
	r := []rune(w)
	if len(r) < 2 {
		return w
	}
	if nw, ok := oldTone[string(r[len(r)-2:])]; ok {
		return string(r[:len(r)-2]) + nw
	}
	return w
}

func checkFold(t *testing.T, s string) {
	t.Helper()
	want := foldWordsRef(s)
	if got := foldWords(s); !equalWords(got, want) {
		t.Errorf("foldWords(%q) = %q, want %q", s, got, want)
	}
	if got, want := Fold(s), strings.Join(want, " "); got != want {
		t.Errorf("fold(%q) = %q, want %q", s, got, want)
	}
	if got, want := NormLabel(s), strings.Join(want, ""); got != want {
		t.Errorf("normLabel(%q) = %q, want %q", s, got, want)
	}
	for _, prefixes := range [][]unitPrefix{nil, communePrefixes, districtPrefixes} {
		k, ref := splitKey(s, prefixes), splitKeyRef(s, prefixes)
		if k != ref {
			t.Errorf("splitKey(%q) = %+v, want %+v", s, k, ref)
		}
		if got, want := splitName(s, prefixes), splitNameRef(s, prefixes); got != want {
			t.Errorf("splitName(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// splitKeyRef is splitKey as it was, joining the words again.
func splitKeyRef(s string, prefixes []unitPrefix) nameKey {
	fw := foldWordsRef(s)
	for _, p := range prefixes {
		n := len(p.words)
		if len(fw) > n && equalWords(fw[:n], p.words) {
			return nameKey{key: strings.Join(fw[n:], " "), typ: p.typ}
		}
	}
	return nameKey{key: strings.Join(fw, " ")}
}

// appendFold (fold, foldWords, normLabel, splitKey) gives what the implementation it
// replaced gives: on every rune of the first planes alone and between letters and
// digits, on awkward texts (leading zeros, marks alone, NFKD expansions, invalid UTF-8)
// and on random mixes of them.
func TestAppendFoldIsFoldWords(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		checkFold(t, string(r))
		if r%7 == 0 || r < 0x2000 {
			checkFold(t, "a0"+string(r)+"01b")
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	texts := []string{"", " ", "0", "000", "007", "p01", "P.01", "x 0 0 1", "a0b00c", "Phường 01",
		"Thị trấn Đồng Xoài", "Phường Hoà Thuận", "THỊ XÃ DUYÊN HẢI", "TX. Duyên Hải", "tp trà vinh",
		"Diện tích (m²)", "Vụ việc “ngáo đá”", "DỮ LIỆU MẪU – số liệu giả định", "a–\u0301b", "“\u0323”",
		"e\u0301–\u0300", "ﬁle ① ⑫ ²³", "١٢٣ ٠٠٧ 0٠7", "한국어 가나", "Ǆ ǅ ǆ", "İstanbul ß ẞ", "\xff\xfe a\xc3",
		"a\u0300\u0323b", "\u0301", "Đ đ Ð ð", "ＡＢＣ１２", "x\u00a0y\u2003z", "\U0001D400\U0001D7CE"}
	for _, s := range texts {
		checkFold(t, s)
	}
	var pool []rune
	for _, s := range texts {
		pool = append(pool, []rune(s)...)
	}
	pool = append(pool, 'a', 'Z', '0', '1', ' ', '-', '(', 'ạ', 'ỷ', 'ơ', 0x0300, 0x0323, utf8.RuneError)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(pool[rng.IntN(len(pool))])
		}
		checkFold(t, b.String())
	}
}

// toneWordsRef is toneForm as it was, split into words: it returns the words of s in lower case NFC with the tone mark in the new
// placement ("hoà" → "hòa", "thuỷ" → "thủy"), so that spellings that differ only in the
// placement compare equal while other diacritics still tell names apart.
func toneWordsRef(s string) []string {
	s = norm.NFC.String(strings.ToLower(s))
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			r = ' '
		}
		if prev != 0 && r != ' ' && prev != ' ' && unicode.IsDigit(r) != unicode.IsDigit(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	words := trimZeros(strings.Fields(b.String()))
	for i, w := range words {
		words[i] = newTonePlacementRef(w)
	}
	return words
}

// toneForm gives toneWordsRef's words, joined, and their number, on the texts and random
// mixes of TestAppendFoldIsFoldWords' kind and on every diphthong oldTone places anew.
func TestToneFormIsToneWords(t *testing.T) {
	texts := []string{"", "0", "007 p01", "Thị trấn Đồng Xoài", "Phường Hoà Thuận", "THUỶ", "Hoà1", "khoẻ khoẺ",
		"a\u0300\u0323b", "\u0301", "Đ đ", "١٢٣ ٠٠٧", "ﬁ ①", "\xff\xfeoà\xc3", "q.1 TX. Duyên Hải", "UỶ BAN"}
	for k := range oldTone {
		texts = append(texts, k, "x"+k, "ngh"+k+" "+k+"n", strings.ToUpper(k))
	}
	var pool []rune
	for _, s := range texts {
		pool = append(pool, []rune(s)...)
	}
	pool = append(pool, ' ', '-', '1', 0x0300, 0x0301, 0x0309, 'O', 'U', 'Y', utf8.RuneError)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteRune(pool[rng.IntN(len(pool))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		want := toneWordsRef(s)
		if got, n := toneForm(s); got != strings.Join(want, " ") || n != len(want) {
			t.Errorf("toneForm(%q) = %q, %d; want %q", s, got, n, want)
		}
		for _, prefixes := range [][]unitPrefix{nil, communePrefixes, districtPrefixes} {
			if got, want := splitName(s, prefixes), splitNameRef(s, prefixes); got != want {
				t.Errorf("splitName(%q) = %+v, want %+v", s, got, want)
			}
		}
	}
}

// splitNameRef is splitName as it was, from the words of foldWordsRef and toneWordsRef.
func splitNameRef(s string, prefixes []unitPrefix) nameKey {
	fw, tw := foldWordsRef(s), toneWordsRef(s)
	if len(fw) != len(tw) {
		tw = fw
	}
	for _, p := range prefixes {
		n := len(p.words)
		if len(fw) > n && equalWords(fw[:n], p.words) {
			return nameKey{strings.Join(fw[n:], " "), strings.Join(tw[n:], " "), p.typ}
		}
	}
	return nameKey{strings.Join(fw, " "), strings.Join(tw, " "), ""}
}

// oldTonePlacement places the tone as newTonePlacement did through []rune, on every two-rune ending it
// changes and on short and long words.
func TestNewTonePlacementWithoutRunes(t *testing.T) {
	words := []string{"", "a", "à", "oà", "hoà", "thuỷ", "khoẻ", "quý", "uỷ", "hoàng", "ab", "tuỵ"}
	for k := range oldTone {
		words = append(words, k, "x"+k, "ngh"+k, k+"n")
	}
	for _, w := range words {
		got := w
		if cut, nw, ok := oldTonePlacement([]byte(w)); ok {
			got = w[:cut] + nw
		}
		if want := newTonePlacementRef(w); got != want {
			t.Errorf("oldTonePlacement(%q): %q, want %q", w, got, want)
		}
	}
}

// stripLatin returns NFKD(s) without its combining marks (Mn), when every rune of s is
// ASCII, in latinBase, or a starter that NFKD leaves alone (punctuation such as "–" or
// "“"): then each rune decomposes to one starter and marks that are all dropped, so the
// canonical reordering of the marks changes nothing. ok is false otherwise, and NFKD must
// be computed. It is the rune-by-rune rule of latinRune, which appendFold applies as it
// folds, applied to a whole text: TestStripLatinIsNFKDWithoutMarks checks it against NFKD.
func stripLatin(s string) (string, bool) {
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			buf = append(buf, byte(r))
			continue
		}
		base, ok := latinRune(r)
		if !ok {
			return "", false
		}
		buf = utf8.AppendRune(buf, base)
	}
	return string(buf), true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// trimZeros writes numbers without leading zeros ("01" → "1").
func trimZeros(words []string) []string {
	for i, w := range words {
		if isDigits(w) {
			if t := strings.TrimLeft(w, "0"); t != "" {
				words[i] = t
			} else {
				words[i] = "0"
			}
		}
	}
	return words
}
