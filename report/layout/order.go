package layout

import (
	"cmp"
	"slices"

	"drugfree/criteria"
)

// RegistryOrder returns the indexes of xs in the registry's order, the one order of every
// workbook: districts as the registry first lists them, and the communes of a district as
// it lists them; the communes formed by a reform after them, as its registry lists them.
// place gives an item's district and commune code; items the registry does not know come
// after those it does, in the order they had, as do the items of one commune (the returns
// of several kinds). A table of xs takes the order with Table.Reordered.
func RegistryOrder[T any](p *criteria.Plan, xs []T, place func(*T) (district, code string)) []int {
	// The plan's registry, then the reform's: the units in force before it, then those
	// formed by it.
	districts, communes := map[string]int{}, map[string]int{}
	for _, reg := range p.Registries() {
		for _, c := range reg.Communes {
			if _, ok := districts[c.District]; !ok && c.District != "" {
				districts[c.District] = len(districts)
			}
			if _, ok := communes[c.Code]; !ok {
				communes[c.Code] = len(communes)
			}
		}
	}
	// Each item's rank once, then its index sorted by rank: a comparison costs no lookup
	// and moves no item.
	ranks := make([]int64, len(xs))
	idx := make([]int, len(xs))
	for i := range xs {
		d, c := place(&xs[i])
		dr, ok := districts[d]
		if !ok {
			dr = len(districts)
		}
		cr, ok := communes[c]
		if !ok {
			cr = len(communes)
		}
		ranks[i], idx[i] = int64(dr)<<32|int64(cr), i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(ranks[a], ranks[b]) })
	return idx
}

// InRegistryOrder returns a copy of xs in the registry's order (RegistryOrder), for tables
// that lay out several rows from one item.
func InRegistryOrder[T any](p *criteria.Plan, xs []T, place func(*T) (district, code string)) []T {
	out := make([]T, len(xs))
	for i, j := range RegistryOrder(p, xs, place) {
		out[i] = xs[j]
	}
	return out
}
