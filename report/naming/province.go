package naming

import "strings"

// provincePrefixes are the words for a province's kind, folded, longest first.
var provincePrefixes = []string{"thanh pho ", "tinh ", "tp "}

// provinceKey is a province's name folded, without the word for its kind.
func provinceKey(s string) string {
	k := Fold(s)
	for _, pre := range provincePrefixes {
		if strings.HasPrefix(k, pre) {
			return k[len(pre):]
		}
	}
	return k
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
