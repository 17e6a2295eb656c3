package i18n

import (
	"testing"
	"time"
)

func TestDateLine(t *testing.T) {
	for _, c := range []struct {
		date time.Time
		lang Lang
		want string
	}{
		{time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC), Vi, "Trà Vinh, ngày 05 tháng 02 năm 2025"},
		{time.Date(2025, 1, 17, 0, 0, 0, 0, time.UTC), Vi, "Trà Vinh, ngày 17 tháng 01 năm 2025"},
		{time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC), Vi, "Trà Vinh, ngày 09 tháng 3 năm 2025"},
		{time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), Vi, "Trà Vinh, ngày 20 tháng 12 năm 2025"},
		{time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC), En, "Trà Vinh, 5 February 2025"},
	} {
		if got := DateLine("Trà Vinh", c.date, c.lang); got != c.want {
			t.Errorf("DateLine(%s, %s) = %q, want %q", c.date.Format(time.DateOnly), c.lang, got, c.want)
		}
	}
}

func TestClockDate(t *testing.T) {
	at := time.Date(2025, 12, 20, 9, 5, 0, 0, time.UTC)
	if got := ClockDate(at, Vi); got != "09:05 ngày 20/12/2025" {
		t.Errorf("vi: %q", got)
	}
	if got := ClockDate(at, En); got != "09:05 on 20 December 2025" {
		t.Errorf("en: %q", got)
	}
}

func TestLongDate(t *testing.T) {
	day := time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC)
	if got := LongDate(day, Vi); got != "05/02/2025" {
		t.Errorf("vi: %q", got)
	}
	if got := LongDate(day, En); got != "5 February 2025" {
		t.Errorf("en: %q", got)
	}
}

func TestCount(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		n    int
		want string
	}{{En, 1, "1 commune"}, {En, 0, "0 communes"}, {En, 2, "2 communes"}, {Vi, 1, "1 xã"}, {Vi, 3, "3 xã"}} {
		if got := Count(c.l, c.n, "xã", "commune", "communes"); got != c.want {
			t.Errorf("Count(%v, %d) = %q, want %q", c.l, c.n, got, c.want)
		}
	}
}
