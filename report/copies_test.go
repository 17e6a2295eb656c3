package report

import (
	"reflect"
	"testing"

	"drugfree/report/problem"
	"drugfree/report/read"
)

// validate --annotate marks each file with problems to fix, in the order given; two
// inputs of the same name get copies "X.xlsx" and "X (2).xlsx"; a CSV or a file not read
// is named with what to do instead; a file whose only problem is its lateness gets none.
func TestReturnCopies(t *testing.T) {
	files := []string{"a/Cau Ke.xlsx", "b/cau ke.xlsx", "c.csv", "d.xlsx", "late.xlsx", "clean.xlsx"}
	var returns []*read.Return
	for _, f := range []string{"a/Cau Ke.xlsx", "b/cau ke.xlsx", "late.xlsx", "clean.xlsx"} {
		returns = append(returns, &read.Return{File: f, Format: "xlsx"})
	}
	returns = append(returns, &read.Return{File: "c.csv", Format: "csv"})
	bad := func(file, code string) problem.Problem {
		return problem.Problem{File: file, Code: code, Severity: problem.Error}
	}
	problems := []problem.Problem{
		bad("a/Cau Ke.xlsx", problem.CodeTypeError),
		bad("b/cau ke.xlsx", problem.CodeTypeError),
		bad("c.csv", problem.CodeTypeError),
		bad("d.xlsx", problem.CodeUnreadableFile),
		bad("late.xlsx", problem.CodeLateSubmission),
	}
	copies, unmarkable := ReturnCopies(files, returns, problems)
	var names []string
	for _, c := range copies {
		names = append(names, c.File+" → "+c.Name)
		if len(c.Problems) != 1 || c.Return == nil || c.Return.File != c.File {
			t.Errorf("%s: problems %v, return %v", c.File, c.Problems, c.Return)
		}
	}
	if want := []string{"a/Cau Ke.xlsx → Cau Ke.xlsx", "b/cau ke.xlsx → cau ke (2).xlsx"}; !reflect.DeepEqual(names, want) {
		t.Errorf("copies %q, want %q", names, want)
	}
	if want := []Unmarkable{{"c.csv", "annotate.csv"}, {"d.xlsx", "annotate.unread"}}; !reflect.DeepEqual(unmarkable, want) {
		t.Errorf("unmarkable %v, want %v", unmarkable, want)
	}
}
