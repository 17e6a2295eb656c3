package classify

import (
	"maps"
	"slices"
	"sort"

	"drugfree/criteria"
)

// MaxFigure is the largest figure a return may give (10^12): no count of people, points or
// plants and no area in m² of one commune comes near it, and the exact comparisons (a figure
// in hundredths times a percentage's denominator, in 64-bit integers) hold for every figure
// up to it. The reader reports a larger one as a typing error; a blank figure is searched
// up to it.
const MaxFigure = 1e12

// Kleene's logic judges each type on its own, so the categories it lists as possible for
// a commune with blank figures can include one that no filling of the blanks reaches: with
// the route blank, criterion đ could make Type II, but the route that makes it hold makes
// Type I. reach finds the categories the fillings do reach, by trying them.
//
// It is exact when every comparison of the plan reads at most one of the blank figures:
// the truth of each comparison then turns at most twice along that figure (its linear form
// meets the threshold), so a few values of each figure, on either side of each turn, give
// every combination of truths the fillings can give. Otherwise, or when the values to try
// are too many, it gives up and Kleene's list stands (it may be too long, never too short).

// reachMax is the most fillings reach tries.
const reachMax = 1024

// reach returns the categories reached over every filling of the figures free (blank, or
// read as such), and ok when it tried them all or reached every category of want (Kleene's
// list, which no filling leaves).
func (e *Evaluator) reach(fig Figures, free []string, want []string) (reached map[string]bool, ok bool) {
	if len(free) == 0 {
		return nil, false
	}
	isFree := map[string]bool{}
	for _, k := range free {
		isFree[k] = true
	}
	var leaves []*criteria.Test
	for i := range e.p.Classification.Criteria {
		leaves = appendLeaves(leaves, &e.p.Classification.Criteria[i])
	}
	denominator := map[string]bool{}
	for _, t := range leaves {
		n := 0
		for _, k := range leafFields(t) {
			if isFree[k] {
				n++
			}
		}
		if n > 1 {
			return nil, false
		}
		if t.Expr.Den != nil {
			for _, k := range t.Expr.Den.Fields() {
				denominator[k] = true
			}
		}
	}
	// The values to try for each free figure: one for each combination of truths of its
	// comparisons.
	values := make([][]float64, len(free))
	total := 1
	for i, k := range free {
		values[i] = e.turns(fig, k, leaves, denominator[k])
		if total *= len(values[i]); total > reachMax {
			return nil, false
		}
	}
	filled := maps.Clone(fig)
	te := e.newTypeEval(filled)
	reached = map[string]bool{}
	wanted := 0 // the categories of want reached
	var try func(i int) bool
	try = func(i int) bool {
		if i == len(free) {
			c, ok := te.category()
			if !ok {
				return false // an input error that no filling removes: give up
			}
			if !reached[c] && slices.Contains(want, c) {
				wanted++
			}
			reached[c] = true
			return wanted < len(want) // all of want reached: nothing to narrow
		}
		for _, v := range values[i] {
			filled[free[i]] = v
			if !try(i + 1) {
				return false
			}
		}
		return true
	}
	if !try(0) && wanted < len(want) {
		return nil, false
	}
	return reached, true
}

// category is the category of te's figures, every one known, found again for each filling
// in te's storage; ok is false when a type is still unknown (an input error).
func (te *typeEval) category() (string, bool) {
	clear(te.done)
	te.missing, te.zeroDen, te.errs = te.missing[:0], te.zeroDen[:0], te.errs[:0]
	cl := &te.e.p.Classification
	for _, l := range te.e.typeOrder {
		r := &cl.Types[l]
		switch st, _ := te.atLeast(r.AtLeast, r.Of); st {
		case yes:
			return te.e.p.LevelCategory(r.Level), true
		case unknown:
			return "", false
		}
	}
	return cl.Rest, true
}

// newTypeEval prepares the evaluation of fig's criteria.
func (e *Evaluator) newTypeEval(fig Figures) *typeEval {
	n := len(e.p.Classification.Criteria)
	return &typeEval{e: e, fig: fig, state: make([]tri, n), ev: make([]evidence, n), done: make([]bool, n)}
}

// turns returns the values of the free figure k to try: its least, and the values on
// either side of each place where a comparison of it turns from holding to failing, one
// for each combination of truths of its comparisons. A denominator's least is 1; a yes/no
// is 0 or 1.
func (e *Evaluator) turns(fig Figures, k string, leaves []*criteria.Test, denominator bool) []float64 {
	f, _ := e.p.Field(k)
	if f.Kind == criteria.KindYesNo {
		return []float64{0, 1}
	}
	step := 1.0
	if f.Kind == criteria.KindArea {
		step = 0.01 // areas are compared in hundredths
	}
	lo, hi := int64(0), int64(MaxFigure/step)
	if denominator {
		lo = int64(1 / step)
	}
	probe := maps.Clone(fig)
	holds := func(t *criteria.Test, u int64) bool {
		probe[k] = float64(u) * step
		te := &typeEval{e: e, fig: probe}
		st, _ := te.compare(t)
		return st == yes
	}
	var mine []*criteria.Test
	units := []int64{lo}
	for _, t := range leaves {
		if !slices.Contains(leafFields(t), k) {
			continue
		}
		mine = append(mine, t)
		// The truth of a comparison depends on the side of the threshold its linear form
		// is: "=" turns where ">=" and ">" do; ">=" and "<" where ">=" does; the others
		// where ">" does.
		var ops []string
		switch t.Op {
		case "=":
			ops = []string{">=", ">"}
		case ">=", "<":
			ops = []string{">="}
		default:
			ops = []string{">"}
		}
		for _, op := range ops {
			at := *t
			at.Op = op
			first, last := holds(&at, lo), holds(&at, hi)
			if first == last {
				continue
			}
			// The least u at which the truth is last's.
			a, b := lo, hi
			for b-a > 1 {
				m := a + (b-a)/2
				if holds(&at, m) == last {
					b = m
				} else {
					a = m
				}
			}
			units = append(units, a, b)
		}
	}
	sort.Slice(units, func(i, j int) bool { return units[i] < units[j] })
	units = slices.Compact(units)
	// One value for each combination of truths.
	var out []float64
	seen := map[string]bool{}
	for _, u := range units {
		key := make([]byte, len(mine))
		for i, t := range mine {
			if holds(t, u) {
				key[i] = 1
			}
		}
		if !seen[string(key)] {
			seen[string(key)] = true
			out = append(out, float64(u)*step)
		}
	}
	return out
}

// appendLeaves appends the comparisons of t, which may be inside any/all groups.
func appendLeaves(leaves []*criteria.Test, t *criteria.Test) []*criteria.Test {
	if t.Expr != nil {
		return append(leaves, t)
	}
	for i := range t.Any {
		leaves = appendLeaves(leaves, &t.Any[i])
	}
	for i := range t.All {
		leaves = appendLeaves(leaves, &t.All[i])
	}
	return leaves
}

// leafFields returns the fields a comparison reads.
func leafFields(t *criteria.Test) []string {
	out := t.Expr.Num.Fields()
	if t.Expr.Den != nil {
		out = append(out, t.Expr.Den.Fields()...)
	}
	return out
}
