package read

import (
	"drugfree/report/grid"
	"drugfree/report/grid/ooxml"
	"drugfree/report/internal/testkit"
	"drugfree/report/sample"
	"reflect"
	"testing"
)

// fullHeaderMatcher is a matcher that never stops early: no header reaches its top score.
func fullHeaderMatcher() *headerMatcher {
	m := newHeaderMatcher(fieldIndex(testkit.TestPlan))
	m.fields = 1 << 20
	return m
}

// checkSameHeader compares detectHeaderWith with and without stopping at a header that
// names every field, and reports any difference.
func checkSameHeader(t *testing.T, name string, fast *headerMatcher, rows []grid.Row, merges []grid.Merge) {
	t.Helper()
	got, gotOK := detectHeaderWith(fast, rows, merges)
	want, wantOK := detectHeaderWith(fullHeaderMatcher(), rows, merges)
	if gotOK != wantOK || !reflect.DeepEqual(got, want) {
		t.Errorf("%s: header %+v, %v; want %+v, %v", name, got, gotOK, want, wantOK)
	}
}

// A header naming every field ends the search, and the header found is the one found
// by searching every row: on the workbooks of testdata and a corpus, and on sheets made
// to catch a wrong stop (every field but one, then every field; every field twice; a
// duplicate column; a two-row header naming them all).
func TestDetectHeaderStopsAtEveryField(t *testing.T) {
	ix := fieldIndex(testkit.TestPlan)
	if ix.fields() != len(testkit.TestPlan.Fields) {
		t.Fatalf("the index names %d fields, the plan has %d", ix.fields(), len(testkit.TestPlan.Fields))
	}
	fast := newHeaderMatcher(ix) // one matcher for every sheet, as a reading worker has

	files, _ := parityFiles(t)
	dir := t.TempDir()
	corpus, err := sample.WriteCorpus(dir, testkit.TestPlan, sample.CorpusOptions{Districts: 3, Communes: 15, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, corpus...)
	sheets := 0
	for _, f := range files {
		b, err := ooxml.OpenRawBookMemo(testkit.MustRead(t, f), nil, nil)
		if err != nil {
			continue // read by excelize: the same detection, from the same rows
		}
		for _, sheet := range b.SheetList() {
			src, err := b.Source(sheet)
			if err != nil {
				t.Fatal(err)
			}
			var rows []grid.Row
			for {
				g, ok, err := src.Next()
				if err != nil || !ok || g.Line > grid.HeaderRows {
					break
				}
				rows = append(rows, g)
			}
			src.Close()
			checkSameHeader(t, f+" "+sheet, fast, rows, b.Merges(sheet, rows))
			sheets++
		}
		b.Close()
	}
	if sheets < 10 {
		t.Fatalf("only %d sheets", sheets)
	}

	all := make([]string, len(testkit.TestPlan.Fields))
	for i, f := range testkit.TestPlan.Fields {
		all[i] = f.Vi
	}
	butLast := append([]string(nil), all[:len(all)-1]...)
	data := []string{"Huyện A", "Xã B", "12345", "Đạt", "100"}
	withDup := append(append([]string(nil), all...), all[1])
	// a group over two sub-headers that name their fields only under it (as in
	// TestDetectHeaderTwoRows), every other field named in the first row
	group, sub := append([]string(nil), all...), make([]string, len(all))
	for i, f := range testkit.TestPlan.Fields {
		switch f.Key {
		case "addicts_total":
			group[i], sub[i] = "Người nghiện", "Tổng số"
		case "addicts_managed":
			group[i], sub[i] = "", "Có hồ sơ"
		}
	}
	cases := map[string][]grid.Row{
		"every field, then again": {{Line: 1, Cells: all}, {Line: 2, Cells: all}, {Line: 3, Cells: data}},
		"all but one, then every": {{Line: 1, Cells: butLast}, {Line: 2, Cells: all}, {Line: 3, Cells: data}},
		"title, then every field": {{Line: 1, Cells: []string{"BÁO CÁO"}}, {Line: 2, Cells: all}, {Line: 3, Cells: data}},
		"every field, duplicate":  {{Line: 1, Cells: withDup}, {Line: 2, Cells: all}},
		"two rows":                {{Line: 1, Cells: group}, {Line: 2, Cells: sub}, {Line: 3, Cells: data}, {Line: 4, Cells: all}},
		"only all but one":        {{Line: 1, Cells: butLast}, {Line: 2, Cells: data}, {Line: 4, Cells: butLast}},
	}
	for name, rows := range cases {
		checkSameHeader(t, name, fast, rows, nil)
		checkSameHeader(t, name+", merged", fast, rows, []grid.Merge{{Top: 1, Left: 0, Bottom: 2, Right: 0, Text: all[0]}})
	}

	// it does stop: the rows below a header of every field are not looked at
	m := newHeaderMatcher(ix)
	detectHeaderWith(m, []grid.Row{{Line: 1, Cells: all}, {Line: 2, Cells: []string{"Xã Không Xem"}}}, nil)
	if _, seen := m.local["Xã Không Xem"]; seen {
		t.Error("the row below a header of every field was looked at")
	}
	m = newHeaderMatcher(ix)
	detectHeaderWith(m, []grid.Row{{Line: 1, Cells: butLast}, {Line: 2, Cells: []string{"Xã Phải Xem"}}}, nil)
	if _, seen := m.local["Xã Phải Xem"]; !seen {
		t.Error("the row below a header lacking a field was not looked at")
	}
}
