package criteria

import "testing"

// Every former province names a province of the national list, and none is one itself.
func TestFormerProvinces(t *testing.T) {
	b, _ := BuiltinNamed("qd28")
	now := map[string]bool{}
	for _, p := range b.Plan().Registry.Provinces() {
		now[ProvinceName(p)] = true
	}
	if len(now) != 34 {
		t.Fatalf("%d provinces in the national list, want 34", len(now))
	}
	if len(FormerProvinces) != 29+1 {
		t.Errorf("%d former provinces, want the 29 merged away and Thừa Thiên Huế", len(FormerProvinces))
	}
	for old, p := range FormerProvinces {
		if !now[p] {
			t.Errorf("%s became %q, which is not a province of the list", old, p)
		}
		if now[old] {
			t.Errorf("%s is still a province", old)
		}
	}
}
