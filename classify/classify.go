// Package classify applies the plan's rules to a commune's figures: the risk category of
// the plan's Appendix, the recognition checklist of section III.3 and the calendar of
// returns. Everything here is a pure function of its arguments: no files, no clock, and no
// prose: results and their reasons are data (rule, field, figure, threshold, category),
// which report writes in the user's language through i18n's catalogue.
package classify

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"drugfree/criteria"
)

// Figures are one commune's figures by field key. A key that is absent is unknown (the
// cell was blank), never zero. Yes/no fields hold 1 or 0.
type Figures map[string]float64

// Get returns the figure of key and whether it is known.
func (f Figures) Get(key string) (float64, bool) {
	v, ok := f[key]
	return v, ok
}

// Result is the classification of one commune.
type Result struct {
	// Category is one of the plan's category keys; criteria.Undetermined when the missing
	// figures could change the outcome.
	Category string `json:"category"`
	// Possible lists the categories still possible when Category is undetermined.
	Possible []string `json:"possible,omitempty"`
	// Missing lists the blank fields the classification needed, whether or not they
	// changed the outcome.
	Missing []string `json:"missing,omitempty"`
	// Reasons explain the outcome, in the order the plan applies its rules.
	Reasons []Reason `json:"reasons"`
}

// Rule names the rule of the plan that a reason applies. The names are stable: machines
// read them in the JSON output.
type Rule string

// The rules of the classification (SPEC §2).
const (
	// RuleBand: an indicator reached a band (rule 1). Field and Value are the indicator's
	// figure, with Per and PerValue for a ratio; Op and Threshold the band's lower bound;
	// Level and Category the band's. The field and the level name the band.
	RuleBand Rule = "band"
	// RuleRoute: the route step (rule 2). Field and Value are the route's figure; From is
	// the category of the bands, Level and Category the ones after the step.
	RuleRoute Rule = "route"
	// RuleDrugFree: no band reached and every drug-free field is 0 (rule 3): Fields.
	RuleDrugFree Rule = "drug-free"
	// RuleLessComplex: no band reached, but some drug-free field is not 0 (rule 3):
	// Figures.
	RuleLessComplex Rule = "less-complex"
	// RuleMissing: blank fields (Missing) that cannot change the category (rule 5).
	RuleMissing Rule = "missing"
	// RuleUndetermined: the blank fields (Missing) could change the category, which may
	// be any of Possible (rule 5); Missing is empty when an input error alone leaves the
	// category open.
	RuleUndetermined Rule = "undetermined"
	// RuleInputError: a ratio whose denominator is 0 while its numerator is not (rule 4):
	// Field, Value, Per and PerValue.
	RuleInputError Rule = "input-error"

	// The rules of a plan that classifies by type rules (criteria/types.go).

	// RuleCriterion: a criterion holds (Criterion) and counts for the type of Level and
	// Category. Field, Value (Per, PerValue for a ratio), Op and Threshold are the
	// comparison that decided it; Met the criteria it counted (criterion đ).
	RuleCriterion Rule = "criterion"
	// RuleType: Count of the Of criteria of the type of Level hold, at least Need were
	// needed (Met names them): the commune is Category.
	RuleType Rule = "type"
	// RuleTypeShort: a type above the category was not reached: Count of its Of criteria
	// hold (Met names them), at least Need were needed.
	RuleTypeShort Rule = "type-short"
	// RuleRest: no type reached; Met are the criteria that held all the same.
	RuleRest Rule = "rest"
)

// Reason is one step of the explanation, as data: the fields a rule does not use are
// empty. Words for people are written from it by the caller (report, through i18n's
// catalogue); nothing here is prose. The slices may be shared with the Result and with
// other results (Fields is the plan's own list): read them, do not change them.
type Reason struct {
	Rule Rule `json:"rule"`
	// Field is the plan's key of the figure the rule reads: the indicator, the route.
	Field string `json:"field,omitempty"`
	// Value is that figure, as the return gives it.
	Value Figure `json:"value,omitzero"`
	// Per and PerValue are the denominator of a ratio (offenders per population).
	Per      string `json:"per,omitempty"`
	PerValue Figure `json:"per_value,omitzero"`
	// Op (">=" or ">") and Threshold are the bound the figure reached, as the plan writes
	// it ("20", "0.1%"). Threshold points into the plan.
	Op        string            `json:"op,omitempty"`
	Threshold *criteria.Decimal `json:"threshold,omitempty"`
	// Level (1–3 for the risk types) and Category are where the rule leads.
	Level    int    `json:"level,omitempty"`
	Category string `json:"category,omitempty"`
	// From is the category before the route step.
	From string `json:"from,omitempty"`
	// Fields are the drug-free fields, all 0, of a drug-free commune.
	Fields []string `json:"fields,omitempty"`
	// Figures are the drug-free fields that are not 0, of a less complex commune.
	Figures []FieldFigure `json:"figures,omitempty"`
	// Missing and Possible are the blank fields and the categories still possible.
	Missing  []string `json:"missing,omitempty"`
	Possible []string `json:"possible,omitempty"`
	// Criterion is the id of the plan's criterion that holds; Met the criteria counted;
	// Count of Of held where Need were needed (a plan of type rules).
	Criterion string   `json:"criterion,omitempty"`
	Met       []string `json:"met,omitempty"`
	Count     int      `json:"count,omitempty"`
	Need      int      `json:"need,omitempty"`
	Of        int      `json:"of,omitempty"`
}

// FieldFigure is one field's figure.
type FieldFigure struct {
	Field string  `json:"field"`
	Value float64 `json:"value"`
}

// Figure is a figure that may be absent: blank in the return, or not used by the rule.
// It is written in JSON as a number, and left out when absent (omitzero).
type Figure struct {
	V     float64
	Known bool
}

// known returns the figure v.
func known(v float64) Figure { return Figure{v, true} }

// IsZero reports whether the figure is absent, for JSON's omitzero.
func (f Figure) IsZero() bool { return !f.Known }

// MarshalJSON writes the figure as a JSON number.
func (f Figure) MarshalJSON() ([]byte, error) { return json.Marshal(f.V) }

// UnmarshalJSON reads a JSON number as a known figure.
func (f *Figure) UnmarshalJSON(b []byte) error {
	f.Known = true
	return json.Unmarshal(b, &f.V)
}

// String writes the figure, or "?" when it is absent.
func (f Figure) String() string {
	if !f.Known {
		return "?"
	}
	return strconv.FormatFloat(f.V, 'f', -1, 64)
}

// String returns the reason on one line, for machines and tests: "band addicts_managed
// 65 >= 60 → type-2".
func (r Reason) String() string {
	var b strings.Builder
	b.WriteString(string(r.Rule))
	if r.Field != "" {
		b.WriteString(" " + r.Field + " " + r.Value.String())
	}
	if r.Per != "" {
		b.WriteString(" / " + r.Per + " " + r.PerValue.String())
	}
	if r.Threshold != nil {
		b.WriteString(" " + r.Op + " " + r.Threshold.String())
	}
	if r.From != "" {
		b.WriteString(" " + r.From)
	}
	if r.Category != "" {
		b.WriteString(" → " + r.Category)
	}
	for _, f := range r.Figures {
		b.WriteString(" " + f.Field + " " + strconv.FormatFloat(f.Value, 'f', -1, 64))
	}
	if len(r.Fields) > 0 {
		b.WriteString(" 0: " + strings.Join(r.Fields, ", "))
	}
	if len(r.Missing) > 0 {
		b.WriteString(" missing: " + strings.Join(r.Missing, ", "))
	}
	if len(r.Possible) > 0 {
		b.WriteString(" possible: " + strings.Join(r.Possible, ", "))
	}
	if r.Criterion != "" {
		b.WriteString(" criterion " + r.Criterion)
	}
	if r.Need > 0 {
		b.WriteString(" " + strconv.Itoa(r.Count) + " of " + strconv.Itoa(r.Of) + " (at least " + strconv.Itoa(r.Need) + ")")
	}
	if len(r.Met) > 0 {
		b.WriteString(" met: " + strings.Join(r.Met, ", "))
	}
	return b.String()
}

// String returns the category and reasons on one line.
func (r Result) String() string {
	parts := make([]string, len(r.Reasons))
	for i, x := range r.Reasons {
		parts[i] = x.String()
	}
	return r.Category + ": " + strings.Join(parts, "; ")
}

// indicatorState is one reachable combination for an indicator: the band it reaches
// (0 for none) and whether the figures that count for drug-free are all zero.
type indicatorState struct {
	level int
	zero  bool
}

// Classify returns the category of a commune with figures fig under plan p, with its
// reasons. To classify many communes, NewEvaluator once and its Classify for each is
// faster and gives the same results.
func Classify(p *criteria.Plan, fig Figures) Result {
	return NewEvaluator(p).Classify(fig)
}

// Classify returns the category of a commune with figures fig (see the package function
// Classify).
func (e *Evaluator) Classify(fig Figures) Result {
	// The reasons are gathered on the stack, then copied once at their length.
	var buf [8]Reason
	res, reasons := e.classify(fig, buf[:0])
	res.Reasons = slices.Clone(reasons)
	return res
}

// ClassifyInto is Classify with the reasons in the storage of reasons (grown when short)
// rather than in a new slice. The result shares that storage: a caller that copies what
// it keeps can give the same slice for every commune.
func (e *Evaluator) ClassifyInto(fig Figures, reasons []Reason) Result {
	res, reasons := e.classify(fig, reasons[:0])
	res.Reasons = reasons
	return res
}

// classify is Classify with the reasons appended to reasons and returned apart from the
// result, so that a buffer on the caller's stack stays there.
func (e *Evaluator) classify(fig Figures, reasons []Reason) (Result, []Reason) {
	p := e.p
	if p.Classification.ByTypes() {
		return e.classifyTypes(fig, reasons)
	}
	cl := p.Classification
	var res Result
	// Each figure the classification reads is looked up once (a map lookup by name was
	// the largest cost left), then read by its place in e.classKeys.
	var valBuf [24]float64
	var knownBuf [24]bool
	f := figs{valBuf[:0], knownBuf[:0]}
	for _, k := range e.classKeys {
		v, ok := fig[k]
		f.vals, f.known = append(f.vals, v), append(f.known, ok)
	}
	// Small sets (a few fields, states and categories) are slices searched in turn, in
	// buffers on the stack: maps made for every commune were most of the allocations of a
	// national round.
	var missingBuf [16]string
	missing := missingBuf[:0]
	need := func(i int) {
		if !f.known[i] {
			missing = addString(missing, e.classKeys[i])
		}
	}

	// The reachable (level, all-zero) pairs, built indicator by indicator.
	var reachBuf, nextBuf [32]indicatorState
	reach := append(reachBuf[:0], indicatorState{0, true})
	next := nextBuf[:0]
	combine := func(opts []indicatorState) {
		next = next[:0]
		for _, s := range reach {
			for _, o := range opts {
				next = addState(next, indicatorState{highest(s.level, o.level), s.zero && o.zero})
			}
		}
		reach, next = next, reach
	}
	var optBuf [32]indicatorState
	for i := range cl.Indicators {
		in, ip := &cl.Indicators[i], &e.indicators[i]
		need(ip.field)
		opts, reason, gave := e.indicatorStates(i, f, optBuf[:0])
		if in.Per != "" {
			if v, ok := f.get(ip.field); !ok || v != 0 {
				need(ip.per)
			}
		}
		// The band reached, or rule 4: population 0 with offenders is an input error;
		// the ratio is then unknown (every band stays possible) and a reason says why.
		if gave {
			reasons = append(reasons, reason)
		}
		combine(opts)
	}
	// Drug-free fields that are not indicators: zero, non-zero, or either when blank.
	for _, k := range e.otherDrugFree {
		need(k)
		v, ok := f.get(k)
		switch {
		case !ok:
			combine([]indicatorState{{0, true}, {0, false}})
		default:
			combine([]indicatorState{{0, v == 0}})
		}
	}

	// Rule 2: the route step, once, to the level of rule 1.
	var routeBuf [2]bool
	routes := append(routeBuf[:0], false, true)
	if cl.Route.Field != "" {
		need(e.route)
		if v, ok := f.get(e.route); ok {
			routes = append(routes[:0], v != 0)
		}
	} else {
		routes = routes[:1]
	}

	var outBuf [8]string
	outcomes := outBuf[:0]
	for _, s := range reach {
		for _, onRoute := range routes {
			outcomes = addString(outcomes, outcome(p, s.level, s.zero, onRoute))
		}
	}
	if len(missing) > 0 {
		res.Missing = append([]string(nil), missing...)
		sortByPos(e.fieldPos, res.Missing)
	}

	// An input error makes the ratio unknown, not the commune: when no ratio can change
	// the outcome (120 managed addicts), the category stands beside the error reason.
	if len(outcomes) == 1 {
		res.Category = outcomes[0]
	} else {
		res.Category = criteria.Undetermined
		res.Possible = append([]string(nil), outcomes...)
		sortByPos(e.catPos, res.Possible)
	}
	return res, e.closingReasons(f, res, reasons, routes)
}

// figs are a commune's figures for Evaluator.classKeys, by place: vals[i] is known when
// known[i] is set.
type figs struct {
	vals  []float64
	known []bool
}

func (f figs) get(i int) (float64, bool) { return f.vals[i], f.known[i] }

// addString adds s to set unless it is there already.
func addString(set []string, s string) []string {
	for _, x := range set {
		if x == s {
			return set
		}
	}
	return append(set, s)
}

// addState adds s to set unless it is there already.
func addState(set []indicatorState, s indicatorState) []indicatorState {
	for _, x := range set {
		if x == s {
			return set
		}
	}
	return append(set, s)
}

// highest returns the higher of two levels, where 1 is highest and 0 is none.
func highest(a, b int) int {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	case b < a:
		return b
	}
	return a
}

// outcome maps a level (0 for none), the drug-free test and the route to a category.
func outcome(p *criteria.Plan, level int, zero, onRoute bool) string {
	if level == 0 {
		if zero {
			return criteria.DrugFree
		}
		return criteria.LessComplex
	}
	if onRoute {
		level = stepUp(p, level)
	}
	return p.LevelCategory(level)
}

// stepUp applies the route step to level, or returns it unchanged.
func stepUp(p *criteria.Plan, level int) int {
	for _, s := range p.Classification.Route.Steps {
		if s.From == level {
			return s.To
		}
	}
	return level
}

// indicatorStates appends to st the states the plan's i-th indicator can be in given the
// figures, and returns them with a reason when there is one (gave): the band reached, or
// the input error of a ratio over 0.
func (e *Evaluator) indicatorStates(i int, f figs, st []indicatorState) (_ []indicatorState, _ Reason, gave bool) {
	in, ip := &e.p.Classification.Indicators[i], &e.indicators[i]
	countsForDrugFree := ip.drugFree
	zeroOK := func(z bool) bool { return z || !countsForDrugFree }
	v, isKnown := f.get(ip.field)
	if in.Per == "" {
		if isKnown {
			level, band := bandOf(in.Bands, v)
			st = append(st, indicatorState{level, zeroOK(v == 0)})
			if level > 0 {
				return st, e.bandReason(i, band, v, 0), true
			}
			return st, Reason{}, false
		}
		return append(st, e.indicators[i].blank...), Reason{}, false
	}

	// A ratio: field per denominator, compared exactly in integers.
	den, denKnown := f.get(ip.per)
	switch {
	case isKnown && v == 0:
		return append(st, indicatorState{0, true}), Reason{}, false
	case isKnown && denKnown && den > 0:
		level, band := ratioBand(in.Bands, int64(v), int64(den))
		st = append(st, indicatorState{level, zeroOK(false)})
		if level > 0 {
			return st, e.bandReason(i, band, v, den), true
		}
		return st, Reason{}, false
	case isKnown && denKnown && den == 0:
		r := Reason{Rule: RuleInputError, Field: in.Field, Value: known(v), Per: in.Per, PerValue: known(den)}
		return allStates(st, *in, zeroOK(false), false), r, true
	case isKnown: // numerator > 0, denominator blank: any band.
		return allStates(st, *in, zeroOK(false), false), Reason{}, false
	case denKnown && den > 0: // numerator blank, denominator known
		st = append(st, indicatorState{0, true})
		if l, _ := ratioBand(in.Bands, 1, int64(den)); l == 0 {
			st = append(st, indicatorState{0, zeroOK(false)})
		}
		for _, b := range in.Bands {
			if ratioBandReachable(b, int64(den)) {
				st = append(st, indicatorState{b.Level, zeroOK(false)})
			}
		}
		return st, Reason{}, false
	default:
		return allStates(st, *in, zeroOK(false), true), Reason{}, false
	}
}

// allStates appends to st every band, and none with or without a non-zero figure.
func allStates(st []indicatorState, in criteria.Indicator, nonzeroFlag bool, canBeZero bool) []indicatorState {
	st = append(st, indicatorState{0, nonzeroFlag})
	if canBeZero {
		st = append(st, indicatorState{0, true})
	}
	for _, b := range in.Bands {
		st = append(st, indicatorState{b.Level, nonzeroFlag})
	}
	return st
}

// representativeStates returns the states a blank figure can take: it tries zero, the
// smallest non-zero figure and each band's edges, which covers every band and whether a
// figure below every band can still be non-zero.
func representativeStates(p *criteria.Plan, in criteria.Indicator, countsForDrugFree bool) []indicatorState {
	step := 1.0
	if f, ok := p.Field(in.Field); ok && f.Kind == criteria.KindArea {
		step = 0.01
	}
	cands := []float64{0, step}
	for _, b := range in.Bands {
		if b.Min != nil {
			cands = append(cands, b.Min.Float())
		}
		if b.Above != nil {
			cands = append(cands, b.Above.Float()+step)
		}
		if b.Below != nil {
			cands = append(cands, b.Below.Float()-step)
		}
	}
	seen := map[indicatorState]bool{}
	var st []indicatorState
	for _, c := range cands {
		if c < 0 {
			continue
		}
		level, _ := bandOf(in.Bands, c)
		s := indicatorState{level, c == 0 || !countsForDrugFree}
		if !seen[s] {
			seen[s] = true
			st = append(st, s)
		}
	}
	return st
}

// bandOf returns the level of the band that v falls in (0 for none) and its index.
func bandOf(bands []criteria.Band, v float64) (int, int) {
	best, idx := 0, -1
	for i, b := range bands {
		if b.Min != nil && v < b.Min.Float() {
			continue
		}
		if b.Above != nil && !(v > b.Above.Float()) {
			continue
		}
		if b.Below != nil && !(v < b.Below.Float()) {
			continue
		}
		if best == 0 || b.Level < best {
			best, idx = b.Level, i
		}
	}
	return best, idx
}

// ratioBand returns the band of num/den, compared in integers: num/den ≥ a/b is
// num×b ≥ a×den.
func ratioBand(bands []criteria.Band, num, den int64) (int, int) {
	best, idx := 0, -1
	for i, b := range bands {
		if !ratioIn(b, num, den) {
			continue
		}
		if best == 0 || b.Level < best {
			best, idx = b.Level, i
		}
	}
	return best, idx
}

func ratioIn(b criteria.Band, num, den int64) bool {
	if b.Min != nil {
		a, d := b.Min.Rat()
		if num*d < a*den {
			return false
		}
	}
	if b.Above != nil {
		a, d := b.Above.Rat()
		if num*d <= a*den {
			return false
		}
	}
	if b.Below != nil {
		a, d := b.Below.Rat()
		if num*d >= a*den {
			return false
		}
	}
	return true
}

// ratioBandReachable reports whether some whole numerator ≥ 1 puts num/den in band b.
func ratioBandReachable(b criteria.Band, den int64) bool {
	lo := int64(1)
	if b.Min != nil { // num ≥ ceil(a×den/d)
		a, d := b.Min.Rat()
		lo = max(lo, (a*den+d-1)/d)
	}
	if b.Above != nil { // num > a×den/d
		a, d := b.Above.Rat()
		lo = max(lo, a*den/d+1)
	}
	if b.Below == nil {
		return true
	}
	a, d := b.Below.Rat() // num < a×den/d, so num ≤ ceil(a×den/d) − 1
	hi := (a*den+d-1)/d - 1
	return lo <= hi
}

// bandReason says that the plan's i-th indicator reached its band-th band with figure v
// (over den for a ratio): 65 managed addicts ≥ 60, Type II.
func (e *Evaluator) bandReason(i, band int, v, den float64) Reason {
	in := &e.p.Classification.Indicators[i]
	b := &in.Bands[band]
	r := Reason{Rule: RuleBand, Field: in.Field, Value: known(v), Level: b.Level, Category: e.indicators[i].bandCategory[band]}
	if in.Per != "" {
		r.Per, r.PerValue = in.Per, known(den)
	}
	switch {
	case b.Min != nil:
		r.Op, r.Threshold = ">=", b.Min
	case b.Above != nil:
		r.Op, r.Threshold = ">", b.Above
	}
	return r
}

// closingReasons appends to reasons, those of the bands and errors, the route step,
// drug-free or less complex, and what is missing, and returns them.
func (e *Evaluator) closingReasons(f figs, res Result, reasons []Reason, routes []bool) []Reason {
	p := e.p
	out := reasons
	cl := p.Classification
	// The level reached by the bands, from the band reasons.
	level := 0
	for _, r := range reasons {
		if r.Rule == RuleBand {
			level = highest(level, r.Level)
		}
	}
	if res.Category != criteria.Undetermined {
		switch {
		case level > 0 && len(routes) == 1 && routes[0] && stepUp(p, level) != level:
			to := stepUp(p, level)
			v, _ := f.get(e.route)
			out = append(out, Reason{Rule: RuleRoute, Field: cl.Route.Field, Value: known(v),
				From: p.LevelCategory(level), Level: to, Category: p.LevelCategory(to)})
		case res.Category == criteria.DrugFree:
			// The plan's list, shared by every drug-free commune.
			out = append(out, Reason{Rule: RuleDrugFree, Category: criteria.DrugFree, Fields: cl.DrugFreeFields})
		case res.Category == criteria.LessComplex:
			n := 0
			for _, k := range e.drugFreeFields {
				if v, ok := f.get(k); ok && v != 0 {
					n++
				}
			}
			r := Reason{Rule: RuleLessComplex, Category: criteria.LessComplex}
			if n > 0 {
				r.Figures = make([]FieldFigure, 0, n)
				for j, k := range e.drugFreeFields {
					if v, ok := f.get(k); ok && v != 0 {
						r.Figures = append(r.Figures, FieldFigure{cl.DrugFreeFields[j], v})
					}
				}
			}
			out = append(out, r)
		}
	}
	switch {
	case res.Category == criteria.Undetermined:
		// Missing is empty when an input error alone leaves the category open.
		out = append(out, Reason{Rule: RuleUndetermined, Category: criteria.Undetermined, Missing: res.Missing, Possible: res.Possible})
	case len(res.Missing) > 0:
		out = append(out, Reason{Rule: RuleMissing, Missing: res.Missing})
	}
	return out
}

// sortByPos orders keys by pos (0 for a key it lacks), keeping the order of ties: the
// plan's order of fields or categories, from Evaluator.fieldPos or catPos.
func sortByPos(pos map[string]int, keys []string) {
	for i := 1; i < len(keys); i++ { // insertion sort: a handful of keys at most
		for j := i; j > 0 && pos[keys[j]] < pos[keys[j-1]]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}
