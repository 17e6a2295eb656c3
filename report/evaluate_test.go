package report

import (
	"reflect"
	"slices"
	"testing"

	"drugfree/criteria"
	"drugfree/i18n"
)

// communesByDistrict gives the communes of each district, all of them and in registry
// order, whether each district's communes follow one another or not; appending to one
// district's changes no other district's, nor the registry.
func TestCommunesByDistrict(t *testing.T) {
	c := func(d, code string) criteria.Commune { return criteria.Commune{District: d, Code: code} }
	mixed := criteria.Registry{Communes: []criteria.Commune{c("A", "1"), c("B", "2"), c("A", "3"), c("", "4"), c("B", "5"), c("C", "6")}}
	grouped := criteria.Registry{Communes: []criteria.Commune{c("A", "1"), c("A", "2"), c("B", "3"), c("C", "4")}}
	for _, tc := range []struct {
		reg  criteria.Registry
		want map[string][]criteria.Commune
	}{
		{mixed, map[string][]criteria.Commune{"A": {c("A", "1"), c("A", "3")}, "B": {c("B", "2"), c("B", "5")}, "": {c("", "4")}, "C": {c("C", "6")}}},
		{grouped, map[string][]criteria.Commune{"A": {c("A", "1"), c("A", "2")}, "B": {c("B", "3")}, "C": {c("C", "4")}}},
		{criteria.Registry{}, map[string][]criteria.Commune{}},
	} {
		got := communesByDistrict(tc.reg)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("communesByDistrict = %v, want %v", got, tc.want)
		}
		before := slices.Clone(tc.reg.Communes)
		for d := range got {
			_ = append(got[d], c("X", "99"))
		}
		if !reflect.DeepEqual(got, tc.want) || !slices.Equal(tc.reg.Communes, before) {
			t.Errorf("appending to a district's communes changed another's or the registry: %v, %v", got, tc.reg.Communes)
		}
	}
	reg := criteria.Default().Registry
	got, n := communesByDistrict(reg), 0
	for _, d := range reg.Districts() {
		if want := reg.InDistrict(d); !slices.Equal(got[d], want) {
			t.Errorf("%s: %v, want %v", d, got[d], want)
		}
		n += len(got[d])
	}
	if n != len(reg.Communes) || len(got) != 9 {
		t.Errorf("%d communes in %d districts, want 104 in 9", n, len(got))
	}
}

// The checklist given the classification of the same returns takes the communes' names
// from it, and is otherwise RecognizeReturns, with or without every status, on enough
// communes to run on every core.
func TestRecognitionWithTheClassificationsNames(t *testing.T) {
	p := criteria.Default()
	rets := manyReturns(p)
	classified := ClassifyReturns(p, rets, i18n.Vi)
	for _, all := range []bool{false, true} {
		want := RecognizeReturns(p, rets, Baselines{}, all, i18n.Vi)
		got := recognizeReturns(p, rets, Baselines{}, all, classified, i18n.Vi)
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("all=%v: %d results differ from RecognizeReturns's %d", all, len(got), len(want))
		}
	}
}
