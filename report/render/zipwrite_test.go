package render

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"testing"
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
