package ooxml

import (
	"drugfree/report/grid"
	"errors"
	"strconv"
)

// What of a workbook the clerk does not see: hidden sheets (state="hidden" or
// "veryHidden" in workbook.xml) and hidden columns (<col min max hidden="1"> in a
// worksheet's <cols>, before its sheetData).

func (b *Book) markHidden(sheet string) {
	if b.hidden == nil {
		b.hidden = map[string]bool{}
	}
	b.hidden[sheet] = true
}

// SheetHidden reports whether a sheet is hidden or very hidden.
func (b *Book) SheetHidden(sheet string) bool { return b.hidden[sheet] }

// HiddenColumns returns the hidden columns of a sheet (0-based), nil when none is.
func (b *Book) HiddenColumns(sheet string) map[int]bool {
	p, err := b.sheet(sheet)
	if err != nil {
		return nil
	}
	hidden, ok := hiddenColumns(p.head)
	if !ok {
		b.fail(grid.ErrReading(sheet, errors.New("malformed <cols>")))
	}
	return hidden
}

// hiddenColumns reads the <col> elements of what precedes sheetData: each gives a range
// of columns (min to max, 1-based) and whether they are hidden. ok is false when the
// part is not well formed.
func hiddenColumns(head []byte) (hidden map[int]bool, ok bool) {
	ok = walkTags(head, func(_ int, name, attrs []byte) bool {
		if string(name) != "col" {
			return true
		}
		var h, lo, hi string
		if !attrsLocal(attrs, func(n, v []byte) {
			switch string(n) {
			case "hidden":
				h = string(v)
			case "min":
				lo = string(v)
			case "max":
				hi = string(v)
			}
		}) {
			return false
		}
		if h != "1" && h != "true" {
			return true
		}
		from, err1 := strconv.Atoi(lo)
		to, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || from < 1 || to < from {
			return true
		}
		for c := from; c <= min(to, from+1024); c++ {
			if hidden == nil {
				hidden = map[int]bool{}
			}
			hidden[c-1] = true
		}
		return true
	})
	return hidden, ok
}
