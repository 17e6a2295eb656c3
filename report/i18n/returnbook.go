package i18n

// tr picks the Vietnamese or English text.
func Tr(lang, vi, en string) string {
	if lang == "en" {
		return en
	}
	return vi
}
