package render

import (
	"archive/zip"
	"bytes"
	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report"
	"drugfree/report/internal/par"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/register"
	"drugfree/report/sample"
	"io"
	"maps"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// The consolidated workbook is the same, part for part, whatever the number of cores
// and of files read at once: reading (workers, each with its memo), indexing the
// registry, the evaluation (split across cores), the tables (streamed one per core) and
// the zip (deflated on every core) all run in parallel when they can.
func TestConsolidationSameOnAnyCores(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a corpus of 80 returns")
	}
	dir := t.TempDir()
	// 80 districts of ~15 communes: enough rows for every parallel path (the registry's
	// names are split from 2*chunkMin, communes evaluated from 2*evalChunkMin).
	files, err := sample.WriteCorpus(dir, testkit.TestPlan, sample.CorpusOptions{Districts: 80, Communes: 15, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	p := testkit.CorpusPlan(t, dir)
	if n := len(p.Registry.Communes); n < 2*par.ChunkMin {
		t.Fatalf("%d communes: too few for NewMatcher to split them", n)
	}
	registerFile := filepath.Join(dir, sample.CorpusRegister)
	now := time.Date(2025, 12, 20, 9, 30, 0, 0, time.UTC)

	consolidate := func(procs, workers int) map[string]string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		m := naming.NewMatchers(p)
		rets, probs := read.ReadFiles(files, read.ReadOptions{Plan: p, Workers: workers, Matchers: m})
		subs, regProbs := register.ReadRegister(registerFile, m, p, now, i18n.Vi)
		c := report.BuildConsolidation(p, report.ConsolidateInput{Files: files, Returns: rets, Register: subs, RegFile: registerFile,
			Problems: append(probs, regProbs...), AsOf: now, Now: now, Version: "test", Lang: i18n.Vi})
		if n := problem.CountErrors(c.Problems); n > 0 {
			t.Fatalf("%d errors in the corpus", n)
		}
		var buf bytes.Buffer
		if err := WriteConsolidation(&buf, c, ""); err != nil {
			t.Fatal(err)
		}
		return workbookParts(t, buf.Bytes())
	}
	want := consolidate(1, 1)
	if len(want["xl/worksheets/sheet2.xml"]) < 100_000 {
		t.Fatalf("the classification sheet has %d bytes: the corpus is too small to say much", len(want["xl/worksheets/sheet2.xml"]))
	}
	for _, c := range []struct{ procs, workers int }{{2, 0}, {4, 0}, {2, 3}, {4, 16}} {
		got := consolidate(c.procs, c.workers)
		for _, name := range slices.Sorted(maps.Keys(want)) {
			if got[name] != want[name] {
				t.Errorf("GOMAXPROCS %d, %d workers: part %s differs from one core's", c.procs, c.workers, name)
			}
		}
		if len(got) != len(want) {
			t.Errorf("GOMAXPROCS %d, %d workers: %d parts, want %d", c.procs, c.workers, len(got), len(want))
		}
	}
}

// workbookParts returns the parts of a workbook by name: the times excelize stamps in
// docProps/core.xml dropped, and [Content_Types].xml as its sorted elements (excelize
// writes them in the order of a map).
func workbookParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	stamp := regexp.MustCompile(`<dcterms:(created|modified)[^<]*</dcterms:[a-z]+>`)
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		switch f.Name {
		case "docProps/core.xml":
			s = stamp.ReplaceAllString(s, "")
		case "[Content_Types].xml":
			elems := strings.SplitAfter(s, ">")
			slices.Sort(elems)
			s = strings.Join(elems, "")
		}
		parts[f.Name] = s
	}
	return parts
}
