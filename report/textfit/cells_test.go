package textfit

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// A Vietnamese letter is one cell, its marks composed or not; a wide character two.
func TestCells(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"Phường 4", 8},
		{norm.NFD.String("Xã Trường Long Hòa"), 18},
		{norm.NFC.String("Xã Trường Long Hòa"), 18},
		{"Ấp ✓", 4},
		{"中文", 4},
		{"", 0},
	} {
		if got := Cells(c.s); got != c.want {
			t.Errorf("Cells(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

func TestWrapCells(t *testing.T) {
	nfd := norm.NFD.String("Thường")
	for _, c := range []struct {
		name  string
		s     string
		width int
		want  []string
	}{
		{"fits", "Xã Long Hữu", 11, []string{"Xã Long Hữu"}},
		{"at the spaces", "Xã Trường Long Hòa", 10, []string{"Xã Trường", "Long Hòa"}},
		{"a word that fits goes whole to the next line", "ab cdefgh", 6, []string{"ab", "cdefgh"}},
		{"a path after its slashes", "testdata/returns/cang-long.xlsx", 10, []string{"testdata/", "returns/", "cang-", "long.xlsx"}},
		{"a piece wider than a line goes on from where the line is", "returns/phase3.xlsx", 10, []string{"returns/ph", "ase3.xlsx"}},
		{"a hyphen before a letter, not before a digit", "huyen-cang-long -5", 7, []string{"huyen-", "cang-", "long -5"}},
		{"a fraction stays whole where it fits", "5.163/5.202 hộ", 11, []string{"5.163/5.202", "hộ"}},
		{"a word wider than a line is cut between letters, marks kept", nfd + nfd, 4, []string{
			norm.NFD.String("Thườ"), norm.NFD.String("ngTh"), norm.NFD.String("ường")}},
		{"width below 1 is 1", "ab", 0, []string{"a", "b"}},
		{"empty", "", 5, []string{""}},
	} {
		got := WrapCells(c.s, c.width)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: WrapCells(%q, %d) = %q, want %q", c.name, c.s, c.width, got, c.want)
		}
		// Nothing lost, nothing wider than the line (but where a line is 1 and a letter 2).
		if strings.Join(strings.Fields(strings.Join(got, "")), "") != strings.Join(strings.Fields(c.s), "") {
			t.Errorf("%s: %q lost text of %q", c.name, got, c.s)
		}
		for _, l := range got {
			if Cells(l) > max(c.width, 1) {
				t.Errorf("%s: line %q is %d cells, over %d", c.name, l, Cells(l), c.width)
			}
		}
	}
}

func TestWidestPiece(t *testing.T) {
	if got := WidestPiece("Xã Trường Long Hòa"); got != 6 {
		t.Errorf("WidestPiece of a name = %d, want 6 (Trường)", got)
	}
	if got := WidestPiece("testdata/returns/phase3-xa-cang-long.xlsx"); got != 9 {
		t.Errorf("WidestPiece of a path = %d, want 9 (testdata/, long.xlsx)", got)
	}
}
