package render

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestParallelZipReadsBack writes parts of every kind of size (empty, small, several
// chunks, written whole or in small pieces) and reads them back with archive/zip.
func TestParallelZipReadsBack(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var parts [][]byte
	for _, n := range []int{0, 1, 100, zipChunk - 1, zipChunk, zipChunk + 1, 3*zipChunk + 12345} {
		b := make([]byte, n)
		for i := range b {
			b[i] = "<row r=\"1\"><c>x</c></row>"[rng.Intn(25)]
		}
		parts = append(parts, b)
	}
	for _, piece := range []int{0, 32 << 10} {
		var out bytes.Buffer
		z := newParallelZip(&out)
		for i, p := range parts {
			w, err := z.Create(fmt.Sprintf("xl/part%d.xml", i))
			if err != nil {
				t.Fatal(err)
			}
			for rest := p; ; {
				k := len(rest)
				if piece > 0 {
					k = min(k, piece)
				}
				if _, err := w.Write(rest[:k]); err != nil {
					t.Fatal(err)
				}
				if rest = rest[k:]; len(rest) == 0 {
					break
				}
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		r, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.File) != len(parts) {
			t.Fatalf("%d parts read back, want %d", len(r.File), len(parts))
		}
		for i, f := range r.File {
			if f.Name != fmt.Sprintf("xl/part%d.xml", i) || f.Method != zip.Deflate {
				t.Errorf("part %d: %s, method %d", i, f.Name, f.Method)
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(rc) // checks the CRC and sizes
			rc.Close()
			if err != nil || !bytes.Equal(got, parts[i]) {
				t.Errorf("part %d (%d bytes, pieces of %d): read back %d bytes, err %v", i, len(parts[i]), piece, len(got), err)
			}
		}
	}
}

// fakeExcelize stands for an excelize that writes its zip in a way streamZip does not
// expect: save is its File.Write, given the function SetZipWriter was given and the
// writer File.Write was given.
type fakeExcelize struct {
	newZip func(io.Writer) excelize.ZipWriter
	save   saveFunc
}

type saveFunc = func(newZip func(io.Writer) excelize.ZipWriter, own io.Writer) error

func (f *fakeExcelize) SetZipWriter(fn func(io.Writer) excelize.ZipWriter) *excelize.File {
	f.newZip = fn
	return nil
}

func (f *fakeExcelize) Write(w io.Writer, _ ...excelize.Options) error { return f.save(f.newZip, w) }

func (f *fakeExcelize) GetSheetList() []string { return []string{"Sheet1"} }

// onePart writes a part named name to zw.
func onePart(zw excelize.ZipWriter, name string) error {
	w, err := zw.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write([]byte("<worksheet/>"))
	return err
}

// streamZip refuses, rather than give an empty or partial workbook, when excelize does
// not write its zip through the one zip writer it was given, whole and closed; and it
// passes the real excelize.
func TestStreamZipFailsLoudly(t *testing.T) {
	cases := map[string]struct {
		save saveFunc
		want string // in the error
	}{
		// excelize no longer asks for the zip writer: it writes its own zip to its buffer.
		"zip writer not used": {want: "0 parallel zip writers", save: func(_ func(io.Writer) excelize.ZipWriter, own io.Writer) error {
			zw := zip.NewWriter(own)
			if err := onePart(zw, "xl/workbook.xml"); err != nil {
				return err
			}
			return zw.Close()
		}},
		// excelize forgets Close: the zip has no directory.
		"never closed": {want: "did not close", save: func(newZip func(io.Writer) excelize.ZipWriter, own io.Writer) error {
			return onePart(newZip(own), "xl/workbook.xml")
		}},
		// excelize closes the zip and then adds a part, which would go after its directory,
		// and loses Create's error (as File.writeToZip can: its last loop, over temporary
		// files, overwrites the error of the loop before).
		"part after close": {want: "after Close", save: func(newZip func(io.Writer) excelize.ZipWriter, own io.Writer) error {
			zw := newZip(own)
			if err := zw.Close(); err != nil {
				return err
			}
			_ = onePart(zw, "xl/workbook.xml")
			return nil
		}},
		// excelize gives the zip writer some of the parts only (the sheet goes elsewhere).
		"parts missing": {want: "the zip has 2 parts, 0 of them sheets of 1", save: func(newZip func(io.Writer) excelize.ZipWriter, own io.Writer) error {
			zw := newZip(own)
			for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
				if err := onePart(zw, name); err != nil {
					return err
				}
			}
			return zw.Close()
		}},
		// excelize writes the zip in two zip writers, one after the other.
		"two zips": {want: "2 parallel zip writers", save: func(newZip func(io.Writer) excelize.ZipWriter, own io.Writer) error {
			for range 2 {
				zw := newZip(own)
				if err := onePart(zw, "xl/workbook.xml"); err != nil {
					return err
				}
				if err := zw.Close(); err != nil {
					return err
				}
			}
			return nil
		}},
		// excelize adds to its buffer after the zip (as its zip64 patch or encryption do).
		"bytes besides the zip": {want: "4 bytes besides the zip", save: func(newZip func(io.Writer) excelize.ZipWriter, own io.Writer) error {
			zw := newZip(own)
			if err := onePart(zw, "xl/workbook.xml"); err != nil {
				return err
			}
			if err := zw.Close(); err != nil {
				return err
			}
			_, err := own.Write([]byte("PK\x03\x04"))
			return err
		}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			err := streamZip(&fakeExcelize{save: c.save}, &out)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q (%d bytes written)", err, c.want, out.Len())
			}
		})
	}

	// The real excelize writes a workbook that reads back.
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetCellValue("Sheet1", "B2", "xã Hoà Ân"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := streamZip(f, &out); err != nil {
		t.Fatalf("real excelize: %v", err)
	}
	back, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatalf("real excelize: the workbook does not read back: %v", err)
	}
	defer back.Close()
	if v, err := back.GetCellValue("Sheet1", "B2"); err != nil || v != "xã Hoà Ân" {
		t.Errorf("real excelize: B2 reads back %q, %v", v, err)
	}
}
