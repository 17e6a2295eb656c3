package render

import (
	"slices"
	"strings"
	"testing"

	"drugfree/report/layout"
	"drugfree/report/textfit"
)

// A text taller than a row can be (409 points) goes on as many rows as it takes, cut
// between words, none of them lost.
func TestTextRowsSplitsWhatARowCannotHold(t *testing.T) {
	widths := []float64{20, 20}
	short := textRows("Nguồn số liệu: a.xlsx; b.xlsx.", "form-note", widths)
	if len(short) != 1 {
		t.Errorf("a short text takes %d rows", len(short))
	}
	var files []string
	for i := range 400 {
		files = append(files, "returns/phase3/huyen-"+strings.Repeat("x", i%7)+".xlsx;")
	}
	long := "Nguồn số liệu (400 tệp): " + strings.Join(files, " ")
	rows := textRows(long, "form-note", widths)
	if len(rows) < 2 {
		t.Fatalf("a text of %d characters takes %d row", len(long), len(rows))
	}
	var words []string
	for _, r := range rows {
		if r.height > textfit.MaxRowHeight {
			t.Errorf("a row of %v points", r.height)
		}
		words = append(words, strings.Fields(r.cells[0].text)...)
	}
	if strings.Join(words, " ") != long {
		t.Error("the rows do not hold the text, word for word")
	}
}

// The form's blocks share the columns out side by side, every column in one block, each
// block about its share of the width.
func TestBlocks(t *testing.T) {
	widths := []float64{26, 11, 11, 11, 11, 11, 11, 11, 11, 11}
	spans, stacked := blocks(widths, 0.42, 0.58)
	if stacked || len(spans) != 2 || spans[0][0] != 1 || spans[1][1] != len(widths) || spans[1][0] != spans[0][1]+1 {
		t.Fatalf("spans %v, stacked %v", spans, stacked)
	}
	left := 0.0
	for _, w := range widths[:spans[0][1]] {
		left += w
	}
	if share := left / 125; share < 0.35 || share > 0.5 {
		t.Errorf("the left block has %.0f%% of the width, want about 42%%", share*100)
	}
	// A very wide last column (a table's reasons) cannot be shared: the blocks before it
	// share the others, none left a single narrow column.
	spans, _ = blocks([]float64{18, 18, 6, 10, 13, 90}, 0.4, 0.3, 0.3)
	if want := [][2]int{{1, 2}, {3, 5}, {6, 6}}; !slices.Equal(spans, want) {
		t.Errorf("beside a wide column: spans %v, want %v", spans, want)
	}
	// Three blocks over two columns: one under the other, each the whole width.
	spans, stacked = blocks([]float64{30, 30}, 0.4, 0.3, 0.3)
	if !stacked || len(spans) != 3 || spans[2] != [2]int{1, 2} {
		t.Errorf("over two columns: spans %v, stacked %v", spans, stacked)
	}
}

// A table wider than the page gives way in its wide text columns first, then in its fitted
// ones; numbers keep their width.
func TestFitPage(t *testing.T) {
	widths := []float64{20, 20, 8, 90, 30}
	fit := []bool{true, true, true, false, true}
	text := []bool{true, true, false, true, true}
	fitPage(widths, fit, text)
	total := 0.0
	for _, w := range widths {
		total += w
	}
	if total > pageWidth {
		t.Errorf("widths %v: %v units, over the page's %v", widths, total, pageWidth)
	}
	if widths[2] != 8 {
		t.Errorf("the number column went from 8 to %v", widths[2])
	}
	if widths[0] != 20 || widths[3] >= 90 {
		t.Errorf("widths %v: the wide text column gives way first", widths)
	}
}

// The form's head and foot hold every line of the form, in order, and the signatures sit
// beside the recipients.
func TestFormRows(t *testing.T) {
	f := &layout.Form{
		Body: "CÔNG AN TỈNH TRÀ VINH", Office: "PHÒNG PC04", Motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Slogan: "Độc lập - Tự do - Hạnh phúc",
		Number: "Số: /BC-PC04", DateLine: "Trà Vinh, ngày 20 tháng 12 năm 2025", Kind: "BÁO CÁO", Subject: "Chủ đề", Lines: []string{"(dòng)"},
		Banner: "CHƯA ĐẦY ĐỦ", Notes: []string{"Ghi chú"}, RecipientsLabel: "Nơi nhận:", Recipients: []string{"- A;", "- Lưu: VT."},
		Signers: []layout.FormSigner{{Title: []string{"NGƯỜI LẬP BIỂU"}, Hint: "(Ký)"}, {Title: []string{"KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"}, Hint: "(Ký, đóng dấu)", Name: "Trần Văn B"}},
	}
	widths := []float64{20, 20, 10, 10, 40, 40}
	var got []string
	for _, r := range append(formHead(f, widths), formFoot(f, widths)...) {
		var line []string
		for _, c := range r.cells {
			line = append(line, c.text)
		}
		got = append(got, strings.Join(line, " | "))
	}
	want := []string{
		"CÔNG AN TỈNH TRÀ VINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHÒNG PC04 | Độc lập - Tự do - Hạnh phúc", "",
		"Số: /BC-PC04 | Trà Vinh, ngày 20 tháng 12 năm 2025", "", "BÁO CÁO", "Chủ đề", "(dòng)", "", "CHƯA ĐẦY ĐỦ", "",
		"", "Ghi chú", "",
		"Nơi nhận: | NGƯỜI LẬP BIỂU | KT. TRƯỞNG PHÒNG", "- A; | (Ký) | PHÓ TRƯỞNG PHÒNG", "- Lưu: VT. | (Ký, đóng dấu)", "", "", "", "", "Trần Văn B",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("form rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
