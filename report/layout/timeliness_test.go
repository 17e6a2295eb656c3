package layout

import (
	"testing"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
)

// A narrow terminal hides first the kinds with nothing to see yet, then the earliest; the
// last kind of the calendar stays.
func TestDeadlinesTableDrops(t *testing.T) {
	p := criteria.Default()
	var sts []classify.SubmissionStatus
	for _, d := range p.Calendar {
		status := classify.SubmissionOnTime
		if d.Kind == "plan" {
			status = classify.SubmissionNotChecked
		}
		sts = append(sts, classify.SubmissionStatus{District: "Huyện Cầu Kè", Kind: d.Kind, Status: status})
	}
	tbl := DeadlinesTable(p, sts, i18n.Vi)
	drops := map[string]int{}
	for _, c := range tbl.Columns {
		drops[c.Key] = c.Drop
	}
	last := p.Calendar[len(p.Calendar)-1].Kind
	want := map[string]int{"district": 0, "plan": 1, "review": 2, "phase1": 3, "phase2": 4, last: 0}
	for k, d := range want {
		if drops[k] != d {
			t.Errorf("column %s: Drop %d, want %d (all: %v)", k, drops[k], d, drops)
		}
	}
}
