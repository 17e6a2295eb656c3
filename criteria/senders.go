package criteria

import "drugfree/i18n"

// Sender is one entry of the plan's list of who owes which returns (SPEC §4): the
// reporting units of the registry (Units: "registry"), or a body named (a provincial
// agency given tasks by the plan), with the kinds of the calendar it owes.
type Sender struct {
	// Units is "registry" for the reporting units of the registry in force on each kind's
	// due day, the plan's communes only: the districts before the reform, each commune
	// after it. "" for a named body.
	Units string `yaml:"units,omitempty"`
	// Name is the body's name, as the register and the deadlines show it.
	Name string `yaml:"name,omitempty"`
	En   string `yaml:"en,omitempty"`
	// Variants are other names the register may give it ("Sở TT&TT").
	Variants []string `yaml:"variants,omitempty"`
	// Kinds are the calendar kinds owed.
	Kinds []string `yaml:"kinds"`
	// Plan cites the plan's words.
	Plan string `yaml:"plan,omitempty"`
}

// UnitsRegistry is Sender.Units for the registry's reporting units.
const UnitsRegistry = "registry"

// Label returns the body's name in lang.
func (s Sender) Label(lang i18n.Lang) string { return Text{Vi: s.Name, En: s.En}.In(lang) }

// Owes reports whether the sender owes kind.
func (s Sender) Owes(kind string) bool { return contains(s.Kinds, kind) }

// Obligation is one sender and what it owes, as the deadlines list it.
type Obligation struct {
	// Sender is the registry's name of the unit (a district, or a commune after the
	// reform, as Commune.Unit) or the body's name.
	Sender string
	// Kinds are the kinds owed, in calendar order.
	Kinds []string
	// Group is the district of the plan's registry a commune of the reform's registry is
	// listed under (Plan.FormerDistrict); "" otherwise.
	Group string
	// Body is set for a named body (an agency), which sends documents, not data.
	Body bool
}

// senders returns the plan's list, or when it gives none every reporting unit owing every
// kind (a plan file written before senders were plan data).
func (p *Plan) senders() []Sender {
	if len(p.Senders) > 0 {
		return p.Senders
	}
	all := make([]Sender, 1)
	all[0].Units = UnitsRegistry
	for _, d := range p.Calendar {
		all[0].Kinds = append(all[0].Kinds, d.Kind)
	}
	return []Sender{all[0]}
}

// Obligations lists who owes which kinds: the reporting units first — each district of the
// plan's registry followed by the communes of a later registry listed under it (Group),
// each owing the kinds due while its registry is in force — then the named bodies, in the
// plan's order. A sender that owes nothing is left out.
func (p *Plan) Obligations() []Obligation {
	var unitKinds []string
	var bodies []Obligation
	for _, s := range p.senders() {
		if s.Units == UnitsRegistry {
			for _, k := range s.Kinds {
				if !contains(unitKinds, k) {
					unitKinds = append(unitKinds, k)
				}
			}
			continue
		}
		bodies = append(bodies, Obligation{Sender: s.Name, Kinds: p.inCalendarOrder(s.Kinds), Body: true})
	}
	// The kinds each registry's units owe: those due while it is in force.
	owed := map[*Registry][]string{}
	for _, d := range p.Calendar {
		if contains(unitKinds, d.Kind) {
			reg := p.RegistryOn(d.Due.Time)
			owed[reg] = append(owed[reg], d.Kind)
		}
	}
	regs := p.Registries()
	first := regs[0]
	var later []Obligation
	for _, reg := range regs[1:] {
		if len(owed[reg]) == 0 {
			continue
		}
		for _, c := range p.PlanCommunes(reg) {
			later = append(later, Obligation{Sender: c.Unit(), Kinds: owed[reg], Group: p.FormerDistrict(c)})
		}
	}
	var out []Obligation
	placed := make([]bool, len(later))
	for _, u := range first.Units() {
		if len(owed[first]) > 0 {
			out = append(out, Obligation{Sender: u, Kinds: owed[first]})
		}
		for i, o := range later {
			if !placed[i] && o.Group == u {
				out = append(out, o)
				placed[i] = true
			}
		}
	}
	for i, o := range later {
		if !placed[i] {
			out = append(out, o)
		}
	}
	return append(out, bodies...)
}

// inCalendarOrder returns kinds in the order of the calendar.
func (p *Plan) inCalendarOrder(kinds []string) []string {
	var out []string
	for _, d := range p.Calendar {
		if contains(kinds, d.Kind) {
			out = append(out, d.Kind)
		}
	}
	return out
}
