package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"drugfree/internal/testkit"
)

// The fuzz targets hold each scanner to its oracle (oracle_test.go): on any bytes, the
// scanner declines them, fails, or reads what encoding/xml reads, as excelize would;
// and it never panics. Their seeds are in testdata/fuzz/<target>, with the parts of
// every workbook of testdata added here. Run one with, for example:
//
//	go test ./report/grid/ooxml -run '^$' -fuzz '^FuzzSheetScanner$' -fuzztime 5m

// addParts adds to f the parts of the workbooks of testdata whose names end with
// suffix, each with the extra arguments.
func addParts(f *testing.F, suffix string, extra ...any) {
	for _, path := range testkit.TestdataWorkbooks(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		for _, zf := range zr.File {
			if !strings.HasSuffix(zf.Name, suffix) {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				f.Fatal(err)
			}
			part, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				f.Fatal(err)
			}
			f.Add(append([]any{part}, extra...)...)
		}
	}
}

// scanRows reads every row of a worksheet part with the scanner.
func scanRows(p sheetPart, sst []string) ([]rawRow, error) {
	sc := newSheetScanner(p.rows, sst, &TextIntern{}, 0)
	var out []rawRow
	for {
		r, ok, err := sc.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, r)
	}
}

// diffRows describes the first difference between two lists of rows, "" for none.
func diffRows(got, want []rawRow) string {
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			return fmt.Sprintf("row %d missing: want %+v", i, want[i])
		case i >= len(want):
			return fmt.Sprintf("row %d extra: %+v", i, got[i])
		}
		g, w := got[i], want[i]
		if g.line != w.line || len(g.cells) != len(w.cells) || (len(g.cells) > 0 && (!reflect.DeepEqual(g.cells, w.cells) || !reflect.DeepEqual(g.meta, w.meta))) {
			return fmt.Sprintf("row %d: %+v, want %+v", i, g, w)
		}
	}
	return ""
}

// A worksheet (with shared strings, one a line) is declined, or read as encoding/xml
// reads it; a DOCTYPE is always declined.
func FuzzSheetScanner(f *testing.F) {
	addParts(f, "worksheets/sheet1.xml", "")
	addParts(f, "worksheets/sheet2.xml", "")
	f.Fuzz(func(t *testing.T, data []byte, strs string) {
		checkSheet(t, data, strings.Split(strs, "\n"))
	})
}

// checkSheet fails unless the scanner declines a worksheet, fails on it, or reads it as
// encoding/xml reads it.
func checkSheet(t *testing.T, data []byte, sst []string) {
	t.Helper()
	want, werr := oracleRows(data, sst)
	p, ok := splitSheet(data)
	if !ok {
		return
	}
	if errors.Is(werr, errDirective) {
		t.Fatal("a part with a DOCTYPE is taken")
	}
	got, err := scanRows(p, sst)
	if err != nil || errors.Is(werr, errIllFormed) || errors.Is(werr, errShape) {
		return
	}
	if werr != nil {
		t.Fatalf("read %+v where excelize meets: %v", got, werr)
	}
	if d := diffRows(got, want); d != "" {
		t.Fatalf("%s\n%s", d, data)
	}
}

// FuzzSheetShapes is FuzzSheetScanner on worksheets built from the fuzzer's bytes, each
// byte (with the next) an element, a text, a comment, an instruction or an end tag, so
// that most are well formed and put what the scanner must get right where it is least
// expected.
func FuzzSheetShapes(f *testing.F) {
	f.Add([]byte{0, 1, 1, 0, 2, 1, 8, 0, 8, 0})
	f.Add([]byte{0, 2, 5, 1, 1, 1, 5, 2, 2, 3, 8, 0, 8, 0, 6, 1, 0, 0, 1, 4, 4, 2, 8, 1})
	f.Fuzz(func(t *testing.T, ops []byte) {
		checkSheet(t, sheetFrom(ops), []string{"a", "b", "", "d"})
	})
}

var (
	rowAttrs  = []string{"", ` r="1"`, ` r="3"`, ` r = '2'`, ` spans="1:3" r="4" x:dyDescent="0.25"`, ` x:r="5"`, ` r="0"`, ` r="7" r="6"`, ` r=""`}
	cellAttrs = []string{"", ` r="A1"`, ` r="C1" t="s"`, ` t="s"`, ` t="inlineStr"`, ` t="str"`, ` r = "B1" t = 'n'`,
		` x:t="s"`, ` r="A1" foo="a>b/"`, ` t="s" t="n"`, ` s="3" t="b"`, ` r="AA7"`, ` t="s&#x22;"`, ` r="$B$2"`}
	texts    = []string{"1", "12", "0", " 2 ", "3", "a &amp; b", "&#49;&#x32;", "x_x0041_", "a\r\nb", "", "-1.5E3", "&lt;v&gt;"}
	comments = []string{" a ", ` <row r="9"><c><v>9</v></c></row> `, ` <c r="B1"><v>8</v></c> `, "<v>7</v>", " a > b ", "-", "", " <t>x</t> ", " </c></row> "}
	pis      = []string{"pi", `pi <row r="5"/>`, "x ?", `mso-application progid="Excel.Sheet"`, `xml version="1.0" encoding="utf-8"`, "t <v>6</v>"}
	items    = []string{"<t>a</t>", "<r><t>b</t></r><r><rPr><b/></rPr><t>c</t></r>", "<t/>", "<t>d</t><rPh><t>e</t></rPh>", "<t xml:space=\"preserve\"> f </t >"}
	tails    = []string{">", " >", "\n>", "\t >"}
)

// sheetFrom builds a worksheet from ops (see FuzzSheetShapes).
func sheetFrom(ops []byte) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="m" xmlns:x="m"><sheetData>`)
	var open []string
	pick := func(list []string, i *int) string {
		*i++
		if *i >= len(ops) {
			return list[0]
		}
		return list[int(ops[*i])%len(list)]
	}
	for i := 0; i < len(ops); i++ {
		switch ops[i] % 12 {
		case 0:
			b.WriteString("<row" + pick(rowAttrs, &i) + ">")
			open = append(open, "row")
		case 1:
			b.WriteString("<c" + pick(cellAttrs, &i) + ">")
			open = append(open, "c")
		case 2:
			b.WriteString("<v>" + pick(texts, &i) + "</v" + pick(tails, &i))
		case 3:
			b.WriteString(pick([]string{"<f>1+1</f>", "<f/>", `<f t="shared" si="0"/>`}, &i))
		case 4:
			b.WriteString("<is>" + pick(items, &i) + "</is>")
		case 5:
			b.WriteString("<!--" + pick(comments, &i) + "-->")
		case 6:
			b.WriteString("<?" + pick(pis, &i) + "?>")
		case 7:
			b.WriteString(pick([]string{" ", "\n", "\r\n\t", "text"}, &i))
		case 8:
			if len(open) > 0 {
				b.WriteString("</" + open[len(open)-1] + pick(tails, &i))
				open = open[:len(open)-1]
			}
		case 9:
			b.WriteString(pick([]string{"<row/>", `<row r="8"/>`, "<c/>", `<c r="D1" t="s"/>`}, &i))
		case 10:
			b.WriteString(pick([]string{"<x:c><x:v>4</x:v></x:c>", "<extLst/>", "<foo><v>5</v></foo>", `<x:row r="9"/>`}, &i))
		case 11:
			b.WriteString("<v>" + pick(texts, &i) + "<!--" + pick(comments, &i) + "-->" + pick(texts, &i) + "</v>")
		}
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	b.WriteString("</sheetData><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>")
	return b.Bytes()
}

// A shared strings part is declined, or read as encoding/xml reads it into excelize's
// xlsxSST; a DOCTYPE is always declined.
func FuzzSharedStrings(f *testing.F) {
	addParts(f, "sharedStrings.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := sharedStrings(data)
		if err != nil {
			return
		}
		want, werr := oracleSST(data)
		switch {
		case errors.Is(werr, errDirective):
			t.Fatal("a part with a DOCTYPE is taken")
		case werr != nil:
			return
		case !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0):
			t.Fatalf("%q, want %q", got, want)
		}
	})
}

// A workbook.xml is declined, or read as encoding/xml reads it.
func FuzzScanWorkbook(f *testing.F) {
	addParts(f, "workbook.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		var got, want xmlWorkbook
		if !scanWorkbook(data, &got) {
			return
		}
		if _, err := tokens(data); errors.Is(err, errDirective) {
			t.Fatal("a part with a DOCTYPE is taken")
		} else if err != nil {
			return
		}
		if err := xml.Unmarshal(data, &want); err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v; encoding/xml %+v, %v", got, want, err)
		}
	})
}

// A relationships part is declined, or read as encoding/xml reads it.
func FuzzScanRels(f *testing.F) {
	addParts(f, ".rels")
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := scanRels(data)
		if !ok {
			return
		}
		if _, err := tokens(data); errors.Is(err, errDirective) {
			t.Fatal("a part with a DOCTYPE is taken")
		} else if err != nil {
			return
		}
		var want struct {
			Rels []xmlRel `xml:"Relationship"`
		}
		if err := xml.Unmarshal(data, &want); err != nil || !reflect.DeepEqual(got, want.Rels) {
			t.Fatalf("%+v; encoding/xml %+v, %v", got, want.Rels, err)
		}
	})
}
