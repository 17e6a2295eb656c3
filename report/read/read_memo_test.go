package read

import (
	"drugfree/report/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/sample"
	"reflect"
	"strings"
	"testing"
)

// A reading worker's memo (header matches, short texts) carried from file to file gives
// the returns and problems that reading each file afresh gives: on testdata, where
// returns differ in their headers and texts, and on a corpus made from one template.
func TestWorkerMemoChangesNothing(t *testing.T) {
	files, o := parityFiles(t)
	dir := t.TempDir()
	if _, err := sample.WriteCorpus(dir, testkit.TestPlan, sample.CorpusOptions{Districts: 6, Communes: 15, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	files = append(files, sample.CorpusFiles(dir, testkit.CorpusPlan(t, dir).Registry)...)
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

// A matcher of the cover's labels answers as the cover's index, on every label of the
// plan's cover and on cells a cover holds (values, item numbers, "label: value").
func TestCoverMatcherIsCoverIndex(t *testing.T) {
	ix := coverIndex(testkit.TestPlan)
	m := newHeaderMatcher(ix)
	texts := []string{"", "1.", "a)", "II.", "Huyện An Phú", "56/BC-CAH", "20/12/2025", "Loại báo cáo: Rà soát", "(ghi chú)", "0294.3.000.000"}
	for _, c := range testkit.TestPlan.Cover {
		texts = append(texts, c.Key, c.Vi, c.En, c.Vi+" (dd/mm/yyyy)", strings.ToUpper(c.Vi), c.Vi+":")
		texts = append(texts, c.Variants...)
	}
	for range 2 { // the second time from the memo
		for _, s := range texts {
			gk, gok := m.match(s)
			wk, wok := ix.match(s)
			if gk != wk || gok != wok {
				t.Errorf("match(%q) = %q, %v; want %q, %v", s, gk, gok, wk, wok)
			}
		}
	}
}
