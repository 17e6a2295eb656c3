package ooxml

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"drugfree/report/grid"
)

// A sheet read again and again after its first rows were scanned for a header (the
// cover: its labels, then a date's type) gives every time what excelize gives, past the
// rows kept as well as within them.
func TestSheetReadAgainAfterItsHead(t *testing.T) {
	f := excelize.NewFile()
	lines := grid.HeaderRows + 5 // past the rows kept for the next read
	for line := 1; line <= lines; line++ {
		if line == 3 {
			continue // an empty line
		}
		_ = f.SetCellValue("Sheet1", fmt.Sprintf("A%d", line), fmt.Sprintf("nhãn %d", line))
		_ = f.SetCellValue("Sheet1", fmt.Sprintf("B%d", line), line*10)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	want, err := f.GetRows("Sheet1", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// the header's scan: the first rows, to one past HeaderRows, as the reader stops
	src, err := b.Source("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for {
		g, ok, err := src.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok || g.Line > grid.HeaderRows {
			break
		}
	}
	if err := src.Close(); err != nil {
		t.Fatal(err)
	}
	if b.heads["Sheet1"] == nil {
		t.Fatal("the first rows are not kept: the test says little")
	}
	for i := range 3 {
		got, err := b.Rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("read %d: %d rows %q, want %d %q", i+1, len(got), got, len(want), want)
		}
		for cell, text := range map[string]bool{"A2": true, "B2": false, fmt.Sprintf("A%d", lines): true, fmt.Sprintf("B%d", lines): false} {
			if got := b.CellIsText("Sheet1", cell); got != text {
				t.Errorf("read %d: %s is text: %v, want %v", i+1, cell, got, text)
			}
		}
	}
	if b.Err() != nil {
		t.Fatal(b.Err())
	}
}
