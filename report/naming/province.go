package naming

import (
	"strings"

	"drugfree/criteria"
)

// provincePrefixes are the words for a province's kind, folded, longest first.
var provincePrefixes = []string{"thanh pho ", "tinh ", "tp "}

// provinceAbbrev are the short forms of provinces' names in use, folded, each with its
// key: "TP.HCM", "TPHCM".
var provinceAbbrev = map[string]string{"hcm": "ho chi minh", "tphcm": "ho chi minh", "sai gon": "ho chi minh"}

// provinceKey is a province's name folded, without the word for its kind.
func provinceKey(s string) string {
	k := Fold(s)
	for _, pre := range provincePrefixes {
		if strings.HasPrefix(k, pre) {
			k = k[len(pre):]
			break
		}
	}
	if full, ok := provinceAbbrev[k]; ok {
		return full
	}
	return k
}

// FormerProvince resolves the name of a province that the reorganisation of 2025 merged
// into another (criteria.FormerProvinces: "Trà Vinh", "tỉnh Bến Tre") to its name and the
// province that holds its communes now, among provinces.
func FormerProvince(name string, provinces []string) (former, now string, ok bool) {
	k := provinceKey(name)
	for old, p := range criteria.FormerProvinces {
		if provinceKey(old) != k {
			continue
		}
		if now, ok := Province(p, provinces); ok {
			return old, now, true
		}
	}
	return "", "", false
}

// Province resolves a province written loosely ("vinh long", "Tỉnh Vĩnh Long", "TP. Hồ Chí
// Minh") to its name in provinces, the way communes are matched: without case, diacritics,
// spacing, punctuation or the word for its kind.
func Province(name string, provinces []string) (string, bool) {
	k := provinceKey(name)
	if k == "" {
		return "", false
	}
	for _, p := range provinces {
		if provinceKey(p) == k {
			return p, true
		}
	}
	return "", false
}

// ProvinceIn finds the one province of the matcher's communes named in text, such as a
// cover's reporting unit ("Tỉnh Vĩnh Long", "Công an tỉnh Vĩnh Long", "UBND TP Hà Nội"):
// in a registry whose communes report for themselves, a file of many communes is sent by
// their province. It finds none in a registry with districts.
func (m *Matcher) ProvinceIn(text string) (string, bool) {
	if !m.communeUnits {
		return "", false
	}
	words := " " + strings.Join(foldWords(text), " ") + " "
	// A text that names a commune's type is a commune's, even one the registry lacks
	// ("UBND xã Lonng Hồ, tỉnh Vĩnh Long"): its error is not hidden.
	for _, w := range []string{" xa ", " phuong ", " dac khu ", " thi tran "} {
		if strings.Contains(words, w) {
			return "", false
		}
	}
	found := ""
	for _, c := range m.communes {
		if c.Province == "" || c.Province == found {
			continue
		}
		if strings.Contains(words, " "+provinceKey(c.Province)+" ") {
			if found != "" {
				return "", false
			}
			found = c.Province
		}
	}
	return found, found != ""
}
