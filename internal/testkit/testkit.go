package testkit

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
	"drugfree/report/problem"
)

var TestPlan = criteria.Default()

// Commune returns the registry entry with code, failing the test if there is none.
func Commune(t *testing.T, code string) criteria.Commune {
	t.Helper()
	c, ok := TestPlan.Registry.ByCode(code)
	if !ok {
		t.Fatalf("no commune %s in the registry", code)
	}
	return c
}

// Book is a workbook under construction; sheets are written from rows of values starting
// at A1 (nil leaves a cell empty).
type Book struct {
	t testing.TB
	F *excelize.File
}

func NewBook(t testing.TB) *Book {
	t.Helper()
	return &Book{t: t, F: excelize.NewFile()}
}

func (b *Book) Sheet(name string, rows [][]any) *Book {
	b.t.Helper()
	if idx, _ := b.F.GetSheetIndex(name); idx < 0 {
		if _, err := b.F.NewSheet(name); err != nil {
			b.t.Fatal(err)
		}
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := b.F.SetCellValue(name, cell, v); err != nil {
				b.t.Fatal(err)
			}
		}
	}
	return b
}

func (b *Book) Merge(sheet, from, to string) *Book {
	b.t.Helper()
	if err := b.F.MergeCell(sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
	return b
}

func (b *Book) Formula(sheet, cell, formula string) *Book {
	b.t.Helper()
	if err := b.F.SetCellFormula(sheet, cell, formula); err != nil {
		b.t.Fatal(err)
	}
	return b
}

// Save writes the workbook in dir as name, dropping the default empty "Sheet1".
func (b *Book) Save(dir, name string, o ...excelize.Options) string {
	b.t.Helper()
	if len(b.F.GetSheetList()) > 1 {
		if idx, _ := b.F.GetSheetIndex("Sheet1"); idx >= 0 {
			_ = b.F.DeleteSheet("Sheet1")
		}
	}
	path := filepath.Join(dir, name)
	if err := b.F.SaveAs(path, o...); err != nil {
		b.t.Fatal(err)
	}
	if err := b.F.Close(); err != nil {
		b.t.Fatal(err)
	}
	return path
}

// Cover is a cover sheet's rows.
func Cover(district, kind, date string) [][]any {
	return [][]any{
		{"Đơn vị báo cáo", district},
		{"Loại báo cáo", kind},
		{"Số văn bản", "12/BC-CAH"},
		{"Ngày báo cáo", date},
	}
}

func WriteFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// PatchZip rewrites the entries of a zip file under prefix, replacing old by new (to give
// a formula a cached value, which excelize cannot write).
func PatchZip(t *testing.T, path, prefix, old, new string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	replaced := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(f.Name, prefix) && strings.Contains(string(data), old) {
			data = []byte(strings.Replace(string(data), old, new, 1))
			replaced = true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !replaced {
		t.Fatalf("patchZip: %q not found under %s", old, prefix)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ProblemsWith returns the problems with code.
func ProblemsWith(probs []problem.Problem, code string) []problem.Problem {
	var out []problem.Problem
	for _, p := range probs {
		if p.Code == code {
			out = append(out, p)
		}
	}
	return out
}

// WantProblem fails unless exactly one problem has code and cell, and returns it.
func WantProblem(t *testing.T, probs []problem.Problem, code, cell string) problem.Problem {
	t.Helper()
	var found []problem.Problem
	for _, p := range probs {
		if p.Code == code && p.Cell == cell {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s at %q, got %d; all problems:\n%s", code, cell, len(found), Dump(probs))
	}
	return found[0]
}

// NoErrors fails on any problem of severity error.
func NoErrors(t *testing.T, probs []problem.Problem) {
	t.Helper()
	for _, p := range probs {
		if p.Severity == problem.Error {
			t.Fatalf("unexpected error:\n%s", Dump(probs))
		}
	}
}

func Dump(probs []problem.Problem) string {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString(string(p.Severity) + " " + p.Code + " " + p.Sheet + "!" + p.Cell + " [" + p.District + " / " + p.Commune + "] " + p.Message + "\n")
	}
	return b.String()
}

// DeclareSize rewrites the zip at path so that its directory declares size inflated
// bytes for entry, its bytes left as they are: a damaged or hostile file (a flipped
// byte, a "zip bomb" declaring 64 GiB in 8 KB).
func DeclareSize(t testing.TB, path, entry string, size uint64) {
	t.Helper()
	EditHeader(t, path, entry, func(h *zip.FileHeader) { h.UncompressedSize64 = size })
}

// EditHeader rewrites the zip at path with edit applied to entry's header (its size, its
// checksum), its bytes left as they are.
func EditHeader(t testing.TB, path, entry string, edit func(*zip.FileHeader)) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		h := f.FileHeader
		if f.Name == entry {
			edit(&h)
			found = true
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
	if !found {
		t.Fatalf("EditHeader: no entry %s in %s", entry, path)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
