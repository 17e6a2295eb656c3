package read

import (
	"math/rand/v2"
	"testing"
)

// isNumberingCell is numberingCell.MatchString on texts of every length up to 8 made of
// the characters the expression looks at, and on commune names.
func TestIsNumberingCellIsItsRegexp(t *testing.T) {
	texts := []string{"", "1", "12", "123", "1234", "(1)", "( 12 )", "(abc)", "(abcd)", "A", "AB", "a",
		"Xã An Phú", "Phường 1", "(1", "1)", " 1", "1 ", "(\t1\t)", "( 1 2 )", "١", "(١)"}
	chars := []rune{'(', ')', ' ', '\t', '1', '0', '9', 'a', 'Z', 'x', '-', '.', 'ă', '١'}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		r := make([]rune, rng.IntN(9))
		for i := range r {
			r[i] = chars[rng.IntN(len(chars))]
		}
		texts = append(texts, string(r))
	}
	matched := 0
	for _, s := range texts {
		got, want := isNumberingCell(s), numberingCell.MatchString(s)
		if got != want {
			t.Errorf("isNumberingCell(%q) = %v, want %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 100 {
		t.Errorf("only %d texts match: the test says little", matched)
	}
}
