package criteria

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Decimal is an exact decimal number written in the plan ("100", "0.5%", "1999.99").
// It is kept as the fraction Num/Den so that comparisons are exact, in integers.
type Decimal struct {
	Num, Den int64
	text     string
}

// ParseDecimal reads a non-negative decimal with an optional trailing "%".
func ParseDecimal(s string) (Decimal, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	if t == "" {
		return Decimal{}, fmt.Errorf("%q is not a number", s)
	}
	intPart, frac, _ := strings.Cut(t, ".")
	if len(frac) > 9 || strings.ContainsAny(intPart+frac, "+-eE") {
		return Decimal{}, fmt.Errorf("%q is not a plain decimal number", s)
	}
	num, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil || num < 0 {
		return Decimal{}, fmt.Errorf("%q is not a non-negative number", s)
	}
	den := int64(1)
	for range len(frac) {
		den *= 10
	}
	if pct {
		den *= 100
	}
	return Decimal{Num: num, Den: den, text: strings.TrimSpace(s)}.reduce(), nil
}

func (d Decimal) reduce() Decimal {
	a, b := d.Num, d.Den
	for b != 0 {
		a, b = b, a%b
	}
	if a > 1 {
		d.Num /= a
		d.Den /= a
	}
	return d
}

// Rat returns the number as the fraction num/den.
func (d Decimal) Rat() (num, den int64) { return d.Num, d.Den }

// Float returns the number as a float64, for display and for areas.
func (d Decimal) Float() float64 { return float64(d.Num) / float64(d.Den) }

// IsPercent reports whether the plan wrote the number as a percentage.
func (d Decimal) IsPercent() bool { return strings.HasSuffix(d.text, "%") }

// String returns the number as the plan wrote it.
func (d Decimal) String() string {
	if d.text != "" {
		return d.text
	}
	return strconv.FormatFloat(d.Float(), 'f', -1, 64)
}

// UnmarshalYAML reads a number or a percentage string, with the line on error.
func (d *Decimal) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseDecimal(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %v", n.Line, err)
	}
	*d = v
	return nil
}

// MarshalYAML writes the number as the plan wrote it.
func (d Decimal) MarshalYAML() (any, error) { return d.String(), nil }

// Expr is a side of a checklist condition: a sum of field keys and whole numbers, such as
// "0", "addicts_total" or "users + post_rehab", from which fields may be subtracted
// ("resident_users - resident_users_excluded").
type Expr struct {
	Fields []string
	// Minus are the fields subtracted.
	Minus []string
	Const int64
	text  string
}

// ParseExpr reads a sum of fields and whole numbers, perhaps less some fields.
func ParseExpr(s string) (Expr, error) {
	e := Expr{text: strings.TrimSpace(s)}
	if e.text == "" {
		return e, fmt.Errorf("empty expression")
	}
	sum, err := parseSum(e.text)
	if err != nil {
		return e, fmt.Errorf("%q: %v", s, err)
	}
	if sum.Const < 0 {
		return e, fmt.Errorf("%q: negative number", s)
	}
	e.Const = sum.Const
	for _, t := range sum.Terms {
		if t.Minus {
			e.Minus = append(e.Minus, t.Field)
		} else {
			e.Fields = append(e.Fields, t.Field)
		}
	}
	if len(e.Fields) == 0 && len(e.Minus) > 0 {
		return e, fmt.Errorf("%q: a difference starts with the field it subtracts from", s)
	}
	return e, nil
}

// AllFields returns the fields added, then those subtracted.
func (e Expr) AllFields() []string {
	if len(e.Minus) == 0 {
		return e.Fields[:len(e.Fields):len(e.Fields)] // appending to it copies
	}
	return append(append([]string(nil), e.Fields...), e.Minus...)
}

func isKey(s string) bool {
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// String returns the expression as written.
func (e Expr) String() string { return e.text }

// UnmarshalYAML reads the expression, with the line on error.
func (e *Expr) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseExpr(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %v", n.Line, err)
	}
	*e = v
	return nil
}

// MarshalYAML writes the expression as written.
func (e Expr) MarshalYAML() (any, error) { return e.text, nil }

// MarshalJSON writes the number for machines: a JSON number, exactly (20, 1999.99), or
// the plan's own text for a percentage ("0.5%"), so that 0.5% is not read as 0.5.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d.IsPercent() {
		return json.Marshal(d.String())
	}
	if d.Den == 0 {
		return []byte("0"), nil
	}
	// Den divides 10^9 (ParseDecimal keeps at most 9 decimals), so 9 digits are exact.
	s := big.NewRat(d.Num, d.Den).FloatString(9)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return []byte(s), nil
}

// UnmarshalJSON reads what MarshalJSON writes: a number, or a string such as "0.5%".
func (d *Decimal) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		s = string(b)
	}
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
