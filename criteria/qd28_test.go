package criteria

import "testing"

func TestBuiltinsParse(t *testing.T) {
	for _, b := range Builtins {
		p := b.Plan()
		t.Logf("%s: %d communes, province %s", b.Name, len(p.Registry.Communes), p.Province)
	}
}
