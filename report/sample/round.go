package sample

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/template"
)

// A sample round for a plan that classifies by type rules (such as QĐ 28): every commune
// sends its own return of each data kind of the calendar. The figures are invented from
// the plan itself: each commune aims at a type, meets some of that type's criteria (and of
// the types below) at, or just above, their thresholds, misses others just below, and
// fills the checklist's columns; a few leave a column blank. Nothing here knows the plan's
// fields by name.

// RoundDir is where WriteRound writes the communes' returns, under the sample directory.
const RoundDir = "returns"

// RoundFigures invents figures for communes under p, a plan of type rules, seeded.
func RoundFigures(p *criteria.Plan, communes []criteria.Commune, seed uint64) []SampleCommune {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	cl := p.Classification
	// The type rules from the lowest type up (level 3, 2, 1).
	levels := make([]criteria.TypeRule, len(cl.Types))
	copy(levels, cl.Types)
	for i := 1; i < len(levels); i++ {
		for j := i; j > 0 && levels[j].Level > levels[j-1].Level; j-- {
			levels[j], levels[j-1] = levels[j-1], levels[j]
		}
	}
	out := make([]SampleCommune, 0, len(communes))
	for i, c := range communes {
		g := &roundGen{p: p, rng: rng, f: classify.Figures{}}
		// Denominators first: a ratio's threshold is reached in proportion to them.
		for _, k := range denominators(p) {
			g.f[k] = float64(4000 + rng.IntN(20001))
		}
		// Aim: none (-1), or the i-th type rule from the lowest, in a fixed mix.
		aim := []int{-1, 0, -1, 0, 1, -1, 0, 2, -1, 1, 0, -1}[(i*7+rng.IntN(3))%12]
		if aim >= len(levels) {
			aim = len(levels) - 1
		}
		for l := 0; l <= aim; l++ {
			share := 0.5
			if l == aim {
				share = 0.8
			}
			for _, id := range levels[l].Of {
				t, _ := cl.Test(id)
				g.reach(t, rng.Float64() < share)
			}
		}
		if aim < 0 && rng.IntN(3) == 0 {
			// Something below every type, or a criterion that alone makes none.
			t, _ := cl.Test(cl.Criteria[rng.IntN(len(cl.Criteria))].ID)
			g.reach(t, false)
		}
		g.fillRest()
		g.checklist(aim < 0)
		g.consistent()
		if rng.IntN(11) == 0 {
			// A blank column: the commune may become undetermined.
			keys := cl.TestFields()
			delete(g.f, keys[rng.IntN(len(keys))])
		}
		out = append(out, SampleCommune{Commune: c, Figures: g.f})
	}
	return out
}

// roundGen invents one commune's figures.
type roundGen struct {
	p   *criteria.Plan
	rng *rand.Rand
	f   classify.Figures
}

// denominators are the fields some ratio of the plan divides by.
func denominators(p *criteria.Plan) []string {
	var out []string
	var walk func(t *criteria.Test)
	walk = func(t *criteria.Test) {
		if t.Expr != nil && t.Expr.Den != nil {
			for _, term := range t.Expr.Den.Terms {
				out = appendNew(out, term.Field)
			}
		}
		for i := range t.Any {
			walk(&t.Any[i])
		}
		for i := range t.All {
			walk(&t.All[i])
		}
	}
	for i := range p.Classification.Criteria {
		walk(&p.Classification.Criteria[i])
	}
	return out
}

func appendNew(set []string, s string) []string {
	for _, x := range set {
		if x == s {
			return set
		}
	}
	return append(set, s)
}

// reach sets figures so that t holds (hold) or just misses, never lowering a figure set
// before: a commune aiming at a higher type keeps what it met of the lower ones.
func (g *roundGen) reach(t *criteria.Test, hold bool) {
	switch {
	case t.Expr != nil:
		g.compare(t, hold)
	case len(t.Any) > 0:
		if hold {
			g.reach(&t.Any[g.rng.IntN(len(t.Any))], true)
		} else {
			for i := range t.Any {
				g.reach(&t.Any[i], false)
			}
		}
	case len(t.All) > 0:
		for i := range t.All {
			g.reach(&t.All[i], hold || g.rng.IntN(2) == 0)
		}
	default:
		for _, id := range t.Of {
			if ref, ok := g.p.Classification.Test(id); ok && hold && g.rng.IntN(3) > 0 {
				g.reach(ref, true)
			}
		}
	}
}

// compare sets the first field of t's figure at t's threshold (hold), or one step below.
func (g *roundGen) compare(t *criteria.Test, hold bool) {
	var key string
	for _, term := range t.Expr.Num.Terms {
		if !term.Minus {
			key = term.Field
			break
		}
	}
	if key == "" {
		return
	}
	step := 1.0
	if fd, ok := g.p.Field(key); ok && fd.Kind == criteria.KindArea {
		step = 0.01
	}
	a, b := t.Value.Rat()
	threshold := float64(a) / float64(b)
	if t.Expr.Den != nil {
		den := 0.0
		for _, term := range t.Expr.Den.Terms {
			den += g.f[term.Field]
		}
		threshold = math.Ceil(float64(a) * den / float64(b)) // the least whole figure that reaches it
		step = 1
	} else if step == 1 {
		threshold = math.Ceil(threshold)
	}
	v := threshold
	if t.Op == ">" {
		v += step
	}
	if hold {
		v += step * float64(g.rng.IntN(3)) // at the threshold, or a little above
	} else {
		v = math.Max(0, threshold-step)
		if t.Op == ">" {
			v = 0
		}
	}
	if fd, ok := g.p.Field(key); ok && fd.Kind == criteria.KindYesNo {
		v = math.Min(v, 1)
	}
	if old, ok := g.f[key]; !ok || v > old {
		g.f[key] = math.Round(v*100) / 100
	}
}

// fillRest sets the numeric fields not yet set to 0.
func (g *roundGen) fillRest() {
	for _, k := range g.p.Classification.TestFields() {
		if _, ok := g.f[k]; !ok {
			g.f[k] = 0
		}
	}
}

// checklist fills the checklist's columns not yet set: a commune of no type mostly meets
// every condition; others have a few persons. A difference keeps what it subtracts at most
// what it subtracts from.
func (g *roundGen) checklist(clean bool) {
	for _, c := range g.p.Checklist.Criteria {
		for _, cond := range c.Conditions {
			for _, k := range cond.Left.Fields {
				if _, set := g.f[k]; set {
					continue
				}
				v := 0.0
				if !clean || g.rng.IntN(5) == 0 {
					v = float64(g.rng.IntN(4))
				}
				g.f[k] = v
			}
			for _, k := range cond.Left.Minus {
				if _, set := g.f[k]; set {
					continue
				}
				total := 0.0
				for _, plus := range cond.Left.Fields {
					total += g.f[plus]
				}
				// Most have every such person excepted (reading R5 of QĐ 28), some not all.
				g.f[k] = math.Max(0, total-float64(g.rng.IntN(2)))
			}
			for _, k := range cond.Right.Fields {
				if _, set := g.f[k]; !set {
					g.f[k] = float64(g.rng.IntN(4))
				}
			}
		}
	}
}

// consistent makes the figures meet the plan's consistency rules of the form a <= b.
func (g *roundGen) consistent() {
	for _, r := range g.p.Consistency {
		if r.Op != "<=" || len(r.Right.Fields) != 1 || r.Right.Const != 0 {
			continue
		}
		l, lok := g.f[r.Left]
		rv, rok := g.f[r.Right.Fields[0]]
		if lok && rok && l > rv {
			g.f[r.Left] = rv
		}
	}
}

// RoundSpecs builds the round's returns: one per commune for each data kind of the
// calendar, received before the due day, except that the second commune's is two days
// late and the fifth sent none (of five communes or more).
func RoundSpecs(p *criteria.Plan, communes []SampleCommune) (files []SampleFile) {
	for _, dl := range p.Calendar {
		if !dl.Data {
			continue
		}
		for i, c := range communes {
			unit := c.Commune.Unit()
			recv := dl.Due.AddDate(0, 0, -1-i%4)
			if i == 1 {
				recv = dl.Due.AddDate(0, 0, 2)
			}
			if i == 4 {
				continue
			}
			spec := SampleReturnSpec(p, unit, dl.Kind, fmt.Sprintf("%02d/BC-MAU", i+1), recv.AddDate(0, 0, -1), recv, []SampleCommune{c}, false)
			// The code too: names repeat across a country.
			files = append(files, SampleFile{Name: filepath.Join(dl.Kind, SampleFileName(dl.Kind, c.Commune.Code+" "+unit)), Spec: &spec})
		}
	}
	return files
}

// WriteRound writes a round of returns under dir/returns/ for the communes (the
// registry's, or its first n when n > 0), and the province's file of all the communes in
// one workbook, dir/communes.xlsx, for the first data kind. It returns the paths written.
func WriteRound(dir string, p *criteria.Plan, n int, seed uint64, force bool) ([]string, error) {
	communes := p.Registry.Communes
	if n > 0 && n < len(communes) {
		communes = communes[:n]
	}
	figs := RoundFigures(p, communes, seed)
	var jobs []job
	for _, dl := range p.Calendar {
		if dl.Data {
			recv := dl.Due.AddDate(0, 0, -1)
			all := SampleReturnSpec(p, "", dl.Kind, "01/BC-CAT-MAU", recv, recv, figs, false)
			jobs = append(jobs, job{filepath.Join(dir, "communes.xlsx"), func(w io.Writer) error { return template.WriteReturn(w, p, all) }})
			break
		}
	}
	for _, f := range RoundSpecs(p, figs) {
		spec := f.Spec
		jobs = append(jobs, job{filepath.Join(dir, RoundDir, f.Name), func(w io.Writer) error { return template.WriteReturn(w, p, *spec) }})
	}
	return writeJobs(jobs, force)
}
