package cmd

import (
	"time"

	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// bin runs the real drugfree binary (testscript.Main puts it on PATH) in dir and returns
// its exit status, stdout and stderr. DRUGFREE_PASSWORD is cleared.
func bin(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	c := exec.Command("drugfree", args...)
	c.Dir = dir
	c.Env = append(os.Environ(), "DRUGFREE_PASSWORD=", "DRUGFREE_LANG=vi") // Vietnamese whatever the locale; --lang still wins
	var out, errOut bytes.Buffer
	c.Stdout, c.Stderr = &out, &errOut
	err := c.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String(), errOut.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String(), errOut.String()
	}
	t.Fatalf("run drugfree: %v", err)
	return 0, "", ""
}

// runIn runs drugfree in-process (clock fixed by run) with dir as the working folder, so
// that paths in the output are the relative ones given.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	return runInAt(t, dir, testClock, args...)
}

// runInAt is runIn with the clock at now.
func runInAt(t *testing.T, dir string, now time.Time, args ...string) (int, string, string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := os.Chdir(old); err != nil {
			t.Fatal(err)
		}
	}()
	return runAt(t, now, args...)
}

// sampleCopy copies the sample data (districts.xlsx and returns/) into a fresh folder.
func sampleCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "testdata")
	err := filepath.WalkDir(filepath.Join(src, "returns"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		copyFile(t, path, filepath.Join(dir, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(src, "districts.xlsx"), filepath.Join(dir, "districts.xlsx"))
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// sampleReturns lists the sample returns relative to the sample folder, sorted.
func sampleReturns(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"returns/phase3/*.xlsx", "returns/review/*.xlsx"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
	}
	if len(out) == 0 {
		t.Fatalf("no sample returns in %s", dir)
	}
	return out
}

// sheetRows reads a sheet's cells as text.
func sheetRows(t *testing.T, path, sheet string, opts ...excelize.Options) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path, opts...)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s sheet %q: %v", path, sheet, err)
	}
	return rows
}

// writeBook writes rows (any values; nil leaves a cell blank) to sheets of a new workbook
// at path, merging the given ranges ("A1:B1") of each sheet.
type sheetSpec struct {
	name   string
	rows   [][]any
	merges []string
}

func writeBook(t *testing.T, path string, sheets ...sheetSpec) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range s.merges {
			a, b, _ := bytes.Cut([]byte(m), []byte(":"))
			if err := f.MergeCell(s.name, string(a), string(b)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func writeText(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// office renders what drugfree writes with LibreOffice and reads the printed text back
// with pdftotext, as a clerk's printer would show it.
type office struct{ soffice, pdftotext, profile string }

// needOffice finds LibreOffice and pdftotext, with a profile of the test's own; the test
// skips where either is missing, and with -short.
func needOffice(t *testing.T) office {
	t.Helper()
	if testing.Short() {
		t.Skip("renders with LibreOffice")
	}
	var o office
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			o.soffice = p
			break
		}
	}
	p, err := exec.LookPath("pdftotext")
	if o.soffice == "" || err != nil {
		t.Skip("LibreOffice (soffice) or pdftotext is not installed")
	}
	o.pdftotext = p
	o.profile = "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "profile"))
	return o
}

// toPDF converts files to PDF into outdir in one LibreOffice run.
func (o office) toPDF(outdir string, files ...string) error {
	c := exec.Command(o.soffice, append([]string{o.profile, "--headless", "--convert-to", "pdf", "--outdir", outdir}, files...)...)
	c.Dir = outdir
	if b, err := c.CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v\n%s", err, b)
	}
	return nil
}

// text is the PDF's text, pages apart by form feeds.
func (o office) text(t *testing.T, pdf string) string {
	t.Helper()
	b, err := exec.Command(o.pdftotext, "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(b)
}
