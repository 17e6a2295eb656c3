package report

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
)

var testPlan = criteria.Default()

func opts() ReadOptions { return ReadOptions{Plan: testPlan} }

// commune returns the registry entry with code, failing the test if there is none.
func commune(t *testing.T, code string) criteria.Commune {
	t.Helper()
	c, ok := testPlan.Registry.ByCode(code)
	if !ok {
		t.Fatalf("no commune %s in the registry", code)
	}
	return c
}

// book is a workbook under construction; sheets are written from rows of values starting
// at A1 (nil leaves a cell empty).
type book struct {
	t *testing.T
	f *excelize.File
}

func newBook(t *testing.T) *book {
	t.Helper()
	return &book{t: t, f: excelize.NewFile()}
}

func (b *book) sheet(name string, rows [][]any) *book {
	b.t.Helper()
	if idx, _ := b.f.GetSheetIndex(name); idx < 0 {
		if _, err := b.f.NewSheet(name); err != nil {
			b.t.Fatal(err)
		}
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := b.f.SetCellValue(name, cell, v); err != nil {
				b.t.Fatal(err)
			}
		}
	}
	return b
}

func (b *book) merge(sheet, from, to string) *book {
	b.t.Helper()
	if err := b.f.MergeCell(sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
	return b
}

func (b *book) formula(sheet, cell, formula string) *book {
	b.t.Helper()
	if err := b.f.SetCellFormula(sheet, cell, formula); err != nil {
		b.t.Fatal(err)
	}
	return b
}

// save writes the workbook in dir as name, dropping the default empty "Sheet1".
func (b *book) save(dir, name string, o ...excelize.Options) string {
	b.t.Helper()
	if len(b.f.GetSheetList()) > 1 {
		if idx, _ := b.f.GetSheetIndex("Sheet1"); idx >= 0 {
			_ = b.f.DeleteSheet("Sheet1")
		}
	}
	path := filepath.Join(dir, name)
	if err := b.f.SaveAs(path, o...); err != nil {
		b.t.Fatal(err)
	}
	if err := b.f.Close(); err != nil {
		b.t.Fatal(err)
	}
	return path
}

// cover is a cover sheet's rows.
func cover(district, kind, date string) [][]any {
	return [][]any{
		{"Đơn vị báo cáo", district},
		{"Loại báo cáo", kind},
		{"Số văn bản", "12/BC-CAH"},
		{"Ngày báo cáo", date},
	}
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeCanonical writes spec with WriteReturn.
func writeCanonical(t *testing.T, dir, name string, spec ReturnSpec) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReturn(&buf, testPlan, spec); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, buf.Bytes())
}

// patchZip rewrites the entries of a zip file under prefix, replacing old by new (to give
// a formula a cached value, which excelize cannot write).
func patchZip(t *testing.T, path, prefix, old, new string) {
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

// problemsWith returns the problems with code.
func problemsWith(probs []Problem, code string) []Problem {
	var out []Problem
	for _, p := range probs {
		if p.Code == code {
			out = append(out, p)
		}
	}
	return out
}

// wantProblem fails unless exactly one problem has code and cell, and returns it.
func wantProblem(t *testing.T, probs []Problem, code, cell string) Problem {
	t.Helper()
	var found []Problem
	for _, p := range probs {
		if p.Code == code && p.Cell == cell {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s at %q, got %d; all problems:\n%s", code, cell, len(found), dump(probs))
	}
	return found[0]
}

// noErrors fails on any problem of severity error.
func noErrors(t *testing.T, probs []Problem) {
	t.Helper()
	for _, p := range probs {
		if p.Severity == Error {
			t.Fatalf("unexpected error:\n%s", dump(probs))
		}
	}
}

func dump(probs []Problem) string {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString(string(p.Severity) + " " + p.Code + " " + p.Sheet + "!" + p.Cell + " [" + p.District + " / " + p.Commune + "] " + p.Message + "\n")
	}
	return b.String()
}

// oneReturn fails unless there is exactly one return.
func oneReturn(t *testing.T, rets []*Return, probs []Problem) *Return {
	t.Helper()
	if len(rets) != 1 {
		t.Fatalf("want 1 return, got %d; problems:\n%s", len(rets), dump(probs))
	}
	return rets[0]
}

// rowByCode returns the row of the commune with code.
func rowByCode(t *testing.T, ret *Return, code string) Row {
	t.Helper()
	for _, r := range ret.Rows {
		if r.Commune.Code == code {
			return r
		}
	}
	t.Fatalf("no row for commune %s in return of %q (%d rows)", code, ret.District, len(ret.Rows))
	return Row{}
}
