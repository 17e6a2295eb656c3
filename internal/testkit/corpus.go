package testkit

import (
	"os"
	"path/filepath"
	"testing"

	"drugfree/criteria"
)

// corpusRegistry is the name of the registry a corpus is written with (sample's
// CorpusRegistry, which this package cannot import: sample's tests import it). A corpus
// written under another name fails CorpusPlan, in every test that reads one.
const corpusRegistry = "registry.csv"

// CorpusPlan returns the default plan with the corpus's registry, as --registry would.
func CorpusPlan(t testing.TB, dir string) *criteria.Plan {
	t.Helper()
	fh, err := os.Open(filepath.Join(dir, corpusRegistry))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	reg, err := criteria.ParseRegistryCSV(corpusRegistry, fh)
	if err != nil {
		t.Fatal(err)
	}
	p := criteria.Default()
	p.SetRegistry(reg, corpusRegistry)
	return p
}
