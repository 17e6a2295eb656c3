package textfit

import (
	"strings"
	"testing"
)

func TestWidth(t *testing.T) {
	// Times New Roman: a digit is half an em, so ten of them at 10 points are 50 points.
	if w := Width("0123456789", 10, false); w != 50 {
		t.Errorf("ten digits at 10 pt: %v pt, want 50", w)
	}
	// A Vietnamese letter is as wide as its base letter, whatever its tone and hat.
	for _, pair := range [][2]string{{"người nghiện", "nguoi nghien"}, {"Ổ NHÓM", "O NHOM"}, {"Đồng", "Dong"}} {
		if a, b := Width(pair[0], 11, false), Width(pair[1], 11, false); a != b {
			t.Errorf("%q is %v pt, %q %v pt: want the same", pair[0], a, pair[1], b)
		}
	}
	if Width("BÁO CÁO", 12, true) <= Width("BÁO CÁO", 12, false) {
		t.Error("bold is not wider than regular")
	}
}

func TestLines(t *testing.T) {
	room := Room(20) // 101.25 points
	for _, c := range []struct {
		name string
		text string
		want int
	}{
		{"a short text", "Loại III", 1},
		{"an empty text", "", 1},
		{"two paragraphs", "Loại I\nLoại II", 2},
		// 9,666 thousandths of an em at 11 pt: 106 points, over the 101 of the column.
		{"a line just too long breaks at its last space", "quản lý người nghiện có", 2},
		{"words packed as a spreadsheet wraps them", strings.Repeat("người nghiện có hồ sơ quản lý ", 3), 5},
		// 40 digits of 5.5 points: 220 points, broken where they reach the edge.
		{"a word longer than the column is broken", strings.Repeat("0", 40), 3},
	} {
		if got := Lines(c.text, room, Body, false); got != c.want {
			t.Errorf("%s: %d lines, want %d", c.name, got, c.want)
		}
	}
}

// The measures agree with LibreOffice's, measured: 39 zeros fit in a column 40 wide and 40
// do not; 9 in a column of 10.
func TestRoomAsMeasured(t *testing.T) {
	for _, c := range []struct {
		width     float64
		fit, over int
	}{{10, 8, 10}, {40, 37, 40}, {80, 75, 80}} {
		room := Room(c.width)
		if Lines(strings.Repeat("0", c.fit), room, Body, false) != 1 {
			t.Errorf("column %v: %d zeros do not fit", c.width, c.fit)
		}
		if Lines(strings.Repeat("0", c.over), room, Body, false) != 2 {
			t.Errorf("column %v: %d zeros fit", c.width, c.over)
		}
	}
	// ColumnWidth is Room's inverse: a column that wide holds the text on one line.
	for _, s := range []string{"Huyện Càng Long", "Thị xã Duyên Hải", "Chưa xác định"} {
		pt := Width(s, Body, false)
		if w := ColumnWidth(pt); Room(w) < pt || Room(w-1) >= pt {
			t.Errorf("%q (%v pt): ColumnWidth %v has room %v", s, pt, w, Room(w))
		}
	}
}

func TestRowHeight(t *testing.T) {
	if h := RowHeight(1, Body); h < Body || h > 2*Body {
		t.Errorf("one line at %v pt: %v pt", Body, h)
	}
	if RowHeight(3, Body) <= RowHeight(2, Body) {
		t.Error("three lines are not taller than two")
	}
	// A spreadsheet takes no row above 409 points.
	if h := RowHeight(500, Body); h != MaxRowHeight {
		t.Errorf("500 lines: %v pt, want the cap %v", h, MaxRowHeight)
	}
}

// A path breaks after its slashes and hyphens in LibreOffice, which packs it less tightly
// than breaking it anywhere: measured, this one takes six lines in a column 14 wide.
func TestLinesOfAPath(t *testing.T) {
	path := "/work/wt/form/testdata/returns/phase3/phase3-huyen-chau-thanh-bo-sung.xlsx"
	if got := Lines(path, Room(14), Body, false); got < 6 {
		t.Errorf("%d lines, want at least the 6 LibreOffice prints", got)
	}
}
