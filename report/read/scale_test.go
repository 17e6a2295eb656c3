package read

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"drugfree/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/template"
)

// Reading costs time linear in the input's size, whatever its shape. Each benchmark reads
// a return whose data sheet has, after its header and one commune, n of a shape that
// once cost more than linear time (100,000 merged ranges took 14.6 s; cells far to the
// right were padded row by row), at two sizes ten times apart: ns/op should grow about
// tenfold between them. Run with:
//
//	go test ./report/read -run '^$' -bench 'ReadShape' -benchmem

func BenchmarkReadShapeMerges(b *testing.B) {
	benchShape(b, []int{10_000, 100_000}, func(n int) string { // A:B merged on each row after the data
		var sb strings.Builder
		fmt.Fprintf(&sb, `<mergeCells count="%d">`, n)
		for i := range n {
			fmt.Fprintf(&sb, `<mergeCell ref="A%d:B%d"/>`, i+3, i+3)
		}
		sb.WriteString(`</mergeCells>`)
		return "</sheetData>" + sb.String()
	})
}

func BenchmarkReadShapeFarRight(b *testing.B) {
	benchShape(b, []int{1_000, 10_000}, func(n int) string { // one cell in the last column (XFD) of each row
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, i+3, i+3)
		}
		return sb.String() + "</sheetData>"
	})
}

// benchShape reads, for each n, a return whose data sheet's XML has shape(n) in place of
// its </sheetData>.
func benchShape(b *testing.B, sizes []int, shape func(n int) string) {
	for _, n := range sizes {
		path := testkit.NewBook(b).Sheet("Thông tin", testkit.Cover("Huyện Cầu Kè", "Rà soát", "20/02/2025")).
			Sheet(template.DataSheetName, [][]any{shortHeader, {"Hòa Ân", 5000, 1, 1, 0}}).Save(b.TempDir(), "shape.xlsx")
		editPart(b, path, "xl/worksheets/sheet3.xml", func(xml string) string {
			if !strings.Contains(xml, "</sheetData>") {
				b.Fatalf("no </sheetData> in %s", xml)
			}
			return strings.Replace(xml, "</sheetData>", shape(n), 1)
		})
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rets, probs := ReadFile(path, opts())
				if len(rets) != 1 || len(rets[0].Rows) != 1 || problem.CountErrors(probs) > 0 {
					b.Fatalf("%d returns:\n%s", len(rets), testkit.Dump(probs))
				}
			}
		})
	}
}

// editPart rewrites the zip entry name of the workbook at path with edit.
func editPart(tb testing.TB, path, name string, edit func(string) string) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		if f.Name == name {
			body, found = []byte(edit(string(body))), true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil || !found {
		tb.Fatalf("rewriting %s: %v (found %v)", name, err, found)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}
