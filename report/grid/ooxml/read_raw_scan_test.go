package ooxml

import (
	"archive/zip"
	"bytes"
	"drugfree/report/internal/testkit"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"
)

// The scanners of workbook.xml and relationship parts read what encoding/xml reads, or
// decline, on the parts of every workbook of testdata and on hand-written parts.
func TestScanWorkbookAndRelsMatchXML(t *testing.T) {
	var parts []string
	files := testkit.TestdataWorkbooks(t)
	for _, f := range files {
		data := testkit.MustRead(t, f)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			if strings.HasSuffix(zf.Name, ".rels") || strings.HasSuffix(zf.Name, "workbook.xml") {
				rc, _ := zf.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				parts = append(parts, string(b))
			}
		}
	}
	parts = append(parts,
		`<?xml version="1.0"?>
<workbook xmlns:r="x"><workbookPr date1904="1"/><sheets><sheet name="A, B" r:id="rId1"/><sheet name='C' id="rId2" r:id="rId3"></sheet></sheets></workbook>`,
		`<workbook><x:workbookPr date1904="true"/><sheets/></workbook>`,
		`<workbook><sheets><sheet name="A &amp; B" r:id="rId1"/></sheets></workbook>`,
		`<workbook><workbookPr date1904 = "true" x:date1904="0" /><sheets><sheet r:id="1" name="Số liệu"/></sheets></workbook>`,
		`<workbook><!-- c --><sheets><sheet name="a" r:id="1"/></sheets></workbook>`,
		`<workbook><sheets><sheet name="a" r:id="1"><b/></sheet></sheets><sheets><sheet name="b"/></sheets></workbook>`,
		`<Relationships><Relationship Id="a" Type="t/worksheet" Target="x.xml"/><Relationship Target='y' Id="b"></Relationship></Relationships>`,
		`<Relationships><p:Relationship Id="a"/></Relationships>`,
		`<Relationships><Relationship Id="a" Target="a&lt;b"/></Relationships>`,
		`<Relationships><Relationship Id="a"/></Relationships>trailing`,
	)
	scanned := 0
	for _, p := range parts {
		var wb, want xmlWorkbook
		if scanWorkbook([]byte(p), &wb) {
			scanned++
			if err := xml.Unmarshal([]byte(p), &want); err != nil || !reflect.DeepEqual(wb, want) {
				t.Errorf("scanWorkbook(%s) = %+v; encoding/xml %+v, %v", p, wb, want, err)
			}
		}
		if rels, ok := scanRels([]byte(p)); ok {
			scanned++
			var want struct {
				Rels []xmlRel `xml:"Relationship"`
			}
			if err := xml.Unmarshal([]byte(p), &want); err != nil || !reflect.DeepEqual(rels, want.Rels) {
				t.Errorf("scanRels(%s) = %+v; encoding/xml %+v, %v", p, rels, want.Rels, err)
			}
		}
	}
	if scanned < len(parts)-9 {
		t.Errorf("%d of %d parts scanned", scanned, len(parts))
	}
	var wb xmlWorkbook
	if !scanWorkbook([]byte(parts[len(parts)-10]), &wb) || len(wb.Sheets) != 2 {
		t.Errorf("a plain workbook is declined: %+v", wb)
	}
}

// A worksheet whose worksheet, sheetData, row or c elements carry a namespace prefix is
// left to excelize: the scanner reads them by their plain names. prefixedElement finds
// such a start tag: a prefix of name characters starting with a letter or "_", a colon,
// the name, then a space or ">".
func TestPrefixedElement(t *testing.T) {
	for _, s := range []string{`<x:worksheet>`, `<x:worksheet xmlns:x="a">`, `<x:sheetData>`, `<x:c r="A1">`, `<a.b-c_1:row>`,
		"<_x:row\f", "<x:row\t", "<x:row\n", "<x:c\r", `a<b<x:c>`} {
		if !prefixedElement([]byte(s)) {
			t.Errorf("prefixedElement(%q) = false, want true", s)
		}
	}
	for _, s := range []string{``, `<worksheet>`, `<row r="1">`, `<x:cols>`, `<x:c/>`, `<1x:row>`, `<x:rowx>`, `</x:row>`, `<x::row>`, `<x:c`, `<mc:AlternateContent>`} {
		if prefixedElement([]byte(s)) {
			t.Errorf("prefixedElement(%q) = true, want false", s)
		}
	}
	plain := miniBook(t, `<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>`)
	if _, err := OpenRawBookMemo(plain, nil, nil); err != nil {
		t.Fatalf("a plain workbook is declined: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain)))
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "xl/worksheets/sheet1.xml" {
			b = []byte(strings.NewReplacer("<sheetData>", `<x:sheetData xmlns:x="s">`, "</sheetData>", "</x:sheetData>", "<row", "<x:row", "</row>", "</x:row>").Replace(string(b)))
		}
		parts = append(parts, f.Name, string(b))
	}
	if _, err := OpenRawBookMemo(zipOf(t, parts...), nil, nil); err != errRawUnsupported {
		t.Errorf("a worksheet with prefixed elements: %v, want %v", err, errRawUnsupported)
	}
}
