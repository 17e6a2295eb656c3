package render

import (
	"archive/zip"
	"bytes"
	"drugfree/internal/testkit"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// BenchmarkParseFloor is the floor issue 7 measures the consolidation against: what a
// plain streaming parser costs to read the returns' sheets, doing nothing with what it
// reads. Each return is opened as a zip, and encoding/xml's token loop runs over every
// worksheet and the shared strings, on as many files at once as ReadFiles reads
// (GOMAXPROCS). Compare with BenchmarkRead (what drugfree's reader costs) and
// BenchmarkConsolidate (the whole command):
//
//	go test ./report -run '^$' -bench '(ParseFloor|Consolidate)/returns=700$' -benchmem
func BenchmarkParseFloor(b *testing.B) {
	runSizes(b, func(b *testing.B, c *benchCorpus) {
		for b.Loop() {
			if n := parseFloor(b, c.files, runtime.GOMAXPROCS(0)); n == 0 {
				b.Fatal("no token read")
			}
		}
	})
}

// parseFloor tokenises the worksheets and shared strings of files on workers goroutines
// and returns how many tokens it read.
func parseFloor(b *testing.B, files []string, workers int) int64 {
	return onFiles(b, files, workers, tokenise)
}

// onFiles runs each of files through do on workers goroutines and returns the sum of what
// do counted.
func onFiles(b *testing.B, files []string, workers int, do func(file string) (int64, error)) int64 {
	var total atomic.Int64
	next := make(chan string)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for f := range next {
				n, err := do(f)
				if err != nil {
					b.Error(err)
				}
				total.Add(n)
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return total.Load()
}

func tokenise(file string) (int64, error) {
	z, err := zip.OpenReader(file)
	if err != nil {
		return 0, err
	}
	defer z.Close()
	var n int64
	for _, part := range z.File {
		if !strings.HasPrefix(part.Name, "xl/worksheets/") && part.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := part.Open()
		if err != nil {
			return n, err
		}
		d := xml.NewDecoder(rc)
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return n, err
			}
			n++
		}
		rc.Close()
	}
	return n, nil
}

// TestParseFloorReadsEverySheet checks that the floor does read the sheets: a return of
// the sample data has more tokens than cells.
func TestParseFloorReadsEverySheet(t *testing.T) {
	n, err := tokenise(filepath.Join(testkit.Testdata(t), "returns/review/review-huyen-cau-ke.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if n < 500 {
		t.Errorf("%d tokens in a return of 11 communes, want several hundred at least", n)
	}
}

// inflateFloor reads files on workers goroutines, opens each as a zip and inflates its
// worksheets and shared strings into nothing; it returns the bytes inflated.
func inflateFloor(b *testing.B, files []string, workers int) int64 {
	return onFiles(b, files, workers, inflate)
}

func inflate(file string) (int64, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, err
	}
	var n int64
	for _, part := range z.File {
		if !strings.HasPrefix(part.Name, "xl/worksheets/") && part.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := part.Open()
		if err != nil {
			return n, err
		}
		m, err := io.Copy(io.Discard, rc)
		rc.Close()
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
