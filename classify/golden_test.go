package classify

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// update rewrites the golden files under testdata instead of comparing with them:
//
//	go test ./classify -update
//
// Every test file of the package shares it through checkGolden.
var update = flag.Bool("update", false, "rewrite the golden files in testdata instead of comparing with them")

// checkGolden compares got with testdata/name, or rewrites the file when -update is given.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./classify -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what Classify returns now (run go test ./classify -update and review the diff)\n%s", path, firstDiff(want, got))
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl []byte
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if !bytes.Equal(wl, gl) {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + string(wl) + "\n  got:  " + string(gl)
		}
	}
	return ""
}
