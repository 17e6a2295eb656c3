package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

func MustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Testdata returns the path of the repository's testdata directory, from any package.
func Testdata(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = up
	}
}

// TestdataWorkbooks are the workbooks of the repository's testdata: the sample of every
// district and the sample round of returns.
func TestdataWorkbooks(t testing.TB) []string {
	t.Helper()
	td := Testdata(t)
	files, _ := filepath.Glob(filepath.Join(td, "*.xlsx"))
	more, _ := filepath.Glob(filepath.Join(td, "returns", "*", "*.xlsx"))
	if len(files) == 0 || len(more) == 0 {
		t.Fatal("no workbooks in " + td)
	}
	return append(files, more...)
}
