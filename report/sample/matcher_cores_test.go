package sample

import (
	"reflect"
	"runtime"
	"testing"

	"drugfree/criteria"
	"drugfree/report/internal/par"
	"drugfree/report/naming"
)

// NewMatcher splits a large registry's names on every core. Built on one core or on
// four, the Matcher finds every commune of the registry by its name (with its district
// and type, or its full name), and answers a name without its district alike (one
// commune, or the same candidates in the same order).
func TestNewMatcherOnAnyCoresFindsEveryCommune(t *testing.T) {
	p := criteria.Default()
	p.SetRegistry(CorpusRegistryFor(CorpusOptions{Districts: 150, Communes: 15, Seed: 5}), CorpusRegistry)
	if len(p.Registry.Communes) < 4*par.ChunkMin {
		t.Fatalf("only %d communes: too few to be split", len(p.Registry.Communes))
	}
	prev := runtime.GOMAXPROCS(1)
	one := naming.NewMatcher(p)
	runtime.GOMAXPROCS(4)
	four := naming.NewMatcher(p)
	runtime.GOMAXPROCS(prev)
	ambiguous := 0
	for _, c := range p.Registry.Communes {
		for _, m := range []*naming.Matcher{one, four} {
			for _, q := range []naming.CommuneMatch{m.Commune(c.Name, c.District, "", c.Type), m.Commune(c.FullName(), c.District, "", "")} {
				if !q.OK || q.Commune != c {
					t.Fatalf("%s, %s: %+v", c.FullName(), c.District, q)
				}
			}
		}
		a, b := one.Commune(c.Name, "", "", ""), four.Commune(c.Name, "", "", "")
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%s without its district: on one core %+v, on four %+v", c.Name, a, b)
		}
		if !a.OK {
			ambiguous++
		}
	}
	if ambiguous == 0 {
		t.Error("no name fits several communes: the test says little of the candidates' order")
	}
}
