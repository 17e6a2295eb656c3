package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// zipOf writes a zip of the named parts, in order.
func zipOf(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i < len(parts); i += 2 {
		f, err := w.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(parts[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// badCRC changes the CRC-32 the central directory gives the part name.
func badCRC(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	data = bytes.Clone(data)
	for i := 0; i+46 <= len(data); i++ {
		if string(data[i:i+4]) != "PK\x01\x02" {
			continue
		}
		n := int(binary.LittleEndian.Uint16(data[i+28:]))
		if string(data[i+46:i+46+n]) == name {
			data[i+16] ^= 0xFF
			return data
		}
	}
	t.Fatalf("no entry %s", name)
	return nil
}

// miniBook is a workbook of one sheet, its workbook.xml being wb.
func miniBook(t *testing.T, wb string) []byte {
	t.Helper()
	return zipOf(t,
		"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="t/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", wb,
		"xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Xã An Phú</t></is></c><c r="B1"><v>12</v></c></row></sheetData></worksheet>`,
	)
}

// opened is what a workbook opened gives: the error, or its sheets, date system and rows.
func opened(data []byte, memo *PartMemo) string {
	b, err := OpenRawBookMemo(data, nil, memo)
	if err != nil {
		return "error: " + err.Error()
	}
	defer b.Close()
	out := fmt.Sprint(b.SheetList(), b.Date1904())
	for _, s := range b.SheetList() {
		rows, err := b.Rows(s)
		out += fmt.Sprint(" ", s, rows, err)
	}
	return out
}

// Workbooks opened one after the other with one memo of their small parts (as a reading
// worker opens them) give what each gives opened alone: the same book again, a book whose
// relationships or workbook.xml have a wrong CRC-32 (an error), another book with a
// workbook.xml of the same name and other bytes, one whose workbook.xml inflates large.
func TestWorkbooksOpenedWithOneMemoAreAsOpenedAlone(t *testing.T) {
	wb := `<?xml version="1.0"?><workbook><sheets><sheet name="Số liệu" r:id="rId1"/></sheets></workbook>`
	a := miniBook(t, wb)
	other := miniBook(t, strings.Replace(wb, "Số liệu", "Số liệU", 1)) // the same size
	date1904 := miniBook(t, strings.Replace(wb, "<sheets>", `<workbookPr date1904="1"/><sheets>`, 1))
	large := miniBook(t, strings.Replace(wb, "<sheets>", strings.Repeat(" ", 100<<10)+"<sheets>", 1)) // a few hundred bytes compressed
	books := [][]byte{a, a, badCRC(t, a, "xl/_rels/workbook.xml.rels"), badCRC(t, a, "xl/workbook.xml"), other, a, date1904, large, a, badCRC(t, a, "_rels/.rels")}
	memo := &PartMemo{}
	errs := 0
	for i, data := range books {
		alone := opened(data, nil)
		if strings.HasPrefix(alone, "error") {
			errs++
		}
		if got := opened(data, memo); got != alone {
			t.Errorf("book %d: %s; alone %s", i, got, alone)
		}
	}
	if errs != 2 || opened(a, nil) != "[Số liệu] false Số liệu[[Xã An Phú 12]] <nil>" || opened(date1904, nil) == opened(a, nil) || opened(other, nil) == opened(a, nil) {
		t.Errorf("%d books fail to open, %s: the test says little", errs, opened(a, nil))
	}
}
