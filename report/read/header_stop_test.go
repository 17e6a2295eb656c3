package read

import (
	"reflect"
	"testing"

	"drugfree/internal/testkit"
	"drugfree/report/grid"
	"drugfree/report/read/header"
)

// The header is the row (or pair of rows) that names the most fields: a row naming every
// field whatever follows it (the same row again), not one that lacks a field above it; on
// a tie one row wins over two (a row naming every field below a two-row header that does
// too), then the higher row. A column naming a field named already is a duplicate. With
// one matcher for every sheet, as a reading worker has, the answers are the same the
// second time (from the matcher's memo).
func TestDetectHeaderFindsTheRowThatNamesMostFields(t *testing.T) {
	fields := testkit.TestPlan.Fields
	all := make([]string, len(fields))
	every := map[string]int{}
	for i, f := range fields {
		all[i] = f.Vi
		every[f.Key] = i
	}
	butLast := append([]string(nil), all[:len(all)-1]...)
	allButLast := map[string]int{}
	for k, c := range every {
		if c < len(all)-1 {
			allButLast[k] = c
		}
	}
	data := []string{"Huyện A", "Xã B", "12345", "Đạt", "100"}
	withDup := append(append([]string(nil), all...), all[1])
	// a group over two sub-headers that name their fields only under it (as in
	// TestDetectHeaderTwoRows), every other field named in the first row
	group, sub := append([]string(nil), all...), make([]string, len(all))
	for i, f := range fields {
		switch f.Key {
		case "addicts_total":
			group[i], sub[i] = "Người nghiện", "Tổng số"
		case "addicts_managed":
			group[i], sub[i] = "", "Có hồ sơ"
		}
	}
	cases := []struct {
		name        string
		rows        []grid.Row
		first, last int
		cols        map[string]int
		dups        []header.DupColumn
	}{
		{"every field, then again", []grid.Row{{Line: 1, Cells: all}, {Line: 2, Cells: all}, {Line: 3, Cells: data}}, 1, 1, every, nil},
		{"all but one, then every", []grid.Row{{Line: 1, Cells: butLast}, {Line: 2, Cells: all}, {Line: 3, Cells: data}}, 2, 2, every, nil},
		{"title, then every field", []grid.Row{{Line: 1, Cells: []string{"BÁO CÁO"}}, {Line: 2, Cells: all}, {Line: 3, Cells: data}}, 2, 2, every, nil},
		{"every field, duplicate", []grid.Row{{Line: 1, Cells: withDup}, {Line: 2, Cells: all}}, 1, 1, every,
			[]header.DupColumn{{Key: fields[1].Key, Col: len(all), Prev: 1, Label: all[1]}}},
		{"two rows", []grid.Row{{Line: 1, Cells: group}, {Line: 2, Cells: sub}, {Line: 3, Cells: data}}, 1, 2, every, nil},
		{"two rows, then one row naming as many", []grid.Row{{Line: 1, Cells: group}, {Line: 2, Cells: sub}, {Line: 3, Cells: data}, {Line: 4, Cells: all}}, 4, 4, every, nil},
		{"only all but one, twice", []grid.Row{{Line: 1, Cells: butLast}, {Line: 2, Cells: data}, {Line: 4, Cells: butLast}}, 1, 1, allButLast, nil},
	}
	m := header.NewHeaderMatcher(header.FieldIndex(testkit.TestPlan))
	for pass := range 2 {
		for _, c := range cases {
			for _, merges := range [][]grid.Merge{nil, {{Top: 1, Left: 0, Bottom: 2, Right: 0, Text: all[0]}}} {
				h, ok := header.DetectHeaderWith(m, c.rows, merges)
				if !ok || h.First != c.first || h.Last != c.last || !reflect.DeepEqual(h.Cols, c.cols) || !reflect.DeepEqual(h.Dups, c.dups) {
					t.Errorf("pass %d, %s (merged %v): lines %d–%d, %v, %d fields %+v; want lines %d–%d, %d fields %+v",
						pass+1, c.name, merges != nil, h.First, h.Last, ok, len(h.Cols), h.Dups, c.first, c.last, len(c.cols), c.dups)
				}
			}
		}
	}
}
