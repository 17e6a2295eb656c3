package outfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrExists is returned when an output file exists and replacing it was not asked for.
var ErrExists = errors.New("exists")

// ErrIsInput is returned when an output file is one of the inputs.
var ErrIsInput = errors.New("is an input")

// RefusedError says why an output file was not written: it exists (ErrExists) or it is
// one of the inputs (ErrIsInput).
type RefusedError struct {
	Path   string
	Reason error
}

func (e *RefusedError) Error() string { return e.Path + " " + e.Reason.Error() }
func (e *RefusedError) Unwrap() error { return e.Reason }

// WriteFileAtomic writes path whole or not at all: write fills a temporary file in the same
// folder, which is renamed over path only when write and the close succeed. It refuses to
// write over any of inputs, and over an existing file unless force is set.
func WriteFileAtomic(path string, inputs []string, force bool, write func(io.Writer) error) error {
	if err := CheckOutput(path, inputs, force); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	done = true
	return nil
}

// CheckOutput reports whether path may be written: not one of inputs, and not an existing
// file unless force is set.
func CheckOutput(path string, inputs []string, force bool) error {
	out, statErr := os.Stat(path)
	absOut, _ := filepath.Abs(path)
	for _, in := range inputs {
		absIn, _ := filepath.Abs(in)
		if absIn == absOut {
			return &RefusedError{path, ErrIsInput}
		}
		if statErr == nil {
			if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
				return &RefusedError{path, ErrIsInput}
			}
		}
	}
	if statErr == nil && !force {
		return &RefusedError{path, ErrExists}
	}
	if statErr == nil && out.IsDir() {
		return fmt.Errorf("%s is a folder", path)
	}
	return nil
}
