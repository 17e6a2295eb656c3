package report

import (
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

// CountByDistrict counts the classification per district, plus a province row last.
func CountByDistrict(p *criteria.Plan, rs []CommuneResult, lang i18n.Lang) []DistrictCounts {
	var out []DistrictCounts
	idx := map[string]int{}
	byDistrict := p.Registry.ByDistrict()
	for _, d := range p.Registry.Districts() {
		idx[d] = len(out)
		out = append(out, DistrictCounts{District: d, ByCategory: map[string]int{}, Registry: len(byDistrict[d])})
	}
	seen := map[string]bool{}
	for _, r := range rs {
		i, ok := idx[r.District]
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
	return append(out, total)
}
