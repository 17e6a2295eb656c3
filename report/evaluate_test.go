package report

import (
	"reflect"
	"testing"

	"drugfree/criteria"
)

// communesByDistrict gives what Registry.ByDistrict gives, on the default registry and on
// one whose districts' communes are interleaved.
func TestCommunesByDistrictIsByDistrict(t *testing.T) {
	reg := criteria.Default().Registry
	mixed := criteria.Registry{Communes: []criteria.Commune{
		{District: "A", Code: "1"}, {District: "B", Code: "2"}, {District: "A", Code: "3"},
		{District: "", Code: "4"}, {District: "B", Code: "5"}, {District: "C", Code: "6"},
	}}
	grouped := criteria.Registry{Communes: []criteria.Commune{
		{District: "A", Code: "1"}, {District: "A", Code: "2"}, {District: "B", Code: "3"}, {District: "C", Code: "4"},
	}}
	for _, r := range []criteria.Registry{reg, mixed, grouped, {}} {
		got := communesByDistrict(r)
		if want := r.ByDistrict(); !reflect.DeepEqual(got, want) {
			t.Errorf("communesByDistrict = %v, want %v", got, want)
		}
		// A district's slice has no room past its communes: appending to it cannot
		// change another district's, nor the registry.
		for d, cs := range got {
			if cap(cs) != len(cs) {
				t.Errorf("district %q: cap %d, len %d", d, cap(cs), len(cs))
			}
		}
	}
}

// The checklist given the classification of the same returns takes the communes' names
// from it, and is otherwise RecognizeReturns, with or without every status, on enough
// communes to run on every core.
func TestRecognitionWithTheClassificationsNames(t *testing.T) {
	p := criteria.Default()
	rets := manyReturns(p)
	classified := ClassifyReturns(p, rets, "vi")
	for _, all := range []bool{false, true} {
		want := RecognizeReturns(p, rets, nil, all, "vi")
		got := recognizeReturns(p, rets, nil, all, classified, "vi")
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("all=%v: %d results differ from RecognizeReturns's %d", all, len(got), len(want))
		}
	}
}
