package ooxml

import (
	"bytes"
	"strconv"
)

// What of a workbook the clerk does not see: hidden sheets (state="hidden" or
// "veryHidden" in workbook.xml) and hidden columns (<col min max hidden="1"> in a
// worksheet's <cols>, before its sheetData).

func (b *rawBook) markHidden(sheet string) {
	if b.hidden == nil {
		b.hidden = map[string]bool{}
	}
	b.hidden[sheet] = true
}

// SheetHidden reports whether a sheet is hidden or very hidden.
func (b *rawBook) SheetHidden(sheet string) bool { return b.hidden[sheet] }

// HiddenColumns returns the hidden columns of a sheet (0-based), nil when none is.
func (b *rawBook) HiddenColumns(sheet string) map[int]bool {
	data, err := b.sheetXML(sheet)
	if err != nil {
		return nil
	}
	return hiddenColumns(data)
}

// hiddenColumns reads the <col> elements before sheetData: each gives a range of columns
// (min to max, 1-based) and whether they are hidden.
func hiddenColumns(data []byte) map[int]bool {
	if i := bytes.Index(data, []byte("<sheetData")); i >= 0 {
		data = data[:i]
	}
	var hidden map[int]bool
	for off := 0; ; {
		attrs, _, next, ok := nextTag(data, off, "col")
		if !ok {
			return hidden
		}
		off = next
		if h := attr(attrs, "hidden"); h != "1" && h != "true" {
			continue
		}
		lo, err1 := strconv.Atoi(attr(attrs, "min"))
		hi, err2 := strconv.Atoi(attr(attrs, "max"))
		if err1 != nil || err2 != nil || lo < 1 || hi < lo {
			continue
		}
		for c := lo; c <= min(hi, lo+1024); c++ {
			if hidden == nil {
				hidden = map[int]bool{}
			}
			hidden[c-1] = true
		}
	}
}
