package cell

import (
	"errors"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/naming"
)

// NumState is the outcome of reading a number.
type NumState int

const (
	NumOK    NumState = iota
	NumBlank          // empty cell: unknown
	NumBad            // text that is no number
)

// MaxFigure is the largest figure a return may give (classify.MaxFigure, 10^12); a larger
// one is a typing error, reported, never compared.
const MaxFigure = classify.MaxFigure

var (
	// spaceGrouped is "1 234" or "1 234 567,5".
	spaceGrouped = regexp.MustCompile(`^\d{1,3}( \d{3})+([.,]\d+)?$`)
	// DotThousands is a whole number with "." between groups of three: "1.234", "12.345.678".
	DotThousands = regexp.MustCompile(`^[1-9]\d{0,2}(\.\d{3})+$`)
	digitsOnly   = regexp.MustCompile(`^\d+$`)
)

// ParseNumber reads a cell as a number, as Excel shows it (shown). numeric says the cell
// holds a number (not text), so that its value is read as Go writes floats; text follows
// Vietnamese habits: "." groups thousands, "," is the decimal mark ("1.999,99"), "1 234"
// is grouped by spaces, and "-" stands for zero.
func ParseNumber(raw string, numeric bool) (float64, NumState) {
	v, st := parseNumberExact(raw, numeric)
	if st == NumOK {
		v = shown(v)
	}
	return v, st
}

// shown is v rounded to 9 decimal places, as every comparison takes it: a formula's
// result 999.9999999999999 (Excel shows 1000) is 1000, not an area below 1000 m².
func shown(v float64) float64 {
	if v == math.Trunc(v) || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 9, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// parseNumberExact is parseNumber without rounding.
func parseNumberExact(raw string, numeric bool) (float64, NumState) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return 0, NumBlank
	}
	if numeric || plainInteger(s) {
		if v, ok := parseDecimal(s); ok {
			return v, NumOK
		}
	}
	if v, ok := parseNumberText(s); ok {
		return v, NumOK
	}
	if !numeric && !DotThousands.MatchString(s) {
		// A number written by a program ("1.5E+3", "0.30000000000000004").
		if v, ok := parseDecimal(s); ok {
			return v, NumOK
		}
	}
	return 0, NumBad
}

// parseDecimal is strconv.ParseFloat of the only numbers a cell's text or a number
// cell's value may be (SPEC §5): decimal digits, with a sign, a point and an exponent
// perhaps ("1500", "-0.5", ".5", "1.5E+3"), finite, and not so close to zero that it
// underflows (4.9e-324, 1e-400: no figure, though ParseFloat gives one). What else
// ParseFloat takes (NaN, Inf, Infinity, 1_000, 0x1p4) is not a number.
func parseDecimal(s string) (float64, bool) {
	nonzero, ok := decimalSyntax(s)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || (nonzero && math.Abs(v) < smallestNormal) {
		return 0, false
	}
	return v, true
}

// smallestNormal is the smallest float64 with all its precision (2.2e-308): below it a
// number underflows, and is read wrong.
const smallestNormal = 0x1p-1022

// decimalSyntax reports whether s is [+-]digits[.digits][(e|E)[+-]digits], with at least
// one digit before the exponent, and whether one of those digits is not 0.
func decimalSyntax(s string) (nonzero, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, point := 0, false
	for ; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			digits++
			nonzero = nonzero || c != '0'
		} else if c == '.' && !point {
			point = true
		} else {
			break
		}
	}
	if digits == 0 {
		return false, false
	}
	if i == len(s) {
		return nonzero, true
	}
	if s[i] != 'e' && s[i] != 'E' {
		return false, false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if i == len(s) {
		return false, false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false, false
		}
	}
	return nonzero, true
}

// plainInteger reports whether s is digits, with a minus sign perhaps: read the same
// whichever way, so parseNumber takes the short way.
func plainInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var numberSpaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", "−", "-")

func parseNumberText(s string) (float64, bool) {
	s = numberSpaces.Replace(s)
	s = strings.TrimSpace(s)
	switch s {
	case "-", "–", "—", "--":
		return 0, true
	}
	lower := strings.ToLower(s)
	for _, unit := range []string{"m²", "m2"} {
		if strings.HasSuffix(lower, unit) {
			s = strings.TrimSpace(s[:len(s)-len(unit)])
			break
		}
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+"))
	if strings.Contains(s, " ") {
		if !spaceGrouped.MatchString(s) {
			return 0, false
		}
		s = strings.ReplaceAll(s, " ", "")
	}
	plain, ok := decimalPlain(s)
	if !ok {
		return 0, false
	}
	v, ok := parseDecimal(plain)
	if !ok {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// decimalPlain rewrites a number with grouping and a decimal mark as "1234.5".
func decimalPlain(s string) (string, bool) {
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var intPart, frac, group string
	switch {
	case dots > 0 && commas > 0:
		last := max(strings.LastIndex(s, "."), strings.LastIndex(s, ","))
		intPart, frac = s[:last], s[last+1:]
		group = "."
		if s[last] == '.' {
			group = ","
		}
	case commas > 1:
		intPart, group = s, ","
	case commas == 1:
		intPart, frac, _ = strings.Cut(s, ",")
	case dots > 1 || DotThousands.MatchString(s):
		intPart, group = s, "."
	case dots == 1:
		intPart, frac, _ = strings.Cut(s, ".")
	default:
		intPart = s
	}
	if group != "" {
		groups := strings.Split(intPart, group)
		for i, g := range groups {
			if !digitsOnly.MatchString(g) || (i > 0 && len(g) != 3) || (i == 0 && len(g) > 3) {
				return "", false
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !digitsOnly.MatchString(intPart) || (frac != "" && !digitsOnly.MatchString(frac)) {
		return "", false
	}
	if frac == "" {
		return intPart, true
	}
	return intPart + "." + frac, true
}

// Yes/no words, folded.
var (
	yesWords = map[string]bool{"co": true, "c": true, "x": true, "v": true, "yes": true, "y": true, "1": true, "true": true, "dung": true}
	noWords  = map[string]bool{"khong": true, "k": true, "ko": true, "kg": true, "0": true, "no": true, "n": true, "false": true, "-": true, "–": true, "—": true}
)

// ParseYesNo reads Có/Không, x, ✓, 1/0, yes/no, c/k as 1 or 0; blank is unknown.
func ParseYesNo(raw string) (float64, NumState) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return 0, NumBlank
	}
	switch s {
	case "✓", "✔", "☑":
		return 1, NumOK
	case "-", "–", "—":
		return 0, NumOK
	}
	f := naming.Fold(s)
	if yesWords[f] {
		return 1, NumOK
	}
	if noWords[f] {
		return 0, NumOK
	}
	return 0, NumBad
}

// StatusNames maps the folded names of a plan's statuses to their keys; the first status
// to claim a name keeps it.
type StatusNames map[string]string

func StatusIndex(p *criteria.Plan) StatusNames {
	ix := StatusNames{}
	for _, s := range p.Statuses {
		for _, name := range append([]string{s.Key, s.Vi, s.En}, s.Variants...) {
			if f := naming.Fold(name); f != "" {
				if _, taken := ix[f]; !taken {
					ix[f] = s.Key
				}
			}
		}
	}
	return ix
}

func (ix StatusNames) Match(raw string) (key string, ok bool) {
	f := naming.Fold(raw)
	if f == "" || f == "khong" {
		return "", strings.TrimSpace(raw) == "" || f == "khong" || isDash(raw)
	}
	key, ok = ix[f]
	return key, ok
}

func isDash(s string) bool {
	switch strings.TrimSpace(s) {
	case "-", "–", "—":
		return true
	}
	return false
}

// KindNames are the names of the plan's calendar kinds, folded without spaces, in the
// order match tries them: folded once per file or register, not once per text read.
type KindNames []kindName

// kindName is one name of a kind: norm is its normal form, words its folded words (for
// titles), data whether the kind's returns carry data.
type kindName struct {
	kind, norm, words string
	data              bool
	// years are the years the kind's names name ("Năm 2026"), none for most kinds.
	years []string
}

// digitRun is a number as a text writes it.
var digitRun = regexp.MustCompile(`\d+`)

// yearsIn returns the years s names: its numbers of four digits from 1900 to 2099.
func yearsIn(s string) []string {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var out []string
	for _, d := range digitRun.FindAllString(s, -1) {
		if len(d) == 4 && (strings.HasPrefix(d, "19") || strings.HasPrefix(d, "20")) {
			out = append(out, d)
		}
	}
	return out
}

func NewKindNames(p *criteria.Plan) KindNames {
	var ks KindNames
	for _, d := range p.Calendar {
		names := append([]string{d.Kind, d.Vi, d.En}, d.Variants...)
		var years []string
		for _, name := range names {
			years = append(years, yearsIn(name)...)
		}
		for _, name := range names {
			if n := naming.NormLabel(name); n != "" {
				ks = append(ks, kindName{kind: d.Kind, norm: n, words: naming.Fold(Parenthesised.ReplaceAllString(name, "")), data: d.Data, years: years})
			}
		}
	}
	return ks
}

// otherYear reports whether a text that names the years in is of another year than the
// kind's ("Năm 2025" is not the kind "Năm 2026", though it contains its name "năm"). A kind
// whose names name no year, or a text naming none, is of any year.
func (k kindName) otherYear(in []string) bool {
	if len(k.years) == 0 || len(in) == 0 {
		return false
	}
	for _, y := range in {
		if slices.Contains(k.years, y) {
			return false
		}
	}
	return true
}

// Match reads a report kind ("Rà soát", "giai doan 1", "phase2", "Báo cáo sơ kết") as a
// calendar kind key: an exact match of a name, else the longest name the text contains,
// not of another year than the text names.
func (ks KindNames) Match(raw string) (string, bool) {
	f := naming.NormLabel(raw)
	if f == "" {
		return "", false
	}
	years := yearsIn(raw)
	best, bestLen := "", 0
	for _, k := range ks {
		if k.otherYear(years) {
			continue
		}
		if k.norm == f {
			return k.kind, true
		}
		if strings.Contains(f, k.norm) && len(k.norm) > bestLen {
			best, bestLen = k.kind, len(k.norm)
		}
	}
	return best, best != ""
}

// parseSerial is strconv.ParseFloat(s, 64) where parseDate reads s as a serial: a number
// cell, or a text that serialText matches; errNotSerial for any other text.
func parseSerial(s string, numeric bool) (float64, error) {
	if !numeric && !serialText.MatchString(s) {
		return 0, errNotSerial
	}
	if v, ok := parseDecimal(s); ok {
		return v, nil
	}
	return 0, errNotSerial
}

var errNotSerial = errors.New("not a serial")

var (
	dmyDate    = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$`)
	ymdDate    = regexp.MustCompile(`^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})$`)
	WordDate   = regexp.MustCompile(`ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})`)
	serialText = regexp.MustCompile(`^\d{5}(\.\d+)?$`)
	timeSuffix = regexp.MustCompile(`[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$`)
)

// ParseDate reads a date cell: an Excel serial (numeric, with the workbook's 1904 flag),
// "20/02/2025", "20-02-2025", "20.02.2025", "2025-02-20" or "ngày 20 tháng 02 năm 2025".
func ParseDate(raw string, numeric, date1904 bool) (time.Time, NumState) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return time.Time{}, NumBlank
	}
	// (a text is tried as a serial only when it looks like one: strconv's error for
	// "20/02/2025" is two allocations)
	if v, err := parseSerial(s, numeric); err == nil {
		// Returns of this programme are dated in this century: a serial outside
		// 2000–2099 ("2025", "12345") is a number typed where a date belongs.
		if v < 36526 || v >= 73051 {
			return time.Time{}, NumBad
		}
		t, err := excelize.ExcelDateToTime(v, date1904)
		if err != nil {
			return time.Time{}, NumBad
		}
		return classify.CalendarDay(t), NumOK
	}
	if strings.Contains(s, ":") { // a time of day: timeSuffix has a ":"
		s = timeSuffix.ReplaceAllString(s, "")
	}
	if m := dmyDate.FindStringSubmatch(s); m != nil {
		y := Atoi(m[3])
		if len(m[3]) == 2 {
			y += 2000 // "20/02/25"
		}
		return Day(y, Atoi(m[2]), Atoi(m[1]))
	}
	if m := ymdDate.FindStringSubmatch(s); m != nil {
		return Day(Atoi(m[1]), Atoi(m[2]), Atoi(m[3]))
	}
	if m := WordDate.FindStringSubmatch(naming.Fold(raw)); m != nil {
		return Day(Atoi(m[3]), Atoi(m[2]), Atoi(m[1]))
	}
	return time.Time{}, NumBad
}

// Day returns the date, or numBad when it does not exist (31/02).
func Day(y, m, d int) (time.Time, NumState) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, NumBad
	}
	return t, NumOK
}

func Atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Parenthesised is a bracketed part of a label, "(người)", dropped before matching.
var Parenthesised = regexp.MustCompile(`\([^)]*\)`)

// InTitle is the kind of return a title line names as whole words ("… giai đoạn 3", "Báo
// cáo sơ kết", "rà soát"), only kinds that carry data, since the sheet has a table; the
// longest name wins. n is the length of the name found, 0 when none.
func (ks KindNames) InTitle(f string) (kind string, n int) {
	padded := " " + f + " "
	years := yearsIn(f)
	for _, k := range ks {
		if k.words == "" || len(k.words) <= n || !k.data || k.otherYear(years) {
			continue
		}
		if strings.Contains(padded, " "+k.words+" ") {
			kind, n = k.kind, len(k.words)
		}
	}
	return kind, n
}
