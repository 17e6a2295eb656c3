package grid

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Limits bound what reading one file may cost, so that a hostile or damaged file (a zip
// whose directory declares a 64 GiB sheet, a part that inflates a thousandfold, a part
// read from a thousand sheets) is refused with a clear message instead of exhausting the
// machine. No real return comes near the defaults: a district's return is tens of
// kilobytes, the largest official workbooks a few megabytes.
//
// A zero field takes its default (DefaultLimits); a negative one means no limit.
type Limits struct {
	// File is the most bytes read from one input file (compressed, as on disk).
	File int64
	// Inflated is the most bytes inflated from one workbook, all parts together, each
	// time a part is read counted again: a part read twice costs twice.
	Inflated int64
	// Parts is the most entries one workbook's zip may have.
	Parts int
	// Cells is the most cells the rows of one sheet may spread over, the empty ones
	// before the last filled cell of each row counted: a row is held as wide as its last
	// cell is far, so a 60-byte row holding one cell in column XFD is 16,384 cells
	// (about 280 KB held). It bounds the memory and time of a sheet whatever the shape of
	// its XML; a district's return is a few thousand cells, a national one under a million.
	Cells int64
}

// DefaultLimits are the limits of a zero Limits.
var DefaultLimits = Limits{File: 20 << 20, Inflated: 200 << 20, Parts: 5000, Cells: 1 << 20}

// WithDefaults is l with each zero field set to its default.
func (l Limits) WithDefaults() Limits {
	if l.File == 0 {
		l.File = DefaultLimits.File
	}
	if l.Inflated == 0 {
		l.Inflated = DefaultLimits.Inflated
	}
	if l.Parts == 0 {
		l.Parts = DefaultLimits.Parts
	}
	if l.Cells == 0 {
		l.Cells = DefaultLimits.Cells
	}
	return l
}

// Limit names, as TooLarge.Limit gives them.
const (
	LimitFile     = "file"
	LimitInflated = "inflated"
	LimitParts    = "parts"
	LimitCells    = "cells"
)

// TooLarge is the error of a file beyond one of its Limits: which limit, and the limit's
// value (bytes, or entries for LimitParts, cells for LimitCells).
type TooLarge struct {
	Limit string
	Max   int64
}

func (e *TooLarge) Error() string {
	return fmt.Sprintf("beyond the %s limit of %d", e.Limit, e.Max)
}

// Budget counts the bytes inflated from one workbook against Limits.Inflated. The zero
// Budget (or a nil one) has no limit.
type Budget struct {
	max, used int64
}

// NewBudget is a budget of max bytes; max < 0 is no limit.
func NewBudget(max int64) *Budget {
	return &Budget{max: max}
}

// Left is how many bytes may still be inflated; -1 for no limit.
func (b *Budget) Left() int64 {
	if b == nil || b.max <= 0 {
		return -1
	}
	return max(b.max-b.used, 0)
}

// Spend counts n bytes inflated, failing with *TooLarge once they are more than are left.
func (b *Budget) Spend(n int64) error {
	if b == nil || b.max <= 0 {
		return nil
	}
	b.used += n
	if b.used > b.max {
		return &TooLarge{Limit: LimitInflated, Max: b.max}
	}
	return nil
}

// ExcelizeOptions are excelize's options for a workbook that may still inflate left
// bytes (Budget.Left; -1 for no limit): excelize refuses a workbook whose zip directory
// declares more, before inflating any of it, and within the limit keeps every part in
// memory rather than unzipping large sheets to temporary files.
func ExcelizeOptions(left int64, password string) excelize.Options {
	o := excelize.Options{Password: password}
	switch {
	case left == 0:
		o.UnzipSizeLimit, o.UnzipXMLSizeLimit = 1, 1 // 0 would be the default
	case left > 0:
		o.UnzipSizeLimit, o.UnzipXMLSizeLimit = left, left
	}
	return o
}
