package outfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"
)

func writeText(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// names lists dir's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func wantContent(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s: %q, %v; want %q", path, got, err, want)
	}
}

// Two runs writing the same new output: one wins, the other is refused, whatever the
// order they finish in; neither replaces the other. Both have checked that the output
// does not exist before either finishes (a check then a rename let both win).
func TestWriteTwoRunsOneWins(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	var checked sync.WaitGroup
	checked.Add(2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, text := range []string{"first", "second"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = WriteFileAtomic(path, nil, false, func(w io.Writer) error {
				checked.Done()
				checked.Wait() // both are writing: both found no file
				return writeText(text)(w)
			})
		}()
	}
	wg.Wait()
	won := slices.IndexFunc(errs, func(err error) bool { return err == nil })
	lost := 1 - won
	if won < 0 || !errors.Is(errs[lost], ErrExists) {
		t.Fatalf("errors %v: want one nil, one ErrExists", errs)
	}
	wantContent(t, path, []string{"first", "second"}[won])
	if got := names(t, dir); !slices.Equal(got, []string{"out.xlsx"}) {
		t.Errorf("folder holds %q", got)
	}
}

// On a file system without hard links (FAT), the output is claimed by an exclusive
// create: still written whole, still refused when it exists.
func TestWriteWithoutHardLinks(t *testing.T) {
	link = func(string, string) error { return &os.LinkError{Op: "link", Err: syscall.EPERM} }
	t.Cleanup(func() { link = os.Link })
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	if err := WriteFileAtomic(path, nil, false, writeText("one")); err != nil {
		t.Fatal(err)
	}
	wantContent(t, path, "one")
	// exists, found when it is placed (as when another run made it meanwhile)
	err := WriteFileAtomic(path, nil, false, func(w io.Writer) error {
		return writeText("two")(w)
	})
	if !errors.Is(err, ErrExists) {
		t.Errorf("error %v, want ErrExists", err)
	}
	if err := place(filepath.Join(dir, "missing.tmp"), path, nil, false); !errors.Is(err, ErrExists) {
		t.Errorf("placing over an existing file without links: %v, want ErrExists", err)
	}
	wantContent(t, path, "one")
	if got := names(t, dir); !slices.Equal(got, []string{"out.xlsx"}) {
		t.Errorf("folder holds %q", got)
	}
}

// An output that is an input under another name (a hard link, a symbolic link, another
// spelling of the path) is refused, with --force too.
func TestWriteNeverOverAnInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(in, []byte("plan"), 0o644); err != nil {
		t.Fatal(err)
	}
	hard, sym := filepath.Join(dir, "hard.xlsx"), filepath.Join(dir, "sym.xlsx")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(in, sym); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{hard, sym, filepath.Join(dir, ".", "..", filepath.Base(dir), "plan.yaml")} {
		for _, force := range []bool{false, true} {
			err := WriteFileAtomic(out, []string{"", "missing.xlsx", in}, force, writeText("out"))
			if !errors.Is(err, ErrIsInput) {
				t.Errorf("%s (force %v): %v, want ErrIsInput", out, force, err)
			}
		}
	}
	wantContent(t, in, "plan")
}

// A write abandoned (the process interrupted) while it writes leaves no temporary file
// and no output, and a write after it fails.
func TestAbandonRemovesTheTemporaryFile(t *testing.T) {
	t.Cleanup(func() { pending.abandoned = false })
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	err := WriteFileAtomic(path, nil, false, func(w io.Writer) error {
		if _, err := io.WriteString(w, "half"); err != nil {
			return err
		}
		if got := names(t, dir); len(got) != 1 || !isTempOf(got[0], "out.xlsx") {
			t.Errorf("while writing, the folder holds %q: want one temporary file", got)
		}
		Abandon() // as the signal handler does
		_, err := io.WriteString(w, "the rest")
		return err
	})
	if err == nil {
		t.Error("an abandoned write succeeded")
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("after an abandoned write, the folder holds %q", got)
	}
	if err := WriteFileAtomic(path, nil, false, writeText("later")); !errors.Is(err, ErrAbandoned) {
		t.Errorf("a write after Abandon: %v, want ErrAbandoned", err)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("after a write after Abandon, the folder holds %q", got)
	}
}

// The temporary files a killed run left are removed by the next write of the same
// output once they are an hour old; a fresh one (a run writing now) and files of other
// names are kept.
func TestWriteRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]bool{ // name: removed
		".out.xlsx.123456.tmp":   true,
		".out.xlsx.99.tmp":       false, // fresh
		".out.xlsx.12ab.tmp":     false, // not a name WriteFileAtomic gives
		".other.xlsx.123456.tmp": false,
		"out.xlsx.123456.tmp":    false,
		"keep.xlsx":              false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if name != ".out.xlsx.99.tmp" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := WriteFileAtomic(filepath.Join(dir, "out.xlsx"), nil, false, writeText("out")); err != nil {
		t.Fatal(err)
	}
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := errors.Is(err, fs.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
	wantContent(t, filepath.Join(dir, "out.xlsx"), "out")
}

func TestIsTempOf(t *testing.T) {
	for name, want := range map[string]bool{
		".a.xlsx.1.tmp": true, ".a.xlsx.0123456789.tmp": true,
		".a.xlsx..tmp": false, ".a.xlsx.1.tmpx": false, "a.xlsx.1.tmp": false, ".b.xlsx.1.tmp": false, ".a.xlsx.-1.tmp": false,
	} {
		if got := isTempOf(name, "a.xlsx"); got != want {
			t.Errorf("isTempOf(%q) = %v", name, got)
		}
	}
}
