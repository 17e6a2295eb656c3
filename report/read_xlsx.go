package report

import (
	"bytes"
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
)

// xlsxSource streams a sheet's rows with excelize's Rows iterator, as raw values (numbers
// unformatted, dates as serials). Cell types and formulas are looked up only for the
// cells that need them.
type xlsxSource struct {
	f     *excelize.File
	sheet string
	rows  *excelize.Rows
	line  int
}

func openXLSXSource(f *excelize.File, sheet string) (*xlsxSource, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, errReading(sheet, err)
	}
	return &xlsxSource{f: f, sheet: sheet, rows: rows}, nil
}

func (x *xlsxSource) next() (gridRow, bool, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return gridRow{}, false, errReading(x.sheet, err)
		}
		return gridRow{}, false, nil
	}
	x.line++
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return gridRow{}, false, errReading(x.sheet, err)
	}
	return gridRow{line: x.line, cells: cells}, true, nil
}

func (x *xlsxSource) isText(col, line int) bool {
	t, err := x.f.GetCellType(x.sheet, colLetters(col)+strconv.Itoa(line))
	if err != nil {
		return true
	}
	return t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula
}

func (x *xlsxSource) formula(col, line int) (string, string, bool, bool) {
	cell := colLetters(col) + strconv.Itoa(line)
	fm, err := x.f.GetCellFormula(x.sheet, cell)
	if err != nil || fm == "" {
		return "", "", false, false
	}
	v, err := x.f.CalcCellValue(x.sheet, cell, excelize.Options{RawCellValue: true})
	ok := err == nil && strings.TrimSpace(v) != "" && !strings.HasPrefix(v, "#")
	return fm, v, true, ok
}

func (x *xlsxSource) close() error {
	if err := x.rows.Close(); err != nil {
		return errReading(x.sheet, err)
	}
	return nil
}

// dataSheet is a sheet whose header has a commune column.
type dataSheet struct {
	name string
	hdr  header
}

// xbook is a workbook as the reader sees it: its sheets, each streamed row by row.
// rawBook reads plain workbooks fast; xlBook (excelize) reads every other one.
type xbook interface {
	sheetList() []string
	date1904() bool
	source(sheet string) (rowSource, error)
	// rows returns a sheet's rows as excelize's GetRows with RawCellValue.
	rows(sheet string) ([][]string, error)
	cellIsText(sheet, cell string) bool
	// merges returns the merged ranges of a sheet; rows, the first rows of the sheet,
	// give their text.
	merges(sheet string, rows []gridRow) []mergeRange
	close()
}

// xlBook is a workbook opened with excelize.
type xlBook struct{ f *excelize.File }

func (b xlBook) sheetList() []string { return b.f.GetSheetList() }
func (b xlBook) date1904() bool {
	props, _ := b.f.GetWorkbookProps()
	return props.Date1904 != nil && *props.Date1904
}
func (b xlBook) source(sheet string) (rowSource, error) { return openXLSXSource(b.f, sheet) }
func (b xlBook) rows(sheet string) ([][]string, error) {
	return b.f.GetRows(sheet, excelize.Options{RawCellValue: true})
}
func (b xlBook) cellIsText(sheet, cell string) bool {
	t, err := b.f.GetCellType(sheet, cell)
	return err != nil || t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula
}
func (b xlBook) merges(sheet string, _ []gridRow) []mergeRange { return sheetMerges(b.f, sheet) }
func (b xlBook) close()                                        { _ = b.f.Close() }

// openBook opens a workbook: with the fast reader when it is plain and not encrypted,
// else with excelize. A problem is reported when it cannot be opened.
func (r *reader) openBook(data []byte, encrypted bool) xbook {
	if !encrypted && !r.opt.excelizeOnly {
		if b, err := openRawBookMemo(data, r.zr, r.parts); err == nil {
			b.password, b.texts = r.opt.Password, r.texts
			return b
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{Password: r.opt.Password})
	if err != nil {
		if encrypted || errors.Is(err, excelize.ErrWorkbookPassword) {
			r.add(Error, CodePasswordRequired, loc{}, msg(r.lang, "password.wrong"))
		} else {
			r.add(Error, CodeUnreadableFile, loc{}, msg(r.lang, "unreadable-file", err.Error()))
		}
		return nil
	}
	return xlBook{f}
}

func (r *reader) readXLSX(data []byte, encrypted bool) []*Return {
	f := r.openBook(data, encrypted)
	if f == nil {
		return nil
	}
	defer f.close()
	date1904 := f.date1904()
	sheets := f.sheetList()
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
			r.add(Error, CodeUnreadableFile, loc{sheet: ds.name}, msg(r.lang, "unreadable-file", err.Error()))
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
func (r *reader) readSheet(f xbook, ds dataSheet, proto Return, district, source string) (*sheetCtx, error) {
	src, err := f.source(ds.name)
	if err != nil {
		return nil, err
	}
	r.headerProblems(ds.name, ds.hdr)
	s := newSheetCtx(r, ds.name, src, ds.hdr, proto)
	s.district, s.source = district, source
	runErr := s.run()
	closeErr := src.close()
	return s, errors.Join(runErr, closeErr)
}

// findDataSheets returns the sheets with a commune column, and those with a header that
// lacks one.
func (r *reader) findDataSheets(f xbook, sheets []string) (found, partial []dataSheet) {
	for _, name := range sheets {
		hdr, ok, err := r.scanSheet(f, name)
		if err != nil {
			r.add(Error, CodeUnreadableFile, loc{sheet: name}, msg(r.lang, "unreadable-file", err.Error()))
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
func (r *reader) scanSheet(f xbook, sheet string) (header, bool, error) {
	src, err := f.source(sheet)
	if err != nil {
		return header{}, false, err
	}
	var rows []gridRow
	for {
		g, ok, err := src.next()
		if err != nil || !ok || g.line > headerRows {
			if cerr := src.close(); err == nil {
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
	hdr, ok := detectHeaderWith(m, rows, f.merges(sheet, rows))
	return hdr, ok, nil
}

// anyLabel reports whether some cell of rows is a known header, so that sheets without
// one are not parsed further.
func anyLabel(match func(string) (string, bool), rows []gridRow) bool {
	for _, g := range rows {
		for c := range g.cells {
			if _, ok := match(g.cell(c)); ok {
				return true
			}
		}
	}
	return false
}

func sheetMerges(f *excelize.File, sheet string) []mergeRange {
	cells, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil
	}
	var out []mergeRange
	for _, mc := range cells {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, mergeRange{top: r1, left: c1 - 1, bottom: r2, right: c2 - 1, text: mc.GetCellValue()})
	}
	return out
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
		r.add(Error, CodeMissingColumn, loc{sheet: ds.name, cell: colLetters(0) + strconv.Itoa(ds.hdr.first)},
			msg(r.lang, "missing-column.commune", ds.name, ds.hdr.first))
	}
	if len(partial) == 0 {
		r.add(Error, CodeNoDataSheet, loc{}, msg(r.lang, "no-data-sheet", headerRows, strings.Join(sheets, ", ")))
	}
	return nil
}

// headerProblems reports duplicate columns and absent classification columns.
func (r *reader) headerProblems(sheet string, hdr header) {
	for _, d := range hdr.dups {
		at := loc{sheet: sheet, cell: colLetters(d.col) + strconv.Itoa(hdr.first)}
		r.add(Error, CodeDuplicateColumn, at, msg(r.lang, "duplicate-column", d.label, colLetters(d.prev), r.plan.FieldLabel(d.key, r.lang), colLetters(d.prev)))
	}
	for _, key := range classificationFields(r.plan) {
		if _, ok := hdr.cols[key]; !ok {
			r.add(Warning, CodeMissingColumn, loc{sheet: sheet},
				msg(r.lang, "missing-column.needed", r.plan.FieldLabel(key, r.lang), msg(r.lang, "needed.classification")))
		}
	}
}

// classificationFields are the fields the plan's classification reads, in field order.
func classificationFields(p *criteria.Plan) []string {
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
		r.add(Warning, CodeMissingMetadata, at("kind"), msg(r.lang, "missing-metadata.csv"))
	default:
		if cov.raw["kind"] == "" {
			r.add(Warning, CodeMissingMetadata, at("kind"), msg(r.lang, "missing-metadata.kind"))
		}
		if cov.raw["report_date"] == "" {
			r.add(Warning, CodeMissingMetadata, at("report_date"), msg(r.lang, "missing-metadata.report_date"))
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
		r.add(Warning, CodeMissingMetadata, at("district"), msg(r.lang, "missing-metadata.no-district"+suffix))
	default:
		r.add(Warning, CodeMissingMetadata, at("district"), msg(r.lang, "missing-metadata.district"+suffix, msg(r.lang, "source."+source), district))
	}
}
