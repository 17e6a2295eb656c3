package read

import (
	"bytes"
	"reflect"
	"sort"
	"testing"

	"drugfree/classify"
	"drugfree/report/internal/testkit"
	"drugfree/report/sample"
)

// writeOfficial writes an official return of the sample set in dir.
func writeOfficial(t *testing.T, dir string, o sample.OfficialReturn) string {
	t.Helper()
	var buf bytes.Buffer
	if err := sample.WriteOfficial(&buf, testkit.TestPlan, o); err != nil {
		t.Fatal(err)
	}
	return testkit.WriteFile(t, dir, o.Name, buf.Bytes())
}

// categories are the category of each commune of rows, by code.
func categories(rows []Row) map[string]string {
	out := map[string]string{}
	for _, r := range rows {
		out[r.Commune.Code] = classify.Classify(testkit.TestPlan, r.Figures, "vi").Category
	}
	return out
}

// Every official return of the sample set reads, without error, to the figures,
// categories and metadata of the same return in canonical form.
func TestReadOfficialSetAsCanonical(t *testing.T) {
	dir := t.TempDir()
	for _, o := range sample.OfficialSet(testkit.TestPlan, 2025) {
		t.Run(o.Name, func(t *testing.T) {
			rets, probs := ReadFile(writeOfficial(t, dir, o), opts())
			testkit.NoErrors(t, probs)
			got := oneReturn(t, rets, probs)
			crets, cprobs := ReadFile(writeCanonical(t, dir, "canonical-"+o.Name, o.Spec), opts())
			canon := oneReturn(t, crets, cprobs)
			if got.District != o.Spec.District || got.Kind != o.Spec.Kind || got.Number != o.Spec.Number || !got.ReportDate.Equal(o.Spec.ReportDate) {
				t.Errorf("read as %s, %s, %s, %v; want %s, %s, %s, %v", got.District, got.Kind, got.Number, got.ReportDate,
					o.Spec.District, o.Spec.Kind, o.Spec.Number, o.Spec.ReportDate)
			}
			if g, w := sortedEssentials(got.Rows), sortedEssentials(canon.Rows); !reflect.DeepEqual(g, w) {
				t.Errorf("rows\n%v\nwant\n%v", g, w)
			}
			if g, w := categories(got.Rows), categories(canon.Rows); !reflect.DeepEqual(g, w) {
				t.Errorf("categories %v, want %v", g, w)
			}
			for _, p := range probs {
				t.Logf("%s", p)
			}
		})
	}
}

// sortedEssentials are essentials in the order of the communes' codes: an official table
// lists the towns first.
func sortedEssentials(rows []Row) []string {
	out := essentials(rows)
	sort.Strings(out)
	return out
}
