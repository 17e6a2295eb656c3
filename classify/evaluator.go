package classify

import (
	"math"
	"strconv"
	"strings"

	"drugfree/criteria"
	"drugfree/i18n"
)

// An Evaluator applies one plan's rules, in one language, to many communes: Classify and
// Check. What depends on the plan and the language alone — the order of the fields and
// categories, the labels, the words of the reasons, the checklist's figure texts cut
// around their blanks — is worked out once by NewEvaluator instead of for every commune,
// which at the scale of a national round (10,458 communes) was much of the time and most
// of the allocations.
//
// An Evaluator also gives communes whose texts are the same one string for them (a figure
// such as "0 tụ điểm, điểm phức tạp" comes back for most communes), so that the results
// of a round hold each text once rather than once per commune. It is therefore not safe
// for concurrent use: give each goroutine its own. The plan must not change while the
// Evaluator is in use.
type Evaluator struct {
	p    *criteria.Plan
	lang i18n.Lang

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
	// drugFreeFields are all of them; route is the route's field (unused without one).
	otherDrugFree, drugFreeFields []int
	route                         int
	// drugFreeLower are the labels of the drug-free fields in lower case, for the reason
	// of a less complex commune.
	drugFreeLower []string
	// drugFreeText is the reason of every drug-free commune; lessComplexText, butNotZero
	// and lessComplexEnd are the words of a less complex one's around its figures.
	drugFreeText, lessComplexText, butNotZero, lessComplexEnd string

	// criteria holds the checklist's criteria in the plan's order.
	criteria []criterionPlan
	// conditions is the number of conditions of all criteria.
	conditions int

	// texts holds the texts written so far, to give the same string for the same text.
	texts map[string]string
}

// maxSharedTexts bounds Evaluator.texts: past it, new texts are no longer remembered.
const maxSharedTexts = 1 << 16

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
	// bandTails are the texts after the figure of each band's reason (bandTail); "" for a
	// band without a lower bound, whose reason cannot be written.
	bandTails []string
}

// criterionPlan is one criterion of the checklist with its conditions' figure texts.
type criterionPlan struct {
	c          criteria.Criterion
	conditions []conditionPlan
}

// conditionPlan is one condition with its figure text cut around {left} and {right}.
type conditionPlan struct {
	cond criteria.Condition
	text []textPart
}

// textPart is a piece of literal text followed by a blank (or by nothing).
type textPart struct {
	lit  string
	hole hole
}

type hole uint8

const (
	noHole hole = iota
	leftHole
	rightHole
)

// NewEvaluator prepares the rules of p for figures and reasons written in lang.
func NewEvaluator(p *criteria.Plan, lang i18n.Lang) *Evaluator {
	e := &Evaluator{p: p, lang: lang, fieldPos: map[string]int{}, catPos: map[string]int{}, texts: map[string]string{}}
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
		ip := indicatorPlan{field: key(in.Field), drugFree: dfField[in.Field], bandTails: make([]string, len(in.Bands))}
		if in.Per != "" {
			ip.per = key(in.Per)
		}
		if in.Per == "" {
			ip.blank = representativeStates(p, in, ip.drugFree)
		}
		for j, b := range in.Bands {
			if b.Min != nil || b.Above != nil {
				ip.bandTails[j] = bandTail(p, b, lang)
			}
		}
		e.indicators = append(e.indicators, ip)
		covered[in.Field] = true
	}
	var names []string
	for _, k := range cl.DrugFreeFields {
		if !covered[k] {
			e.otherDrugFree = append(e.otherDrugFree, key(k))
		}
		e.drugFreeFields = append(e.drugFreeFields, key(k))
		names = append(names, p.FieldLabel(k, lang))
		e.drugFreeLower = append(e.drugFreeLower, strings.ToLower(p.FieldLabel(k, lang)))
	}
	e.drugFreeText = i18n.Tr(lang, "không đạt tiêu chí loại III nào; bằng 0: ", "no Type III indicator reached; zero: ") + strings.ToLower(strings.Join(names, ", ")) + " → " + p.CategoryLabel(criteria.DrugFree, lang)
	e.lessComplexText = i18n.Tr(lang, "không đạt tiêu chí loại III nào", "no Type III indicator reached")
	e.butNotZero = i18n.Tr(lang, " nhưng khác 0: ", " but not zero: ")
	e.lessComplexEnd = " → " + p.CategoryLabel(criteria.LessComplex, lang)
	if cl.Route.Field != "" {
		e.route = key(cl.Route.Field)
	}

	for _, c := range p.Checklist.Criteria {
		cp := criterionPlan{c: c}
		for _, cond := range c.Conditions {
			cp.conditions = append(cp.conditions, conditionPlan{cond: cond, text: cutTemplate(cond.Figure(lang))})
		}
		e.conditions += len(c.Conditions)
		e.criteria = append(e.criteria, cp)
	}
	return e
}

// cutTemplate cuts a figure template at its "{left}" and "{right}". Filling the pieces in
// is what strings.ReplaceAll of "{left}" then of "{right}" gave: the figures filled in are
// numbers or "?", never empty and without braces, so that filling "{left}" can neither
// make nor break a "{right}", and the two markers cannot overlap.
func cutTemplate(t string) []textPart {
	var parts []textPart
	for i, piece := range strings.Split(t, "{left}") {
		if i > 0 {
			parts[len(parts)-1].hole = leftHole
		}
		for j, lit := range strings.Split(piece, "{right}") {
			if j > 0 {
				parts[len(parts)-1].hole = rightHole
			}
			parts = append(parts, textPart{lit: lit})
		}
	}
	return parts
}

// appendNumber appends criteria.FormatNumber(v, lang) to b. Whole numbers, nearly every
// figure, are written here without allocating; anything else by FormatNumber.
func appendNumber(b []byte, v float64, lang i18n.Lang) []byte {
	if v != math.Trunc(v) || math.Abs(v) >= 1e15 {
		return append(b, criteria.FormatNumber(v, lang)...)
	}
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(v), 10)
	group := byte('.')
	if lang == i18n.En {
		group = ','
	}
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b = append(b, group)
		}
		b = append(b, c)
	}
	return b
}

// shared returns b as a string: the one given earlier for the same text, if any.
func (e *Evaluator) shared(b []byte) string {
	if s, ok := e.texts[string(b)]; ok { // the compiler makes no string to look it up
		return s
	}
	s := string(b)
	if len(e.texts) < maxSharedTexts {
		e.texts[s] = s
	}
	return s
}
