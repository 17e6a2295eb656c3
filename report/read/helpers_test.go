package read

import (
	"bytes"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/template"
	"testing"
)

func opts() ReadOptions { return ReadOptions{Plan: testkit.TestPlan} }

// ReadFile reads one file with ReadFiles (a helper of the tests: the commands read their
// files with ReadFiles).
func ReadFile(path string, opt ReadOptions) ([]*Return, []problem.Problem) {
	return ReadFiles([]string{path}, opt)
}

// writeCanonical writes spec with WriteReturn.
func writeCanonical(t *testing.T, dir, name string, spec template.ReturnSpec) string {
	t.Helper()
	var buf bytes.Buffer
	if err := template.WriteReturn(&buf, testkit.TestPlan, spec); err != nil {
		t.Fatal(err)
	}
	return testkit.WriteFile(t, dir, name, buf.Bytes())
}

// oneReturn fails unless there is exactly one return.
func oneReturn(t *testing.T, rets []*Return, probs []problem.Problem) *Return {
	t.Helper()
	if len(rets) != 1 {
		t.Fatalf("want 1 return, got %d; problems:\n%s", len(rets), testkit.Dump(probs))
	}
	return rets[0]
}

// rowByCode returns the row of the commune with code.
func rowByCode(t *testing.T, ret *Return, code string) Row {
	t.Helper()
	for _, r := range ret.Rows {
		if r.Commune.Code == code {
			return r
		}
	}
	t.Fatalf("no row for commune %s in return of %q (%d rows)", code, ret.District, len(ret.Rows))
	return Row{}
}
