package i18n

import (
	"time"
)

func ClerkDate(t time.Time, lang string) string {
	if lang == "en" {
		return t.Format(time.DateOnly)
	}
	return t.Format("02/01/2006")
}
