package ooxml

import (
	"archive/zip"
	"bytes"
	"drugfree/internal/testkit"
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
