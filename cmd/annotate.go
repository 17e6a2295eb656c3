package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/outfile"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/render"
)

// annotateReturns writes into opts.Annotate a marked copy of each return file with problems
// to fix (report.ProblemsToFix), named as the file, for its sender (validate --annotate). A
// file that cannot be marked (a CSV, a file that could not be read) is named on stderr with
// what to do instead; a copy that cannot be written is an error naming it, after the other
// copies are written. A copy is refused over an input, and over an existing file without
// --force, as -o is.
func annotateReturns(opts *ValidateOptions, returns []*read.Return, problems []problem.Problem, inputs []string, asOf time.Time) error {
	lang := opts.Global.Lang
	dir := opts.Annotate
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return errors.New(i18n.Msg(lang, "annotate.not-dir", dir))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return errors.New(msg(lang, "file.cannot-write", dir, fsReason(err, lang)))
	}
	copies, unmarkable := report.ReturnCopies(opts.Files, returns, problems)
	for _, u := range unmarkable {
		fmt.Fprintln(opts.IO.ErrOut, i18n.Msg(lang, u.Why, u.File))
	}
	var failed []error
	for _, c := range copies {
		out := filepath.Join(dir, c.Name)
		a := render.Annotation{Problems: c.Problems, AsOf: asOf, CoverSheet: c.Return.CoverSheet, DataSheet: c.Return.Sheet, Password: opts.Global.password(opts.Factory), Lang: lang}
		err := outfile.WriteFileAtomic(out, slices.Concat(inputs, opts.Global.files()), opts.Out.Force, func(w io.Writer) error { return render.AnnotateReturn(w, c.File, a) })
		if err != nil {
			var re *outfile.RefusedError
			if !errors.As(err, &re) {
				err = errors.New(i18n.Msg(lang, "annotate.failed", c.File, err))
			}
			failed = append(failed, refusal(err, lang))
			continue
		}
		fmt.Fprintf(opts.IO.ErrOut, "%s %s\n", i18n.Tr(lang, "Đã ghi", "Wrote"), out)
	}
	return errors.Join(failed...)
}
