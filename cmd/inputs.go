package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/register"
	"drugfree/report/render"
)

// readAll reads the returns, with a progress bar on a terminal, and the register; the
// problems of both come back together. Every command that reads returns goes through it.
// A register that cannot be read (nothing read from it, and an error) stops the run before
// anything is shown: every status judged without it would be wrong. Its problems are then
// printed and a DataError comes back. An undated return or line of the register is read
// against the registry in force on asOf.
func readAll(f *Factory, g *GlobalOptions, p *criteria.Plan, files []string, registerFile string, asOf time.Time) ([]*read.Return, []classify.Submission, []problem.Problem, error) {
	opt := g.readOptions(f, p, asOf)
	files, problems := read.Distinct(files, g.Lang) // a file given twice is read once
	opt.Matchers = naming.NewMatchers(p)            // for the returns and the register
	var done func()
	opt.OnFileDone, done = fileProgress(f.IO, len(files), g.Lang)
	returns, readProblems := read.ReadFiles(files, opt)
	problems = append(problems, readProblems...)
	done()
	var subs []classify.Submission
	if registerFile != "" {
		var regProblems []problem.Problem
		subs, regProblems = register.ReadRegister(registerFile, opt.Matchers, p, asOf, g.Lang)
		if n := problem.CountErrors(regProblems); n > 0 && len(subs) == 0 {
			_ = render.WriteProblems(f.IO.ErrOut, regProblems, g.Lang)
			fmt.Fprintf(f.IO.ErrOut, i18n.Tr(g.Lang, "Dừng: không đọc được sổ theo dõi %s (--register); sửa tệp hoặc bỏ --register.\n",
				"Stopped: the register %s cannot be read (--register); fix the file or leave out --register.\n"), registerFile)
			return nil, nil, nil, &DataError{Errors: n}
		}
		problems = append(problems, regProblems...)
	}
	return returns, subs, problems, nil
}

// view applies --as-of and --all-kinds to what was read: the returns and lines of the
// register submitted after the as-of day did not exist yet on it and are left out (one
// line on stderr says which), with the reader's problems of their files; and the kinds
// judged are those given (before the as-of day is applied: a kind given is judged, if
// only to say it is not due yet), or every kind with --all-kinds.
func (o *CalendarOptions) view(f *Factory, returns []*read.Return, subs []classify.Submission, problems []problem.Problem, asOf time.Time, lang i18n.Lang) ([]*read.Return, []classify.Submission, []problem.Problem, report.Kinds) {
	kinds := report.GivenKinds(returns, subs)
	if o.AllKinds {
		kinds = nil
	}
	returns, subs, laterFiles, laterLines := report.AsOf(returns, subs, asOf)
	if len(laterFiles) == 0 && laterLines == 0 {
		return returns, subs, problems, kinds
	}
	later := map[string]bool{}
	for _, file := range laterFiles {
		later[file] = true
	}
	for _, r := range returns {
		delete(later, r.File) // a workbook with a sheet that did arrive keeps its problems
	}
	kept := problems[:0:0]
	for _, pr := range problems {
		if !later[pr.File] {
			kept = append(kept, pr)
		}
	}
	names := strings.Join(laterFiles, ", ")
	if len(laterFiles) > 3 {
		names = strings.Join(laterFiles[:3], ", ") + ", …"
	}
	what := []string{}
	if len(laterFiles) > 0 {
		what = append(what, fmt.Sprintf(i18n.Tr(lang, "%d tệp (%s)", "%d files (%s)"), len(laterFiles), names))
	}
	if laterLines > 0 {
		what = append(what, fmt.Sprintf(i18n.Tr(lang, "%d dòng sổ theo dõi", "%d register lines"), laterLines))
	}
	fmt.Fprintf(f.IO.ErrOut, i18n.Tr(lang, "Tính đến %s: không tính %s, nộp sau ngày đó (--as-of).\n",
		"As of %s: %s, submitted after that day, left out (--as-of).\n"),
		i18n.ClerkDate(asOf, lang), strings.Join(what, i18n.Tr(lang, " và ", " and ")))
	return returns, subs, kept, kinds
}

// The tool expands the returns it is given itself, on every OS: Windows' cmd passes
// `returns\*.xlsx` as it is written, and a clerk drops a folder rather than its files.
// The rule, in one place for every command that reads returns:
//
//   - A path that exists is taken as it is (a file named with a '*' is still that file).
//   - Else a path with a wildcard ('*', '?' or '[', filepath.Glob's) is expanded, in name
//     order, leaving out Excel's lock files ("~$…", present while a workbook is open) and
//     hidden files, as a shell leaves them; matching nothing is a usage error naming the
//     pattern.
//   - A folder, given or matched, stands for the returns directly in it (.xlsx and .csv,
//     not its sub-folders: a folder of last year's returns next to this year's must not
//     be read unasked), in name order, leaving out lock and hidden files. A folder with no
//     return in it is a usage error naming it.
//   - Any other path (one that does not exist) is kept, for the reader to report as a
//     file that cannot be read, while the others are still read.

// returnExts are the extensions of the files a folder's returns are taken from.
var returnExts = map[string]bool{".xlsx": true, ".csv": true}

// expandInputs expands the returns given on the command line by the rule above.
func expandInputs(args []string, lang i18n.Lang) ([]string, error) {
	out := make([]string, 0, len(args))
	for _, a := range args {
		paths, err := expandOne(a, lang)
		if err != nil {
			return nil, err
		}
		out = append(out, paths...)
	}
	return out, nil
}

func expandOne(arg string, lang i18n.Lang) ([]string, error) {
	if fi, err := os.Stat(arg); err == nil {
		if fi.IsDir() {
			return folderReturns(arg, lang)
		}
		return []string{arg}, nil
	}
	if !hasWildcard(arg) {
		return []string{arg}, nil
	}
	matches, err := filepath.Glob(arg)
	if err != nil {
		return nil, flagErrorf(i18n.Tr(lang, "mẫu tên tệp “%s” không hợp lệ (dấu [ ] không khớp)", "the file pattern “%s” is not valid (unmatched [ ])"), arg)
	}
	if len(matches) == 0 {
		return nil, flagErrorf(i18n.Tr(lang, "không có tệp nào khớp với “%s”", "no file matches “%s”"), arg)
	}
	var out []string
	for _, m := range matches { // Glob's are sorted
		if unasked(filepath.Base(m)) {
			continue
		}
		if fi, err := os.Stat(m); err == nil && fi.IsDir() {
			rets, err := folderReturns(m, lang)
			if err != nil {
				return nil, err
			}
			out = append(out, rets...)
			continue
		}
		out = append(out, m)
	}
	return out, nil
}

func hasWildcard(s string) bool { return strings.ContainsAny(s, "*?[") }

// unasked reports whether a file a pattern or a folder turned up is left out: Excel's lock
// files ("~$…", there while a workbook is open) and hidden files, never returns.
func unasked(name string) bool {
	return strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".")
}

// folderReturns returns the returns directly in dir, in name order.
func folderReturns(dir string, lang i18n.Lang) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf(i18n.Tr(lang, "không đọc được thư mục %s: %s", "cannot read the folder %s: %s"), dir, fsReason(err, lang))
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || unasked(name) || !returnExts[strings.ToLower(filepath.Ext(name))] {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	if len(out) == 0 {
		return nil, flagErrorf(i18n.Tr(lang, "thư mục %s không có báo cáo nào (.xlsx, .csv)", "the folder %s holds no return (.xlsx, .csv)"), dir)
	}
	sort.Strings(out)
	return out, nil
}

// expandFile resolves a flag that names one file (--register, --baseline) by the same
// rule: a pattern must match exactly one file, and a folder is not a file.
func expandFile(flag, arg string, lang i18n.Lang) (string, error) {
	if arg == "" {
		return "", nil
	}
	path := arg
	if _, err := os.Stat(arg); err != nil && hasWildcard(arg) {
		all, err := filepath.Glob(arg)
		if err != nil {
			return "", flagErrorf(i18n.Tr(lang, "--%s: mẫu tên tệp “%s” không hợp lệ (dấu [ ] không khớp)", "--%s: the file pattern “%s” is not valid (unmatched [ ])"), flag, arg)
		}
		var matches []string
		for _, m := range all {
			if !unasked(filepath.Base(m)) {
				matches = append(matches, m)
			}
		}
		switch len(matches) {
		case 0:
			return "", flagErrorf(i18n.Tr(lang, "--%s: không có tệp nào khớp với “%s”", "--%s: no file matches “%s”"), flag, arg)
		case 1:
			path = matches[0]
		default:
			return "", flagErrorf(i18n.Tr(lang, "--%s nhận một tệp, nhưng “%s” khớp với %d tệp", "--%s takes one file, but “%s” matches %d files"), flag, arg, len(matches))
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return "", flagErrorf(i18n.Tr(lang, "--%s nhận một tệp, không phải thư mục: %s", "--%s takes a file, not a folder: %s"), flag, path)
	}
	return path, nil
}
