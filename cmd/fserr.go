package cmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"drugfree/i18n"
)

// The files the command line names (--plan, --registry, -o, a folder of returns) that
// cannot be read or written are said so in the user's words, never with the system's
// English inside a Vietnamese sentence, nor with the name of a temporary file.

// fsReason says in lang why a file could not be read or written, in place of the
// system's English.
func fsReason(err error, lang i18n.Lang) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msg(lang, "file.not-exist")
	case errors.Is(err, fs.ErrPermission):
		return msg(lang, "file.permission")
	case errors.Is(err, syscall.EISDIR):
		return msg(lang, "file.is-dir")
	case errors.Is(err, syscall.ENOSPC):
		return msg(lang, "file.no-space")
	case errors.As(err, &pe):
		if fi, serr := os.Stat(pe.Path); serr == nil && fi.IsDir() {
			return msg(lang, "file.is-dir")
		}
		return msg(lang, "file.other", pe.Err)
	}
	return msg(lang, "file.other", err)
}

// writeFailure says in lang why an output file could not be written: a folder that does
// not exist by its name, never the temporary file's.
func writeFailure(err error, lang i18n.Lang) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		dir := filepath.Dir(pe.Path)
		if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
			return errors.New(msg(lang, "file.no-folder", dir))
		}
		return errors.New(msg(lang, "file.cannot-write", dir, fsReason(err, lang)))
	}
	return err
}
