package render

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report/layout"
	"drugfree/report/textfit"
)

func TestFitColumns(t *testing.T) {
	// A classification: district (Drop 2), commune, code (Drop 1), category, reasons (Wrap).
	cols := []fitColumn{
		{Want: 18, Piece: 5, Drop: 2},
		{Want: 18, Piece: 6},
		{Want: 5, Piece: 5, Drop: 1},
		{Want: 13, Piece: 5},
		{Want: 60, Piece: 9, Wrap: true},
	}
	// borders: 1 + 3 a column
	for _, c := range []struct {
		name  string
		width int
		want  []int
		fits  bool
	}{
		{"wide enough: every column at its Want", 200, []int{18, 18, 5, 13, 60}, true},
		{"the reasons narrow first", 120, []int{18, 18, 5, 13, 50}, true},
		{"the reasons down to 24, then the code hidden and the reasons take the room back", 90, []int{18, 18, 0, 13, 28}, true},
		{"80: the district hidden too", 80, []int{0, 18, 0, 13, 39}, true},
		{"40: names wrap at their spaces, every column narrowed, the widest first", 40, []int{0, 10, 0, 10, 10}, true},
		{"30: at their widest words", 30, []int{0, 6, 0, 5, 9}, true},
		{"20: words cut down to 4 cells", 20, []int{0, 4, 0, 4, 4}, false},
	} {
		got, fits := fitColumns(cols, c.width)
		if !reflect.DeepEqual(got, c.want) || fits != c.fits {
			t.Errorf("%s: fitColumns(%d) = %v, %v; want %v, %v", c.name, c.width, got, fits, c.want, c.fits)
		}
		if fits {
			n := 1
			for _, w := range got {
				if w > 0 {
					n += w + 3
				}
			}
			if n > c.width {
				t.Errorf("%s: %d cells wide, over %d", c.name, n, c.width)
			}
		}
	}
	// A table with nothing to hide and no text to wrap goes straight to its names.
	got, fits := fitColumns([]fitColumn{{Want: 20, Piece: 6}, {Want: 20, Piece: 8}}, 30)
	if !fits || !reflect.DeepEqual(got, []int{11, 12}) {
		t.Errorf("two names in 30 cells: %v, %v", got, fits)
	}
}

// fitTable is a classification of a few communes, names decomposed (NFD) as some
// returns write them.
func fitTable() layout.Table {
	reason := "không đạt tiêu chí loại III nào nhưng khác 0: người nghiện có hồ sơ quản lý 5, tổng số người nghiện 5 → Ít phức tạp"
	return layout.Table{Columns: []layout.Column{
		{Key: "district", Header: "Huyện, thị xã, thành phố", Drop: 2},
		{Key: "commune", Header: "Xã, phường, thị trấn"},
		{Key: "code", Header: "Mã", Drop: 1},
		{Key: "c1", Header: "1", Drop: 1, Legend: "Không có tụ điểm"},
		{Key: "category", Header: "Phân loại", Legend: "theo Phụ lục"},
		{Key: "reasons", Header: "Lý do", Wrap: true},
	}, Rows: [][]any{
		{"Thành phố Trà Vinh", norm.NFD.String("Phường Trường Long Hòa"), "29236", "✓", "Ít phức tạp", reason},
		{norm.NFD.String("Huyện Càng Long"), "Xã Nhị Long", "29302", "✗", "Không ma túy", "bằng 0 → Không ma túy"},
	}}
}

func TestWriteTextWidth(t *testing.T) {
	tbl := fitTable()
	var full bytes.Buffer
	if err := WriteText(&full, tbl, i18n.Vi); err != nil {
		t.Fatal(err)
	}
	natural := widestLine(full.String())
	for _, width := range []int{natural, natural + 40} {
		var b bytes.Buffer
		if err := WriteTextWidth(&b, tbl, i18n.Vi, width); err != nil {
			t.Fatal(err)
		}
		if b.String() != full.String() {
			t.Errorf("width %d, where the table fits: not the table WriteText writes:\n%s", width, b.String())
		}
	}
	for _, c := range []struct {
		width  int
		hidden string
		legend []string
	}{
		{natural - 1, "", []string{"1: Không có tụ điểm", "Phân loại: theo Phụ lục"}},
		{100, "Ẩn cột “Mã”, “1”; dùng --wide để xem đủ.", []string{"Phân loại: theo Phụ lục"}},
		{60, "Ẩn cột “Huyện, thị xã, thành phố”, “Mã”, “1”; dùng --wide để xem đủ.", []string{"Phân loại: theo Phụ lục"}},
		{40, "Ẩn cột “Huyện, thị xã, thành phố”, “Mã”, “1”; dùng --wide để xem đủ.", []string{"Phân loại: theo Phụ lục"}},
	} {
		var b bytes.Buffer
		if err := WriteTextWidth(&b, tbl, i18n.Vi, c.width); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		grid := 0
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			w := textfit.Cells(line)
			if w > c.width {
				t.Errorf("width %d: line %q is %d cells", c.width, line, w)
			}
			if strings.HasPrefix(line, "│") || strings.HasPrefix(line, "┌") || strings.HasPrefix(line, "└") {
				if grid == 0 {
					grid = w
				} else if w != grid {
					t.Errorf("width %d: the grid is broken: line %q is %d cells, the first %d", c.width, line, w, grid)
				}
			}
		}
		// Every commune and every word of the shown columns, in order; a name is cut only
		// at its spaces (NFD: the letters keep their marks).
		grids := testkit.Grids(out)
		if len(grids) != 1 {
			t.Fatalf("width %d: %d tables:\n%s", c.width, len(grids), out)
		}
		if k := slices.Index(grids[0].Head, "Xã, phường, thị trấn"); k < 0 {
			t.Errorf("width %d: no communes: %q", c.width, grids[0].Head)
		} else if want := norm.NFD.String("Phường Trường Long Hòa") + " Xã Nhị Long"; grids[0].Cells[k] != want {
			t.Errorf("width %d: communes %q, want %q", c.width, grids[0].Cells[k], want)
		}
		wide := testkit.Grids(full.String())[0]
		for i, h := range grids[0].Head {
			j := slices.Index(wide.Head, h)
			if j < 0 {
				t.Errorf("width %d: column %q not in the whole table %q", c.width, h, wide.Head)
				continue
			}
			if got, want := strings.ReplaceAll(grids[0].Cells[i], " ", ""), strings.ReplaceAll(wide.Cells[j], " ", ""); got != want {
				t.Errorf("width %d: column %q holds %q, want %q", c.width, h, got, want)
			}
		}
		squeezed := strings.Join(strings.Fields(out), " ")
		if c.hidden != "" && !strings.Contains(squeezed, c.hidden) {
			t.Errorf("width %d: no note %q:\n%s", c.width, c.hidden, out)
		}
		if c.hidden == "" && strings.Contains(out, "Ẩn cột") {
			t.Errorf("width %d: a column hidden:\n%s", c.width, out)
		}
		for _, l := range c.legend {
			if !strings.Contains(out, l) {
				t.Errorf("width %d: no legend %q:\n%s", c.width, l, out)
			}
		}
		if !slices.Contains(c.legend, "1: Không có tụ điểm") && strings.Contains(out, "1: Không có") {
			t.Errorf("width %d: the legend of a hidden column:\n%s", c.width, out)
		}
	}
	// English.
	var b bytes.Buffer
	if err := WriteTextWidth(&b, tbl, i18n.En, 60); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(b.String()), " "), "Columns hidden: “Huyện, thị xã, thành phố”, “Mã”, “1”; use --wide to see them all.") {
		t.Errorf("English note:\n%s", b.String())
	}
}

// Three or more columns side by side hidden together are named as a range.
func TestHiddenColumns(t *testing.T) {
	cols := []layout.Column{{Header: "Mã", Drop: 1}, {Header: "1", Drop: 2}, {Header: "2", Drop: 2}, {Header: "3", Drop: 2}, {Header: "Kết quả"}, {Header: "Hạn\n(30/04)", Drop: 3}}
	got := hiddenColumns(cols, []bool{false, false, false, false, true, false})
	if want := "“Mã”, “1”–“3”, “Hạn (30/04)”"; got != want {
		t.Errorf("hiddenColumns = %q, want %q", got, want)
	}
}
