package naming

import (
	"time"

	"drugfree/criteria"
	"drugfree/i18n"
)

// Matchers resolves names against the registry in force on a day (SPEC §9): one Matcher
// for each registry of the plan, the plan's own and its reform's. It is safe for
// concurrent use.
type Matchers struct {
	plan *criteria.Plan
	all  []*Matcher // in the order of plan.Registries()
	// bodies are the plan's named senders by their names and variants, folded
	bodies map[string]string
}

// NewMatchers indexes every registry of the plan, and its named senders.
func NewMatchers(p *criteria.Plan) *Matchers {
	ms := &Matchers{plan: p, bodies: map[string]string{}}
	for _, reg := range p.Registries() {
		ms.all = append(ms.all, NewRegistryMatcher(reg))
	}
	for _, s := range p.Senders {
		if s.Units != "" {
			continue
		}
		for _, n := range append([]string{s.Name, s.En}, s.Variants...) {
			if f := Fold(n); f != "" {
				if _, taken := ms.bodies[f]; !taken {
					ms.bodies[f] = s.Name
				}
			}
		}
	}
	return ms
}

// On returns the matcher of the registry in force on day (the first for no day).
func (ms *Matchers) On(day time.Time) *Matcher {
	return ms.For(ms.plan.RegistryOn(day))
}

// For returns the matcher of reg, one of the plan's registries (the first otherwise).
func (ms *Matchers) For(reg *criteria.Registry) *Matcher {
	for _, m := range ms.all {
		if m.reg == reg {
			return m
		}
	}
	return ms.all[0]
}

// Plan is the plan whose registries the matchers resolve to.
func (ms *Matchers) Plan() *criteria.Plan { return ms.plan }

// Meaning is what a name or code designates in a registry other than the one a return was
// read against.
type Meaning struct {
	// Registry is the other registry.
	Registry *criteria.Registry
	// Commune is the commune the name or code designates there (for a commune); Unit the
	// reporting unit (for a sender).
	Commune criteria.Commune
	Unit    string
	// ByCode is set when the code designates it, else the name does.
	ByCode bool
}

// Elsewhere says what a commune written with name and code, read in m's registry as got,
// designates in the plan's other registries when that is another unit: the code names a
// commune of another name (29242: Phường 3 before 1 July 2025, phường Trà Vinh after), or
// the name a commune of another code (Song Lộc: 29392 before, 29386 after). A name or code
// the other registry does not know, or knows as the same unit, says nothing.
func (ms *Matchers) Elsewhere(m *Matcher, name, code string, got criteria.Commune) []Meaning {
	if len(ms.all) < 2 {
		return nil
	}
	var out []Meaning
	code = NormCode(code)
	for _, o := range ms.all {
		if o == m {
			continue
		}
		if code != "" {
			if i, ok := o.byCode[code]; ok && o.names[i].key != splitKey(got.Name, communePrefixes).key {
				out = append(out, Meaning{Registry: o.reg, Commune: o.communes[i], ByCode: true})
				continue
			}
		}
		if name == "" {
			continue
		}
		k := splitKey(name, communePrefixes)
		cands := o.byKey[k.key]
		if k.typ != "" {
			if typed := o.filter(cands, func(c criteria.Commune) bool { return c.Type == k.typ }); len(typed) > 0 {
				cands = typed
			}
		}
		if len(cands) == 1 && o.communes[cands[0]].Code != got.Code {
			out = append(out, Meaning{Registry: o.reg, Commune: o.communes[cands[0]]})
		}
	}
	return out
}

// UnitElsewhere says which reporting unit text names in the plan's other registries when
// m resolves it to unit (or to none, unit ""): "Cầu Kè" is Huyện Cầu Kè before 1 July 2025
// and xã Cầu Kè after.
func (ms *Matchers) UnitElsewhere(m *Matcher, text, unit string) []Meaning {
	if len(ms.all) < 2 {
		return nil
	}
	var out []Meaning
	for _, o := range ms.all {
		if o == m {
			continue
		}
		if d, ok := o.DistrictIn(text); ok && d != unit {
			out = append(out, Meaning{Registry: o.reg, Unit: d})
		}
	}
	return out
}

// Sender resolves the sender of a line of the register dated day: a body of the plan's
// senders (by its name or a variant, folded), else a reporting unit of the registry in
// force that day. It implements read.RegisterResolver.
func (ms *Matchers) Sender(name string, day time.Time) (string, []string, bool) {
	if b, ok := ms.Body(name); ok {
		return b, nil, true
	}
	return ms.On(day).District(name)
}

// Body returns the plan's name of the body (a sender named in the plan, not a unit of the
// registry) called name, written loosely.
func (ms *Matchers) Body(name string) (string, bool) {
	if len(ms.bodies) == 0 {
		return "", false
	}
	b, ok := ms.bodies[Fold(name)]
	return b, ok
}

// SenderNote says why name is not a sender on day when it is a unit of another registry
// of the plan: " Huyện Càng Long is a unit of the registry in force from 01/01/2025 …".
func (ms *Matchers) SenderNote(name string, day time.Time, lang i18n.Lang) string {
	m := ms.On(day)
	for _, o := range ms.UnitElsewhere(m, name, "") {
		return UnitNote(lang, o, m.reg, i18n.Msg(lang, "registry-date.day.line", i18n.ClerkDate(day, lang)))
	}
	return ""
}
