package naming

// NormLabel is the form headers are compared in: folded (case, diacritics, tone placement
// ignored) with every space and punctuation mark removed.
func NormLabel(s string) string {
	var arr [256]byte
	return string(appendFold(arr[:0], s, false)) // fold(s) without its spaces
}
