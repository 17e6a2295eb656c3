package classify

import (
	"math"

	"drugfree/criteria"
)

// Aggregate returns the figures of one unit made of parts, as figures are carried across
// the reform of 1 July 2025 (SPEC §9): a new commune's "before" is its former units'
// figures added up. Counts and areas add up; a yes/no (on a key route) is yes if any part
// is; a figure is unknown when any part leaves it unknown, so that a blank is never read as
// zero. With no parts, no figure is known.
func Aggregate(p *criteria.Plan, parts []Figures) Figures {
	out := Figures{}
	if len(parts) == 0 {
		return out
	}
	for _, f := range p.Fields {
		if !f.Numeric() {
			continue
		}
		sum, known := 0.0, true
		for _, part := range parts {
			v, ok := part[f.Key]
			if !ok {
				known = false
				break
			}
			if f.Kind == criteria.KindYesNo {
				sum = max(sum, v)
			} else {
				sum += v
			}
		}
		if known {
			if f.Kind == criteria.KindArea {
				sum = math.Round(sum*1e9) / 1e9 // 0.1 + 0.2 m² is 0.3 m², as Excel shows it
			}
			out[f.Key] = sum
		}
	}
	return out
}
