package report

import (
	"reflect"
	"strconv"
	"testing"
)

// A reading worker's memo (header matches, short texts) carried from file to file gives
// the returns and problems that reading each file afresh gives: on testdata, where
// returns differ in their headers and texts, and on a corpus made from one template.
func TestWorkerMemoChangesNothing(t *testing.T) {
	files, o := parityFiles(t)
	dir := t.TempDir()
	if _, err := WriteCorpus(dir, testPlan, CorpusOptions{Districts: 6, Communes: 15, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	files = append(files, CorpusFiles(dir, corpusPlan(t, dir).Registry)...)
	// with the default plan and the corpus's: each file once afresh, and twice in a row
	// after the others with one memo
	for _, plan := range []ReadOptions{o, {Plan: corpusPlan(t, dir)}} {
		var wantRets []*Return
		var wantProbs []Problem
		for _, f := range files {
			rets, probs := ReadFile(f, plan) // a memo of its own
			wantRets, wantProbs = append(wantRets, rets...), append(wantProbs, probs...)
		}
		one := plan
		one.Workers = 1 // one memo for every file, in turn
		rets, probs := ReadFiles(append(files, files...), one)
		n := len(wantRets)
		if !reflect.DeepEqual(rets[:n], wantRets) || !reflect.DeepEqual(rets[n:], wantRets) ||
			!reflect.DeepEqual(probs, append(append([]Problem(nil), wantProbs...), wantProbs...)) {
			t.Error("reading with a worker's memo differs from reading each file afresh")
		}
	}
}

// textIntern gives back the text it is given: the same string again for a short plain
// text, never for one with an entity or a carriage return (decoded, not kept), and it
// starts again once full.
func TestTextInternGivesTheText(t *testing.T) {
	s := &sheetScanner{intern: &textIntern{}}
	for _, v := range []string{"0", "12", "0", "a&amp;b", "a&amp;b", "x\r\ny", "12345678901234567", "Xã An Phú"} {
		if got, want := s.text([]byte(v)), unescapeXML([]byte(v)); got != want {
			t.Errorf("text(%q) = %q, want %q", v, got, want)
		}
	}
	if _, kept := s.intern.m["a&amp;b"]; kept {
		t.Error("a text with an entity was kept")
	}
	for i := range internMax + 10 {
		v := strconv.Itoa(i)
		if got := s.text([]byte(v)); got != v {
			t.Fatalf("text(%q) = %q", v, got)
		}
	}
	if n := len(s.intern.m); n > internMax || n == 0 {
		t.Errorf("%d texts kept, want 1 to %d", n, internMax)
	}
}
