package criteria

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Registry lists the province's communes, their spelling variants and the units merged away.
type Registry struct {
	// Effective is the day the registry came into force; zero for a registry in force from
	// the start of the plan.
	Effective Date `yaml:"effective,omitempty"`
	// Province is the province of the communes, when it is not the plan's (after a merger of
	// provinces).
	Province string       `yaml:"province,omitempty"`
	Communes []Commune    `yaml:"communes"`
	Aliases  []Alias      `yaml:"aliases,omitempty"`
	Former   []FormerUnit `yaml:"former,omitempty"`

	// merged are the units a reform merged into this registry's communes, worked out from
	// the plan's crosswalk when the plan is read (Plan.index); FormerUnits lists them.
	merged []FormerUnit
	// national are all the communes of a national registry, of which Communes are one
	// province's (Plan.SelectProvince); the plan file keeps them all.
	national []Commune
	// formerAll are the former units of a national registry, of which Former are those
	// merged into the province's communes.
	formerAll []FormerUnit
}

// FormerUnits are the units merged into the registry's communes: those it lists, then
// those the plan's reform merged into them (the communes of the registry before it).
func (r *Registry) FormerUnits() []FormerUnit {
	if len(r.merged) == 0 {
		return r.Former
	}
	return append(append(make([]FormerUnit, 0, len(r.Former)+len(r.merged)), r.Former...), r.merged...)
}

// HasDistricts reports whether the registry's communes belong to districts. A registry
// without (the one in force after the reform of 1 July 2025) has each commune report for
// itself.
func (r *Registry) HasDistricts() bool {
	return len(r.Communes) > 0 && r.Communes[0].District != ""
}

// Commune is one commune-level unit (xã, phường, thị trấn).
type Commune struct {
	DistrictCode string `yaml:"district_code,omitempty"`
	// District is "" in a registry without districts.
	District string `yaml:"district,omitempty"`
	Code     string `yaml:"code"`
	Name     string `yaml:"name"`
	Type     string `yaml:"type"` // xã, phường, thị trấn
	// FormerProvince is the province whose units formed the commune, in a registry that
	// followed a merger of provinces.
	FormerProvince string `yaml:"former_province,omitempty"`
	// Province is the commune's province, in a national registry (Plan.SelectProvince).
	Province string `yaml:"province,omitempty"`

	// unit is the commune's name as a reporting unit when its full name alone does not
	// tell it apart: in the whole country's registry, with its province (Unit).
	unit string
}

// Unit is the reporting unit the commune belongs to: its district, or the commune itself
// (its full name) in a registry without districts.
func (c Commune) Unit() string {
	if c.District != "" {
		return c.District
	}
	if c.unit != "" {
		return c.unit
	}
	return c.FullName()
}

// FullName returns the name with its type, as "Xã Định An" or "Thị trấn Định An". A name
// that already starts with its type, as the wards' "Phường 4", is returned as it is.
func (c Commune) FullName() string {
	// Wards are named "Phường 1" in the registry: the name already says its type.
	if c.Type == "" || hasLowerPrefix(c.Name, c.Type) {
		return c.Name
	}
	if len(c.Name) > len(c.Type) && strings.EqualFold(c.Name[:len(c.Type)], c.Type) && c.Name[len(c.Type)] == ' ' {
		return c.Name
	}
	// The type with its first letter in upper case, then the name: one allocation, as
	// FullName is asked for every commune read, classified and written.
	first, n := utf8.DecodeRuneInString(c.Type)
	rest := c.Type[n:]
	if !utf8.ValidString(rest) {
		rest = string([]rune(rest)) // invalid bytes as U+FFFD, as []rune(c.Type) gave them
	}
	var b strings.Builder
	b.Grow(utf8.UTFMax + len(rest) + 1 + len(c.Name))
	b.WriteRune(unicode.ToUpper(first))
	b.WriteString(rest)
	b.WriteByte(' ')
	b.WriteString(c.Name)
	return b.String()
}

// hasLowerPrefix is strings.HasPrefix(strings.ToLower(name), strings.ToLower(typ)+" ")
// without building either: strings.ToLower lowers rune by rune (invalid bytes become
// U+FFFD), and one UTF-8 text is a prefix of another exactly when its runes are.
func hasLowerPrefix(name, typ string) bool {
	for _, t := range typ {
		r, n := utf8.DecodeRuneInString(name)
		if n == 0 || unicode.ToLower(r) != unicode.ToLower(t) {
			return false
		}
		name = name[n:]
	}
	return name != "" && name[0] == ' '
}

// Alias is another spelling of a commune's name.
type Alias struct {
	Code  string `yaml:"code"`
	Alias string `yaml:"alias"`
	Note  string `yaml:"note,omitempty"`
}

// FormerUnit is a commune merged into another.
type FormerUnit struct {
	Code       string `yaml:"code"`
	District   string `yaml:"district"`
	Name       string `yaml:"name"`
	Type       string `yaml:"type"`
	MergedInto string `yaml:"merged_into"`
	Effective  Date   `yaml:"effective"`
}

// Districts returns the district names in registry order, each once; none for a
// registry without districts.
func (r Registry) Districts() []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range r.Communes {
		if c.District != "" && !seen[c.District] {
			seen[c.District] = true
			out = append(out, c.District)
		}
	}
	return out
}

// Units returns the reporting units in registry order, each once: the districts, or in
// a registry without districts every commune (Commune.Unit).
func (r Registry) Units() []string {
	if r.HasDistricts() {
		return r.Districts()
	}
	out := make([]string, len(r.Communes))
	for i, c := range r.Communes {
		out[i] = c.Unit()
	}
	return out
}

// InUnit returns the communes of a reporting unit (Commune.Unit), in registry order.
func (r Registry) InUnit(unit string) []Commune {
	var out []Commune
	for _, c := range r.Communes {
		if c.Unit() == unit {
			out = append(out, c)
		}
	}
	return out
}

// InDistrict returns the communes of district, in registry order.
func (r Registry) InDistrict(district string) []Commune {
	var out []Commune
	for _, c := range r.Communes {
		if c.District == district {
			out = append(out, c)
		}
	}
	return out
}

// ByDistrict returns the communes of each district, in registry order: InDistrict for
// every district in one pass over the registry, for callers that ask about many districts
// (InDistrict for each would be quadratic in the size of a national registry).
func (r Registry) ByDistrict() map[string][]Commune {
	out := map[string][]Commune{}
	for _, c := range r.Communes {
		out[c.District] = append(out[c.District], c)
	}
	return out
}

// ByCode returns the commune with code.
func (r Registry) ByCode(code string) (Commune, bool) {
	for _, c := range r.Communes {
		if c.Code == code {
			return c, true
		}
	}
	return Commune{}, false
}

// registryColumns are the columns of a registry CSV, as in the reference file;
// communeColumns those of a registry without districts, as new-units.csv of the reform of 1
// July 2025 (former_province optional).
var (
	registryColumns = []string{"district_code", "district", "commune_code", "commune", "type"}
	communeColumns  = []string{"code", "name", "type"}
)

// ParseRegistryCSV reads a registry in the columns of tra-vinh-communes-2025.csv
// (district_code, district, commune_code, commune, type), or of a registry without
// districts, each commune reporting for itself, in those of new-units.csv (code, name,
// type, former_province). It keeps no aliases or former units: those belong to the plan's
// own registry. name is used in error messages.
func ParseRegistryCSV(name string, r io.Reader) (Registry, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return Registry{}, fmt.Errorf("%s: line 1: %v", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	_, hasCode := col["code"]
	_, hasCommuneCode := col["commune_code"]
	districts := !hasCode || hasCommuneCode
	want := registryColumns
	if !districts {
		want = communeColumns
	}
	for _, c := range want {
		if _, ok := col[c]; !ok {
			return Registry{}, fmt.Errorf("%s: line 1: missing column %q (want %s, or %s without districts)", name, c, strings.Join(registryColumns, ","), strings.Join(communeColumns, ","))
		}
	}
	var reg Registry
	seen := map[string]int{}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Registry{}, fmt.Errorf("%s: %v", name, err)
		}
		get := func(k string) string {
			if i := col[k]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		c := Commune{DistrictCode: get("district_code"), District: get("district"), Code: get("commune_code"), Name: get("commune"), Type: get("type")}
		if !districts {
			c = Commune{Code: get("code"), Name: get("name"), Type: get("type"), FormerProvince: get("former_province")}
			if c.Name == "" || c.Code == "" {
				return Registry{}, fmt.Errorf("%s: line %d: code and name must not be empty", name, line)
			}
		} else if c.District == "" || c.Name == "" || c.Code == "" {
			return Registry{}, fmt.Errorf("%s: line %d: district, commune_code and commune must not be empty", name, line)
		}
		if prev, dup := seen[c.Code]; dup {
			return Registry{}, fmt.Errorf("%s: line %d: commune code %s already on line %d", name, line, c.Code, prev)
		}
		seen[c.Code] = line
		reg.Communes = append(reg.Communes, c)
	}
	if len(reg.Communes) == 0 {
		return Registry{}, fmt.Errorf("%s: no communes", name)
	}
	return reg, nil
}
