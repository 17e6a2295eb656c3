// Package classify applies the plan's rules to a commune's figures: the risk category of
// the plan's Appendix, the recognition checklist of section III.3 and the calendar of
// returns. Everything here is a pure function of its arguments: no files, no clock. (An
// Evaluator remembers the texts it has written, to share them; what it returns depends on
// its arguments alone.)
package classify

import (
	"fmt"
	"slices"
	"strings"

	"drugfree/criteria"
	"drugfree/i18n"
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

// Reason is one step of the explanation.
type Reason struct {
	// Rule is "band", "route", "drug-free", "less-complex", "missing", "possible" or "error".
	Rule string `json:"rule"`
	// Field is the indicator's field (or the route field).
	Field string `json:"field,omitempty"`
	// Level is the level the indicator reached, or the level after the route step.
	Level int `json:"level,omitempty"`
	// Text is the reason in the user's language.
	Text string `json:"text"`
}

// String returns the category and reasons on one line.
func (r Result) String() string {
	var parts []string
	for _, x := range r.Reasons {
		parts = append(parts, x.Text)
	}
	return r.Category + ": " + strings.Join(parts, "; ")
}

// indicatorState is one reachable combination for an indicator: the band it reaches
// (0 for none) and whether the figures that count for drug-free are all zero.
type indicatorState struct {
	level int
	zero  bool
}

// Classify returns the category of a commune with figures fig under plan p, with reasons
// written in lang. To classify many communes, NewEvaluator once and its
// Classify for each is faster and gives the same results.
func Classify(p *criteria.Plan, fig Figures, lang i18n.Lang) Result {
	return NewEvaluator(p, lang).Classify(fig)
}

// Classify returns the category of a commune with figures fig (see the package function
// Classify).
func (e *Evaluator) Classify(fig Figures) Result {
	p := e.p
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
	// The reasons are gathered on the stack, then copied once at their length.
	var reasonBuf [8]Reason
	reasons := reasonBuf[:0]
	var optBuf [32]indicatorState
	for i := range cl.Indicators {
		in, ip := &cl.Indicators[i], &e.indicators[i]
		need(ip.field)
		opts, bandReason, reached, err := e.indicatorStates(i, f, optBuf[:0])
		if in.Per != "" {
			if v, ok := f.get(ip.field); !ok || v != 0 {
				need(ip.per)
			}
		}
		// Rule 4: population 0 with offenders is an input error; the ratio is then
		// unknown (every band stays possible) and a reason says why.
		if err != "" {
			reasons = append(reasons, Reason{Rule: "error", Field: in.Per, Text: err})
		}
		if reached {
			reasons = append(reasons, bandReason)
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
	res.Reasons = slices.Clone(e.closingReasons(f, res, reasons, routes))
	return res
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
// figures, and returns them with the reason when it reached a band (reached) and a message
// when its figures are contradictory.
func (e *Evaluator) indicatorStates(i int, f figs, st []indicatorState) (_ []indicatorState, _ Reason, reached bool, _ string) {
	p, lang := e.p, e.lang
	in, ip := &p.Classification.Indicators[i], &e.indicators[i]
	countsForDrugFree := ip.drugFree
	zeroOK := func(z bool) bool { return z || !countsForDrugFree }
	v, known := f.get(ip.field)
	if in.Per == "" {
		if known {
			level, band := bandOf(in.Bands, v)
			st = append(st, indicatorState{level, zeroOK(v == 0)})
			if level > 0 {
				return st, e.bandReason(i, band, v, 0), true, ""
			}
			return st, Reason{}, false, ""
		}
		return append(st, e.indicators[i].blank...), Reason{}, false, ""
	}

	// A ratio: field per denominator, compared exactly in integers.
	den, denKnown := f.get(ip.per)
	switch {
	case known && v == 0:
		return append(st, indicatorState{0, true}), Reason{}, false, ""
	case known && denKnown && den > 0:
		level, band := ratioBand(in.Bands, int64(v), int64(den))
		st = append(st, indicatorState{level, zeroOK(false)})
		if level > 0 {
			return st, e.bandReason(i, band, v, den), true, ""
		}
		return st, Reason{}, false, ""
	case known && denKnown && den == 0:
		msg := fmt.Sprintf("%s %s > 0 %s %s = 0: %s", criteria.FormatNumber(v, lang), strings.ToLower(p.FieldLabel(in.Field, lang)),
			i18n.Tr(lang, "nhưng", "but"), strings.ToLower(p.FieldLabel(in.Per, lang)), i18n.Tr(lang, "lỗi số liệu, không tính được tỷ lệ", "input error, the ratio cannot be computed"))
		return allStates(st, *in, zeroOK(false), false), Reason{}, false, msg
	case known: // numerator > 0, denominator blank: any band.
		return allStates(st, *in, zeroOK(false), false), Reason{}, false, ""
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
		return st, Reason{}, false, ""
	default:
		return allStates(st, *in, zeroOK(false), true), Reason{}, false, ""
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

// bandReason explains that the plan's i-th indicator reached its band-th band: "65 người
// nghiện có hồ sơ quản lý ≥ 60 → Loại II", or for a ratio "Đối tượng phạm tội về ma túy
// trên dân số 3/2.999 = 0,10% ≥ 0,1% → Loại III". The text after the figure is the
// band's, written once by NewEvaluator.
func (e *Evaluator) bandReason(i, band int, v, den float64) Reason {
	in := &e.p.Classification.Indicators[i]
	b := in.Bands[band]
	tail := e.indicators[i].bandTails[band]
	var buf [160]byte
	text := buf[:0]
	if in.Per == "" {
		text = appendNumber(text, v, e.lang)
		text = append(text, ' ')
		text = append(text, in.Label(e.lang)...)
	} else {
		text = append(text, in.Label(e.lang)...)
		text = append(text, ' ')
		text = appendNumber(text, v, e.lang)
		text = append(text, '/')
		text = appendNumber(text, den, e.lang)
		text = append(text, " = "...)
		text = append(text, criteria.FormatRatio(int64(v), int64(den), e.lang)...)
	}
	text = append(text, tail...)
	return Reason{Rule: "band", Field: in.Field, Level: b.Level, Text: e.shared(text)}
}

// bandTail is what follows the figure in the reason of a band: " ≥ 60 → Loại II".
func bandTail(p *criteria.Plan, b criteria.Band, lang i18n.Lang) string {
	op, th := "≥", b.Min
	if b.Min == nil {
		op, th = ">", b.Above
	}
	return fmt.Sprintf(" %s %s → %s", op, criteria.FormatDecimal(*th, lang), p.CategoryLabel(p.LevelCategory(b.Level), lang))
}

// closingReasons appends to reasons, those of the bands and errors, the route step,
// drug-free or less complex, and what is missing, and returns them.
func (e *Evaluator) closingReasons(f figs, res Result, reasons []Reason, routes []bool) []Reason {
	p, lang := e.p, e.lang
	out := reasons
	cl := p.Classification
	// The level reached by the bands, from the band reasons.
	level := 0
	for _, r := range reasons {
		if r.Rule == "band" {
			level = highest(level, r.Level)
		}
	}
	if res.Category != criteria.Undetermined {
		switch {
		case level > 0 && len(routes) == 1 && routes[0] && stepUp(p, level) != level:
			out = append(out, Reason{Rule: "route", Field: cl.Route.Field, Level: stepUp(p, level),
				Text: fmt.Sprintf("%s: %s → %s", cl.Route.Label(lang), p.CategoryLabel(p.LevelCategory(level), lang), p.CategoryLabel(p.LevelCategory(stepUp(p, level)), lang))})
		case res.Category == criteria.DrugFree:
			// The same words for every drug-free commune: one string shared by all.
			out = append(out, Reason{Rule: "drug-free", Text: e.drugFreeText})
		case res.Category == criteria.LessComplex:
			var buf [256]byte
			text := append(buf[:0], e.lessComplexText...)
			sep := e.butNotZero
			for j, k := range e.drugFreeFields {
				if v, ok := f.get(k); ok && v != 0 {
					text = append(text, sep...)
					sep = ", "
					text = append(text, e.drugFreeLower[j]...)
					text = append(text, ' ')
					text = appendNumber(text, v, lang)
				}
			}
			text = append(text, e.lessComplexEnd...)
			out = append(out, Reason{Rule: "less-complex", Text: e.shared(text)})
		}
	}
	if len(res.Missing) > 0 {
		var buf [256]byte
		text := append(buf[:0], i18n.Tr(lang, "thiếu số liệu: ", "missing: ")...)
		for j, k := range res.Missing {
			if j > 0 {
				text = append(text, ", "...)
			}
			text = append(text, p.FieldLabel(k, lang)...)
		}
		if res.Category == criteria.Undetermined {
			text = append(text, i18n.Tr(lang, "; có thể là ", "; could be ")...)
			text = e.appendCategories(text, res.Possible)
		} else {
			text = append(text, i18n.Tr(lang, " (không làm thay đổi kết quả)", " (cannot change the outcome)")...)
		}
		out = append(out, Reason{Rule: "missing", Text: e.shared(text)})
	} else if res.Category == criteria.Undetermined {
		// Undetermined by an input error alone: say what it could be all the same.
		var buf [128]byte
		text := append(buf[:0], i18n.Tr(lang, "có thể là ", "could be ")...)
		out = append(out, Reason{Rule: "possible", Text: string(e.appendCategories(text, res.Possible))})
	}
	return out
}

// appendCategories appends the labels of keys, separated by commas.
func (e *Evaluator) appendCategories(text []byte, keys []string) []byte {
	for j, k := range keys {
		if j > 0 {
			text = append(text, ", "...)
		}
		text = append(text, e.p.CategoryLabel(k, e.lang)...)
	}
	return text
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
