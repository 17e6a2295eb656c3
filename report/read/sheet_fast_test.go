package read

import "testing"

// A cell of the row that numbers a table's columns is a number of one to three digits, one
// to three letters or digits in parentheses (spaces allowed inside), or one letter; a
// commune's name, longer numbers and other scripts' digits are not.
func TestIsNumberingCell(t *testing.T) {
	for _, s := range []string{"1", "12", "123", "0", "(1)", "(12)", "( 12 )", "(\t1\t)", "(a)", "(abc)", "(A1)", "(123)", "A", "a", "Z"} {
		if !isNumberingCell(s) {
			t.Errorf("isNumberingCell(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"", " ", "1234", "(1234)", "(abcd)", "()", "( )", "AB", "ab", "1a", "Xã An Phú", "Phường 1", "1.",
		"(1", "1)", " 1", "1 ", "( 1 2 )", "(-1)", "-1", "ă", "(ă)", "١", "(١)", "12345678"} {
		if isNumberingCell(s) {
			t.Errorf("isNumberingCell(%q) = true, want false", s)
		}
	}
}
