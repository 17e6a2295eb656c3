//go:build unix

package cmd

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killBudget is about how long TestE2EKillAtRandom kills runs for.
const killBudget = 12 * time.Second

// A consolidation of 300 returns killed at random moments (SIGINT, SIGTERM, SIGKILL in
// turn, the moments spread over the whole run, reading and writing, more of them late) never leaves a partial
// workbook: the output is absent or whole (a zip whose every part reads back, the parts of
// a finished run). After SIGINT or SIGTERM no temporary file is left and the exit status
// is 128 + the signal (or 0, the run finished first); after SIGKILL, which no process can
// handle, a temporary file may be left, named as WriteFileAtomic names them, which the
// next write removes once stale (outfile's tests). The inputs are never changed. It runs
// the real binary, built once (testscript's); -short skips it.
func TestE2EKillAtRandom(t *testing.T) {
	if testing.Short() {
		t.Skip("kills runs for about 12 s")
	}
	dir := t.TempDir()
	if code, _, errOut := bin(t, dir, "sample", "corpus", "--districts", "300"); code != 0 {
		t.Fatalf("sample: exit %d\n%s", code, errOut)
	}
	inputs := hashTree(t, filepath.Join(dir, "corpus"))
	args := []string{"--registry", "corpus/registry.csv", "consolidate", "corpus/returns", "--register", "corpus/register.csv",
		"--as-of", "2025-12-20", "-o", "out.xlsx"}
	out := filepath.Join(dir, "out.xlsx")

	start := time.Now()
	if code, _, errOut := bin(t, dir, args...); code != 0 {
		t.Fatalf("consolidate: exit %d\n%s", code, errOut)
	}
	whole := time.Since(start)
	wantParts := zipParts(t, out)
	if wantParts == nil {
		t.Fatal("the finished workbook does not read back")
	}
	os.Remove(out)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 17))
	sigs := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL}
	const slots = 30 // the run cut in slots, visited in a random order, a moment in each
	order := rng.Perm(slots)
	var runs, interrupted, finished, killedLeft int
	deadline := time.Now().Add(killBudget)
	for i := 0; i < slots && (i < 9 || time.Now().Before(deadline)); i++ {
		sig := sigs[i%len(sigs)]
		// sqrt: more moments late in the run, in the writing, where files are made
		at := time.Duration(math.Sqrt((float64(order[i])+rng.Float64())/slots) * 1.1 * float64(whole))
		c := exec.Command("drugfree", args...)
		c.Dir = dir
		c.Env = append(os.Environ(), "DRUGFREE_PASSWORD=", "DRUGFREE_LANG=vi") // as bin runs it
		var stderr strings.Builder
		c.Stderr = &stderr
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(at)
		_ = c.Process.Signal(sig)
		err := c.Wait()
		runs++
		code := 0
		// beforeHandler: the signal's default action ended the process, which a caught
		// SIGINT or SIGTERM never does: it came before the handler was installed, at
		// start-up (under load, tens of milliseconds), before any file was begun; the
		// checks of files below still hold it to leaving none.
		beforeHandler := false
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
			if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				code = 128 + int(ws.Signal())
				beforeHandler = sig != syscall.SIGKILL
			}
		}
		switch {
		case code == 0:
			finished++
		case code == 128+int(sig):
			interrupted++
			if sig != syscall.SIGKILL && !beforeHandler && !strings.Contains(stderr.String(), "đã bị ngắt") {
				t.Errorf("%v after %v: stderr %q, want it to say the run was interrupted", sig, at, stderr.String())
			}
		default:
			t.Errorf("%v after %v: exit %d, want 0 or %d", sig, at, code, 128+int(sig))
		}
		temps := tempFiles(t, dir)
		if len(temps) > 0 && sig != syscall.SIGKILL {
			t.Errorf("%v after %v: left %q", sig, at, temps)
		}
		if sig == syscall.SIGKILL {
			killedLeft += len(temps)
		}
		for _, name := range temps {
			os.Remove(filepath.Join(dir, name))
		}
		if _, err := os.Stat(out); err == nil {
			if got := zipParts(t, out); !slices.Equal(got, wantParts) {
				t.Errorf("%v after %v: a partial workbook, parts %q", sig, at, got)
			}
			os.Remove(out)
		} else if code == 0 {
			t.Errorf("%v after %v: exit 0 and no workbook", sig, at)
		}
	}
	if interrupted == 0 {
		t.Errorf("no run was interrupted (%d runs): the moments missed the run", runs)
	}
	t.Logf("%d runs of %v: %d interrupted, %d finished first; SIGKILL left %d temporary files", runs, whole, interrupted, finished, killedLeft)
	if got := hashTree(t, filepath.Join(dir, "corpus")); !maps(got, inputs) {
		t.Error("the inputs changed")
	}
}

// tempFiles lists dir's hidden files, the temporary files of outputs.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

// zipParts lists the parts of the zip at path, sorted, when every one reads back whole
// (its checksum), else nil.
func zipParts(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return nil
		}
		names = append(names, f.Name)
	}
	slices.Sort(names) // the parts are written concurrently, in no set order
	return names
}

// hashTree is the SHA-256 of every file under dir, by path.
func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		sum := sha256.Sum256(data)
		sums[path] = hex.EncodeToString(sum[:])
		return err
	})
	if err != nil || len(sums) == 0 {
		t.Fatalf("hashing %s: %v, %d files", dir, err, len(sums))
	}
	return sums
}

func maps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
