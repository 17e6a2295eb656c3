package render

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/register"
	"drugfree/report/sample"
)

// Benchmarks of the consolidation at the scale of a national round, on synthetic corpora
// written once per size (outside the timed loops) by WriteCorpus:
//
//	go test ./report -run '^$' -bench . -benchmem
//	go test ./report -run '^$' -bench 'Consolidate/returns=(9|70|700)$' -benchmem -count 5
//
// The corpora live in one temporary directory, removed when the benchmarks end.

// benchSizes are the numbers of district returns; 2000 is run only when asked for by name
// or by -bench ., as it takes a while to generate.
var benchSizes = []int{9, 70, 700, 2000}

var bench struct {
	once    sync.Once
	root    string
	err     error
	mu      sync.Mutex
	corpora map[int]*benchCorpus
}

type benchCorpus struct {
	dir      string
	plan     *criteria.Plan
	files    []string
	register string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.root != "" {
		os.RemoveAll(bench.root)
	}
	os.Exit(code)
}

// corpus returns the corpus of n returns, writing it on first use.
func corpus(b *testing.B, n int) *benchCorpus {
	b.Helper()
	bench.once.Do(func() { bench.root, bench.err = os.MkdirTemp("", "drugfree-bench-") })
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	bench.mu.Lock()
	defer bench.mu.Unlock()
	if c, ok := bench.corpora[n]; ok {
		return c
	}
	dir := filepath.Join(bench.root, fmt.Sprint(n))
	files, err := sample.WriteCorpus(dir, testkit.TestPlan, sample.CorpusOptions{Districts: n, Communes: 15, Seed: 2025})
	if err != nil {
		b.Fatal(err)
	}
	p := testkit.CorpusPlan(b, dir)
	c := &benchCorpus{dir: dir, plan: p, files: files, register: filepath.Join(dir, sample.CorpusRegister)}
	if bench.corpora == nil {
		bench.corpora = map[int]*benchCorpus{}
	}
	bench.corpora[n] = c
	return c
}

var benchAsOf = time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC)

func (c *benchCorpus) read() report.ConsolidateInput {
	rets, probs := read.ReadFiles(c.files, read.ReadOptions{Plan: c.plan})
	subs, regProbs := register.ReadRegister(c.register, naming.NewMatchers(c.plan), c.plan, benchAsOf, i18n.Vi)
	return report.ConsolidateInput{Files: c.files, Returns: rets, Register: subs, RegFile: c.register,
		Problems: append(probs, regProbs...), AsOf: benchAsOf, Now: benchAsOf, Version: "bench", Lang: i18n.Vi}
}

func runSizes(b *testing.B, f func(b *testing.B, c *benchCorpus)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("returns=%d", n), func(b *testing.B) {
			c := corpus(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			f(b, c)
		})
	}
}

// BenchmarkRead reads every return (ReadFiles) and the register.
func BenchmarkRead(b *testing.B) {
	runSizes(b, func(b *testing.B, c *benchCorpus) {
		for b.Loop() {
			in := c.read()
			if len(in.Returns) != len(c.files) {
				b.Fatalf("%d returns read, want %d", len(in.Returns), len(c.files))
			}
		}
	})
}

// BenchmarkEvaluate classifies, runs the checklist and judges timeliness
// (BuildConsolidation) on returns already read.
func BenchmarkEvaluate(b *testing.B) {
	runSizes(b, func(b *testing.B, c *benchCorpus) {
		b.StopTimer()
		in := c.read()
		b.StartTimer()
		for b.Loop() {
			report.BuildConsolidation(c.plan, in)
		}
	})
}

// BenchmarkWrite writes the consolidated workbook of a consolidation already built.
func BenchmarkWrite(b *testing.B) {
	runSizes(b, func(b *testing.B, c *benchCorpus) {
		b.StopTimer()
		cons := report.BuildConsolidation(c.plan, c.read())
		b.StartTimer()
		for b.Loop() {
			if err := WriteConsolidation(io.Discard, cons, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkConsolidate is the whole of `drugfree consolidate`: read, evaluate, write.
// ns/commune is the time per commune of the registry, to compare with a national round of
// one-commune returns (BenchmarkConsolidateNational).
func BenchmarkConsolidate(b *testing.B) {
	runSizes(b, func(b *testing.B, c *benchCorpus) {
		consolidate(b, c)
	})
}

func consolidate(b *testing.B, c *benchCorpus) {
	for b.Loop() {
		cons := report.BuildConsolidation(c.plan, c.read())
		if n := problem.CountErrors(cons.Problems); n > 0 {
			b.Fatalf("%d errors in the corpus", n)
		}
		if err := WriteConsolidation(io.Discard, cons, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.plan.Registry.Communes)), "ns/commune")
}

// BenchmarkConsolidateNational consolidates a national round under the plan of QĐ 28 as it
// now arrives: one small return from each of the 3,321 communes of the country (but one,
// which sent none), written once by sample.WriteRound:
//
//	go test ./report/render -run '^$' -bench 'ConsolidateNational|Consolidate/returns=700' -benchmem -count 5
func BenchmarkConsolidateNational(b *testing.B) {
	p, c := nationalRound(b)
	asOf := p.Calendar[0].Due.AddDate(0, 0, 6)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rets, probs := read.ReadFiles(c.files, read.ReadOptions{Plan: p})
		cons := report.BuildConsolidation(p, report.ConsolidateInput{Files: c.files, Returns: rets, Problems: probs,
			AsOf: asOf, Now: asOf, Version: "bench", Lang: i18n.Vi})
		if n := problem.CountErrors(cons.Problems); n > 0 {
			b.Fatalf("%d errors in the round", n)
		}
		if err := WriteConsolidation(io.Discard, cons, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(p.Registry.Communes)), "ns/commune")
}

// BenchmarkInflateFloorNational is the floor under BenchmarkConsolidateNational: what it
// costs only to read each return of the national round, open it as a zip and inflate the
// parts no two returns share (its worksheets and shared strings; ReadFiles reads the
// relationships and workbook.xml the returns share once), on as many files at once as
// ReadFiles reads, parsing nothing and writing nothing. Its ns/commune against
// BenchmarkConsolidate/returns=700's shows what one file per commune costs before any work
// is done:
//
//	go test ./report/render -run '^$' -bench 'InflateFloorNational|ConsolidateNational|Consolidate/returns=700$' -benchtime 10x
func BenchmarkInflateFloorNational(b *testing.B) {
	p, c := nationalRound(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if n := inflateFloor(b, c.files, runtime.GOMAXPROCS(0)); n == 0 {
			b.Fatal("nothing inflated")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(p.Registry.Communes)), "ns/commune")
}

// nationalRound returns the plan of QĐ 28 for the whole country and its round of one small
// return from each of the 3,321 communes but one, written by sample.WriteRound on first use.
func nationalRound(b *testing.B) (*criteria.Plan, *benchCorpus) {
	b.Helper()
	bench.once.Do(func() { bench.root, bench.err = os.MkdirTemp("", "drugfree-bench-") })
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	qd, ok := criteria.BuiltinNamed("qd28")
	if !ok {
		b.Fatal("no built-in plan qd28")
	}
	p := qd.Plan()
	if err := p.SelectProvince(criteria.AllProvinces); err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(bench.root, "qd28-national")
	bench.mu.Lock()
	defer bench.mu.Unlock()
	if _, err := os.Stat(dir); err != nil {
		if _, err := sample.WriteRound(dir, p, 0, 2025, false); err != nil {
			b.Fatal(err)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, sample.RoundDir, "*", "*.xlsx"))
	if err != nil || len(files) != len(p.Registry.Communes)-1 {
		b.Fatalf("%d returns, %v; want one from every commune but one", len(files), err)
	}
	return p, &benchCorpus{dir: dir, plan: p, files: files}
}
