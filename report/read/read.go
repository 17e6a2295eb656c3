package read

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/grid/ooxml"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read/cell"
	"drugfree/report/read/header"
)

// ReadFiles reads return files (.xlsx or .csv). A file may hold several returns: one
// sheet per district, or a district column naming several districts. Every problem found
// is returned with where it is; ReadFiles never panics and never prints.
//
// A plain workbook is read from its parts with a small scanner of the worksheets' XML
// (ooxml.Book), which gives cell values, types, formulas and merged cells in one pass;
// only a formula without cached value opens the workbook with excelize, to compute it.
// Encrypted workbooks, any the scanner does not expect, and any it fails on midway are
// read with excelize's Rows iterator (readXLSX), which parses a worksheet whole when a
// cell's type, a formula or the merged cells are asked for.
//
// The files are read concurrently, opt.Workers (default runtime.GOMAXPROCS) at a time.
// Returns and problems come in the order of paths, whatever the concurrency. Each worker
// holds one file at a time, so memory grows with what is read, not with the inputs' size.
func ReadFiles(paths []string, opt ReadOptions) ([]*Return, []problem.Problem) {
	e := newEnv(opt)
	type result struct {
		rets  []*Return
		probs []problem.Problem
	}
	results := make([]result, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var done sync.Mutex
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range min(workers, len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			memo := newWorkerMemo(e) // the worker's, kept from file to file
			for i := range jobs {
				results[i].rets, results[i].probs = e.readFile(paths[i], memo)
				if opt.OnFileDone != nil {
					done.Lock()
					opt.OnFileDone()
					done.Unlock()
				}
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var rets []*Return
	var probs []problem.Problem
	for _, r := range results {
		rets = append(rets, r.rets...)
		probs = append(probs, r.probs...)
	}
	return rets, probs
}

// env is what every file of a run shares: the plan and its indexes. It is read-only.
type env struct {
	opt  ReadOptions
	plan *criteria.Plan
	// ms are the registries' matchers: each return is read against the registry in force
	// on its date (reader.m)
	ms     *naming.Matchers
	fields header.LabelIndex
	cover  header.LabelIndex
	lang   i18n.Lang
	// statuses are the plan's status names, folded
	statuses cell.StatusNames
	// kinds are the names of the plan's calendar kinds, folded (matchKind)
	kinds cell.KindNames
	// layout is the plan's vocabulary of an official document's layout
	layout header.LayoutWords
	// columns are what a return's columns may hold: the plan's fields, then their parts
	// (criteria.Plan.Columns); sums are the fields with parts, by index in columns
	columns []criteria.Field
	sums    []partSum
	// password is the password of encrypted workbooks: ReadOptions.Password, or
	// AskPassword's answer, asked once
	password func() string
}

func newEnv(opt ReadOptions) *env {
	p := opt.Plan
	if p == nil {
		p = criteria.Default()
	}
	opt.Limits = opt.Limits.WithDefaults()
	fields := header.FieldIndex(p)
	ms := opt.Matchers
	if ms == nil || ms.Plan() != p {
		ms = naming.NewMatchers(p)
	}
	password := func() string { return opt.Password }
	if opt.Password == "" && opt.AskPassword != nil {
		password = sync.OnceValue(opt.AskPassword)
	}
	columns := p.Columns()
	return &env{opt: opt, plan: p, ms: ms, fields: fields, cover: header.CoverIndex(p), lang: opt.Lang, statuses: cell.StatusIndex(p), kinds: cell.NewKindNames(p), layout: header.NewLayoutWords(p.Layout),
		columns: columns, sums: partSums(columns), password: password}
}

// Distinct is paths without those naming a file given before ("a.xlsx ./a.xlsx", a
// link), each of those a warning naming the first: a file given twice is read once, not
// superseded by itself. Paths that cannot be examined are kept, for ReadFiles to report.
// lang is that of the messages.
func Distinct(paths []string, lang i18n.Lang) ([]string, []problem.Problem) {
	var kept []string
	var keptInfo []fs.FileInfo
	var probs []problem.Problem
next:
	for _, p := range paths {
		info, err := os.Stat(p)
		if err == nil && info.Mode().IsRegular() {
			for j, seen := range keptInfo {
				if seen != nil && os.SameFile(seen, info) {
					probs = append(probs, problem.Problem{Severity: problem.Warning, Code: problem.CodeSuperseded, File: p,
						Message: i18n.Capitalise(i18n.Msg(lang, "same-file", kept[j]))})
					continue next
				}
			}
		} else {
			info = nil
		}
		kept, keptInfo = append(kept, p), append(keptInfo, info)
	}
	return kept, probs
}

// reader reads one file and collects its problems.
type reader struct {
	*env
	// m resolves names to the registry in force on day, the return's date (useRegistryOf);
	// dayIs says which date it is ("report", "received", "as-of").
	m        *naming.Matcher
	day      time.Time
	dayIs    string
	path     string
	sha      string
	format   string
	headers  *header.HeaderMatcher
	covers   *header.HeaderMatcher // matches cover labels as env.cover.match
	texts    *ooxml.TextIntern
	parts    *ooxml.PartMemo
	problems []problem.Problem
	zr       *zip.Reader  // the zip's directory, read once when sniffing the file
	budget   *grid.Budget // what the file's workbook may still inflate (Limits.Inflated)
	// province is the province a file of many communes names as its sender (SPEC §10),
	// which settles a commune name several provinces share.
	province string
}

// loc is where a problem is.
type loc struct {
	sheet, cell, district, commune string
}

func (r *reader) add(sev problem.Severity, code string, l loc, text string) {
	r.problems = append(r.problems, problem.Problem{
		Severity: sev, Code: code, File: r.path, Sheet: l.sheet, Cell: l.cell,
		District: l.district, Commune: l.commune, Message: i18n.Capitalise(text),
	})
}

// workerMemo is what a reading goroutine remembers from file to file, so that the
// returns of a round, made from one template, are not worked out again each time: header
// labels and their matches, and short cell texts. It is used by one goroutine at a time
// and changes no result.
type workerMemo struct {
	headers *header.HeaderMatcher // the data sheets' header labels
	covers  *header.HeaderMatcher // the cover's labels
	texts   *ooxml.TextIntern
	parts   *ooxml.PartMemo // small parts of the package
}

func newWorkerMemo(e *env) *workerMemo {
	return &workerMemo{headers: header.NewHeaderMatcher(e.fields), covers: header.NewHeaderMatcher(e.cover), texts: &ooxml.TextIntern{}, parts: &ooxml.PartMemo{}}
}

// readFile reads one file, remembering in memo what the next files the caller reads may
// use again.
func (e *env) readFile(path string, memo *workerMemo) (rets []*Return, probs []problem.Problem) {
	r := e.newReader(path, memo)
	defer func() {
		if v := recover(); v != nil {
			rets = nil
			r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "unreadable-file", i18n.Msg(r.lang, "panic", v)))
			probs = r.problems
		}
	}()
	data, err := r.readInput(path)
	if errors.Is(err, fs.ErrNotExist) {
		r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "not-found"))
		return nil, r.problems
	}
	var notRegular errNotRegular
	switch {
	case errors.As(err, &notRegular):
		kind := "kind.other"
		if notRegular.dir {
			kind = "kind.dir"
		}
		r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "not-regular", i18n.Msg(r.lang, kind)))
		return nil, r.problems
	case err != nil:
		if !r.tooLarge(err) {
			r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "unreadable-file", describeErr(err)))
		}
		return nil, r.problems
	}
	return r.readBytes(data), r.problems
}

// newReader is a reader of the file path, with a worker's memo.
func (e *env) newReader(path string, memo *workerMemo) *reader {
	r := &reader{env: e, path: path, headers: memo.headers, covers: memo.covers, texts: memo.texts, parts: memo.parts}
	r.useRegistryOf(coverInfo{}) // until the return's date is read
	return r
}

// readBytes reads a file's bytes, data.
func (r *reader) readBytes(data []byte) []*Return {
	if len(data) == 0 {
		r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "empty-file"))
		return nil
	}
	sum := sha256.Sum256(data)
	r.sha = hex.EncodeToString(sum[:])
	return r.read(data)
}

// errNotRegular is the error of an input that is not a regular file: a folder, a FIFO
// (which would block the run), a device (/dev/zero, which never ends).
type errNotRegular struct{ dir bool }

func (errNotRegular) Error() string { return "not a regular file" }

// readInput reads a file's bytes: a regular file, of at most Limits.File bytes (read
// through a limit, should it grow while read).
func (r *reader) readInput(path string) ([]byte, error) {
	// examined before it is opened: opening a FIFO waits for a writer
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, errNotRegular{st.IsDir()}
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() { // replaced in between
		return nil, errNotRegular{st.IsDir()}
	}
	limit := r.opt.Limits.File
	if limit > 0 && st.Size() > limit {
		return nil, &grid.TooLarge{Limit: grid.LimitFile, Max: limit}
	}
	var src io.Reader = fh
	if limit > 0 {
		src = io.LimitReader(fh, limit+1)
	}
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(src)
	data := buf.Bytes()
	if limit > 0 && int64(len(data)) > limit {
		return nil, &grid.TooLarge{Limit: grid.LimitFile, Max: limit}
	}
	return data, err
}

// tooLarge reports a problem when err is a *grid.TooLarge, and says whether it was one.
// The message names the limit and how to raise it (--limits, twice the value).
func (r *reader) tooLarge(err error) bool {
	var tl *grid.TooLarge
	if !errors.As(err, &tl) {
		return false
	}
	shown := tl.Max
	if tl.Limit != grid.LimitParts && tl.Limit != grid.LimitCells {
		shown = max(tl.Max>>20, 1) // MB
	}
	r.add(problem.Error, problem.CodeTooLarge, loc{}, i18n.Msg(r.lang, "too-large."+tl.Limit, shown, 2*shown))
	return true
}

// describeErr is an error's text without the path, which the problem already carries.
func describeErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

func (r *reader) read(data []byte) []*Return {
	base := filepath.Base(r.path)
	f, zr := sniffFile(r.path, data)
	r.zr = zr
	if err := r.checkZip(zr); err != nil {
		r.tooLarge(err)
		return nil
	}
	r.budget = grid.NewBudget(r.opt.Limits.Inflated)
	switch f {
	case formatXLSX:
		r.format = "xlsx"
		return r.readXLSX(data, false)
	case formatEncrypted:
		r.format = "xlsx"
		if r.password() == "" {
			r.add(problem.Error, problem.CodePasswordRequired, loc{}, i18n.Msg(r.lang, "password.required"))
			return nil
		}
		return r.readXLSX(data, true)
	case formatCSV:
		r.format = "csv"
		return r.readCSV(data)
	case formatCorrupt:
		r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "unreadable-file", "zip"))
	default:
		r.add(problem.Error, problem.CodeUnsupportedFormat, loc{}, i18n.Msg(r.lang, "unsupported."+string(f), base))
	}
	return nil
}

// checkZip refuses a zip with more entries than Limits.Parts, or whose directory
// declares more inflated bytes than Limits.Inflated: archive/zip never gives more of an
// entry than its declared size, so no more can be inflated from the file (an entry read
// twice is counted again, by r.budget). zr may be nil (not a zip).
func (r *reader) checkZip(zr *zip.Reader) error {
	if zr == nil {
		return nil
	}
	lim := r.opt.Limits
	if lim.Parts > 0 && len(zr.File) > lim.Parts {
		return &grid.TooLarge{Limit: grid.LimitParts, Max: int64(lim.Parts)}
	}
	if lim.Inflated <= 0 {
		return nil
	}
	var total uint64
	for _, f := range zr.File {
		total += min(f.UncompressedSize64, 1<<62)
		if total > uint64(lim.Inflated) {
			return &grid.TooLarge{Limit: grid.LimitInflated, Max: lim.Inflated}
		}
	}
	return nil
}

// fileFormat is what a file's bytes (and, failing that, its extension) say it is.
type fileFormat string

const (
	formatXLSX      fileFormat = "xlsx"
	formatEncrypted fileFormat = "encrypted"
	formatCSV       fileFormat = "csv"
	formatXLS       fileFormat = "xls"
	formatODS       fileFormat = "ods"
	formatNumbers   fileFormat = "numbers"
	formatCorrupt   fileFormat = "corrupt"
	formatOther     fileFormat = "other"
)

var (
	zipMagic = []byte("PK\x03\x04")
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniffFile tells what a file is from its bytes (its extension only where the bytes do
// not), with the zip's directory when the file is one.
func sniffFile(path string, data []byte) (fileFormat, *zip.Reader) {
	ext := strings.ToLower(filepath.Ext(path))
	if bytes.HasPrefix(data, zipMagic) {
		return sniffZip(ext, data)
	}
	return sniffOther(ext, data), nil
}

func sniffOther(ext string, data []byte) fileFormat {
	switch {
	case bytes.HasPrefix(data, cfbMagic):
		return sniffCFB(ext, data)
	case ext == ".xls":
		return formatXLS
	case ext == ".ods":
		return formatODS
	case ext == ".numbers":
		return formatNumbers
	case looksLikeText(data) && (ext == ".csv" || ext == ".txt" || ext == ".tsv" || ext == ""):
		return formatCSV
	}
	return formatOther
}

func sniffZip(ext string, data []byte) (fileFormat, *zip.Reader) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		switch ext {
		case ".ods":
			return formatODS, nil
		case ".numbers":
			return formatNumbers, nil
		}
		return formatCorrupt, nil
	}
	for _, f := range zr.File {
		switch {
		case strings.EqualFold(f.Name, "xl/workbook.xml"):
			return formatXLSX, zr
		case f.Name == "mimetype" && zipEntryHas(f, "opendocument"):
			return formatODS, zr
		case strings.HasPrefix(f.Name, "Index/") && strings.HasSuffix(f.Name, ".iwa"):
			return formatNumbers, zr
		}
	}
	if ext == ".numbers" {
		return formatNumbers, zr
	}
	return formatOther, zr
}

func zipEntryHas(f *zip.File, s string) bool {
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 256))
	return bytes.Contains(b, []byte(s))
}

// sniffCFB tells an encrypted workbook (an OLE container with an EncryptionInfo stream)
// from an Excel 97-2003 workbook.
func sniffCFB(ext string, data []byte) fileFormat {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err == nil {
		for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
			switch entry.Name {
			case "EncryptionInfo":
				return formatEncrypted
			case "Workbook", "Book":
				return formatXLS
			}
		}
	}
	if ext == ".xls" || ext == ".xlsx" {
		return formatXLS
	}
	return formatOther
}

// looksLikeText reports whether data starts like a text file: UTF-8 (or UTF-16 with its
// byte order mark) without NUL bytes.
func looksLikeText(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true
	}
	head := data[:min(len(data), 4096)]
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	for len(head) > 0 {
		r, n := utf8.DecodeRune(head)
		if r == utf8.RuneError && n == 1 && len(head) > 3 {
			return false
		}
		head = head[n:]
	}
	return true
}
