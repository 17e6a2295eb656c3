package criteria

import (
	"drugfree/i18n"

	"time"
)

// Reform is a reorganisation of the communes during the plan's year: from its registry's
// effective day the communes are those of Registry, each formed whole from units of the
// plan's registry as the crosswalk says (SPEC §9: the reform of 1 July 2025, when the
// district level was abolished and each commune began to report for itself).
type Reform struct {
	Vi string `yaml:"vi"`
	En string `yaml:"en"`
	// Plan cites the act that made the reform.
	Plan string `yaml:"plan"`
	// Registry is the registry in force from its Effective day.
	Registry Registry `yaml:"registry"`
	// Crosswalk maps every commune of the plan's registry to the commune of Registry it went
	// into, whole.
	Crosswalk []Link `yaml:"crosswalk"`
}

// Label returns what the reform was, in lang.
func (r Reform) Label(lang i18n.Lang) string { return Text{Vi: r.Vi, En: r.En}.In(lang) }

// Link is one row of a crosswalk: the unit Old (a code of the registry before) went whole
// into the unit New (a code of the registry after).
type Link struct {
	Old string `yaml:"old"`
	New string `yaml:"new"`
}

// Registries returns the plan's registries in the order they came into force: the plan's
// own, then the reform's.
func (p *Plan) Registries() []*Registry {
	if p.Reform == nil {
		return []*Registry{&p.Registry}
	}
	return []*Registry{&p.Registry, &p.Reform.Registry}
}

// RegistryOn returns the registry in force on day: the last whose effective day is not
// after it, else the first (a day before every registry, or no day at all).
func (p *Plan) RegistryOn(day time.Time) *Registry {
	regs := p.Registries()
	out := regs[0]
	if day.IsZero() {
		return out
	}
	d := dayOf(day)
	for _, r := range regs[1:] {
		if !r.Effective.IsZero() && !dayOf(r.Effective.Time).After(d) {
			out = r
		}
	}
	return out
}

// dayOf is t's calendar day at midnight UTC.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Later reports whether reg came into force after the plan's first registry: it is the
// reform's.
func (p *Plan) Later(reg *Registry) bool {
	return p.Reform != nil && reg == &p.Reform.Registry
}

// reformIndex holds the crosswalk both ways, for the questions asked of it per commune.
type reformIndex struct {
	successor    map[string]int   // old code → index in the reform's registry
	predecessors map[string][]int // new code → indexes in the plan's registry, crosswalk order
}

// index returns the crosswalk indexes, built once when the plan was read (Parse,
// SetRegistry), or now for a plan built otherwise.
func (p *Plan) index() *reformIndex {
	if p.reform != nil {
		return p.reform
	}
	return p.buildIndex()
}

// buildIndex indexes the crosswalk and records in the reform's registry the units it
// merged (Registry.FormerUnits): the plan's communes that changed, and the units merged
// away before (Registry.Former) into them.
func (p *Plan) buildIndex() *reformIndex {
	ix := &reformIndex{successor: map[string]int{}, predecessors: map[string][]int{}}
	if p.Reform == nil {
		return ix
	}
	newAt := make(map[string]int, len(p.Reform.Registry.Communes))
	for i, c := range p.Reform.Registry.Communes {
		newAt[c.Code] = i
	}
	oldAt := make(map[string]int, len(p.Registry.Communes))
	for i, c := range p.Registry.Communes {
		oldAt[c.Code] = i
	}
	merged := []FormerUnit{}
	eff := p.Reform.Registry.Effective
	for _, l := range p.Reform.Crosswalk {
		n, okNew := newAt[l.New]
		o, okOld := oldAt[l.Old]
		if !okNew || !okOld {
			continue // validate reports it
		}
		ix.successor[l.Old] = n
		ix.predecessors[l.New] = append(ix.predecessors[l.New], o)
		old := p.Registry.Communes[o]
		merged = append(merged, FormerUnit{Code: old.Code, District: old.District, Name: old.Name, Type: old.Type, MergedInto: l.New, Effective: eff})
	}
	for _, f := range p.Registry.Former {
		if n, ok := ix.successor[f.MergedInto]; ok {
			f.MergedInto = p.Reform.Registry.Communes[n].Code
			f.Effective = eff
			merged = append(merged, f)
		}
	}
	p.Reform.Registry.merged = merged
	return ix
}

// Successor returns the commune of the reform's registry that the commune code of the
// plan's registry went into.
func (p *Plan) Successor(code string) (Commune, bool) {
	if p.Reform == nil {
		return Commune{}, false
	}
	i, ok := p.index().successor[code]
	if !ok {
		return Commune{}, false
	}
	return p.Reform.Registry.Communes[i], true
}

// Predecessors returns the communes of the plan's registry that went into the commune
// code of the reform's registry, in crosswalk order; none for a unit formed from no
// commune of the plan.
func (p *Plan) Predecessors(code string) []Commune {
	if p.Reform == nil {
		return nil
	}
	idx := p.index().predecessors[code]
	out := make([]Commune, len(idx))
	for i, o := range idx {
		out[i] = p.Registry.Communes[o]
	}
	return out
}

// InPlan reports whether c, a commune of reg, is one of the plan's communes: every
// commune of the plan's own registry, and of the reform's those formed from them.
func (p *Plan) InPlan(reg *Registry, c Commune) bool {
	if !p.Later(reg) {
		return true
	}
	return len(p.index().predecessors[c.Code]) > 0
}

// PlanCommunes returns the plan's communes in reg (InPlan), in registry order: 104 in the
// plan's registry, 41 in the reform's.
func (p *Plan) PlanCommunes(reg *Registry) []Commune {
	if !p.Later(reg) {
		return reg.Communes
	}
	var out []Commune
	for _, c := range reg.Communes {
		if p.InPlan(reg, c) {
			out = append(out, c)
		}
	}
	return out
}

// FormerDistrict returns the district of the plan's registry a commune of the reform's
// registry is listed under, for summaries that group by district: the district of the
// predecessor whose code it kept (every new unit of the reform of 2025 kept the code of one
// of its former units), else of its first predecessor; "" for a commune formed from none of
// the plan's.
func (p *Plan) FormerDistrict(c Commune) string {
	pred := p.Predecessors(c.Code)
	for _, o := range pred {
		if o.Code == c.Code {
			return o.District
		}
	}
	if len(pred) > 0 {
		return pred[0].District
	}
	return ""
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
