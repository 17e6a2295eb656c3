package cmd

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
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
	defer zr.Close()
	largest := ""
	var size uint64
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/") && f.UncompressedSize64 > size {
			largest, size = f.Name, f.UncompressedSize64
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		h := f.FileHeader
		if f.Name == largest {
			h.UncompressedSize64 = 64 << 30
		}
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
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
		if len(a) < 2 || !strings.Contains(a[0][0], "too-large") {
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
