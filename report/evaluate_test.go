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
	for _, r := range []criteria.Registry{reg, mixed, {}} {
		if got, want := communesByDistrict(r), r.ByDistrict(); !reflect.DeepEqual(got, want) {
			t.Errorf("communesByDistrict = %v, want %v", got, want)
		}
	}
}
