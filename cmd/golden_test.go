package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// run runs drugfree in-process with args and returns the exit code, stdout and stderr. Its
// clock says 20/12/2025, 09:00 (testClock).
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runAt(t, testClock, args...)
}

// testClock is the in-process clock's time.
var testClock = time.Date(2025, 12, 20, 9, 0, 0, 0, time.UTC)

// runAt is run with the clock at now.
func runAt(t *testing.T, now time.Time, args ...string) (int, string, string) {
	t.Helper()
	ios, out, errOut := TestIO()
	f := &Factory{IO: ios, Now: func() time.Time { return now }, Getenv: func(string) string { return "" }}
	code := Run(f, args)
	return code, out.String(), errOut.String()
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd -update rewrites it):\n%s", path, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return "(same lines, different bytes)"
}

const sampleBook = "../testdata/districts.xlsx"

func TestClassifySampleGolden(t *testing.T) {
	code, out, errOut := run(t, "classify", sampleBook)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	golden(t, "classify.txt", out)

	code, out, errOut = run(t, "classify", sampleBook, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	golden(t, "classify.json", out)
	var got classifyJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Communes) != 104 {
		t.Errorf("classified %d communes, want all 104 of the registry", len(got.Communes))
	}
	seen := map[string]int{}
	for _, c := range got.Communes {
		seen[c.Category]++
	}
	for _, k := range []string{"type-1", "type-2", "type-3", "less-complex", "drug-free", "undetermined"} {
		if seen[k] == 0 {
			t.Errorf("the sampleBook reaches no %s commune; it must reach every category", k)
		}
	}
}

func TestClassifySampleEnglishCSV(t *testing.T) {
	code, out, errOut := run(t, "--lang", "en", "classify", sampleBook, "--format", "csv")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	golden(t, "classify-en.csv", out)
}
