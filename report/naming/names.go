package naming

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"drugfree/criteria"
	"drugfree/report/internal/par"
	"drugfree/report/problem"
)

// Fold returns s in the form names and headers are compared in: NFKD with the combining
// marks dropped (so the placement of the tone mark no longer matters), đ as d, lower case,
// punctuation as spaces, a space between letters and digits ("p1" → "p 1"), numbers
// without leading zeros, single spaces.
func Fold(s string) string {
	var arr [256]byte // most texts fit: no scratch allocation, only the result's
	return string(appendFold(arr[:0], s, true))
}

// foldWords is fold split into words.
func foldWords(s string) []string {
	return strings.Fields(Fold(s))
}

// appendFold appends fold(s) to dst, its words separated by single spaces when spaced,
// else joined (normLabel's form). It is one pass over s, which used to be folded into a
// strings.Builder, split with strings.Fields, trimmed of leading zeros and joined again:
// four or five allocations per text, on every header cell, name and status read.
// TestAppendFoldIsFoldWords compares it with that implementation (foldWordsRef).
func appendFold(dst []byte, s string, spaced bool) []byte {
	if out, ok := foldRunes(dst, s, spaced, true); ok {
		return out
	}
	// a rune NFKD may decompose or reorder: fold NFKD(s), its marks dropped
	out, _ := foldRunes(dst, norm.NFKD.String(s), spaced, false)
	return out
}

// foldRunes appends the folded words of s to dst. With latin, each non-ASCII rune of s is
// first replaced by latinRune, and ok is false (dst's bytes past its length
// spoilt) at the first rune latinRune refuses; without, s must be NFKD already.
func foldRunes(dst []byte, s string, spaced, latin bool) (out []byte, ok bool) {
	words := 0      // words appended
	word := -1      // start of the word being appended in dst, -1 between words
	digit := false  // the last rune appended is a digit
	end := func() { // ends the word being appended: numbers lose their leading zeros
		if word < 0 {
			return
		}
		if w := dst[word:]; isASCIIDigits(w) {
			z := 0
			for z < len(w)-1 && w[z] == '0' {
				z++
			}
			dst = append(dst[:word], w[z:]...)
		}
		word = -1
	}
	for _, r := range s {
		if r < utf8.RuneSelf { // ASCII: its own NFKD, no marks, letters and digits as below
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			isDigit := '0' <= c && c <= '9'
			if !isDigit && (c < 'a' || c > 'z') {
				end()
				continue
			}
			if word >= 0 && isDigit != digit {
				end()
			}
			if word < 0 {
				if words > 0 && spaced {
					dst = append(dst, ' ')
				}
				word, words = len(dst), words+1
			}
			dst, digit = append(dst, c), isDigit
			continue
		}
		if latin {
			if r, ok = latinRune(r); !ok {
				return dst, false
			}
		}
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		r = unicode.ToLower(r)
		isDigit := unicode.IsDigit(r)
		if !isDigit && !unicode.IsLetter(r) {
			end()
			continue
		}
		if word >= 0 && isDigit != digit {
			end()
		}
		if word < 0 {
			if words > 0 && spaced {
				dst = append(dst, ' ')
			}
			word, words = len(dst), words+1
		}
		dst, digit = utf8.AppendRune(dst, r), isDigit
	}
	end()
	return dst, true
}

// isASCIIDigits is isDigits of bytes.
func isASCIIDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// latinBase maps a precomposed Latin letter (Vietnamese ones among them) to the one
// letter left of its NFKD decomposition once the combining marks (Mn) are dropped; 0 when
// the decomposition is not such a letter followed by marks alone. Index r-0x80 for
// U+0080–U+024F, r-0x1E00+latinExtAt for U+1E00–U+1EFF (Latin Extended Additional, where
// Vietnamese letters with two marks are): an array, as it is looked up for every
// non-ASCII rune folded.
var latinBase = func() *[latinExtAt + 0x100]rune {
	var m [latinExtAt + 0x100]rune
	add := func(from, to rune, at int) {
		for r := from; r <= to; r++ {
			var base rune
			ok := true
			for _, d := range norm.NFKD.String(string(r)) {
				switch {
				case unicode.Is(unicode.Mn, d):
				case base == 0 && norm.NFKD.PropertiesString(string(d)).CCC() == 0:
					base = d
				default:
					ok = false
				}
			}
			if ok && base != 0 {
				m[at+int(r-from)] = base
			}
		}
	}
	add(0x80, 0x24F, 0)
	add(0x1E00, 0x1EFF, latinExtAt)
	return &m
}()

const latinExtAt = 0x250 - 0x80

// latinRune is what NFKD leaves of the non-ASCII rune r once its marks are dropped, when
// that is one rune wherever r stands: its latinBase letter, or r
// itself when NFKD leaves it alone; ok is false when neither (NFKD must be computed).
func latinRune(r rune) (rune, bool) {
	var base rune
	switch {
	case r >= 0x80 && r <= 0x24F:
		base = latinBase[r-0x80]
	case r >= 0x1E00 && r <= 0x1EFF:
		base = latinBase[latinExtAt+int(r-0x1E00)]
	}
	if base != 0 {
		return base, true
	}
	if nfkdKeeps(r) {
		return r, true
	}
	return 0, false
}

// nfkdKeeps reports whether NFKD leaves r as it is, wherever it stands: r has no
// decomposition (Hangul syllables, decomposed by rule, are left out), is a starter (never
// reordered) and is not a mark (which folding drops).
func nfkdKeeps(r rune) bool {
	if r >= 0xAC00 && r <= 0xD7A3 || unicode.Is(unicode.Mn, r) {
		return false
	}
	var b [utf8.UTFMax]byte
	p := norm.NFKD.Properties(utf8.AppendRune(b[:0], r))
	return p.Decomposition() == nil && p.CCC() == 0
}

// toneForm returns the words of s in lower case NFC with the tone mark in the new
// placement ("hoà" → "hòa", "thuỷ" → "thủy"), separated by single spaces, and how many
// words there are, so that spellings that differ only in the placement compare equal
// while other diacritics still tell names apart. It is one pass, where the words used
// to be built, split, placed and joined again; TestToneFormIsToneWords compares it with
// that implementation (toneWordsRef).
func toneForm(s string) (string, int) {
	s = norm.NFC.String(strings.ToLower(s))
	var arr [256]byte
	dst := arr[:0]
	words := 0
	word := -1      // start of the word being appended in dst, -1 between words
	digit := false  // the last rune appended is a digit
	end := func() { // numbers lose their leading zeros, words get the new tone placement
		if word < 0 {
			return
		}
		w := dst[word:]
		if isASCIIDigits(w) {
			z := 0
			for z < len(w)-1 && w[z] == '0' {
				z++
			}
			dst = append(dst[:word], w[z:]...)
		} else if cut, nw, ok := oldTonePlacement(w); ok {
			dst = append(dst[:word+cut], nw...)
		}
		word = -1
	}
	for _, r := range s {
		isDigit := unicode.IsDigit(r)
		if !isDigit && !unicode.IsLetter(r) {
			end()
			continue
		}
		if word >= 0 && isDigit != digit {
			end()
		}
		if word < 0 {
			if words > 0 {
				dst = append(dst, ' ')
			}
			word, words = len(dst), words+1
		}
		dst, digit = utf8.AppendRune(dst, r), isDigit
	}
	end()
	return string(dst), words
}

// oldTone maps a closing diphthong with the tone on its second vowel (old placement) to
// the new placement, for syllables that end there.
var oldTone = map[string]string{
	"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
	"oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
	"uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}

// oldTonePlacement tells whether the word w (valid UTF-8) ends with a diphthong in the
// old placement (oldTone): then w[:cut]+nw is the word in the new one.
func oldTonePlacement(w []byte) (cut int, nw string, ok bool) {
	_, n1 := utf8.DecodeLastRune(w)
	_, n2 := utf8.DecodeLastRune(w[:len(w)-n1])
	if n1 == 0 || n2 == 0 {
		return 0, "", false
	}
	cut = len(w) - n1 - n2
	nw, ok = oldTone[string(w[cut:])] // no allocation: the conversion is only looked up
	return cut, nw, ok
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// unitPrefix is a written form of a unit type at the start of a name.
type unitPrefix struct {
	words []string
	typ   string
}

// Commune and district prefixes, longest first.
var (
	communePrefixes = []unitPrefix{
		{[]string{"thi", "tran"}, "thị trấn"}, {[]string{"dac", "khu"}, "đặc khu"}, {[]string{"phuong"}, "phường"}, {[]string{"xa"}, "xã"},
		{[]string{"tt"}, "thị trấn"}, {[]string{"dk"}, "đặc khu"}, {[]string{"p"}, "phường"}, {[]string{"x"}, "xã"},
	}
	districtPrefixes = []unitPrefix{
		{[]string{"thanh", "pho"}, "thành phố"}, {[]string{"thi", "xa"}, "thị xã"},
		{[]string{"huyen"}, "huyện"}, {[]string{"quan"}, "quận"},
		{[]string{"tp"}, "thành phố"}, {[]string{"tx"}, "thị xã"}, {[]string{"h"}, "huyện"}, {[]string{"q"}, "quận"},
	}
)

// nameKey is a name split into its type prefix and the rest, folded and with tones.
type nameKey struct {
	key  string // folded, without prefix: "dinh an", "1"
	tone string // with diacritics, tone placement normalised, without prefix
	typ  string // type from the prefix ("xã", "phường", ...), "" when none
}

func splitName(s string, prefixes []unitPrefix) nameKey {
	f := Fold(s)
	tone, tn := toneForm(s)
	if wordCount(f) != tn { // cannot happen with the same splitting, but stay safe
		tone = f
	}
	for _, p := range prefixes {
		if rest, ok := cutWords(f, p.words); ok {
			return nameKey{rest, afterSpaces(tone, len(p.words)), p.typ}
		}
	}
	return nameKey{f, tone, ""}
}

// splitKey is splitName without the tone form (tone is ""), for callers that need only
// the folded key and the type.
func splitKey(s string, prefixes []unitPrefix) nameKey {
	f := Fold(s)
	for _, p := range prefixes {
		if rest, ok := cutWords(f, p.words); ok {
			return nameKey{key: rest, typ: p.typ}
		}
	}
	return nameKey{key: f}
}

// cutWords returns what follows words at the start of f, a folded text (words separated
// by one space), when f has more words than those: the other words, joined, without
// splitting f (as strings.Join(strings.Fields(f)[len(words):], " ") when the first words
// of f are words).
func cutWords(f string, words []string) (string, bool) {
	rest := f
	for _, w := range words {
		var ok bool
		if rest, ok = strings.CutPrefix(rest, w); !ok {
			return "", false
		}
		if rest, ok = strings.CutPrefix(rest, " "); !ok {
			return "", false // w was only the start of a word, or the last word
		}
	}
	return rest, rest != ""
}

// wordCount is len(strings.Fields(f)) for a folded text f.
func wordCount(f string) int {
	if f == "" {
		return 0
	}
	return strings.Count(f, " ") + 1
}

// afterSpaces is what follows the n-th space of t (words separated by one space).
func afterSpaces(t string, n int) string {
	for ; n > 0; n-- {
		_, t, _ = strings.Cut(t, " ")
	}
	return t
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Matcher resolves the names of districts and communes written in returns, on the command
// line or in a register to one registry of the plan. It is safe for concurrent use.
//
// The reporting units it resolves as "districts" are the registry's (Commune.Unit): its
// districts, or in a registry without districts (after the reform of 1 July 2025) each
// commune, found by its name with or without its type ("Xã Càng Long", "Càng Long"), and in a
// longer text only after its type ("UBND xã Càng Long").
type Matcher struct {
	reg      *criteria.Registry
	communes []criteria.Commune
	units    []string         // the reporting unit of each commune (Commune.Unit)
	names    []nameKey        // the registry name of each commune, split
	byKey    map[string][]int // folded name or alias → communes
	tones    map[int][]string // commune → tone forms of its name and aliases
	byCode   map[string]int   // code → commune
	former   []criteria.FormerUnit
	// communeUnits is set for a registry without districts: each commune reports for itself.
	communeUnits bool
	unitPrefixes []unitPrefix // the type words written before a unit's name
	districts    []string
	distKeys     []nameKey
	distWords    [][]string // the words of each district's key
	distByKey    map[string][]int
	distProvince []string // the province of each unit, in the whole country's registry
	// distByFirst indexes the districts by the first word of their key.
	distByFirst map[string][]int
}

// NewMatcher indexes the plan's own registry (the one in force first).
func NewMatcher(p *criteria.Plan) *Matcher { return NewRegistryMatcher(&p.Registry) }

// Registry is the registry the matcher resolves names to.
func (m *Matcher) Registry() *criteria.Registry { return m.reg }

// NewRegistryMatcher indexes one registry.
func NewRegistryMatcher(reg *criteria.Registry) *Matcher {
	n := len(reg.Communes)
	m := &Matcher{
		reg: reg, communes: reg.Communes, byKey: make(map[string][]int, n), tones: make(map[int][]string, n),
		byCode: make(map[string]int, n), former: reg.FormerUnits(), distByKey: map[string][]int{}, distByFirst: map[string][]int{},
		communeUnits: !reg.HasDistricts(), unitPrefixes: districtPrefixes,
	}
	if m.communeUnits {
		m.unitPrefixes = communePrefixes
	}
	// The names are split on every core (a national registry has some 10,000 communes,
	// and this runs before any return is read); the indexes are then filled in the
	// registry's order, as one loop did.
	m.names = make([]nameKey, n)
	wholes := make([]nameKey, n)
	par.ParallelChunks(n, par.ChunkMin, func(from, to int) {
		for i := from; i < to; i++ {
			c := reg.Communes[i]
			k := splitName(c.Name, communePrefixes)
			m.names[i] = k
			if k.typ != "" && (k.typ != c.Type || c.FullName() != c.Name) {
				wholes[i] = splitName(c.Name, nil)
			}
		}
	})
	m.units = make([]string, n)
	for i, c := range reg.Communes {
		m.units[i] = c.Unit()
		k := m.names[i]
		m.byKey[k.key] = append(m.byKey[k.key], i)
		m.tones[i] = append(m.tones[i], k.tone)
		m.byCode[c.Code] = i
		if k.typ != "" && (k.typ != c.Type || c.FullName() != c.Name) {
			// The first word only looks like a prefix ("Phương Thạnh" is a xã, "Phương
			// Liệt" a phường): the name is also found whole, as in "Xã Phương Thạnh" or
			// "Phường Phương Liệt".
			whole := wholes[i]
			m.byKey[whole.key] = append(m.byKey[whole.key], i)
			m.tones[i] = append(m.tones[i], whole.tone)
		}
	}
	for _, a := range reg.Aliases {
		i, ok := m.byCode[a.Code]
		if !ok {
			continue
		}
		k := splitName(a.Alias, communePrefixes)
		if !containsInt(m.byKey[k.key], i) {
			m.byKey[k.key] = append(m.byKey[k.key], i)
		}
		m.tones[i] = append(m.tones[i], k.tone)
	}
	addUnit := func(d string, k nameKey, province string) {
		m.distProvince = append(m.distProvince, province)
		m.distByKey[k.key] = append(m.distByKey[k.key], len(m.districts))
		first, _, _ := strings.Cut(k.key, " ") // "" for a name with no word, found anywhere
		m.distByFirst[first] = append(m.distByFirst[first], len(m.districts))
		m.districts = append(m.districts, d)
		m.distKeys = append(m.distKeys, k)
		m.distWords = append(m.distWords, strings.Fields(k.key))
	}
	if m.communeUnits {
		// Each commune is a unit, known by its name without its type, typed.
		for i, c := range reg.Communes {
			k := m.names[i]
			switch {
			case m.units[i] != c.FullName():
				// A unit named with more than the commune ("Xã Thuận An (Hồ Chí Minh)",
				// in the whole country's registry) is known by that name.
				k = splitName(m.units[i], communePrefixes)
			case k.typ != "" && k.typ != c.Type:
				k = splitName(c.Name, nil)
			}
			k.typ = c.Type
			addUnit(m.units[i], k, c.Province)
		}
		// A unit named with its province is also found by the commune's name alone, when no
		// other province has a commune of that name ("Xã Tạ An Khương"); a name that recurs
		// fits several units, which are then listed.
		for i, c := range reg.Communes {
			if m.units[i] == c.FullName() {
				continue
			}
			k := m.names[i]
			if k.typ != "" && k.typ != c.Type {
				k = splitName(c.Name, nil)
			}
			k.typ = c.Type
			addUnit(m.units[i], k, c.Province)
		}
		return m
	}
	for _, d := range reg.Districts() {
		addUnit(d, splitName(d, districtPrefixes), "")
	}
	return m
}

// unitNamed finds the commune that is the unit named name, in a registry whose communes
// are units named with more than the commune's name (the whole country's, with provinces).
func (m *Matcher) unitNamed(name string) (int, bool) {
	if !m.communeUnits {
		return 0, false
	}
	d, _, ok := m.district(name, false)
	if !ok {
		return 0, false
	}
	for i, u := range m.units {
		if u == d && u != m.communes[i].FullName() {
			return i, true
		}
	}
	return 0, false
}

// InProvince settles a name that several communes share when the file names the province
// it comes from (a province's file of many communes, in the whole country's registry): the
// one of that province, if one is.
func (m *Matcher) InProvince(q CommuneMatch, province string) CommuneMatch {
	if q.Problem != problem.CodeAmbiguousCommune || province == "" {
		return q
	}
	var in []criteria.Commune
	for _, c := range q.Candidates {
		if c.Province == province {
			in = append(in, c)
		}
	}
	if len(in) == 1 {
		q.OK, q.Problem, q.Commune, q.Candidates = true, "", in[0], nil
	}
	return q
}

// CommunesOf returns the communes of the reporting unit (Commune.Unit), in registry order.
func (m *Matcher) CommunesOf(unit string) []criteria.Commune {
	var out []criteria.Commune
	for i, c := range m.communes {
		if m.units[i] == unit {
			out = append(out, c)
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// District resolves a district name written loosely ("TX Duyên Hải", "cang long",
// "TP. Trà Vinh") to the registry's name. When it fails, suggestions holds the nearest
// registry names (or the candidates when the name fits several districts).
func (m *Matcher) District(name string) (district string, suggestions []string, ok bool) {
	return m.district(name, true)
}

// district is District; without suggest, a name that fails gets no suggestions, which
// cost a comparison with every district.
func (m *Matcher) district(name string, suggest bool) (district string, suggestions []string, ok bool) {
	k := splitKey(name, m.unitPrefixes)
	if k.key == "" {
		return "", nil, false
	}
	cands := m.distByKey[k.key]
	if k.typ != "" {
		var typed []int
		for _, i := range cands {
			if m.distKeys[i].typ == k.typ {
				typed = append(typed, i)
			}
		}
		cands = typed
	}
	switch len(cands) {
	case 1:
		return m.districts[cands[0]], nil, true
	case 0:
		if !suggest {
			return "", nil, false
		}
		return "", m.nearestDistricts(k.key), false
	}
	// Names that differ only by a tone mark ("Văn Lang", "Văn Lăng"): the one written
	// with the same marks.
	tone := splitName(name, m.unitPrefixes).tone
	var same []int
	for _, i := range cands {
		if m.distKeys[i].tone == tone {
			same = append(same, i)
		}
	}
	if len(same) == 1 {
		return m.districts[same[0]], nil, true
	}
	for _, i := range cands {
		suggestions = append(suggestions, m.districts[i])
	}
	return "", suggestions, false
}

// DistrictIn finds the one district named somewhere in text, such as a file or sheet
// name ("BC_ra_soat_Cang_Long_2025"). The province's own name ("tỉnh Trà Vinh") is ignored.
func (m *Matcher) DistrictIn(text string) (string, bool) {
	if d, _, ok := m.district(text, false); ok {
		return d, true
	}
	words := foldWords(text)
	found := map[int]bool{}
	// Only the districts whose name starts with one of the words can be in the text.
	cands := append([]int{}, m.distByFirst[""]...)
	for _, w := range words {
		cands = append(cands, m.distByFirst[w]...)
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	for _, i := range cands {
		key := m.distWords[i]
		for at := 0; at+len(key) <= len(words); at++ {
			if !equalWords(words[at:at+len(key)], key) || (at > 0 && words[at-1] == "tinh") {
				continue
			}
			typ := prefixBefore(words[:at], m.unitPrefixes)
			// a commune is a unit in a text only after its type ("UBND xã Càng Long"): its
			// name alone may be a word of the text; and "xã Cầu Kè" is not Huyện Cầu Kè
			if typ == m.distKeys[i].typ || typ == "" && !m.communeUnits && !afterCommuneWord(words[:at]) {
				found[i] = true
			}
		}
	}
	// A unit is found by its name with its province and by its name alone: once. Of units
	// of one name in several provinces, those whose province the text names ("UBND xã
	// Thuận An, TP Hà Nội").
	var units, named []string
	for i := range found {
		units = append(units, m.districts[i])
		if p := m.distProvince[i]; p != "" && strings.Contains(" "+strings.Join(words, " ")+" ", " "+provinceKey(p)+" ") {
			named = append(named, m.districts[i])
		}
	}
	if len(named) > 0 {
		units = named
	}
	slices.Sort(units)
	if units = slices.Compact(units); len(units) != 1 {
		return "", false
	}
	return units[0], true
}

// afterCommuneWord reports whether words end with "xã" or "phường", which make the name
// after them a commune's, not a district's.
func afterCommuneWord(words []string) bool {
	if len(words) == 0 {
		return false
	}
	w := words[len(words)-1]
	return w == "xa" || w == "phuong"
}

// prefixBefore returns the type whose prefix ends words, "" when none.
func prefixBefore(words []string, prefixes []unitPrefix) string {
	for _, p := range prefixes {
		n := len(p.words)
		if len(words) >= n && equalWords(words[len(words)-n:], p.words) {
			return p.typ
		}
	}
	return ""
}

// CommuneMatch is the outcome of resolving a commune.
type CommuneMatch struct {
	// OK is true when the name resolved to exactly one commune of the expected district.
	OK bool
	// Commune is the commune found: the match, the commune of another district
	// (wrong-district), or the unit a former one was merged into.
	Commune criteria.Commune
	// Problem is the problem code when not OK: unknown-commune, ambiguous-commune or
	// wrong-district.
	Problem string
	// Candidates are the communes the name fits (ambiguous-commune, wrong-district).
	Candidates []criteria.Commune
	// Suggestions are the nearest registry names of an unknown commune.
	Suggestions []string
	// Former is the unit merged away that the name or code designates.
	Former *criteria.FormerUnit
	// Name and District are the query, for messages.
	Name, District string
	// Code is the code given with the name when the two designate different communes
	// (ambiguous-commune): Commune is then the code's commune and Candidates the
	// communes the name fits, if any.
	Code string
}

// Commune resolves a commune from its name as written, and optionally the registry name
// of its district, its code and its type ("xã", "phường", "thị trấn"). A type written in
// front of the name ("TT Định An", "P.1") counts as the type when typ is empty.
func (m *Matcher) Commune(name, district, code, typ string) CommuneMatch {
	q := CommuneMatch{Name: name, District: district}
	if f := m.typedFormer(name, typ); f != nil {
		return m.formerResult(q, f)
	}
	if code = NormCode(code); code != "" {
		if r, done := m.byCodeMatch(q, code); done {
			return r
		}
	}
	k := splitName(name, communePrefixes)
	if typ == "" {
		typ = k.typ
	}
	cands := m.byKey[k.key]
	if district != "" {
		inDistrict := m.inUnit(cands, district)
		if len(inDistrict) == 0 {
			return m.notInDistrict(q, k, cands)
		}
		cands = inDistrict
	}
	if typed := m.filter(cands, func(c criteria.Commune) bool { return c.Type == typ }); typ != "" && len(typed) > 0 {
		cands = typed
	}
	if len(cands) > 1 {
		if exact := m.sameTone(cands, k.tone); len(exact) == 1 {
			cands = exact
		}
	}
	switch len(cands) {
	case 1:
		q.OK, q.Commune = true, m.communes[cands[0]]
		return q
	case 0:
		if r, ok := m.formerMatch(q, k, district); ok {
			return r
		}
		if i, ok := m.unitNamed(name); ok && (district == "" || m.units[i] == district) {
			// named as the whole country's registry names its unit: "Xã Tân Hòa (Vĩnh Long)"
			q.OK, q.Commune = true, m.communes[i]
			return q
		}
		q.Problem, q.Suggestions = problem.CodeUnknownCommune, m.nearestCommunes(k.key, district)
		return q
	}
	q.Problem = problem.CodeAmbiguousCommune
	for _, i := range cands {
		q.Candidates = append(q.Candidates, m.communes[i])
	}
	return q
}

// typedFormer is the unit merged away that name designates by its written type when no
// commune of the registry has that name and type: after the reform of 1 July 2025 "Thị trấn
// Càng Long" is the former thị trấn, merged into xã Càng Long, whose figures are a part of
// the xã's, not the whole. nil when the name has no type, or a commune has it.
func (m *Matcher) typedFormer(name, typ string) *criteria.FormerUnit {
	if typ != "" || len(m.former) == 0 {
		return nil
	}
	k := splitKey(name, communePrefixes)
	if k.typ == "" {
		return nil
	}
	for _, i := range m.byKey[k.key] {
		if m.communes[i].Type == k.typ {
			return nil
		}
	}
	for i, f := range m.former {
		if f.Type != k.typ {
			continue
		}
		if fk := splitKey(f.Name, communePrefixes); fk.key == k.key || fk.typ != "" && fk.typ != f.Type && splitKey(f.Name, nil).key == k.key {
			return &m.former[i]
		}
	}
	return nil
}

// byCodeMatch resolves a code; done is false when the code is unknown and the name
// should be tried.
func (m *Matcher) byCodeMatch(q CommuneMatch, code string) (CommuneMatch, bool) {
	if i, ok := m.byCode[code]; ok {
		c := m.communes[i]
		if strings.TrimSpace(q.Name) != "" && !m.nameFits(q.Name, i) {
			return m.nameCodeMismatch(q, code, c), true
		}
		if q.District != "" && m.units[i] != q.District {
			q.Problem, q.Commune, q.Candidates = problem.CodeWrongDistrict, c, []criteria.Commune{c}
			return q, true
		}
		q.OK, q.Commune = true, c
		return q, true
	}
	for i, f := range m.former {
		if f.Code == code {
			return m.formerResult(q, &m.former[i]), true
		}
	}
	if strings.TrimSpace(q.Name) == "" {
		q.Problem = problem.CodeUnknownCommune
		return q, true
	}
	return q, false
}

// nameFits reports whether name, written loosely (case, diacritics, type prefix), is the
// name or an alias of commune i, or of a unit the registry lists as merged into it. A unit
// a reform merged into it does not fit: its figures are a part of the commune's, not the
// whole (Phường 3 with the code 29242 of phường Trà Vinh).
func (m *Matcher) nameFits(name string, i int) bool {
	k := splitKey(name, communePrefixes)
	if containsInt(m.byKey[k.key], i) {
		return true
	}
	for _, f := range m.reg.Former {
		if f.MergedInto == m.communes[i].Code && splitKey(f.Name, communePrefixes).key == k.key {
			return true
		}
	}
	return false
}

// nameCodeMismatch is the outcome of a name and a code that designate different
// communes: neither is taken, since either could be the mistake.
func (m *Matcher) nameCodeMismatch(q CommuneMatch, code string, c criteria.Commune) CommuneMatch {
	q.Problem, q.Commune, q.Code = problem.CodeAmbiguousCommune, c, code
	k := splitName(q.Name, communePrefixes)
	cands := m.byKey[k.key]
	if q.District != "" {
		if in := m.inUnit(cands, q.District); len(in) > 0 {
			cands = in
		}
	}
	for _, i := range cands {
		q.Candidates = append(q.Candidates, m.communes[i])
	}
	return q
}

// notInDistrict explains a name with no commune in the expected district: a former unit
// of that district, a commune of another district, or an unknown name.
func (m *Matcher) notInDistrict(q CommuneMatch, k nameKey, elsewhere []int) CommuneMatch {
	if r, ok := m.formerMatch(q, k, q.District); ok {
		return r
	}
	if len(elsewhere) > 0 {
		if typed := m.filter(elsewhere, func(c criteria.Commune) bool { return c.Type == k.typ }); k.typ != "" && len(typed) > 0 {
			elsewhere = typed
		}
		q.Problem = problem.CodeWrongDistrict
		for _, i := range elsewhere {
			q.Candidates = append(q.Candidates, m.communes[i])
		}
		q.Commune = q.Candidates[0]
		return q
	}
	q.Problem, q.Suggestions = problem.CodeUnknownCommune, m.nearestCommunes(k.key, q.District)
	return q
}

func (m *Matcher) formerMatch(q CommuneMatch, k nameKey, district string) (CommuneMatch, bool) {
	if r, ok := m.formerIn(q, k, district); ok || district == "" || !m.communeUnits {
		return r, ok
	}
	// A commune reports for itself: a former unit of another commune is still one.
	return m.formerIn(q, k, "")
}

// formerIn is formerMatch among the former units of district ("" for any).
func (m *Matcher) formerIn(q CommuneMatch, k nameKey, district string) (CommuneMatch, bool) {
	for i, f := range m.former {
		fk := splitKey(f.Name, communePrefixes)
		if fk.typ != "" && fk.typ != f.Type {
			fk = splitKey(f.Name, nil) // "Phương Thạnh" is a xã: its first word only looks like a prefix
		}
		if fk.key != k.key || (district != "" && f.District != district && m.unitOfCode(f.MergedInto) != district) {
			continue
		}
		if k.typ != "" && f.Type != "" && f.Type != k.typ {
			continue
		}
		return m.formerResult(q, &m.former[i]), true
	}
	return q, false
}

func (m *Matcher) formerResult(q CommuneMatch, f *criteria.FormerUnit) CommuneMatch {
	q.Problem, q.Former = problem.CodeUnknownCommune, f
	if i, ok := m.byCode[f.MergedInto]; ok {
		q.Commune = m.communes[i]
	}
	return q
}

// inUnit keeps the communes of idx in unit.
func (m *Matcher) inUnit(idx []int, unit string) []int {
	var out []int
	for _, i := range idx {
		if m.units[i] == unit {
			out = append(out, i)
		}
	}
	return out
}

// unitOfCode is the reporting unit of the commune with code, "" when there is none.
func (m *Matcher) unitOfCode(code string) string {
	if i, ok := m.byCode[code]; ok {
		return m.units[i]
	}
	return ""
}

func (m *Matcher) filter(idx []int, keep func(criteria.Commune) bool) []int {
	var out []int
	for _, i := range idx {
		if keep(m.communes[i]) {
			out = append(out, i)
		}
	}
	return out
}

// sameTone keeps the candidates whose name (or an alias) has the same diacritics as tone.
func (m *Matcher) sameTone(cands []int, tone string) []int {
	var out []int
	for _, i := range cands {
		for _, t := range m.tones[i] {
			if t == tone {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// NormCode returns a commune code as digits ("29462" from "29462", " 29462.0").
func NormCode(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, ".0")
	if !isDigits(s) {
		return strings.TrimSpace(s)
	}
	return s
}

// maxSuggestions is how many nearest names an unknown name gets.
const maxSuggestions = 3

type scored struct {
	name string
	d    int
}

func nearest(key string, names []string, keys []string) []string {
	var out []scored
	limit := max(2, len([]rune(key))/2)
	for i, k := range keys {
		if d := editDistance(key, k); d <= limit {
			out = append(out, scored{names[i], d})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].d < out[b].d })
	var names2 []string
	for i := 0; i < len(out) && len(names2) < maxSuggestions; i++ {
		if !slices.Contains(names2, out[i].name) { // a unit known by two keys
			names2 = append(names2, out[i].name)
		}
	}
	return names2
}

func (m *Matcher) nearestDistricts(key string) []string {
	keys := make([]string, len(m.distKeys))
	for i, k := range m.distKeys {
		keys[i] = k.key
	}
	return nearest(key, m.districts, keys)
}

func (m *Matcher) nearestCommunes(key, district string) []string {
	var names, keys []string
	for i, c := range m.communes {
		if district != "" && m.units[i] != district {
			continue
		}
		n := c.FullName()
		if district == "" && c.District != "" {
			n += " (" + c.District + ")"
		}
		names = append(names, n)
		keys = append(keys, m.names[i].key)
	}
	return nearest(key, names, keys)
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
