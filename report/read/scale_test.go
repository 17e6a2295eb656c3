package read

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"drugfree/i18n"
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
	}, opts(), "")
}

// A row holding one cell in column XFD is 16,384 cells wide: with no limit on cells the
// time grows with the rows (n=1,000 and 10,000), as the memory, about 280 KB a row held;
// with the default limit (grid.Limits.Cells) a sheet of such rows is refused as too
// large once its rows are 1 Mi cells, in the same time however many rows follow.
func BenchmarkReadShapeFarRight(b *testing.B) {
	farRight := func(n int) string {
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, i+3, i+3)
		}
		return sb.String() + "</sheetData>"
	}
	b.Run("unlimited", func(b *testing.B) {
		o := opts()
		o.Limits.Cells = -1
		benchShape(b, []int{1_000, 10_000}, farRight, o, "")
	})
	b.Run("limited", func(b *testing.B) {
		benchShape(b, []int{1_000, 10_000}, farRight, opts(), problem.CodeTooLarge)
	})
}

// benchShape reads with o, for each n, a return whose data sheet's XML has shape(n) in
// place of its </sheetData>: read whole, its one commune, or, when refused is a code,
// refused with it.
func benchShape(b *testing.B, sizes []int, shape func(n int) string, o ReadOptions, refused string) {
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
				rets, probs := ReadFile(path, o)
				switch {
				case refused != "":
					if len(rets) != 0 || len(testkit.ProblemsWith(probs, refused)) != 1 {
						b.Fatalf("%d returns, want it refused (%s):\n%s", len(rets), refused, testkit.Dump(probs))
					}
				case len(rets) != 1 || len(rets[0].Rows) != 1 || problem.CountErrors(probs) > 0:
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

// A sheet whose rows spread over more cells than Limits.Cells (rows of one cell in column
// XFD, each 16,384 cells wide) is refused as too large, saying how to raise the limit;
// with the limit raised, it is read.
func TestReadCellsLimit(t *testing.T) {
	path := testkit.NewBook(t).Sheet("Thông tin", testkit.Cover("Huyện Cầu Kè", "Rà soát", "20/02/2025")).
		Sheet(template.DataSheetName, [][]any{shortHeader, {"Hòa Ân", 5000, 1, 1, 0}}).Save(t.TempDir(), "far.xlsx")
	editPart(t, path, "xl/worksheets/sheet3.xml", func(xml string) string {
		var sb strings.Builder
		for i := range 70 { // 70 × 16,384 cells: beyond the default 1 Mi
			fmt.Fprintf(&sb, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, i+3, i+3)
		}
		return strings.Replace(xml, "</sheetData>", sb.String()+"</sheetData>", 1)
	})
	o := opts()
	o.Lang = i18n.En
	rets, probs := ReadFile(path, o)
	p := testkit.WantProblem(t, probs, problem.CodeTooLarge, "")
	if len(rets) != 0 || !strings.Contains(p.Message, "more than 1048576 cells") || !strings.Contains(p.Message, "--limits cells=2097152") {
		t.Errorf("%d returns; message %q", len(rets), p.Message)
	}
	o.Limits.Cells = 2 << 20
	rets, probs = ReadFile(path, o)
	testkit.NoErrors(t, probs)
	if len(rets) != 1 || len(rets[0].Rows) != 1 {
		t.Errorf("the limit raised: %d returns", len(rets))
	}
}
