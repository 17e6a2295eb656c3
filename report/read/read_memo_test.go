package read

import (
	"drugfree/report/grid/ooxml"
	"drugfree/report/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/sample"
	"reflect"
	"strconv"
	"strings"
	"testing"
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
			rets, probs := readFile(f, plan) // a memo of its own
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

// textIntern gives back the text it is given: the same string again for a short plain
// text, never for one with an entity or a carriage return (decoded, not kept), and it
// starts again once full.
func TestTextInternGivesTheText(t *testing.T) {
	s := &ooxml.SheetScanner{Intern: &ooxml.TextIntern{}}
	for _, v := range []string{"0", "12", "0", "a&amp;b", "a&amp;b", "x\r\ny", "12345678901234567", "Xã An Phú"} {
		if got, want := s.Text([]byte(v)), ooxml.UnescapeXML([]byte(v)); got != want {
			t.Errorf("text(%q) = %q, want %q", v, got, want)
		}
	}
	if _, kept := s.Intern.M["a&amp;b"]; kept {
		t.Error("a text with an entity was kept")
	}
	for i := range ooxml.InternMax + 10 {
		v := strconv.Itoa(i)
		if got := s.Text([]byte(v)); got != v {
			t.Fatalf("text(%q) = %q", v, got)
		}
	}
	if n := len(s.Intern.M); n > ooxml.InternMax || n == 0 {
		t.Errorf("%d texts kept, want 1 to %d", n, ooxml.InternMax)
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
