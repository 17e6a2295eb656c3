package classify

import (
	"sort"

	"drugfree/criteria"
)

// An Evaluator applies one plan's rules to many communes: Classify and Check. What depends
// on the plan alone — the order of the fields and categories, the fields each rule reads,
// the states a blank figure can take — is worked out once by NewEvaluator instead of for
// every commune, which at the scale of a national round (10,458 communes) was much of the
// time and most of the allocations.
//
// An Evaluator does not change once made, so goroutines may share it. The plan must not
// change while the Evaluator is in use.
type Evaluator struct {
	p *criteria.Plan

	// fieldPos and catPos are the places of the plan's fields (the first of a key listed
	// twice) and categories (the last, as the code before gave), to sort keys in the
	// plan's order.
	fieldPos map[string]int
	catPos   map[string]int

	// classKeys are the fields the classification reads, each once; the fields below
	// are places in it.
	classKeys []string
	// indicators holds, for each of the classification's indicators, what does not
	// depend on the figures.
	indicators []indicatorPlan
	// otherDrugFree are the drug-free fields that are not indicators, in the plan's order;
	// drugFreeFields are all of them, in the order of the plan's list; route is the
	// route's field (unused without one).
	otherDrugFree, drugFreeFields []int
	route                         int

	// conditions is the number of conditions of all the checklist's criteria.
	conditions int
	// wholeOf is, for a field the plan's consistency rules keep at most another
	// ("resident_users_excluded <= resident_users"), that other: a part and its whole.
	wholeOf map[string]string

	// testPos are the places of a plan's criteria by id, and typeOrder its type rules
	// from the highest type (level 1) down (a plan of type rules).
	testPos   map[string]int
	typeOrder []int
}

// indicatorPlan is what an Evaluator keeps of one indicator.
type indicatorPlan struct {
	// field and per are the places of the indicator's field and denominator (unused
	// without one) in Evaluator.classKeys.
	field, per int
	// drugFree is set when the indicator's figure counts for drug-free.
	drugFree bool
	// blank are the states the indicator can be in when its figure is blank (one that is
	// not a ratio: representativeStates).
	blank []indicatorState
	// bandCategory is the category of each band.
	bandCategory []string
}

// NewEvaluator prepares the rules of p.
func NewEvaluator(p *criteria.Plan) *Evaluator {
	e := &Evaluator{p: p, fieldPos: map[string]int{}, catPos: map[string]int{}}
	for i, f := range p.Fields {
		if _, seen := e.fieldPos[f.Key]; !seen {
			e.fieldPos[f.Key] = i
		}
	}
	// The last place of a category listed twice, as the map sortCategories built did.
	for i, c := range p.Categories {
		e.catPos[c.Key] = i
	}

	cl := p.Classification
	dfField := map[string]bool{}
	for _, k := range cl.DrugFreeFields {
		dfField[k] = true
	}
	place := map[string]int{}
	key := func(k string) int {
		i, ok := place[k]
		if !ok {
			i = len(e.classKeys)
			place[k] = i
			e.classKeys = append(e.classKeys, k)
		}
		return i
	}
	covered := map[string]bool{}
	for _, in := range cl.Indicators {
		ip := indicatorPlan{field: key(in.Field), drugFree: dfField[in.Field]}
		if in.Per != "" {
			ip.per = key(in.Per)
		}
		if in.Per == "" {
			ip.blank = representativeStates(p, in, ip.drugFree)
		}
		for _, b := range in.Bands {
			ip.bandCategory = append(ip.bandCategory, p.LevelCategory(b.Level))
		}
		e.indicators = append(e.indicators, ip)
		covered[in.Field] = true
	}
	for _, k := range cl.DrugFreeFields {
		if !covered[k] {
			e.otherDrugFree = append(e.otherDrugFree, key(k))
		}
		e.drugFreeFields = append(e.drugFreeFields, key(k))
	}
	if cl.Route.Field != "" {
		e.route = key(cl.Route.Field)
	}
	for _, r := range p.Consistency {
		if f := r.Right.Fields; r.Op == "<=" && len(f) == 1 && len(r.Right.Minus) == 0 && r.Right.Const == 0 {
			if e.wholeOf == nil {
				e.wholeOf = map[string]string{}
			}
			e.wholeOf[r.Left] = f[0]
		}
	}
	for _, c := range p.Checklist.Criteria {
		e.conditions += len(c.Conditions)
	}
	e.testPos = map[string]int{}
	for i, t := range cl.Criteria {
		e.testPos[t.ID] = i
	}
	for i := range cl.Types {
		e.typeOrder = append(e.typeOrder, i)
	}
	sort.SliceStable(e.typeOrder, func(a, b int) bool { return cl.Types[e.typeOrder[a]].Level < cl.Types[e.typeOrder[b]].Level })
	return e
}
