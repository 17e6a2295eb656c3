package report

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

// newTonePlacementRef is newTonePlacement as it was, through []rune.
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
	if got, want := fold(s), strings.Join(want, " "); got != want {
		t.Errorf("fold(%q) = %q, want %q", s, got, want)
	}
	if got, want := normLabel(s), strings.Join(want, ""); got != want {
		t.Errorf("normLabel(%q) = %q, want %q", s, got, want)
	}
	for _, prefixes := range [][]unitPrefix{nil, communePrefixes, districtPrefixes} {
		k, ref := splitKey(s, prefixes), splitKeyRef(s, prefixes)
		if k != ref {
			t.Errorf("splitKey(%q) = %+v, want %+v", s, k, ref)
		}
		if got := splitName(s, prefixes); got.key != ref.key || got.typ != ref.typ {
			t.Errorf("splitName(%q) = %+v, want key and type of %+v", s, got, ref)
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

// newTonePlacement gives what it gave through []rune, on every two-rune ending it
// changes and on short and long words.
func TestNewTonePlacementWithoutRunes(t *testing.T) {
	words := []string{"", "a", "à", "oà", "hoà", "thuỷ", "khoẻ", "quý", "uỷ", "hoàng", "ab", "tuỵ"}
	for k := range oldTone {
		words = append(words, k, "x"+k, "ngh"+k, k+"n")
	}
	for _, w := range words {
		if got, want := newTonePlacement(w), newTonePlacementRef(w); got != want {
			t.Errorf("newTonePlacement(%q) = %q, want %q", w, got, want)
		}
	}
}
