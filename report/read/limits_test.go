package read

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report/grid"
	"drugfree/report/problem"
)

// The zip directory's sizes are not trusted: a sheet declared at 64 GiB (8 KB on disk)
// or at 4 GiB (one flipped byte) is refused, not allocated.
func TestReadDeclaredHugeSheet(t *testing.T) {
	for _, size := range []uint64{64 << 30, 1<<32 - 2} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			dir := t.TempDir()
			path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 1, 1, 0}).Save(dir, "bomb.xlsx")
			testkit.DeclareSize(t, path, "xl/worksheets/sheet3.xml", size) // the data sheet
			if st, err := os.Stat(path); err != nil || st.Size() > 16<<10 {
				t.Fatalf("crafted file: %v, %v", st, err)
			}
			rets, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En})
			if len(rets) != 0 {
				t.Errorf("got %d returns", len(rets))
			}
			p := testkit.WantProblem(t, probs, problem.CodeTooLarge, "")
			if !strings.Contains(p.Message, "200 MB") || !strings.Contains(p.Message, "--limits inflated=400") || p.Severity != problem.Error {
				t.Errorf("message %q: want the limit and how to raise it", p.Message)
			}
		})
	}
}

// Each time a part is read counts: a part given as the worksheet of two sheets is
// inflated twice, and refused when twice is beyond the limit, though once is not.
func TestReadPartReadTwiceCountsTwice(t *testing.T) {
	dir := t.TempDir()
	rows := [][]any{}
	for i := range 3000 {
		rows = append(rows, []any{fmt.Sprintf("Ghi chú dòng %d, đủ dài để sheet lớn", i)})
	}
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 1, 1, 0}).Sheet("Ghi chú", rows).Save(dir, "twice.xlsx")
	var declared, notes int64
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		declared += int64(f.UncompressedSize64)
		if f.Name == "xl/worksheets/sheet4.xml" { // Sheet1 is deleted on saving
			notes = int64(f.UncompressedSize64)
		}
	}
	zr.Close()
	// the notes' worksheet given for the data sheet too: read twice
	testkit.PatchZip(t, path, "xl/_rels/workbook.xml.rels", "worksheets/sheet3.xml", "worksheets/sheet4.xml")

	if notes < 50<<10 {
		t.Fatalf("the notes' worksheet is %d bytes: want it large", notes)
	}
	limit := declared + notes/2 // the directory's total fits, a second reading does not
	_, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Limits: grid.Limits{Inflated: limit}})
	testkit.WantProblem(t, probs, problem.CodeTooLarge, "")

	_, probs = ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Limits: grid.Limits{Inflated: declared + 2*notes}})
	if got := testkit.ProblemsWith(probs, problem.CodeTooLarge); len(got) != 0 {
		t.Errorf("within the limit, still too large:\n%s", testkit.Dump(probs))
	}
}

func TestReadFileAndPartsLimits(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 1, 1, 0}).Save(dir, "good.xlsx")
	csv := testkit.WriteFile(t, dir, "big.csv", []byte("Xã,Dân số\n"+strings.Repeat("Hòa Ân,5000\n", 200)))
	tests := []struct {
		name     string
		path     string
		limits   grid.Limits
		mentions string
	}{
		{"file", path, grid.Limits{File: 1 << 10}, "--limits file=2"},
		{"csv file", csv, grid.Limits{File: 1 << 10}, "--limits file=2"},
		{"parts", path, grid.Limits{Parts: 3}, "--limits parts=6"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rets, probs := ReadFile(tc.path, ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En, Limits: tc.limits})
			if len(rets) != 0 {
				t.Errorf("got %d returns", len(rets))
			}
			p := testkit.WantProblem(t, probs, problem.CodeTooLarge, "")
			if !strings.Contains(p.Message, tc.mentions) {
				t.Errorf("message %q: want %q", p.Message, tc.mentions)
			}
		})
	}
	// and with the defaults, all is read
	rets, probs := ReadFile(path, opts())
	testkit.NoErrors(t, probs)
	if len(rets) != 1 {
		t.Errorf("got %d returns", len(rets))
	}
}

func TestReadNotRegularFiles(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "bao-cao.xlsx")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	_, probs := ReadFile(folder, ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En})
	p := testkit.WantProblem(t, probs, problem.CodeUnreadableFile, "")
	if !strings.Contains(p.Message, "a folder") {
		t.Errorf("message %q: want it to say it is a folder", p.Message)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, probs := ReadFile("/dev/zero", ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En})
		p := testkit.WantProblem(t, probs, problem.CodeUnreadableFile, "")
		if !strings.Contains(p.Message, "Not a regular file") {
			t.Errorf("message %q", p.Message)
		}
	}
}

// inflatingBook writes a workbook whose one sheet inflates to size bytes (a run of
// spaces in its XML, which deflates about a thousandfold), its zip directory declaring
// declare bytes for it. It is built by hand: excelize would inflate it.
func inflatingBook(tb testing.TB, path string, size, declare int64) {
	tb.Helper()
	var sheet bytes.Buffer
	crc := crc32.NewIEEE()
	fw, err := flate.NewWriter(&sheet, flate.BestSpeed)
	if err != nil {
		tb.Fatal(err)
	}
	out := io.MultiWriter(fw, crc)
	head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	tail := `</sheetData></worksheet>`
	io.WriteString(out, head)
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	for left := size - int64(len(head)+len(tail)); left > 0; left -= int64(len(spaces)) {
		out.Write(spaces[:min(left, int64(len(spaces)))])
	}
	io.WriteString(out, tail)
	if err := fw.Close(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
	}
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			tb.Fatal(err)
		}
		io.WriteString(w, p.body)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc.Sum32(), CompressedSize64: uint64(sheet.Len()), UncompressedSize64: uint64(declare)})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := w.Write(sheet.Bytes()); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// A sheet that inflates beyond the limit is refused before it is inflated when the
// directory says so (too-large), and when the directory lies (declares 1 MB) archive/zip
// stops at what it declared: unreadable, never more read.
func TestReadInflatingSheet(t *testing.T) {
	dir := t.TempDir()
	honest := filepath.Join(dir, "honest.xlsx")
	inflatingBook(t, honest, 300<<20, 300<<20)
	lying := filepath.Join(dir, "lying.xlsx")
	inflatingBook(t, lying, 300<<20, 1<<20)
	small := filepath.Join(dir, "small.xlsx")
	inflatingBook(t, small, 1<<20, 1<<20)

	_, probs := ReadFile(honest, opts())
	testkit.WantProblem(t, probs, problem.CodeTooLarge, "")
	_, probs = ReadFile(lying, opts())
	testkit.WantProblem(t, probs, problem.CodeUnreadableFile, "")
	// the same, inflating to 1 MB and saying so, is read (a sheet without header)
	_, probs = ReadFile(small, opts())
	testkit.WantProblem(t, probs, problem.CodeNoDataSheet, "")
}

// BenchmarkReadInflatingSheet reads a 1 GiB inflating sheet (about 1 MB on disk), its
// size declared (refused from the directory) or understated (archive/zip stops at the
// declared 1 MB, or 150 MB: what is inflated before the lie shows is bounded by the
// declared size, so by Limits.Inflated). See B/op and ns/op.
func BenchmarkReadInflatingSheet(b *testing.B) {
	dir := b.TempDir()
	for _, bc := range []struct {
		name    string
		declare int64
	}{{"declared", 1 << 30}, {"understated", 1 << 20}, {"understated-150MB", 150 << 20}} {
		path := filepath.Join(dir, bc.name+".xlsx")
		inflatingBook(b, path, 1<<30, bc.declare)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, probs := ReadFile(path, opts())
				if problem.CountErrors(probs) == 0 {
					b.Fatal("read without error")
				}
			}
		})
	}
}

// A file given twice, by another path or a link, is read once, and said so: not
// superseded by itself.
func TestDistinctFiles(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 1, 1, 0}).Save(dir, "a.xlsx")
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(path, link); err != nil {
		t.Skip(err)
	}
	kept, probs := Distinct([]string{path, dir + "/./a.xlsx", link, filepath.Join(dir, "none.xlsx")}, i18n.En)
	if !slices.Equal(kept, []string{path, filepath.Join(dir, "none.xlsx")}) {
		t.Errorf("kept %v, want the first and the missing one (for ReadFiles to report)", kept)
	}
	var same []string
	for _, p := range probs {
		if p.Code == problem.CodeSuperseded {
			if !strings.Contains(p.Message, "given already ("+path+")") {
				t.Errorf("message %q", p.Message)
			}
			same = append(same, p.File)
		}
	}
	if !slices.Equal(same, []string{dir + "/./a.xlsx", link}) {
		t.Errorf("superseded: %v; want the second and third paths\n%s", same, testkit.Dump(probs))
	}
}

// A sheet whose bytes fail their checksum, or end before the size the directory declares,
// is an unreadable file, not read up to the damage (excelize would read it so, silently).
func TestReadDamagedSheet(t *testing.T) {
	for name, edit := range map[string]func(*zip.FileHeader){
		"checksum": func(h *zip.FileHeader) { h.CRC32 ^= 1 },
		"short":    func(h *zip.FileHeader) { h.UncompressedSize64 += 100 },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 1, 1, 0}).Save(dir, "damaged.xlsx")
			testkit.EditHeader(t, path, "xl/worksheets/sheet3.xml", edit)
			rets, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En})
			if len(rets) != 0 {
				t.Errorf("got %d returns", len(rets))
			}
			p := testkit.WantProblem(t, probs, problem.CodeUnreadableFile, "")
			if !strings.Contains(p.Message, "xl/worksheets/sheet3.xml") {
				t.Errorf("message %q: want the part named", p.Message)
			}
		})
	}
}

// A protected workbook is read by excelize, with the same limit on what it inflates.
func TestReadEncryptedBeyondLimit(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 1, 1, 0}).Save(dir, "khoa.xlsx", excelize.Options{Password: "x"})
	_, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Password: "x", Lang: i18n.En, Limits: grid.Limits{Inflated: 4 << 10}})
	p := testkit.WantProblem(t, probs, problem.CodeTooLarge, "")
	if !strings.Contains(p.Message, "--limits inflated=") {
		t.Errorf("message %q", p.Message)
	}
	rets, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Password: "x"})
	testkit.NoErrors(t, probs)
	if len(rets) != 1 {
		t.Errorf("within the limit: %d returns", len(rets))
	}
}
