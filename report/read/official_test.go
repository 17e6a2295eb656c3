package read

import (
	"bytes"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"drugfree/classify"
	"drugfree/internal/testkit"
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
		out[r.Commune.Code] = classify.Classify(testkit.TestPlan, r.Figures).Category
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
			crets, cprobs := ReadFile(writeCanonical(t, dir, "canonical-"+o.Name, o.Spec), opts())
			sameAsCanonical(t, oneReturn(t, rets, probs), oneReturn(t, crets, cprobs), o)
		})
	}
}

// sameAsCanonical fails unless an official return was read as its canonical form: the
// same metadata, communes, figures and categories.
func sameAsCanonical(t *testing.T, got, canon *Return, o sample.OfficialReturn) {
	t.Helper()
	if got.District != o.Spec.District || got.Kind != o.Spec.Kind || got.Number != o.Spec.Number || !got.ReportDate.Equal(o.Spec.ReportDate) {
		t.Errorf("read as %s, %s, %s, %v; want %s, %s, %s, %v", got.District, got.Kind, got.Number, got.ReportDate,
			o.Spec.District, o.Spec.Kind, o.Spec.Number, o.Spec.ReportDate)
	}
	if len(got.Rows) != len(o.Spec.Rows) || len(canon.Rows) != len(o.Spec.Rows) {
		t.Errorf("%d communes read, %d in canonical form; want %d", len(got.Rows), len(canon.Rows), len(o.Spec.Rows))
	}
	if g, w := sortedEssentials(got.Rows), sortedEssentials(canon.Rows); !reflect.DeepEqual(g, w) {
		t.Errorf("rows\n%v\nwant\n%v", g, w)
	}
	if g, w := categories(got.Rows), categories(canon.Rows); !reflect.DeepEqual(g, w) {
		t.Errorf("categories %v, want %v", g, w)
	}
}

// sortedEssentials are essentials in the order of the communes' codes: an official table
// lists the towns first.
func sortedEssentials(rows []Row) []string {
	out := essentials(rows)
	sort.Strings(out)
	return out
}

// The official returns of testdata, generated and converted by LibreOffice, read to their
// canonical form (README there says how they were made).
func TestReadOfficialTestdata(t *testing.T) {
	byName := map[string]sample.OfficialReturn{}
	for _, o := range sample.OfficialSet(testkit.TestPlan, 2025) {
		byName[o.Name] = o
	}
	td := filepath.Join(testkit.Testdata(t), "official")
	files, _ := filepath.Glob(filepath.Join(td, "*.xlsx"))
	converted, _ := filepath.Glob(filepath.Join(td, "libreoffice", "*.xlsx"))
	if len(files) != len(byName) || len(converted) < 3 {
		t.Fatalf("%d official returns and %d converted by LibreOffice in %s; want %d and at least 3", len(files), len(converted), td, len(byName))
	}
	dir := t.TempDir()
	for _, f := range append(files, converted...) {
		rel, _ := filepath.Rel(td, f)
		t.Run(rel, func(t *testing.T) {
			o, ok := byName[filepath.Base(f)]
			if !ok {
				t.Fatalf("%s is not a return of sample.OfficialSet", f)
			}
			rets, probs := ReadFile(f, opts())
			testkit.NoErrors(t, probs)
			crets, cprobs := ReadFile(writeCanonical(t, dir, o.Name, o.Spec), opts())
			sameAsCanonical(t, oneReturn(t, rets, probs), oneReturn(t, crets, cprobs), o)
		})
	}
}
