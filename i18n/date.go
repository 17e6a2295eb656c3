package i18n

import (
	"fmt"
	"time"
)

// DateLine is the place and date line of an official document: "Trà Vinh, ngày 05 tháng 02
// năm 2025" (Decree 30/2020/NĐ-CP writes days below 10 and the months 1 and 2 with a
// leading 0, so that nothing can be added in front), "Trà Vinh, 5 February 2025" in English.
func DateLine(place string, t time.Time, l Lang) string {
	if l == En {
		return fmt.Sprintf("%s, %d %s %d", place, t.Day(), t.Month(), t.Year())
	}
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", place, t.Day(), month, t.Year())
}

// LongDate is a day as running text writes it: 20/12/2025 in Vietnamese, 20 December 2025
// in English (where the ISO form of ClerkDate would read as a machine's).
func LongDate(t time.Time, l Lang) string {
	return t.Format(Tr(l, "02/01/2006", "2 January 2006"))
}

// ClockDate is a time of day and its date, as running text writes them: "14:05 ngày
// 20/12/2025", "14:05 on 20 December 2025".
func ClockDate(t time.Time, l Lang) string {
	return t.Format("15:04") + Tr(l, " ngày ", " on ") + LongDate(t, l)
}
