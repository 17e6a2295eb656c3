//go:build unix

package outfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// A new output has the mode the umask leaves of 0666 (0600 under umask 077: these are
// police records); one written over a file with --force keeps that file's mode.
func TestWriteMode(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		umask int
		want  fs.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}, {0o027, 0o640}} {
		old := syscall.Umask(c.umask)
		path := filepath.Join(dir, "new.xlsx")
		os.Remove(path)
		err := WriteFileAtomic(path, nil, false, writeText("x"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		if got := mode(t, path); got != c.want {
			t.Errorf("umask %03o: mode %v, want %v", c.umask, got, c.want)
		}
	}

	path := filepath.Join(dir, "replaced.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	old := syscall.Umask(0o022)
	err := WriteFileAtomic(path, nil, true, writeText("new"))
	syscall.Umask(old)
	if err != nil {
		t.Fatal(err)
	}
	if got := mode(t, path); got != 0o640 {
		t.Errorf("replaced a 0640 file: mode %v, want 0640", got)
	}
	wantContent(t, path, "new")
}
