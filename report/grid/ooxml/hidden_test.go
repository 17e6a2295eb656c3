package ooxml

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The scanner tells hidden sheets and hidden columns as excelize does.
func TestHiddenSheetsAndColumns(t *testing.T) {
	f := excelize.NewFile()
	for _, s := range []string{"Old", "List"} {
		if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
	}
	_ = f.SetCellValue("Sheet1", "A1", "x")
	for _, s := range []string{"Old", "List"} {
		if err := f.SetSheetVisible(s, false, s == "List"); err != nil { // List very hidden
			t.Fatal(err)
		}
	}
	if err := f.SetColVisible("Sheet1", "C:E", false); err != nil {
		t.Fatal(err)
	}
	if err := f.SetColVisible("Sheet1", "H", false); err != nil {
		t.Fatal(err)
	}
	if err := f.SetColWidth("Sheet1", "J", "J", 30); err != nil { // a <col> that is not hidden
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := Open(buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for sheet, want := range map[string]bool{"Sheet1": false, "Old": true, "List": true} {
		if got := b.SheetHidden(sheet); got != want {
			t.Errorf("sheet %s hidden: %v, want %v", sheet, got, want)
		}
	}
	want := map[int]bool{2: true, 3: true, 4: true, 7: true}
	if got := b.HiddenColumns("Sheet1"); !reflect.DeepEqual(got, want) {
		t.Errorf("hidden columns %v, want %v (C:E and H)", got, want)
	}
	if got := b.HiddenColumns("Old"); got != nil {
		t.Errorf("hidden columns of a sheet without any: %v", got)
	}
	// encoding/xml reads the state the scanner reads
	wb := []byte(`<workbook><sheets><sheet name="A" r:id="rId1" state="hidden"/><sheet name="B" r:id="rId2"/></sheets></workbook>`)
	var scanned, decoded xmlWorkbook
	if !scanWorkbook(wb, &scanned) {
		t.Fatal("the scanner declines a plain workbook.xml")
	}
	if err := xml.Unmarshal(wb, &decoded); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(scanned, decoded) || scanned.Sheets[0].State != "hidden" {
		t.Errorf("scanned %+v, decoded %+v", scanned, decoded)
	}
}
