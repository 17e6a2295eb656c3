package read

import (
	"bytes"
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
	"drugfree/report/grid"
	"drugfree/report/grid/ooxml"
	"drugfree/report/i18n"
	"drugfree/report/problem"
)

// dataSheet is a sheet whose header has a commune column.
type dataSheet struct {
	name string
	hdr  header
}

// readXLSX reads a workbook. A plain one is read with the fast scanner of package
// ooxml; when the scanner declines it, or fails anywhere in it (an error, a panic), the
// file is read again from the start with excelize, as if the scanner had never been:
// a failure of the scanner is never the file's, only what excelize cannot read is.
func (r *reader) readXLSX(data []byte, encrypted bool) []*Return {
	if !encrypted && !r.opt.excelizeOnly {
		if rets, ok := r.readFast(data); ok {
			return rets
		}
	}
	f := r.openExcelize(data, encrypted)
	if f == nil {
		return nil
	}
	defer f.Close()
	return r.readBook(f)
}

// readFast reads a workbook with the scanner. ok is false when the scanner declines the
// workbook or fails in it; the returns and problems of the attempt are then dropped.
func (r *reader) readFast(data []byte) (rets []*Return, ok bool) {
	b, err := openScanner(data, ooxml.Options{Zip: r.zr, Parts: r.parts, Texts: r.texts})
	if err != nil {
		r.fellBack(err)
		return nil, false
	}
	defer b.Close()
	problems := r.problems // as they were, nil or not
	defer func() {
		why := recover()
		if why == nil && b.Err() == nil {
			return
		}
		if why == nil {
			why = b.Err()
		}
		r.fellBack(why)
		r.problems = problems
		rets, ok = nil, false
	}()
	return r.readBook(b), true
}

// fellBack tells the test that asked for it why the scanner gave way to excelize.
func (r *reader) fellBack(why any) {
	if r.opt.fellBack != nil {
		r.opt.fellBack(why)
	}
}

// scannedBook is a workbook open with the scanner: a grid.Book that keeps its first
// failure.
type scannedBook interface {
	grid.Book
	Err() error
}

// openScanner opens a workbook with the scanner (a variable, for tests that make the
// scanner fail).
var openScanner = func(data []byte, opt ooxml.Options) (scannedBook, error) {
	b, err := ooxml.Open(data, opt)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// openExcelize opens a workbook with excelize. A problem is reported when it cannot be
// opened.
func (r *reader) openExcelize(data []byte, encrypted bool) grid.Book {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{Password: r.opt.Password})
	if err != nil {
		if encrypted || errors.Is(err, excelize.ErrWorkbookPassword) {
			r.add(problem.Error, problem.CodePasswordRequired, loc{}, i18n.Msg(r.lang, "password.wrong"))
		} else {
			r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "unreadable-file", err.Error()))
		}
		return nil
	}
	return grid.ExcelizeBook{F: f}
}

// readBook reads the returns of an open workbook.
func (r *reader) readBook(f grid.Book) []*Return {
	date1904 := f.Date1904()
	sheets := f.SheetList()
	found, partial := r.findDataSheets(f, sheets)
	cov := r.readCover(f, r.findCover(f, sheets, found), date1904)
	proto := Return{File: r.path, SHA256: r.sha, Format: r.format, Kind: cov.kind, Number: cov.number,
		ReportDate: cov.reportDate, ReceivedDate: cov.receivedDate, Author: cov.author, Phone: cov.phone,
		CoverSheet: cov.sheet, CoverCells: cov.cells}
	if len(found) == 0 {
		return r.noDataSheet(sheets, partial, proto, cov)
	}
	var rets []*Return
	usedCol, source := false, ""
	for _, ds := range found {
		district, src := r.sheetDistrict(ds.name, cov.district, len(found) > 1)
		s, err := r.readSheet(f, ds, proto, district, src)
		if err != nil {
			r.add(problem.Error, problem.CodeUnreadableFile, loc{sheet: ds.name}, i18n.Msg(r.lang, "unreadable-file", err.Error()))
		}
		if s != nil {
			rets = append(rets, s.returnsOut()...)
			usedCol = usedCol || s.usedCol
			source = s.source
		}
	}
	r.metadataWarnings(rets, cov, usedCol, source)
	return rets
}

// readSheet reads one data sheet, closing its row iterator.
func (r *reader) readSheet(f grid.Book, ds dataSheet, proto Return, district, source string) (*sheetCtx, error) {
	src, err := f.Source(ds.name)
	if err != nil {
		return nil, err
	}
	r.headerProblems(ds.name, ds.hdr)
	s := newSheetCtx(r, ds.name, src, ds.hdr, proto)
	s.district, s.source = district, source
	runErr := s.run()
	closeErr := src.Close()
	return s, errors.Join(runErr, closeErr)
}

// findDataSheets returns the sheets with a commune column, and those with a header that
// lacks one.
func (r *reader) findDataSheets(f grid.Book, sheets []string) (found, partial []dataSheet) {
	for _, name := range sheets {
		hdr, ok, err := r.scanSheet(f, name)
		if err != nil {
			r.add(problem.Error, problem.CodeUnreadableFile, loc{sheet: name}, i18n.Msg(r.lang, "unreadable-file", err.Error()))
			continue
		}
		switch {
		case ok:
			found = append(found, dataSheet{name, hdr})
		case len(hdr.cols) > 0:
			partial = append(partial, dataSheet{name, hdr})
		}
	}
	return found, partial
}

// scanSheet looks for a header in the first rows of a sheet.
func (r *reader) scanSheet(f grid.Book, sheet string) (header, bool, error) {
	src, err := f.Source(sheet)
	if err != nil {
		return header{}, false, err
	}
	var rows []grid.Row
	for {
		g, ok, err := src.Next()
		if err != nil || !ok || g.Line > grid.HeaderRows {
			if cerr := src.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return header{}, false, err
			}
			break
		}
		rows = append(rows, g)
	}
	m := r.headers
	m.newSheet()
	if !anyLabel(m.match, rows) {
		return header{}, false, nil
	}
	hdr, ok := detectHeaderWith(m, rows, f.Merges(sheet, rows))
	return hdr, ok, nil
}

// anyLabel reports whether some cell of rows is a known header, so that sheets without
// one are not parsed further.
func anyLabel(match func(string) (string, bool), rows []grid.Row) bool {
	for _, g := range rows {
		for c := range g.Cells {
			if _, ok := match(g.Cell(c)); ok {
				return true
			}
		}
	}
	return false
}

// noDataSheet handles a workbook without a data sheet: fine for a kind that carries no
// data (the implementation plan), else an error.
func (r *reader) noDataSheet(sheets []string, partial []dataSheet, proto Return, cov coverInfo) []*Return {
	if d, ok := r.plan.Deadline(cov.kind); ok && !d.Data {
		district, _ := r.sheetDistrict("", cov.district, false)
		proto.District = district
		return []*Return{&proto}
	}
	for _, ds := range partial {
		r.add(problem.Error, problem.CodeMissingColumn, loc{sheet: ds.name, cell: grid.ColLetters(0) + strconv.Itoa(ds.hdr.first)},
			i18n.Msg(r.lang, "missing-column.commune", ds.name, ds.hdr.first))
	}
	if len(partial) == 0 {
		r.add(problem.Error, problem.CodeNoDataSheet, loc{}, i18n.Msg(r.lang, "no-data-sheet", grid.HeaderRows, strings.Join(sheets, ", ")))
	}
	return nil
}

// headerProblems reports duplicate columns and absent classification columns.
func (r *reader) headerProblems(sheet string, hdr header) {
	for _, d := range hdr.dups {
		at := loc{sheet: sheet, cell: grid.ColLetters(d.col) + strconv.Itoa(hdr.first)}
		r.add(problem.Error, problem.CodeDuplicateColumn, at, i18n.Msg(r.lang, "duplicate-column", d.label, grid.ColLetters(d.prev), r.plan.FieldLabel(d.key, r.lang), grid.ColLetters(d.prev)))
	}
	for _, key := range ClassificationFields(r.plan) {
		if _, ok := hdr.cols[key]; !ok {
			r.add(problem.Warning, problem.CodeMissingColumn, loc{sheet: sheet},
				i18n.Msg(r.lang, "missing-column.needed", r.plan.FieldLabel(key, r.lang), i18n.Msg(r.lang, "needed.classification")))
		}
	}
}

// ClassificationFields are the fields the plan's classification reads, in field order.
func ClassificationFields(p *criteria.Plan) []string {
	need := map[string]bool{p.Classification.Route.Field: true}
	for _, in := range p.Classification.Indicators {
		need[in.Field] = true
		if in.Per != "" {
			need[in.Per] = true
		}
	}
	for _, f := range p.Classification.DrugFreeFields {
		need[f] = true
	}
	var out []string
	for _, f := range p.Fields {
		if need[f.Key] {
			out = append(out, f.Key)
		}
	}
	return out
}

// sheetDistrict is the district a sheet's rows belong to when no district column says
// otherwise: the cover's, else the sheet's name, else the file's name. With several data
// sheets the sheet's name comes first.
func (r *reader) sheetDistrict(sheet, cover string, multi bool) (string, string) {
	fromSheet, _ := r.m.DistrictIn(sheet)
	stem := strings.TrimSuffix(filepath.Base(r.path), filepath.Ext(r.path))
	fromFile, _ := r.m.DistrictIn(stem)
	order := [][2]string{{cover, "cover"}, {fromSheet, "sheet"}, {fromFile, "file"}}
	if multi {
		order[0], order[1] = order[1], order[0]
	}
	for _, o := range order {
		if o[0] != "" {
			return o[0], o[1]
		}
	}
	return "", ""
}

// metadataWarnings reports a cover without kind, report date or (for a return of one
// district) district.
func (r *reader) metadataWarnings(rets []*Return, cov coverInfo, usedCol bool, source string) {
	district := ""
	if len(rets) == 1 {
		district = rets[0].District
	}
	at := func(key string) loc {
		return loc{sheet: cov.sheet, cell: cov.cells[key], district: district}
	}
	switch {
	case r.format == "csv" && cov.raw["kind"] == "" && cov.raw["report_date"] == "":
		r.add(problem.Warning, problem.CodeMissingMetadata, at("kind"), i18n.Msg(r.lang, "missing-metadata.csv"))
	default:
		if cov.raw["kind"] == "" {
			r.add(problem.Warning, problem.CodeMissingMetadata, at("kind"), i18n.Msg(r.lang, "missing-metadata.kind"))
		}
		if cov.raw["report_date"] == "" {
			r.add(problem.Warning, problem.CodeMissingMetadata, at("report_date"), i18n.Msg(r.lang, "missing-metadata.report_date"))
		}
	}
	if len(rets) != 1 || cov.raw["district"] != "" || usedCol {
		return
	}
	// A CSV file has no cover: its notes say where the district came from without one.
	suffix := ""
	if r.format == "csv" {
		suffix = "-csv"
	}
	if source == "" {
		source = "commune"
	}
	switch {
	case district == "":
		r.add(problem.Warning, problem.CodeMissingMetadata, at("district"), i18n.Msg(r.lang, "missing-metadata.no-district"+suffix))
	default:
		r.add(problem.Warning, problem.CodeMissingMetadata, at("district"), i18n.Msg(r.lang, "missing-metadata.district"+suffix, i18n.Msg(r.lang, "source."+source), district))
	}
}
