package read

import (
	"drugfree/internal/testkit"
	"drugfree/report/grid/ooxml"
	"drugfree/report/sample"
	"path/filepath"
	"reflect"
	"testing"
)

// parityFiles are the workbooks of testdata and a small synthetic corpus.
func parityFiles(t *testing.T) ([]string, ReadOptions) {
	t.Helper()
	return testkit.TestdataWorkbooks(t), opts()
}

// The fast reader of plain workbooks reads exactly what excelize reads.
func TestRawReaderMatchesExcelize(t *testing.T) {
	check := func(t *testing.T, files []string, o ReadOptions) {
		t.Helper()
		if len(files) == 0 {
			t.Fatal("no files")
		}
		for _, f := range files {
			raw, _ := ooxml.Open(testkit.MustRead(t, f), ooxml.Options{})
			if raw == nil {
				t.Errorf("%s: the fast reader does not read it", f)
			}
			fast := o
			fast.fellBack = func(why any) { t.Errorf("%s: read with excelize: %v", f, why) }
			fastRets, fastProbs := ReadFile(f, fast)
			slow := o
			slow.excelizeOnly = true
			slowRets, slowProbs := ReadFile(f, slow)
			if !reflect.DeepEqual(fastRets, slowRets) || !reflect.DeepEqual(fastProbs, slowProbs) {
				t.Errorf("%s: the fast reader and excelize differ:\nfast %+v\n%+v\nslow %+v\n%+v", f, fastRets, fastProbs, slowRets, slowProbs)
			}
		}
	}
	t.Run("testdata", func(t *testing.T) {
		files, o := parityFiles(t)
		check(t, files, o)
	})
	t.Run("official", func(t *testing.T) { // hidden sheets and columns, merges, formulas
		files, _ := filepath.Glob(filepath.Join(testkit.Testdata(t), "official", "*.xlsx"))
		more, _ := filepath.Glob(filepath.Join(testkit.Testdata(t), "official", "*", "*.xlsx"))
		check(t, append(files, more...), opts())
	})
	t.Run("corpus", func(t *testing.T) {
		dir := t.TempDir()
		files, err := sample.WriteCorpus(dir, testkit.TestPlan, sample.CorpusOptions{Districts: 5, Communes: 15, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		p := testkit.CorpusPlan(t, dir)
		check(t, files, ReadOptions{Plan: p})
	})
}

// ReadFiles gives the same returns and problems in the same order whatever the number
// of files read at once.
func TestReadFilesSameWithAnyWorkers(t *testing.T) {
	files, o := parityFiles(t)
	files = append(files, files[0], "no-such-file.xlsx") // a file twice, and one missing
	o.Workers = 1
	wantRets, wantProbs := ReadFiles(files, o)
	if len(wantRets) == 0 {
		t.Fatal("nothing read")
	}
	for _, n := range []int{2, 3, 8, len(files) + 5} {
		o.Workers = n
		calls := 0
		o.OnFileDone = func() { calls++ }
		rets, probs := ReadFiles(files, o)
		if !reflect.DeepEqual(rets, wantRets) || !reflect.DeepEqual(probs, wantProbs) {
			t.Errorf("%d workers: results differ from 1 worker", n)
		}
		if calls != len(files) {
			t.Errorf("%d workers: OnFileDone called %d times, want %d", n, calls, len(files))
		}
	}
}
