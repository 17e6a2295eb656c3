package problem

import (
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SortProblems orders problems so a clerk can work down the list: errors before warnings,
// then by file and sheet, then by cell in row-major order (row 9 before row 10, column Z
// before AA; problems without a cell first), then by code. Otherwise the order is kept.
func SortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if ra, rb := severityRank(a.Severity), severityRank(b.Severity); ra != rb {
			return ra < rb
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		if c := CompareCellRefs(a.Cell, b.Cell); c != 0 {
			return c < 0
		}
		return a.Code < b.Code
	})
}

func severityRank(s Severity) int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// CompareCellRefs compares two A1 references by row, then column. No cell comes first; a
// reference that is not A1 comes after all others, by its text.
func CompareCellRefs(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return -1
	case b == "":
		return 1
	}
	ra, ca, oka := CellRowCol(a)
	rb, cb, okb := CellRowCol(b)
	switch {
	case !oka || !okb:
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	case ra != rb:
		return compareInts(ra, rb)
	case ca != cb:
		return compareInts(ca, cb)
	}
	return strings.Compare(a, b)
}

func compareInts(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// CellRowCol reads "AA10" (also "$AA$10", or the first cell of "A1:B2") as row 10, column
// 27, by excelize's CellNameToCoordinates.
func CellRowCol(s string) (row, col int, ok bool) {
	first, _, _ := strings.Cut(s, ":")
	col, row, err := excelize.CellNameToCoordinates(first)
	if err != nil {
		return 0, 0, false
	}
	return row, col, true
}
