package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report"
	"drugfree/report/naming"
	"drugfree/report/read"
	"drugfree/report/register"

	"github.com/xuri/excelize/v2"
)

func TestCorpusIsReproducible(t *testing.T) {
	opt := CorpusOptions{Districts: 6, Communes: 15, Seed: 11}
	a, b := t.TempDir(), t.TempDir()
	var files []string
	for _, dir := range []string{a, b} {
		returns, err := WriteCorpus(dir, testkit.TestPlan, opt)
		if err != nil || len(returns) != opt.Districts {
			t.Fatalf("WriteCorpus: %d returns, %v; want %d", len(returns), err, opt.Districts)
		}
		files = returns
	}
	for _, name := range []string{CorpusRegistry, CorpusRegister} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed (or is empty)", name)
		}
	}
	for _, f := range files { // b's
		x, y := cells(t, f), cells(t, filepath.Join(a, CorpusReturns, filepath.Base(f)))
		if !slices.EqualFunc(x, y, slices.Equal) {
			t.Errorf("%s: cells differ between two runs with the same seed", filepath.Base(f))
		}
	}

	other := t.TempDir()
	if _, err := WriteCorpus(other, testkit.TestPlan, CorpusOptions{Districts: 6, Communes: 15, Seed: 12}); err != nil {
		t.Fatal(err)
	}
	x, _ := os.ReadFile(filepath.Join(a, CorpusRegistry))
	y, _ := os.ReadFile(filepath.Join(other, CorpusRegistry))
	if bytes.Equal(x, y) {
		t.Errorf("another seed gave the same registry")
	}
}

func cells(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, []string{sh})
		out = append(out, rows...)
	}
	return out
}

func TestCorpusPassesValidation(t *testing.T) {
	dir := t.TempDir()
	opt := CorpusOptions{Districts: 12, Communes: 15, Seed: 3}
	files, err := WriteCorpus(dir, testkit.TestPlan, opt)
	if err != nil {
		t.Fatal(err)
	}
	p := testkit.CorpusPlan(t, dir)
	if n := len(p.Registry.Districts()); n != opt.Districts {
		t.Fatalf("%d districts in the registry, want %d", n, opt.Districts)
	}
	if n := len(p.Registry.Communes); n < opt.Districts*(opt.Communes-2) || n > opt.Districts*(opt.Communes+2) {
		t.Errorf("%d communes, want about %d", n, opt.Districts*opt.Communes)
	}
	rets, probs := read.ReadFiles(files, read.ReadOptions{Plan: p})
	subs, regProbs := register.ReadRegister(filepath.Join(dir, CorpusRegister), naming.NewMatchers(p), p, time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), i18n.En)
	probs = append(probs, regProbs...)
	asOf := time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC)
	problems, _, _ := report.Validate(p, report.ValidateInput{Returns: rets, Register: subs, Problems: probs, AsOf: asOf, Lang: i18n.En})
	for _, pr := range problems {
		t.Errorf("%s %s %s %s: %s", pr.Severity, pr.Code, filepath.Base(pr.File), pr.Cell, pr.Message)
	}
	rows := 0
	for _, r := range rets {
		rows += len(r.Rows)
	}
	if len(rets) != opt.Districts || rows != len(p.Registry.Communes) {
		t.Errorf("%d returns with %d rows, want %d with %d", len(rets), rows, opt.Districts, len(p.Registry.Communes))
	}
}
