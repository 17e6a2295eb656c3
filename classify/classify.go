// Package classify applies the plan's rules to a commune's figures: the risk category of
// the plan's Appendix, the recognition checklist of section III.3 and the calendar of
// returns. Everything here is a pure function of its arguments: no files, no clock.
package classify

import (
	"fmt"
	"sort"
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
// written in lang ("vi" or "en").
func Classify(p *criteria.Plan, fig Figures, lang string) Result {
	cl := p.Classification
	var res Result
	missing := map[string]bool{}
	need := func(key string) {
		if _, ok := fig[key]; !ok {
			missing[key] = true
		}
	}

	// The reachable (level, all-zero) pairs, built indicator by indicator.
	type state struct {
		level int
		zero  bool
	}
	reach := map[state]bool{{0, true}: true}
	combine := func(opts []indicatorState) {
		next := map[state]bool{}
		for s := range reach {
			for _, o := range opts {
				next[state{highest(s.level, o.level), s.zero && o.zero}] = true
			}
		}
		reach = next
	}
	dfField := map[string]bool{}
	for _, k := range cl.DrugFreeFields {
		dfField[k] = true
	}
	covered := map[string]bool{}
	for _, in := range cl.Indicators {
		need(in.Field)
		opts, bandReason, err := indicatorStates(p, in, fig, dfField[in.Field], lang)
		if in.Per != "" {
			if v, ok := fig[in.Field]; !ok || v != 0 {
				need(in.Per)
			}
		}
		// Rule 4: population 0 with offenders is an input error; the ratio is then
		// unknown (every band stays possible) and a reason says why.
		if err != "" {
			res.Reasons = append(res.Reasons, Reason{Rule: "error", Field: in.Per, Text: err})
		}
		if bandReason != nil {
			res.Reasons = append(res.Reasons, *bandReason)
		}
		combine(opts)
		covered[in.Field] = true
	}
	// Drug-free fields that are not indicators: zero, non-zero, or either when blank.
	for _, k := range cl.DrugFreeFields {
		if covered[k] {
			continue
		}
		need(k)
		v, ok := fig[k]
		switch {
		case !ok:
			combine([]indicatorState{{0, true}, {0, false}})
		default:
			combine([]indicatorState{{0, v == 0}})
		}
	}

	// Rule 2: the route step, once, to the level of rule 1.
	routes := []bool{false, true}
	if cl.Route.Field != "" {
		need(cl.Route.Field)
		if v, ok := fig[cl.Route.Field]; ok {
			routes = []bool{v != 0}
		}
	} else {
		routes = []bool{false}
	}

	outcomes := map[string]bool{}
	for s := range reach {
		for _, onRoute := range routes {
			outcomes[outcome(p, s.level, s.zero, onRoute)] = true
		}
	}
	for k := range missing {
		res.Missing = append(res.Missing, k)
	}
	sortByPlan(p, res.Missing)

	// An input error makes the ratio unknown, not the commune: when no ratio can change
	// the outcome (120 managed addicts), the category stands beside the error reason.
	if len(outcomes) == 1 {
		for k := range outcomes {
			res.Category = k
		}
	} else {
		res.Category = criteria.Undetermined
		for k := range outcomes {
			res.Possible = append(res.Possible, k)
		}
		sortCategories(p, res.Possible)
	}
	res.Reasons = append(res.Reasons, closingReasons(p, fig, res, routes, lang)...)
	return res
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

// indicatorStates returns the states an indicator can be in given the figures, a reason
// when it reached a band, and a message when its figures are contradictory.
func indicatorStates(p *criteria.Plan, in criteria.Indicator, fig Figures, countsForDrugFree bool, lang string) ([]indicatorState, *Reason, string) {
	zeroOK := func(z bool) bool { return z || !countsForDrugFree }
	v, known := fig[in.Field]
	if in.Per == "" {
		if known {
			level, band := bandOf(in.Bands, v)
			st := []indicatorState{{level, zeroOK(v == 0)}}
			if level > 0 {
				return st, bandReason(p, in, band, v, 0, lang), ""
			}
			return st, nil, ""
		}
		return representativeStates(p, in, countsForDrugFree), nil, ""
	}

	// A ratio: field per denominator, compared exactly in integers.
	den, denKnown := fig[in.Per]
	switch {
	case known && v == 0:
		return []indicatorState{{0, true}}, nil, ""
	case known && denKnown && den > 0:
		level, band := ratioBand(in.Bands, int64(v), int64(den))
		st := []indicatorState{{level, zeroOK(false)}}
		if level > 0 {
			return st, bandReason(p, in, band, v, den, lang), ""
		}
		return st, nil, ""
	case known && denKnown && den == 0:
		msg := fmt.Sprintf("%s %s > 0 %s %s = 0: %s", criteria.FormatNumber(v, lang), strings.ToLower(p.FieldLabel(in.Field, lang)),
			tr(lang, "nhưng", "but"), strings.ToLower(p.FieldLabel(in.Per, lang)), tr(lang, "lỗi số liệu, không tính được tỷ lệ", "input error, the ratio cannot be computed"))
		return allStates(in, zeroOK(false), false), nil, msg
	case known: // numerator > 0, denominator blank: any band.
		return allStates(in, zeroOK(false), false), nil, ""
	case denKnown && den > 0: // numerator blank, denominator known
		st := []indicatorState{{0, true}}
		if l, _ := ratioBand(in.Bands, 1, int64(den)); l == 0 {
			st = append(st, indicatorState{0, zeroOK(false)})
		}
		for _, b := range in.Bands {
			if ratioBandReachable(b, int64(den)) {
				st = append(st, indicatorState{b.Level, zeroOK(false)})
			}
		}
		return st, nil, ""
	default:
		return allStates(in, zeroOK(false), true), nil, ""
	}
}

// allStates is every band, and none with or without a non-zero figure.
func allStates(in criteria.Indicator, nonzeroFlag bool, canBeZero bool) []indicatorState {
	st := []indicatorState{{0, nonzeroFlag}}
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

// bandReason explains that an indicator reached a band: "65 người nghiện có hồ sơ quản
// lý ≥ 60 → Loại II".
func bandReason(p *criteria.Plan, in criteria.Indicator, band int, v, den float64, lang string) *Reason {
	b := in.Bands[band]
	op, th := "≥", b.Min
	if b.Min == nil {
		op, th = ">", b.Above
	}
	figure := criteria.FormatNumber(v, lang) + " " + in.Label(lang)
	if in.Per != "" {
		figure = fmt.Sprintf("%s/%s = %s", criteria.FormatNumber(v, lang), criteria.FormatNumber(den, lang), criteria.FormatRatio(int64(v), int64(den), lang))
		figure = in.Label(lang) + " " + figure
	}
	text := fmt.Sprintf("%s %s %s → %s", figure, op, criteria.FormatDecimal(*th, lang), p.CategoryLabel(p.LevelCategory(b.Level), lang))
	return &Reason{Rule: "band", Field: in.Field, Level: b.Level, Text: text}
}

// closingReasons explain the route step, drug-free or less complex, and what is missing.
func closingReasons(p *criteria.Plan, fig Figures, res Result, routes []bool, lang string) []Reason {
	var out []Reason
	cl := p.Classification
	// The level reached by the bands, from the band reasons.
	level := 0
	for _, r := range res.Reasons {
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
			var names []string
			for _, k := range cl.DrugFreeFields {
				names = append(names, p.FieldLabel(k, lang))
			}
			out = append(out, Reason{Rule: "drug-free", Text: tr(lang, "không đạt tiêu chí loại III nào; bằng 0: ", "no Type III indicator reached; zero: ") + strings.ToLower(strings.Join(names, ", ")) + " → " + p.CategoryLabel(criteria.DrugFree, lang)})
		case res.Category == criteria.LessComplex:
			var nz []string
			for _, k := range cl.DrugFreeFields {
				if v, ok := fig[k]; ok && v != 0 {
					nz = append(nz, strings.ToLower(p.FieldLabel(k, lang))+" "+criteria.FormatNumber(v, lang))
				}
			}
			text := tr(lang, "không đạt tiêu chí loại III nào", "no Type III indicator reached")
			if len(nz) > 0 {
				text += tr(lang, " nhưng khác 0: ", " but not zero: ") + strings.Join(nz, ", ")
			}
			out = append(out, Reason{Rule: "less-complex", Text: text + " → " + p.CategoryLabel(criteria.LessComplex, lang)})
		}
	}
	if len(res.Missing) > 0 {
		var names []string
		for _, k := range res.Missing {
			names = append(names, p.FieldLabel(k, lang))
		}
		text := tr(lang, "thiếu số liệu: ", "missing: ") + strings.Join(names, ", ")
		if res.Category == criteria.Undetermined {
			var poss []string
			for _, k := range res.Possible {
				poss = append(poss, p.CategoryLabel(k, lang))
			}
			text += tr(lang, "; có thể là ", "; could be ") + strings.Join(poss, ", ")
		} else {
			text += tr(lang, " (không làm thay đổi kết quả)", " (cannot change the outcome)")
		}
		out = append(out, Reason{Rule: "missing", Text: text})
	} else if res.Category == criteria.Undetermined {
		// Undetermined by an input error alone: say what it could be all the same.
		var poss []string
		for _, k := range res.Possible {
			poss = append(poss, p.CategoryLabel(k, lang))
		}
		out = append(out, Reason{Rule: "possible", Text: tr(lang, "có thể là ", "could be ") + strings.Join(poss, ", ")})
	}
	return out
}

// sortByPlan orders field keys as the plan lists its fields.
func sortByPlan(p *criteria.Plan, keys []string) {
	if len(keys) < 2 {
		return // called for every commune and criterion, most often with nothing to sort
	}
	pos := func(k string) int {
		for i, f := range p.Fields {
			if f.Key == k {
				return i
			}
		}
		return 0 // as the map this replaces gave for an unknown key
	}
	sort.Slice(keys, func(a, b int) bool { return pos(keys[a]) < pos(keys[b]) })
}

// sortCategories orders category keys as the plan lists its categories.
func sortCategories(p *criteria.Plan, keys []string) {
	pos := map[string]int{}
	for i, c := range p.Categories {
		pos[c.Key] = i
	}
	sort.Slice(keys, func(a, b int) bool { return pos[keys[a]] < pos[keys[b]] })
}

// tr picks the Vietnamese or English text.
func tr(lang, vi, en string) string {
	if lang == "en" {
		return en
	}
	return vi
}
