package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrExists is returned when an output file exists and replacing it was not asked for.
var ErrExists = errors.New("exists")

// ErrIsInput is returned when an output file is one of the inputs.
var ErrIsInput = errors.New("is an input")

// ErrAbandoned is returned by a write that Abandon stopped (the process was interrupted).
var ErrAbandoned = errors.New("interrupted")

// RefusedError says why an output file was not written: it exists (ErrExists) or it is
// one of the inputs (ErrIsInput).
type RefusedError struct {
	Path   string
	Reason error
}

func (e *RefusedError) Error() string { return e.Path + " " + e.Reason.Error() }
func (e *RefusedError) Unwrap() error { return e.Reason }

// WriteFileAtomic writes path whole or not at all. write fills a temporary file in the
// same folder, .NAME.NNNN.tmp, created with the mode the umask leaves of 0666; only when
// write succeeds does the temporary file become path:
//
//   - without force, by a hard link, which fails when path exists, so that of two runs
//     writing the same path one wins and the other is refused, never both (on a file
//     system without hard links, FAT for one, by creating path exclusively, then
//     renaming the temporary file over it);
//   - with force, by a rename over path, the temporary file given first the mode of the
//     file it replaces.
//
// It refuses to write over any of inputs (the same file, however named), and over an
// existing file unless force is set. Abandon, on an interrupt, removes the temporary
// file. The temporary files of a run that was killed (SIGKILL, a power cut) are removed
// by the next write of the same path once they are staleAfter old (removeStale).
func WriteFileAtomic(path string, inputs []string, force bool, write func(io.Writer) error) error {
	if err := CheckOutput(path, inputs, force); err != nil {
		return err
	}
	removeStale(path, time.Now())
	tmp, err := pending.create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer pending.drop(tmp)
	if err := write(tmp.f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return pending.commit(tmp, func() error { return place(tmp.name, path, inputs, force) })
}

// place makes the finished temporary file tmp the output path, as WriteFileAtomic says.
func place(tmp, path string, inputs []string, force bool) error {
	if force {
		// checked again at the last moment: the file replaced is the one there now
		if err := CheckOutput(path, inputs, true); err != nil {
			return err
		}
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			if err := os.Chmod(tmp, st.Mode().Perm()); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
		}
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	err := link(tmp, path)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return &RefusedError{path, ErrExists}
	}
	// no hard links here: claim path by creating it exclusively, then fill it by a rename
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if errors.Is(err, fs.ErrExist) {
		return &RefusedError{path, ErrExists}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fh.Close()
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// link is os.Link; tests make it fail as on a file system without hard links.
var link = os.Link

// CheckOutput reports whether path may be written: not one of inputs (the same file,
// however named: a link, another spelling of the path), and not an existing file unless
// force is set. Inputs that are "" or cannot be examined are none.
func CheckOutput(path string, inputs []string, force bool) error {
	out, err := os.Stat(path)
	if err != nil {
		return nil // nothing there: no input, nothing to replace
	}
	for _, in := range inputs {
		if in == "" {
			continue
		}
		if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
			return &RefusedError{path, ErrIsInput}
		}
	}
	if !force {
		return &RefusedError{path, ErrExists}
	}
	if out.IsDir() {
		return fmt.Errorf("%s is a folder", path)
	}
	return nil
}

// tempFile is a temporary file being written.
type tempFile struct {
	f    *os.File
	name string
}

// pending are the temporary files being written, for Abandon to remove.
var pending = temps{files: map[*tempFile]bool{}}

type temps struct {
	mu        sync.Mutex
	files     map[*tempFile]bool
	abandoned bool
}

// create makes a new temporary file for path, .NAME.NNNN.tmp in path's folder, with the
// mode the umask leaves of 0666.
func (t *temps) create(path string) (*tempFile, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.abandoned {
		return nil, ErrAbandoned
	}
	dir, base := filepath.Split(path)
	for try := 0; ; try++ {
		name := filepath.Join(dir, "."+base+"."+strconv.Itoa(int(rand.Uint32()%1e9))+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		if err != nil {
			return nil, err
		}
		tf := &tempFile{f: f, name: name}
		t.files[tf] = true
		return tf, nil
	}
}

// commit runs place, unless Abandon has removed tf; Abandon waits for it.
func (t *temps) commit(tf *tempFile, place func() error) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.files[tf] {
		return ErrAbandoned
	}
	err := place()
	if err == nil {
		delete(t.files, tf) // placed: it is the output now, no longer a temporary file
	}
	return err
}

// drop removes tf unless it was placed (a failed or abandoned write), and forgets it.
func (t *temps) drop(tf *tempFile) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.files[tf] {
		tf.f.Close()
		os.Remove(tf.name)
		delete(t.files, tf)
	}
}

// Abandon removes every temporary file being written, and makes every write after it
// fail with ErrAbandoned, leaving no file. A write being placed finishes first: the
// output is then whole. The process calls it when it is interrupted, before it exits.
func Abandon() {
	pending.mu.Lock()
	defer pending.mu.Unlock()
	pending.abandoned = true
	for tf := range pending.files {
		tf.f.Close() // Windows removes no open file
		os.Remove(tf.name)
		delete(pending.files, tf)
	}
}

// staleAfter is the age after which a temporary file of an output is taken as left by a
// run that was killed, and removed. A write takes seconds at most, and its temporary
// file is fresh while it is written; a run stopped (Ctrl-Z) for longer than this, should
// its temporary file be removed, fails when it resumes, with an error and no file.
const staleAfter = time.Hour

// removeStale removes the temporary files of path, as WriteFileAtomic names them, last
// changed more than staleAfter before now: those of a run killed before it could remove
// them. Nothing else is touched, and a file that cannot be removed is left.
func removeStale(path string, now time.Time) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	for _, name := range tempsIn(dir) {
		if !isTempOf(name, base) {
			continue
		}
		name = filepath.Join(dir, name)
		if info, err := os.Lstat(name); err == nil && info.Mode().IsRegular() && now.Sub(info.ModTime()) > staleAfter {
			os.Remove(name)
		}
	}
}

// tempsIn lists the names in dir that look like temporary files (.NAME.NNNN.tmp), reading
// the folder once a run: a run that writes thousands of files into one folder (sample,
// remind, validate --annotate) would otherwise read it once for each. A temporary file
// made after the listing is this run's, fresh, never stale.
func tempsIn(dir string) []string {
	if names, ok := listed.Load(dir); ok {
		return names.([]string)
	}
	var names []string
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if n := e.Name(); strings.HasPrefix(n, ".") && strings.HasSuffix(n, ".tmp") {
				names = append(names, n)
			}
		}
	}
	listed.Store(dir, names)
	return names
}

// listed holds tempsIn's listing of each folder.
var listed sync.Map

// isTempOf reports whether name is that of a temporary file of the output base:
// .BASE.NNNN.tmp, NNNN digits.
func isTempOf(name, base string) bool {
	rest, ok := strings.CutPrefix(name, "."+base+".")
	if !ok {
		return false
	}
	digits, ok := strings.CutSuffix(rest, ".tmp")
	if !ok || digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
