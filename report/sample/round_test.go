package sample

import (
	"path/filepath"
	"testing"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/problem"
	"drugfree/report/read"
)

func qd28Plan(t *testing.T) *criteria.Plan {
	t.Helper()
	b, ok := criteria.BuiltinNamed("qd28")
	if !ok {
		t.Fatal("no built-in plan qd28")
	}
	return b.Plan()
}

// The sample round of QĐ 28 for Vĩnh Long's 124 communes reaches every category, has
// communes of a type by criterion đ, a commune of Type III that is drug-free all the same
// (reading R5), and its figures keep the plan's consistency rules.
func TestRoundFiguresCoverTheRules(t *testing.T) {
	p := qd28Plan(t)
	figs := RoundFigures(p, p.Registry.Communes, 2025)
	if len(figs) != 124 {
		t.Fatalf("%d communes, want 124", len(figs))
	}
	e := classify.NewEvaluator(p)
	cats := map[string]int{}
	byD, typeAndFree := 0, 0
	for _, sc := range figs {
		r := e.Classify(sc.Figures)
		cats[r.Category]++
		for _, x := range r.Reasons {
			if x.Rule == classify.RuleCriterion && len(x.Met) > 0 {
				byD++
				break
			}
		}
		if r.Category == criteria.Type3 && e.Check(sc.Figures).Result == classify.Pass {
			typeAndFree++
		}
		if u, ok := sc.Figures["resident_users"]; ok && sc.Figures["resident_users_excluded"] > u {
			t.Errorf("%s: %v excluded of %v users", sc.Commune.FullName(), sc.Figures["resident_users_excluded"], u)
		}
	}
	for _, c := range []string{criteria.Type1, criteria.Type2, criteria.Type3, "not-key", criteria.Undetermined} {
		if cats[c] == 0 {
			t.Errorf("no commune is %s (%v)", c, cats)
		}
	}
	if byD == 0 || typeAndFree == 0 {
		t.Errorf("%d communes count criterion đ, %d are Type III and drug-free; want some of each", byD, typeAndFree)
	}
	// The same seed, the same figures.
	again := RoundFigures(p, p.Registry.Communes, 2025)
	for i := range figs {
		if len(figs[i].Figures) != len(again[i].Figures) {
			t.Fatal("the same seed gave other figures")
		}
		for k, v := range figs[i].Figures {
			if again[i].Figures[k] != v {
				t.Fatalf("the same seed gave other figures: %s %s", figs[i].Commune.FullName(), k)
			}
		}
	}
}

// The round's files read back: one return per commune but one, each from its commune, with
// one late, and the province's file of every commune; the only problems are the blanks
// left on purpose and the late return.
func TestWriteRoundReadsBack(t *testing.T) {
	p := qd28Plan(t)
	dir := t.TempDir()
	written, err := WriteRound(dir, p, 0, 2025, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 124 { // communes.xlsx and 123 returns (one commune sent none)
		t.Fatalf("%d files written, want 124", len(written))
	}
	files, _ := filepath.Glob(filepath.Join(dir, RoundDir, "year", "*.xlsx"))
	rets, probs := read.ReadFiles(files, read.ReadOptions{Plan: p, AsOf: time.Date(2026, 12, 25, 0, 0, 0, 0, time.UTC)})
	asOf := time.Date(2026, 12, 25, 0, 0, 0, 0, time.UTC)
	problems, _, _ := report.Validate(p, report.ValidateInput{Returns: rets, Problems: probs, AsOf: asOf, Lang: i18n.En})
	late := 0
	for _, pr := range problems {
		switch pr.Code {
		case problem.CodeMissingValue:
		case problem.CodeLateSubmission:
			late++
		default:
			t.Errorf("%s %s %s %s: %s", pr.Severity, pr.Code, filepath.Base(pr.File), pr.Cell, pr.Message)
		}
	}
	if late != 1 || len(rets) != 123 {
		t.Errorf("%d returns, %d late; want 123 and 1", len(rets), late)
	}
	for _, r := range rets {
		if len(r.Rows) != 1 || r.Rows[0].Commune.FullName() != r.District {
			t.Errorf("%s: %d rows from %q", r.File, len(r.Rows), r.District)
		}
	}
	// --communes N: the first N.
	written, err = WriteRound(t.TempDir(), p, 10, 2025, false)
	if err != nil || len(written) != 10 {
		t.Errorf("10 communes: %d files, %v; want communes.xlsx and 9 returns", len(written), err)
	}
}
