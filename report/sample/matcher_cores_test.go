package sample

import (
	"drugfree/report/internal/par"
	"drugfree/report/internal/testkit"
	"drugfree/report/naming"
	"reflect"
	"runtime"
	"testing"
)

// NewMatcher splits the registry's names on every core and gives the Matcher it gives
// on one, on a registry large enough to be split.
func TestNewMatcherSameOnAnyCores(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteCorpus(dir, testkit.TestPlan, CorpusOptions{Districts: 150, Communes: 15, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	p := testkit.CorpusPlan(t, dir)
	if len(p.Registry.Communes) < 4*par.ChunkMin {
		t.Fatalf("only %d communes", len(p.Registry.Communes))
	}
	prev := runtime.GOMAXPROCS(1)
	one := naming.NewMatcher(p)
	runtime.GOMAXPROCS(4)
	four := naming.NewMatcher(p)
	runtime.GOMAXPROCS(prev)
	if !reflect.DeepEqual(one, four) {
		t.Error("the Matcher built on 4 cores differs from the one built on 1")
	}
}
