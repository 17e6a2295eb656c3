package criteria

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed qd28.yaml
var qd28Plan []byte

// Builtin is a plan built into the tool, chosen by name with --plan NAME.
type Builtin struct {
	Name string
	// Title says in a few words what the plan is.
	Title Text
	data  []byte
}

// YAML returns the text of the plan, as `drugfree plan --export` writes it.
func (b Builtin) YAML() []byte { return append([]byte(nil), b.data...) }

// Plan reads the plan. It panics only if the embedded file is broken, which the package's
// tests rule out.
func (b Builtin) Plan() *Plan {
	p, err := Parse(b.Name+".yaml", b.data)
	if err != nil {
		panic("criteria: embedded plan " + b.Name + ": " + err.Error())
	}
	return p
}

// DefaultName is the name of the default plan.
const DefaultName = "kh16"

// Builtins are the plans built into the tool, the default first.
var Builtins = []Builtin{
	{Name: DefaultName, Title: Text{Vi: "Kế hoạch 16/KH-UBND tỉnh Trà Vinh năm 2025 (mặc định)", En: "Plan 16/KH-UBND of Trà Vinh province, 2025 (the default)"}, data: defaultPlan},
	{Name: "qd28", Title: Text{Vi: "Tiêu chí toàn quốc của Quyết định 28/2025/QĐ-TTg (xã, phường, đặc khu của 34 tỉnh, thành phố)", En: "The national criteria of Decision 28/2025/QĐ-TTg (the communes of all 34 provinces)"}, data: qd28Plan},
}

// BuiltinNamed returns the built-in plan called name.
func BuiltinNamed(name string) (Builtin, bool) {
	for _, b := range Builtins {
		if strings.EqualFold(b.Name, strings.TrimSpace(name)) {
			return b, true
		}
	}
	return Builtin{}, false
}

// Provinces returns the provinces of a national registry, in the order of the list; none
// for a registry of one province.
func (r *Registry) Provinces() []string {
	all := r.national
	if all == nil {
		all = r.Communes
	}
	var out []string
	seen := map[string]bool{}
	for _, c := range all {
		if c.Province != "" && !seen[c.Province] {
			seen[c.Province] = true
			out = append(out, c.Province)
		}
	}
	return out
}

// ProvinceName is a province's name without the word for its kind ("Tỉnh Vĩnh Long" is
// Vĩnh Long, "Tp Hồ Chí Minh" Hồ Chí Minh).
func ProvinceName(full string) string {
	s := strings.TrimSpace(full)
	for _, pre := range []string{"tỉnh ", "thành phố ", "tp. ", "tp "} {
		if len(s) > len(pre) && strings.EqualFold(s[:len(pre)], pre) {
			return strings.TrimSpace(s[len(pre):])
		}
	}
	return s
}

// AllProvinces, as the province of SelectProvince, keeps every commune of the national
// list; the plan's province is then Nation.
const (
	AllProvinces = "all"
	Nation       = "Việt Nam"
)

// SelectProvince keeps, of a national registry, the communes of province: one of
// Provinces(), or its name without the word for its kind. The plan's province becomes it,
// and so does its issuer when the plan file gave none. The plan's file still lists them
// all (Marshal).
func (p *Plan) SelectProvince(province string) error {
	r := &p.Registry
	if r.national == nil {
		r.national = r.Communes
	}
	if strings.EqualFold(strings.TrimSpace(province), AllProvinces) {
		// The whole country: the Ministry's consolidation of every province's communes.
		// Names recur across provinces (and differ only by a tone mark, which the reader
		// does not trust to tell units apart), so each commune reports with its province:
		// "Xã Thuận An (Hồ Chí Minh)".
		r.Communes = append([]Commune(nil), r.national...)
		if r.formerAll != nil {
			r.Former = r.formerAll
		}
		for i, c := range r.Communes {
			r.Communes[i].unit = c.FullName() + " (" + ProvinceName(c.Province) + ")"
		}
		derived := p.Issuer.Body == provinceIssuer(p.Province).Body
		p.Province = Nation
		if derived {
			p.Issuer = provinceIssuer(p.Province)
			p.Issuer.Body = Text{Vi: "BỘ CÔNG AN", En: "MINISTRY OF PUBLIC SECURITY"}
			p.Issuer.Place = "Hà Nội"
		}
		p.reform = p.buildIndex()
		return nil
	}
	full := ""
	for _, name := range r.Provinces() {
		if name == province || ProvinceName(name) == province {
			full = name
			break
		}
	}
	if full == "" {
		return fmt.Errorf("province %q is not in the registry; its provinces are: %s", province, strings.Join(r.Provinces(), ", "))
	}
	var keep []Commune
	kept := map[string]bool{}
	for _, c := range r.national {
		if c.Province == full {
			keep = append(keep, c)
			kept[c.Code] = true
		}
	}
	r.Communes = keep
	// The former units merged into the province's communes.
	if r.formerAll == nil {
		r.formerAll = r.Former
	}
	r.Former = nil
	for _, f := range r.formerAll {
		if kept[f.MergedInto] {
			r.Former = append(r.Former, f)
		}
	}
	derived := p.Issuer.Body == provinceIssuer(p.Province).Body
	p.Province = ProvinceName(full)
	if derived {
		p.Issuer = provinceIssuer(p.Province)
		if !strings.HasPrefix(strings.ToLower(full), "tỉnh") {
			// A centrally run city: "CÔNG AN THÀNH PHỐ HỒ CHÍ MINH".
			p.Issuer.Body.Vi = "CÔNG AN THÀNH PHỐ " + strings.ToUpper(p.Province)
			p.Issuer.Body.En = strings.ToUpper(p.Province) + " CITY POLICE"
		}
	}
	p.reform = p.buildIndex()
	return nil
}

// nationalList reports whether the registry lists communes with their province (has), and
// whether every commune or none has one (consistent).
func (r *Registry) nationalList() (has bool, consistent bool) {
	n := 0
	for _, c := range r.Communes {
		if c.Province != "" {
			n++
		}
	}
	return n > 0, n == 0 || n == len(r.Communes)
}

// MarshalYAML writes the registry with every commune of a national list, not only the
// province's, and every former unit.
func (r Registry) MarshalYAML() (any, error) {
	type plain Registry // without this method
	out := plain(r)
	if r.national != nil {
		out.Communes = r.national
	}
	if r.formerAll != nil {
		out.Former = r.formerAll
	}
	return out, nil
}
