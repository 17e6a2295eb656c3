package criteria

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"drugfree/i18n"
)

// FormatNumber writes v for a reader in lang: Vietnamese groups thousands with "." and
// writes decimals with ",", English the other way round. Whole numbers have no decimals;
// others keep up to two.
func FormatNumber(v float64, lang i18n.Lang) string {
	neg := v < 0
	v = math.Abs(v)
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	intPart, frac, _ := strings.Cut(s, ".")
	group, dec := ".", ","
	if lang == i18n.En {
		group, dec = ",", "."
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// FormatDecimal writes a plan number (such as a threshold) for a reader in lang.
func FormatDecimal(d Decimal, lang i18n.Lang) string {
	if d.IsPercent() {
		n, den := d.Rat()
		return FormatNumber(float64(n)*100/float64(den), lang) + "%"
	}
	return FormatNumber(d.Float(), lang)
}

// FormatRatio writes num/den as a percentage with two decimals, cut (not rounded) so that
// the figure shown never passes a threshold the exact ratio does not reach: 3/1001 is
// 0.2997 % and shows as 0,29 %, not 0,30 %. A ratio above 0 but below 0.01 % gets more
// decimals, up to its first digit that is not 0 and cut there, so that it never reads as
// 0 against a criterion "> 0": 1/16,584 is 0.00603 % and shows as 0,006 %.
func FormatRatio(num, den int64, lang i18n.Lang) string {
	if den <= 0 {
		return "?"
	}
	hundredths := num * 10000 / den // percent × 100, cut
	s := strconv.FormatInt(hundredths/100, 10) + "." + fmt.Sprintf("%02d", hundredths%100)
	if hundredths == 0 && num > 0 {
		// Long division on from the hundredths: the remainder stays below den (a figure
		// is at most cell.MaxFigure, 10^12), so ten times it cannot overflow.
		b := []byte(s)
		for rem := num * 10000 % den; ; {
			rem *= 10
			d := rem / den
			rem %= den
			b = append(b, byte('0'+d))
			if d != 0 {
				break
			}
		}
		s = string(b)
	}
	if lang != i18n.En {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "%"
}
