package classify_test

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/sample"
)

var updatePlan16 = flag.Bool("update-plan16", false, "rewrite testdata/plan16-*.golden from the code as it is")

// plan16Lines classifies and checks each figure set under Plan 16, a line each: the
// commune, the category and its reasons, the checklist and its criteria.
func plan16Lines(p *criteria.Plan, names []string, figs []classify.Figures) []string {
	e := classify.NewEvaluator(p)
	out := make([]string, len(figs))
	for i, f := range figs {
		out[i] = names[i] + "\t" + e.Classify(f).String() + "\t" + e.Check(f).String()
	}
	return out
}

// randomFigures are n figure sets over Plan 16's numeric fields: each field blank, zero, or
// a figure near one of the plan's thresholds or anywhere below 4000, seeded.
func randomFigures(p *criteria.Plan, n int, seed uint64) ([]string, []classify.Figures) {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	near := []float64{0, 1, 2, 3, 4, 5, 19, 20, 21, 59, 60, 61, 99, 100, 101, 499, 500, 501, 999, 1000, 1001, 1999.99, 2000, 2999, 3000, 10000}
	var names []string
	var out []classify.Figures
	for i := range n {
		f := classify.Figures{}
		for _, fd := range p.Fields {
			if !fd.Numeric() {
				continue
			}
			switch k := rng.IntN(10); {
			case k == 0: // blank
			case k < 3:
				f[fd.Key] = 0
			case fd.Kind == criteria.KindYesNo:
				f[fd.Key] = float64(rng.IntN(2))
			case k < 7:
				f[fd.Key] = near[rng.IntN(len(near))]
			default:
				f[fd.Key] = float64(rng.IntN(4000))
			}
		}
		names = append(names, fmt.Sprintf("random-%d", i))
		out = append(out, f)
	}
	return names, out
}

// TestPlan16Unchanged: Plan 16's categories, reasons and checklist verdicts are those the
// code gave before plans of type rules existed, on the sample's communes (every line, in
// testdata/plan16-sample.golden), on a national corpus of 700 district returns and on
// 20,000 random figure sets with blanks (a digest each, in testdata/plan16-digests.golden).
// The golden files were written by this test run on the tree before issue 16.
func TestPlan16Unchanged(t *testing.T) {
	p := criteria.Default()
	var names []string
	var figs []classify.Figures
	for _, sc := range sample.SampleFigures(p, 2025) {
		names, figs = append(names, sc.Commune.Code), append(figs, sc.Figures)
	}
	sampleLines := plan16Lines(p, names, figs)

	reg := sample.CorpusRegistryFor(sample.CorpusOptions{Districts: 700, Communes: 15, Seed: 2025})
	names, figs = nil, nil
	for _, spec := range sample.CorpusSpecs(p, reg, 2025) {
		for _, r := range spec.Rows {
			names, figs = append(names, r.Commune.Code), append(figs, r.Figures)
		}
	}
	corpus := plan16Lines(p, names, figs)
	names, figs = randomFigures(p, 20000, 16)
	random := plan16Lines(p, names, figs)

	digest := func(lines []string) string {
		return fmt.Sprintf("%d lines sha256 %x", len(lines), sha256.Sum256([]byte(strings.Join(lines, "\n"))))
	}
	got := map[string]string{
		"plan16-sample.golden":  strings.Join(sampleLines, "\n") + "\n",
		"plan16-digests.golden": "corpus700 " + digest(corpus) + "\nrandom20000 " + digest(random) + "\n",
	}
	for name, text := range got {
		path := filepath.Join("testdata", name)
		if *updatePlan16 {
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(want) != text {
			wl, gl := strings.Split(string(want), "\n"), strings.Split(text, "\n")
			for i := range min(len(wl), len(gl)) {
				if wl[i] != gl[i] {
					t.Fatalf("%s: line %d changed:\nwas %s\nnow %s", name, i+1, wl[i], gl[i])
				}
			}
			t.Fatalf("%s: %d lines, was %d", name, len(gl), len(wl))
		}
	}
}
