package i18n

import "time"

// Tr picks the Vietnamese or English text.
func Tr(lang, vi, en string) string {
	if lang == "en" {
		return en
	}
	return vi
}

// ClerkDate writes a date as a clerk reads it: 20/12/2025 in Vietnamese, 2025-12-20 in
// English.
func ClerkDate(t time.Time, lang string) string {
	if lang == "en" {
		return t.Format(time.DateOnly)
	}
	return t.Format("02/01/2006")
}
