package classify

import (
	"math"
	"slices"

	"drugfree/criteria"
)

// Classification by type rules (criteria/types.go): a type is reached when at least k of
// its criteria hold. Every criterion is three-valued (Kleene): it holds, fails, or is
// unknown when the blank figures could make it either. A type rule of k of n is met when
// the criteria known to hold are k or more, failed when those known to hold and those
// unknown are fewer than k, and unknown otherwise. The category is the highest type met
// when every higher one failed; the plan's rest category when every type failed; else
// undetermined, with the categories still possible.

// tri is a three-valued truth.
type tri int8

const (
	no tri = iota
	yes
	unknown
)

// evidence is what made a criterion hold: the comparison that decided it with its figures,
// and the criteria it counted.
type evidence struct {
	leaf     *criteria.Test
	num, den Figure
	met      []string
}

// typeEval is the evaluation of one commune's criteria, each once.
type typeEval struct {
	e       *Evaluator
	fig     Figures
	state   []tri // by place in the plan's criteria; -1 not yet evaluated
	ev      []evidence
	done    []bool
	missing []string
	// zeroDen are the fields of denominators that are 0 under a numerator that is not: an
	// input error, the denominator then read as a blank one.
	zeroDen []string
	errs    []Reason
}

// classifyTypes is classify for a plan of type rules. The categories Kleene's logic leaves
// possible are narrowed to those the fillings of the blanks reach (reach).
func (e *Evaluator) classifyTypes(fig Figures, reasons []Reason) (Result, []Reason) {
	p := e.p
	cl := &p.Classification
	te := e.newTypeEval(fig)
	var res Result
	type typeState struct {
		rule  *criteria.TypeRule
		state tri
		met   []string
	}
	var types []typeState
	for _, l := range e.typeOrder {
		r := &cl.Types[l]
		st, met := te.atLeast(r.AtLeast, r.Of)
		types = append(types, typeState{r, st, met})
	}
	// The categories still possible, from the highest type down.
	var possible []string
	reached := -1
	for i, t := range types {
		if t.state == no {
			continue
		}
		possible = append(possible, p.LevelCategory(t.rule.Level))
		if t.state == yes {
			reached = i
			break
		}
	}
	if reached < 0 {
		possible = append(possible, cl.Rest)
	}
	if len(possible) > 1 {
		if got, ok := e.reach(fig, append(slices.Clone(te.missing), te.zeroDen...), possible); ok {
			possible = slices.DeleteFunc(possible, func(c string) bool { return !got[c] })
			if len(possible) == 1 && possible[0] != cl.Rest {
				// Determined although no type is known to be met nor to fail: the fillings
				// all reach it.
				for i, t := range types {
					if p.LevelCategory(t.rule.Level) == possible[0] {
						reached = i
					}
				}
			}
		}
	}
	reasons = append(reasons, te.errs...)
	if len(te.missing) > 0 {
		res.Missing = append([]string(nil), te.missing...)
		sortByPos(e.fieldPos, res.Missing)
	}
	criterionReasons := func(t typeState) {
		cat := p.LevelCategory(t.rule.Level)
		for _, id := range t.met {
			reasons = append(reasons, te.reason(id, t.rule.Level, cat))
		}
	}
	switch {
	case len(possible) == 1 && reached >= 0:
		t := types[reached]
		res.Category = possible[0]
		criterionReasons(t)
		// The types above it that some criteria met, and how short they fell.
		for _, h := range types[:reached] {
			if h.state == no && len(h.met) > 0 {
				reasons = append(reasons, Reason{Rule: RuleTypeShort, Level: h.rule.Level, Category: p.LevelCategory(h.rule.Level),
					Count: len(h.met), Need: h.rule.AtLeast, Of: len(h.rule.Of), Met: h.met})
			}
		}
		if t.state == yes {
			reasons = append(reasons, Reason{Rule: RuleType, Level: t.rule.Level, Category: res.Category,
				Count: len(t.met), Need: t.rule.AtLeast, Of: len(t.rule.Of), Met: t.met})
		}
	case len(possible) == 1:
		res.Category = cl.Rest
		var met []string
		for _, t := range types {
			for _, id := range t.met {
				met = addString(met, id)
			}
		}
		reasons = append(reasons, Reason{Rule: RuleRest, Category: cl.Rest, Met: met})
	default:
		res.Category = criteria.Undetermined
		res.Possible = possible
		for _, t := range types {
			if t.state != no && slices.Contains(possible, p.LevelCategory(t.rule.Level)) {
				criterionReasons(t)
			}
		}
	}
	switch {
	case res.Category == criteria.Undetermined:
		reasons = append(reasons, Reason{Rule: RuleUndetermined, Category: criteria.Undetermined, Missing: res.Missing, Possible: res.Possible})
	case len(res.Missing) > 0:
		reasons = append(reasons, Reason{Rule: RuleMissing, Missing: res.Missing})
	}
	return res, reasons
}

// criterion returns the truth of the plan's criterion id, evaluated once per commune.
func (te *typeEval) criterion(id string) tri {
	i, ok := te.e.testPos[id]
	if !ok {
		return unknown // the plan's validation refuses such a reference
	}
	if !te.done[i] {
		te.done[i] = true
		te.state[i] = unknown // a circle, which validation refuses, stays unknown
		te.state[i], te.ev[i] = te.test(&te.e.p.Classification.Criteria[i])
	}
	return te.state[i]
}

// test evaluates t and returns, when it holds, what made it hold.
func (te *typeEval) test(t *criteria.Test) (tri, evidence) {
	switch {
	case t.Expr != nil:
		return te.compare(t)
	case len(t.Any) > 0:
		out, ev := no, evidence{}
		for i := range t.Any {
			st, x := te.test(&t.Any[i])
			switch {
			case st == yes && out != yes:
				out, ev = yes, x
			case st == unknown && out == no:
				out = unknown
			}
		}
		return out, ev
	case len(t.All) > 0:
		out, ev := yes, evidence{}
		for i := range t.All {
			st, x := te.test(&t.All[i])
			switch {
			case st == no:
				out = no
			case st == unknown && out == yes:
				out = unknown
			}
			if st == yes {
				if x.leaf != nil && ev.leaf == nil {
					ev.leaf, ev.num, ev.den = x.leaf, x.num, x.den
				}
				ev.met = append(ev.met, x.met...)
			}
		}
		if out != yes {
			ev = evidence{}
		}
		return out, ev
	default:
		st, met := te.atLeast(t.AtLeast, t.Of)
		if st != yes {
			return st, evidence{}
		}
		return yes, evidence{met: met}
	}
}

// atLeast evaluates "at least k of the criteria ids" in three values: met when k are
// known to hold, failed when even the unknown ones could not make k, else unknown. It
// also returns the criteria known to hold, in the order of ids.
func (te *typeEval) atLeast(k int, ids []string) (tri, []string) {
	yesN, unkN := 0, 0
	var met []string
	for _, id := range ids {
		switch te.criterion(id) {
		case yes:
			yesN++
			met = append(met, id)
		case unknown:
			unkN++
		}
	}
	switch {
	case yesN >= k:
		return yes, met
	case yesN+unkN < k:
		return no, met
	}
	return unknown, met
}

// compare evaluates a comparison exactly: the figures in hundredths (areas have two
// decimals), the value as the fraction a/b, and a ratio N/D op a/b as N×b op a×D. A blank
// figure is any figure ≥ 0 (a ratio's denominator: ≥ 1), so the comparison is the linear
// form b×N − a×D (or b×N − a) over intervals: it holds when it holds at every point of
// them, fails when it fails at every point, and is unknown otherwise.
func (te *typeEval) compare(t *criteria.Test) (tri, evidence) {
	f := t.Expr
	nLo, nHi, nLoInf, nHiInf := te.sum(&f.Num)
	ev := evidence{leaf: t}
	if !nLoInf && !nHiInf && nLo == nHi {
		ev.num = known(float64(nLo) / 100)
	}
	a, b := t.Value.Rat()
	var lo, hi int64
	var loInf, hiInf bool
	if f.Den == nil {
		lo, hi, loInf, hiInf = nLo*b-a*100, nHi*b-a*100, nLoInf, nHiInf
	} else {
		dLo, dHi, _, dHiInf := te.sum(f.Den)
		if !dHiInf {
			ev.den = known(float64(dLo) / 100)
		}
		if !dHiInf && dLo == 0 {
			// A ratio over 0: 0/0 is no ratio at all (0); anything else over 0 is an input
			// error, and the ratio unknown.
			if !nLoInf && !nHiInf && nLo == 0 && nHi == 0 {
				return verdict(0, 0, false, false, t.Op, a), ev
			}
			if !nHiInf || nLo > 0 {
				te.errs = appendReason(te.errs, Reason{Rule: RuleInputError, Field: f.NumText(), Value: ev.num, Per: f.DenText(), PerValue: ev.den})
			}
			// Read as a blank denominator (any figure ≥ 1): what holds whatever it is
			// still holds ("some addicts" among residents given as 0).
			for _, k := range f.Den.Fields() {
				te.zeroDen = addString(te.zeroDen, k)
			}
			ev = evidence{leaf: t, num: ev.num}
			dLo, dHi, dHiInf = 100, 0, true
		}
		if dHiInf {
			dLo = max(dLo, 100) // a blank denominator is at least 1
		}
		// b×N − a×D: least with N least and D greatest, greatest the other way round.
		lo, loInf = nLo*b, nLoInf
		if dHiInf && a != 0 {
			loInf = true
		} else {
			lo -= a * dHi
		}
		hi, hiInf = nHi*b-a*dLo, nHiInf
	}
	return verdict(lo, hi, loInf, hiInf, t.Op, 0), ev
}

// verdict compares the interval [lo, hi] (either end infinite) with c under op.
func verdict(lo, hi int64, loInf, hiInf bool, op string, c int64) tri {
	holdsAll, failsAll := false, false
	switch op {
	case ">=":
		holdsAll, failsAll = !loInf && lo >= c, !hiInf && hi < c
	case ">":
		holdsAll, failsAll = !loInf && lo > c, !hiInf && hi <= c
	case "<=":
		holdsAll, failsAll = !hiInf && hi <= c, !loInf && lo > c
	case "<":
		holdsAll, failsAll = !hiInf && hi < c, !loInf && lo >= c
	case "=":
		holdsAll, failsAll = !loInf && !hiInf && lo == c && hi == c, (!loInf && lo > c) || (!hiInf && hi < c)
	}
	switch {
	case holdsAll:
		return yes
	case failsAll:
		return no
	}
	return unknown
}

// sum returns the least and greatest a sum can be, in hundredths, with its blank fields
// any figure ≥ 0, and records them as missing.
func (te *typeEval) sum(s *criteria.Sum) (lo, hi int64, loInf, hiInf bool) {
	lo, hi = s.Const*100, s.Const*100
	for _, t := range s.Terms {
		v, ok := te.fig[t.Field]
		if !ok {
			te.missing = addString(te.missing, t.Field)
			if t.Minus {
				loInf = true
			} else {
				hiInf = true
			}
			continue
		}
		h := int64(math.Round(v * 100))
		if t.Minus {
			h = -h
		}
		lo, hi = lo+h, hi+h
	}
	return lo, hi, loInf, hiInf
}

// appendReason adds r unless an equal reason is there already.
func appendReason(rs []Reason, r Reason) []Reason {
	for _, x := range rs {
		if x.String() == r.String() {
			return rs
		}
	}
	return append(rs, r)
}

// reason says that criterion id holds for the type of level, with what made it hold.
func (te *typeEval) reason(id string, level int, category string) Reason {
	i := te.e.testPos[id]
	ev := te.ev[i]
	r := Reason{Rule: RuleCriterion, Criterion: id, Level: level, Category: category, Met: slices.Clip(ev.met)}
	if t := ev.leaf; t != nil {
		r.Field, r.Value, r.Op, r.Threshold = t.Expr.NumText(), ev.num, t.Op, t.Value
		if t.Expr.IsRatio() {
			r.Per, r.PerValue = t.Expr.DenText(), ev.den
		}
	}
	return r
}
