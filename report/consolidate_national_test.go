package report

import (
	"testing"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/sample"
)

// A plan whose communes have no district (QĐ 28) counts every commune in the province
// row: the consolidation's summary once showed 0 in every category for a round of 122.
func TestCountByDistrictWithoutDistricts(t *testing.T) {
	qd, ok := criteria.BuiltinNamed("qd28")
	if !ok {
		t.Fatal("no built-in plan qd28")
	}
	p := qd.Plan()
	files, err := sample.WriteRound(t.TempDir(), p, 30, 7, false)
	if err != nil {
		t.Fatal(err)
	}
	asOf := p.Calendar[0].Due.AddDate(0, 0, 1)
	rets, probs := read.ReadFiles(files, read.ReadOptions{Plan: p})
	cons := BuildConsolidation(p, ConsolidateInput{Files: files, Returns: rets, Problems: probs, AsOf: asOf, Now: asOf, Lang: i18n.Vi})
	if n := problem.CountErrors(cons.Problems); n > 0 {
		t.Fatalf("%d errors in the round: %v", n, cons.Problems)
	}
	want := map[string]int{}
	for _, r := range cons.Classification {
		want[r.Category]++
	}
	counts := CountByDistrict(p, cons.Classification, asOf, i18n.Vi)
	if len(counts) != 1 {
		t.Fatalf("%d rows, want the province's alone: %+v", len(counts), counts)
	}
	got := counts[0]
	if got.Classified != len(cons.Classification) || got.Classified != 30 {
		t.Errorf("classified %d, want %d (30 returns)", got.Classified, len(cons.Classification))
	}
	if got.Registry != len(p.Registry.Communes) {
		t.Errorf("registry %d, want %d", got.Registry, len(p.Registry.Communes))
	}
	for k, n := range want {
		if got.ByCategory[k] != n {
			t.Errorf("%s: %d, want %d", k, got.ByCategory[k], n)
		}
	}
}
