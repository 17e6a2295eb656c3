package report

import (
	"reflect"
	"testing"
)

// fullHeaderMatcher is a matcher that never stops early: no header reaches its top score.
func fullHeaderMatcher() *headerMatcher {
	m := newHeaderMatcher(fieldIndex(testPlan))
	m.fields = 1 << 20
	return m
}

// checkSameHeader compares detectHeaderWith with and without stopping at a header that
// names every field, and reports any difference.
func checkSameHeader(t *testing.T, name string, fast *headerMatcher, rows []gridRow, merges []mergeRange) {
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
	ix := fieldIndex(testPlan)
	if ix.fields() != len(testPlan.Fields) {
		t.Fatalf("the index names %d fields, the plan has %d", ix.fields(), len(testPlan.Fields))
	}
	fast := newHeaderMatcher(ix) // one matcher for every sheet, as a reading worker has

	files, _ := parityFiles(t)
	dir := t.TempDir()
	if _, err := WriteCorpus(dir, testPlan, CorpusOptions{Districts: 3, Communes: 15, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	files = append(files, CorpusFiles(dir, corpusPlan(t, dir).Registry)...)
	sheets := 0
	for _, f := range files {
		b, err := openRawBook(mustRead(t, f))
		if err != nil {
			continue // read by excelize: the same detection, from the same rows
		}
		for _, sheet := range b.sheetList() {
			src, err := b.source(sheet)
			if err != nil {
				t.Fatal(err)
			}
			var rows []gridRow
			for {
				g, ok, err := src.next()
				if err != nil || !ok || g.line > headerRows {
					break
				}
				rows = append(rows, g)
			}
			src.close()
			checkSameHeader(t, f+" "+sheet, fast, rows, b.merges(sheet, rows))
			sheets++
		}
		b.close()
	}
	if sheets < 10 {
		t.Fatalf("only %d sheets", sheets)
	}

	all := make([]string, len(testPlan.Fields))
	for i, f := range testPlan.Fields {
		all[i] = f.Vi
	}
	butLast := append([]string(nil), all[:len(all)-1]...)
	data := []string{"Huyện A", "Xã B", "12345", "Đạt", "100"}
	withDup := append(append([]string(nil), all...), all[1])
	// a group over two sub-headers that name their fields only under it (as in
	// TestDetectHeaderTwoRows), every other field named in the first row
	group, sub := append([]string(nil), all...), make([]string, len(all))
	for i, f := range testPlan.Fields {
		switch f.Key {
		case "addicts_total":
			group[i], sub[i] = "Người nghiện", "Tổng số"
		case "addicts_managed":
			group[i], sub[i] = "", "Có hồ sơ"
		}
	}
	cases := map[string][]gridRow{
		"every field, then again": {{1, all}, {2, all}, {3, data}},
		"all but one, then every": {{1, butLast}, {2, all}, {3, data}},
		"title, then every field": {{1, []string{"BÁO CÁO"}}, {2, all}, {3, data}},
		"every field, duplicate":  {{1, withDup}, {2, all}},
		"two rows":                {{1, group}, {2, sub}, {3, data}, {4, all}},
		"only all but one":        {{1, butLast}, {2, data}, {4, butLast}},
	}
	for name, rows := range cases {
		checkSameHeader(t, name, fast, rows, nil)
		checkSameHeader(t, name+", merged", fast, rows, []mergeRange{{top: 1, left: 0, bottom: 2, right: 0, text: all[0]}})
	}

	// it does stop: the rows below a header of every field are not looked at
	m := newHeaderMatcher(ix)
	detectHeaderWith(m, []gridRow{{1, all}, {2, []string{"Xã Không Xem"}}}, nil)
	if _, seen := m.local["Xã Không Xem"]; seen {
		t.Error("the row below a header of every field was looked at")
	}
	m = newHeaderMatcher(ix)
	detectHeaderWith(m, []gridRow{{1, butLast}, {2, []string{"Xã Phải Xem"}}}, nil)
	if _, seen := m.local["Xã Phải Xem"]; !seen {
		t.Error("the row below a header lacking a field was not looked at")
	}
}
