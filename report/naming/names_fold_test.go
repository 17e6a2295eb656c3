package naming

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold writes a name or header as names are compared: no diacritics (wherever the tone
// mark sits, composed or not), đ as d, lower case, punctuation as spaces, letters and
// digits apart, numbers without leading zeros, compatibility forms (ﬁ, ①, full-width) as
// their plain letters; NormLabel is the same without spaces.
func TestFoldWritesNamesAsTheyAreCompared(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Thị trấn Đồng Xoài", "thi tran dong xoai"},
		{"THỊ XÃ DUYÊN HẢI", "thi xa duyen hai"},
		{"Phường Hoà Thuận", "phuong hoa thuan"}, // the tone on the second vowel (old placement)
		{"Phường Hòa Thuận", "phuong hoa thuan"}, // on the first (new)
		{norm.NFD.String("Phường Hòa Thuận"), "phuong hoa thuan"},
		{"Xã Hoà Lợi", "xa hoa loi"},
		{"Đ đ", "d d"},
		{"Ð ð", "ð ð"}, // eth is not đ
		{"TX. Duyên Hải", "tx duyen hai"},
		{"P.01", "p 1"},
		{"Phường 01", "phuong 1"},
		{"QUẬN 1", "quan 1"},
		{"007", "7"},
		{"000", "0"},
		{"x 0 0 1", "x 0 0 1"},
		{"a0b00c", "a 0 b 0 c"},
		{"Diện tích (m²)", "dien tich m 2"},
		{"ﬁle ① ⑫ ²³", "file 1 12 23"},
		{"ＡＢＣ１２", "abc 12"},
		{"x\u00a0y\u2003z", "x y z"},
		{"Vụ việc “ngáo đá”", "vu viec ngao da"},
		{"a–\u0301b", "a b"}, // a mark after punctuation goes with it
		{"İstanbul ß ẞ", "istanbul ß ß"},
		{"Ǆ ǅ ǆ", "dz dz dz"},
		{"١٢٣ ٠٠٧", "١٢٣ ٠٠٧"},  // other digits are digits; only ASCII numbers lose their zeros
		{"\xff\xfe a\xc3", "a"}, // invalid UTF-8 separates
		{"\u0301", ""},
		{"", ""},
		{"   ", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
		if got, want := NormLabel(c.in), strings.ReplaceAll(c.want, " ", ""); got != want {
			t.Errorf("NormLabel(%q) = %q, want %q", c.in, got, want)
		}
	}
}

// Every Vietnamese letter, with any tone, in either case, composed or decomposed, folds
// to its base letter.
func TestFoldTakesEveryVietnameseLetterToItsBase(t *testing.T) {
	bases := map[string]string{"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "o": "o", "ô": "o", "ơ": "o", "u": "u", "ư": "u", "y": "y"}
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"} // huyền, sắc, hỏi, ngã, nặng
	n := 0
	for letter, base := range bases {
		for _, tone := range tones {
			nfc := norm.NFC.String(letter + tone)
			for _, s := range []string{nfc, strings.ToUpper(nfc), norm.NFD.String(nfc), norm.NFD.String(strings.ToUpper(nfc))} {
				n++
				if got := Fold("x" + s + "n"); got != "x"+base+"n" {
					t.Errorf("Fold(%q) = %q, want %q", "x"+s+"n", got, "x"+base+"n")
				}
			}
		}
	}
	if n != 12*6*4 {
		t.Fatalf("%d letters", n)
	}
}

// isFolded reports what is wrong with f as Fold's output, or "".
func isFolded(f string) string {
	if f != strings.Join(strings.Fields(f), " ") {
		return "not single spaces between words"
	}
	for _, w := range strings.Split(f, " ") {
		if w == "" {
			continue
		}
		digits := 0
		for _, r := range w {
			switch {
			case unicode.IsDigit(r):
				digits++
			case !unicode.IsLetter(r):
				return "a rune that is neither letter nor digit"
			case unicode.ToLower(r) != r:
				return "upper case"
			case r == 'đ':
				return "đ"
			}
		}
		if digits != 0 && digits != utf8.RuneCountInString(w) {
			return "letters and digits in one word"
		}
		if len(w) > 1 && w[0] == '0' && strings.Trim(w, "0123456789") == "" {
			return "a leading zero"
		}
	}
	return ""
}

// checkFoldRules checks, on s, what folding must do whatever the text: the same fold
// for each Unicode normal form of s (NFKD with its marks dropped is what is compared, so
// the tone mark's placement and composition cannot matter), a result of lower-case
// letters and digits in single-spaced words, unchanged by folding again, and NormLabel
// its words joined.
func checkFoldRules(t *testing.T, s string) {
	t.Helper()
	f := Fold(s)
	if why := isFolded(f); why != "" {
		t.Errorf("Fold(%q) = %q: %s", s, f, why)
	}
	for _, form := range []norm.Form{norm.NFC, norm.NFD, norm.NFKC, norm.NFKD} {
		if g := Fold(form.String(s)); g != f {
			t.Errorf("Fold(%q) = %q, but of its form %v %q", s, f, form, g)
		}
	}
	if g := Fold(f); g != f {
		t.Errorf("Fold(%q) = %q, folded again %q", s, f, g)
	}
	if got, want := NormLabel(s), strings.ReplaceAll(f, " ", ""); got != want {
		t.Errorf("NormLabel(%q) = %q, want %q", s, got, want)
	}
}

// Folding keeps its rules on every rune of the first three planes, alone and between
// letters and digits, and on random mixes of runes that decompose, marks alone,
// punctuation, digits and invalid UTF-8.
func TestFoldRulesOnEveryRune(t *testing.T) {
	step := 1
	if testing.Short() {
		step = 7
	}
	for r := rune(0); r < 0x30000; r += rune(step) {
		checkFoldRules(t, string(r))
		if r%7 == 0 || r < 0x2000 {
			checkFoldRules(t, "a0"+string(r)+"01b")
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	pool := []rune("aZ01 -(ạỷơĐđÐð“”–ﬁ①⑫²ＡＢ１٠٧한ǅİßẞ\u00a0\u2003")
	pool = append(pool, 0x0300, 0x0301, 0x0309, 0x0323, utf8.RuneError)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(pool[rng.IntN(len(pool))])
		}
		if rng.IntN(8) == 0 {
			b.WriteString("\xff")
		}
		checkFoldRules(t, b.String())
	}
}

// toneForm keeps the diacritics that tell names apart but writes the tone mark of a
// closing diphthong in the new placement ("hoà" → "hòa", "thuỷ" → "thủy"), in lower case
// NFC, numbers without leading zeros, and counts the words.
func TestToneFormPlacesTheToneAnew(t *testing.T) {
	for _, c := range []struct {
		in, want string
		words    int
	}{
		{"hoà", "hòa", 1}, {"hoá", "hóa", 1}, {"hoả", "hỏa", 1}, {"hoã", "hõa", 1}, {"hoạ", "họa", 1},
		{"khoè", "khòe", 1}, {"khoé", "khóe", 1}, {"khoẻ", "khỏe", 1}, {"khoẽ", "khõe", 1}, {"khoẹ", "khọe", 1},
		{"thuỳ", "thùy", 1}, {"thuý", "thúy", 1}, {"thuỷ", "thủy", 1}, {"thuỹ", "thũy", 1}, {"thuỵ", "thụy", 1},
		{"Hòa", "hòa", 1}, // the new placement already
		{"HOÀ", "hòa", 1},
		{"Hoa\u0300", "hòa", 1}, // decomposed
		{"Hoàng", "hoàng", 1},   // not a syllable's end
		{"Thuyền", "thuyền", 1},
		{"Uỷ ban", "ủy ban", 2},
		{"Phường Hoà Thuận", "phường hòa thuận", 3},
		{"Hoà1", "hòa 1", 2},
		{"Phường 01", "phường 1", 2},
		{"q.1 TX. Duyên Hải", "q 1 tx duyên hải", 5},
		{"Đ đ", "đ đ", 2},
		{"", "", 0},
	} {
		if got, n := toneForm(c.in); got != c.want || n != c.words {
			t.Errorf("toneForm(%q) = %q, %d; want %q, %d", c.in, got, n, c.want, c.words)
		}
	}
	// what the tone form is for: names that differ in their diacritics stay apart
	for _, pair := range [][2]string{{"An", "Ân"}, {"Hoa", "Hòa"}, {"Long Hòa", "Long Hoà Đông"}, {"Đa Lộc", "Da Lộc"}} {
		a, _ := toneForm(pair[0])
		b, _ := toneForm(pair[1])
		if a == b {
			t.Errorf("toneForm(%q) = toneForm(%q) = %q", pair[0], pair[1], a)
		}
	}
}

// splitName parts a name from its unit type, written out or shortened, whatever its
// case, spacing and tone placement; a type word alone, or the start of a word, is the
// name. splitKey is splitName without the tone form.
func TestSplitNameCutsTheUnitType(t *testing.T) {
	for _, c := range []struct {
		in       string
		prefixes []unitPrefix
		want     nameKey
	}{
		{"Thị trấn Đồng Xoài", communePrefixes, nameKey{"dong xoai", "đồng xoài", "thị trấn"}},
		{"TT. Càng Long", communePrefixes, nameKey{"cang long", "càng long", "thị trấn"}},
		{"P.1", communePrefixes, nameKey{"1", "1", "phường"}},
		{"Phường 01", communePrefixes, nameKey{"1", "1", "phường"}},
		{"Xã Hoà Thuận", communePrefixes, nameKey{"hoa thuan", "hòa thuận", "xã"}},
		{"X. Hòa Thuận", communePrefixes, nameKey{"hoa thuan", "hòa thuận", "xã"}},
		{"phường  hoà-thuận", communePrefixes, nameKey{"hoa thuan", "hòa thuận", "phường"}},
		{"Xã Phường 1", communePrefixes, nameKey{"phuong 1", "phường 1", "xã"}}, // one type, the first
		{"Phường", communePrefixes, nameKey{"phuong", "phường", ""}},
		{"Thị trấn", communePrefixes, nameKey{"thi tran", "thị trấn", ""}},
		{"Xuân Hiệp", communePrefixes, nameKey{"xuan hiep", "xuân hiệp", ""}},
		{"Thị trấn Đồng Xoài", nil, nameKey{"thi tran dong xoai", "thị trấn đồng xoài", ""}},
		{"TP. Trà Vinh", districtPrefixes, nameKey{"tra vinh", "trà vinh", "thành phố"}},
		{"Thành phố Trà Vinh", districtPrefixes, nameKey{"tra vinh", "trà vinh", "thành phố"}},
		{"Thị xã Duyên Hải", districtPrefixes, nameKey{"duyen hai", "duyên hải", "thị xã"}},
		{"H. Càng Long", districtPrefixes, nameKey{"cang long", "càng long", "huyện"}},
		{"huyen cang long", districtPrefixes, nameKey{"cang long", "cang long", "huyện"}},
		{"Quận 1", districtPrefixes, nameKey{"1", "1", "quận"}},
		{"Huyện", districtPrefixes, nameKey{"huyen", "huyện", ""}},
		{"Hưng Yên", districtPrefixes, nameKey{"hung yen", "hưng yên", ""}},
	} {
		if got := splitName(c.in, c.prefixes); got != c.want {
			t.Errorf("splitName(%q) = %+v, want %+v", c.in, got, c.want)
		}
		want := c.want
		want.tone = ""
		if got := splitKey(c.in, c.prefixes); got != want {
			t.Errorf("splitKey(%q) = %+v, want %+v", c.in, got, want)
		}
	}
}
