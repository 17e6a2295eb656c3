package read

import (
	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/internal/testkit"
	"drugfree/report/grid/ooxml"
	"drugfree/report/problem"
	"drugfree/report/read/header"
	"drugfree/report/sample"
	"drugfree/report/template"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// A reading worker's memo (header matches, short texts) carried from file to file gives
// the returns and problems that reading each file afresh gives: on testdata, where
// returns differ in their headers and texts, and on a corpus made from one template.
func TestWorkerMemoChangesNothing(t *testing.T) {
	files, o := parityFiles(t)
	dir := t.TempDir()
	corpus, err := sample.WriteCorpus(dir, testkit.TestPlan, sample.CorpusOptions{Districts: 6, Communes: 15, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, corpus...)
	// with the default plan and the corpus's: each file once afresh, and twice in a row
	// after the others with one memo
	for _, plan := range []ReadOptions{o, {Plan: testkit.CorpusPlan(t, dir)}} {
		var wantRets []*Return
		var wantProbs []problem.Problem
		for _, f := range files {
			rets, probs := ReadFile(f, plan) // a memo of its own
			wantRets, wantProbs = append(wantRets, rets...), append(wantProbs, probs...)
		}
		one := plan
		one.Workers = 1 // one memo for every file, in turn
		rets, probs := ReadFiles(append(files, files...), one)
		n := len(wantRets)
		if !reflect.DeepEqual(rets[:n], wantRets) || !reflect.DeepEqual(rets[n:], wantRets) ||
			!reflect.DeepEqual(probs, append(append([]problem.Problem(nil), wantProbs...), wantProbs...)) {
			t.Error("reading with a worker's memo differs from reading each file afresh")
		}
	}
}

// A reading worker keeps the short texts of the cells it reads from file to file and
// starts again once it holds too many. Reading many files with one worker, more distinct
// figures than it keeps, twice in a row, gives what excelize reads from each: the figures
// written, and a figure whose cell writes a digit as a character reference (decoded, not
// kept as written).
func TestAWorkerReadsManyFiguresAsExcelizeDoes(t *testing.T) {
	p := testkit.TestPlan
	dir := t.TempDir()
	var files []string
	next := 10       // each figure its own number, of two to four digits
	const odd = 4321 // written "4&#51;21" below: the number 4321 all the same
	oddFile := ""
	for set := range 2 {
		for i, d := range p.Registry.Districts() {
			spec := template.ReturnSpec{District: d, Kind: "phase1", Number: "1/BC", ReportDate: time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)}
			for _, c := range p.Registry.InDistrict(d) {
				fig := classify.Figures{}
				for _, f := range p.Fields {
					if f.Kind == criteria.KindCount || f.Kind == criteria.KindArea {
						fig[f.Key] = float64(next)
						next++
					}
				}
				spec.Rows = append(spec.Rows, template.ReturnRow{Commune: c, Figures: fig})
			}
			files = append(files, writeCanonical(t, dir, fmt.Sprintf("%d-%d.xlsx", set, i), spec))
			if oddFile == "" && next > odd {
				oddFile = files[len(files)-1]
			}
		}
	}
	if n := next - 10; n <= 1<<12 { // ooxml's internMax: the texts a worker keeps
		t.Fatalf("%d figures: too few to fill the worker's texts", n)
	}
	testkit.PatchZip(t, oddFile, "xl/worksheets/", "<v>4321</v>", "<v>4&#51;21</v>")
	if _, err := ooxml.Open(testkit.MustRead(t, oddFile), ooxml.Options{}); err != nil {
		t.Fatalf("the fast reader declines the workbook (%v): the test says little", err)
	}

	one := opts()
	one.Workers = 1
	rets, probs := ReadFiles(append(files, files...), one)
	slow := opts()
	slow.excelizeOnly = true
	var wantRets []*Return
	var wantProbs []problem.Problem
	for _, f := range files {
		r, pr := ReadFile(f, slow)
		wantRets, wantProbs = append(wantRets, r...), append(wantProbs, pr...)
	}
	n := len(wantRets)
	if n != len(files) || len(rets) != 2*n || !reflect.DeepEqual(rets[:n], wantRets) || !reflect.DeepEqual(rets[n:], wantRets) ||
		!reflect.DeepEqual(probs, append(append([]problem.Problem(nil), wantProbs...), wantProbs...)) {
		t.Fatalf("one worker reads %d returns, %d problems; excelize %d returns, %d problems, or other figures", len(rets), len(probs), n, len(wantProbs))
	}
	found := 0
	for _, r := range rets {
		for _, row := range r.Rows {
			for _, v := range row.Figures {
				if v < 10 || v >= float64(next) {
					t.Fatalf("%s: a figure %v that was not written", r.File, v)
				}
				if v == odd {
					found++
				}
			}
		}
	}
	if found != 2 {
		t.Errorf("the figure written with a character reference read %d times, want 2", found)
	}
}

// A matcher of the cover's labels knows each label of the plan's cover, written in either
// language, as its key, in any case, with a colon or a note in parentheses, and its
// variants; a cover's other cells (values, item numbers, "label: value") are no label.
// Asked again, it answers the same from its memo.
func TestCoverMatcherKnowsTheCoversLabels(t *testing.T) {
	m := header.NewHeaderMatcher(header.CoverIndex(testkit.TestPlan))
	want := map[string]string{"Huyện": "district", "HUYỆN": "district", "Don vi bao cao": "district", "Đơn vị báo cáo:": "district",
		"Ngày (dd/mm/yyyy)": "report_date", "Số": "number", "Người lập biểu": "author", "SĐT": "phone", "Điện thoại:": "phone"}
	for _, c := range testkit.TestPlan.Cover {
		for _, s := range append([]string{c.Key, c.Vi, c.En, c.Vi + " (dd/mm/yyyy)", strings.ToUpper(c.Vi), c.Vi + ":"}, c.Variants...) {
			if _, dup := want[s]; !dup {
				want[s] = c.Key
			}
		}
	}
	for _, s := range []string{"", "1.", "a)", "II.", "Huyện An Phú", "56/BC-CAH", "20/12/2025", "Loại báo cáo: Rà soát", "(ghi chú)", "0294.3.000.000", "số 12"} {
		want[s] = ""
	}
	if len(want) < 50 {
		t.Fatalf("%d texts", len(want))
	}
	for range 2 { // the second time from the memo
		for s, key := range want {
			if got, ok := m.Match(s); got != key || ok != (key != "") {
				t.Errorf("match(%q) = %q, %v; want %q", s, got, ok, key)
			}
		}
	}
}
