package report

import (
	"time"

	"drugfree/criteria"
	"drugfree/i18n"
)

// DistrictCounts counts communes per category in each district, in registry order, with
// the registry's number of communes and how many have no figures.
type DistrictCounts struct {
	District   string
	ByCategory map[string]int
	Classified int
	Registry   int
}

// CountByDistrict counts the classification per district, plus a province row last, in
// the plan's communes in force on asOf: after the reform of 1 July 2025 the communes formed
// by it, each under the district it is listed under (criteria.Plan.FormerDistrict); the
// rows of another registry are left to the classification and the notes. A plan without
// districts gets the province row alone.
func CountByDistrict(p *criteria.Plan, rs []CommuneResult, asOf time.Time, lang i18n.Lang) []DistrictCounts {
	var out []DistrictCounts
	idx := map[string]int{}
	reg := p.RegistryOn(asOf)
	inForce := map[string]int{}
	if p.Later(reg) {
		for _, c := range p.PlanCommunes(reg) {
			inForce[p.FormerDistrict(c)]++
		}
	} else {
		for d, cs := range p.Registry.ByDistrict() {
			inForce[d] = len(cs)
		}
	}
	// A plan whose communes have no district (QĐ 28) has one group, the province's.
	noDistricts := !p.Registry.HasDistricts()
	if noDistricts {
		idx[""] = 0
		out = append(out, DistrictCounts{ByCategory: map[string]int{}, Registry: len(reg.Communes)})
	}
	for _, d := range p.Registry.Districts() {
		idx[d] = len(out)
		out = append(out, DistrictCounts{District: d, ByCategory: map[string]int{}, Registry: inForce[d]})
	}
	seen := map[string]bool{}
	for _, r := range rs {
		if reg != r.registry && (r.registry != nil || p.Later(reg)) {
			continue
		}
		district := r.District
		if district == "" {
			district = r.FormerDistrict
		}
		if noDistricts {
			district = ""
		}
		i, ok := idx[district]
		if !ok || seen[r.Code] {
			continue
		}
		seen[r.Code] = true
		out[i].ByCategory[r.Category]++
		out[i].Classified++
	}
	total := DistrictCounts{District: i18n.Tr(lang, "Toàn tỉnh", "Province"), ByCategory: map[string]int{}}
	for _, d := range out {
		for k, v := range d.ByCategory {
			total.ByCategory[k] += v
		}
		total.Classified += d.Classified
		total.Registry += d.Registry
	}
	if noDistricts {
		return []DistrictCounts{total}
	}
	return append(out, total)
}
