package read

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/grid/ooxml"
	"drugfree/report/problem"
	"drugfree/report/read/header"
)

// dataSheet is a sheet whose header has a commune column.
type dataSheet struct {
	name string
	hdr  header.Header
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
	b, err := openScanner(data, ooxml.Options{Zip: r.zr, Parts: r.parts, Texts: r.texts, Budget: r.budget, Cells: max(r.opt.Limits.Cells, 0)})
	if r.tooLarge(err) || r.damaged(err) {
		return nil, true // excelize would fail on it too, exhaust the machine, or read damage as data
	}
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
		r.problems = problems
		if why == nil {
			why = b.Err()
			if r.tooLarge(b.Err()) {
				rets, ok = nil, true
				return
			}
		}
		r.fellBack(why)
		rets, ok = nil, false
	}()
	return r.readBook(b), true
}

// damaged reports a problem when err is a part the zip cannot give whole
// (*ooxml.Damaged), and says whether it was one.
func (r *reader) damaged(err error) bool {
	var dm *ooxml.Damaged
	if !errors.As(err, &dm) {
		return false
	}
	r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "unreadable-file", dm.Error()))
	return true
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
	password := r.opt.Password
	if encrypted {
		password = r.password() // asked for only now, an encrypted workbook met
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), grid.ExcelizeOptions(grid.NewBudget(r.opt.Limits.Inflated).Left(), password))
	if err != nil && strings.HasPrefix(err.Error(), "unzip size exceeds") {
		// excelize's refusal of a zip declaring more than UnzipSizeLimit (checkZip
		// refuses it first; this is for a decrypted workbook)
		err = &grid.TooLarge{Limit: grid.LimitInflated, Max: r.opt.Limits.Inflated}
	}
	if r.tooLarge(err) {
		return nil
	}
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
	all := f.SheetList()
	sheets := visibleSheets(f, all)
	found, partial := r.findDataSheets(f, sheets)
	cov := r.readCover(f, r.findCover(f, sheets, found), date1904)
	// What each data sheet says above its table; the first sheet's date (the cover's
	// first) chooses the registry the workbook is read against.
	above := make([]coverInfo, len(found))
	for i, ds := range found {
		above[i] = r.letterhead(ds.name, ds.hdr.Above)
	}
	if len(found) > 0 {
		r.useRegistryOf(cov.with(above[0]))
	} else {
		r.useRegistryOf(cov)
	}
	r.resolveCoverUnit(&cov)
	if len(found) == 0 {
		return r.noDataSheet(f, all, partial, r.proto(cov), cov)
	}
	var rets []*Return
	usedCol, source, overridden := false, "", false
	meta := cov
	readFor := map[string]string{} // district and kind → the sheet read for them
	for i, ds := range found {
		r.resolveLetterheadUnit(&above[i])
		sheetMeta := cov.with(above[i])
		if i == 0 {
			meta = sheetMeta
			if sheetMeta.sheet == "" || sheetMeta.from["district"] != "" {
				r.unitElsewhere(sheetMeta.at("district"), sheetMeta.raw["district"], sheetMeta.district)
			}
		}
		district, from := r.sheetDistrict(ds.name, sheetMeta, len(found) > 1)
		// Two visible sheets with the communes of one district for one kind (a copy, a
		// draft): the first is read, the other reported.
		if _, hasCol := ds.hdr.Cols[header.KeyDistrict]; district != "" && !hasCol {
			key := district + "\x00" + sheetMeta.kind
			if first, dup := readFor[key]; dup {
				r.add(problem.Warning, problem.CodeSuperseded, loc{sheet: ds.name, district: district}, i18n.Msg(r.lang, "same-data-sheet", ds.name, district, first))
				continue
			}
			readFor[key] = ds.name
		}
		s, err := r.readSheet(f, ds, r.proto(sheetMeta), district, from)
		if err != nil {
			r.add(problem.Error, problem.CodeUnreadableFile, loc{sheet: ds.name}, i18n.Msg(r.lang, "unreadable-file", err.Error()))
		}
		if s != nil {
			rets = append(rets, s.returnsOut()...)
			usedCol = usedCol || s.usedCol
			source = s.source
			overridden = overridden || s.overridden != ""
		}
	}
	if !overridden {
		r.metadataWarnings(rets, meta, usedCol, source)
	}
	return rets
}

// proto is the return every sheet read with metadata cov starts from.
func (r *reader) proto(cov coverInfo) Return {
	return Return{File: r.path, SHA256: r.sha, Format: r.format, Registry: r.m.Registry(), Kind: cov.kind, Number: cov.number,
		ReportDate: cov.reportDate, ReceivedDate: cov.receivedDate, Author: cov.author, Phone: cov.phone,
		CoverSheet: cov.sheet, CoverCells: cov.cells}
}

// visibleSheets are the sheets the clerk sees: a hidden sheet (last period's figures, a
// list for drop-downs) is not read.
func visibleSheets(f grid.Book, sheets []string) []string {
	var out []string
	for _, s := range sheets {
		if !f.SheetHidden(s) {
			out = append(out, s)
		}
	}
	return out
}

// readSheet reads one data sheet, closing its row iterator. from says where the
// district came from.
func (r *reader) readSheet(f grid.Book, ds dataSheet, proto Return, district string, from *metaPlace) (*sheetCtx, error) {
	src, err := f.Source(ds.name)
	if err != nil {
		return nil, err
	}
	r.headerProblems(ds.name, ds.hdr)
	s := newSheetCtx(r, ds.name, src, ds.hdr, proto)
	s.district = district
	if from != nil {
		s.source, s.meta = from.source, from
		s.outranked = from.source != "cover"
	}
	runErr := s.run()
	closeErr := src.Close()
	return s, errors.Join(runErr, closeErr)
}

// findDataSheets returns the sheets with a commune column, and those with a header that
// lacks one. A sheet whose table has no figure column (a list of communes for a drop-down)
// is not a return when another sheet's table has one.
func (r *reader) findDataSheets(f grid.Book, sheets []string) (found, partial []dataSheet) {
	defer func() {
		var withFigures []dataSheet
		for _, ds := range found {
			if r.hasFigureColumn(ds.hdr) {
				withFigures = append(withFigures, ds)
			}
		}
		if len(withFigures) > 0 {
			found = withFigures
		}
	}()
	for _, name := range sheets {
		hdr, ok, err := r.scanSheet(f, name)
		if err != nil {
			r.add(problem.Error, problem.CodeUnreadableFile, loc{sheet: name}, i18n.Msg(r.lang, "unreadable-file", err.Error()))
			continue
		}
		switch {
		case ok:
			found = append(found, dataSheet{name, hdr})
		case len(hdr.Cols) > 0:
			partial = append(partial, dataSheet{name, hdr})
		}
	}
	return found, partial
}

// scanSheet looks for a header in the first rows of a sheet.
func (r *reader) scanSheet(f grid.Book, sheet string) (header.Header, bool, error) {
	src, err := f.Source(sheet)
	if err != nil {
		return header.Header{}, false, err
	}
	var rows []grid.Row
	for {
		g, ok, err := src.Next()
		if err != nil || !ok || g.Line > grid.HeaderRows {
			if cerr := src.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return header.Header{}, false, err
			}
			break
		}
		rows = append(rows, g)
	}
	m := r.headers
	m.NewSheet()
	if !anyLabel(m.Match, rows) {
		return header.Header{}, false, nil
	}
	hidden := f.HiddenColumns(sheet)
	merges := f.Merges(sheet, rows)
	if hidden != nil {
		rows = withoutHidden(rows, hidden)
		for i := range merges {
			if hidden[merges[i].Left] {
				merges[i].Text = ""
			}
		}
	}
	hdr, ok := header.DetectHeaderWith(m, rows, merges)
	hdr.Hidden = hidden
	return hdr, ok, nil
}

// withoutHidden is rows with the cells of hidden columns emptied: the clerk does not see
// them ("Dân số (năm 2024)" kept beside "Dân số").
func withoutHidden(rows []grid.Row, hidden map[int]bool) []grid.Row {
	out := make([]grid.Row, len(rows))
	for i, g := range rows {
		cells := append([]string(nil), g.Cells...)
		for c := range cells {
			if hidden[c] {
				cells[c] = ""
			}
		}
		out[i] = grid.Row{Line: g.Line, Cells: cells}
	}
	return out
}

// hasFigureColumn reports whether a header names a numeric field.
func (r *reader) hasFigureColumn(h header.Header) bool {
	for _, f := range r.columns {
		if _, ok := h.Cols[f.Key]; ok && f.Numeric() {
			return true
		}
	}
	return false
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
func (r *reader) noDataSheet(f grid.Book, sheets []string, partial []dataSheet, proto Return, cov coverInfo) []*Return {
	if d, ok := r.plan.Deadline(cov.kind); ok && !d.Data {
		district, _ := r.sheetDistrict("", cov, false)
		proto.District = district
		return []*Return{&proto}
	}
	var hidden []string
	for _, s := range sheets {
		if f != nil && f.SheetHidden(s) {
			if _, ok, _ := r.scanSheet(f, s); ok {
				hidden = append(hidden, s)
			}
		}
	}
	if len(hidden) > 0 {
		r.add(problem.Error, problem.CodeNoDataSheet, loc{sheet: hidden[0]}, i18n.Msg(r.lang, "no-data-sheet.hidden", strings.Join(hidden, ", "), r.plan.FieldLabel("commune", r.lang)))
		return nil
	}
	for _, ds := range partial {
		r.add(problem.Error, problem.CodeMissingColumn, loc{sheet: ds.name, cell: grid.CellName(0, ds.hdr.First)},
			i18n.Msg(r.lang, "missing-column.commune", ds.name, ds.hdr.First, r.plan.FieldLabel("commune", r.lang)))
	}
	if len(partial) == 0 {
		r.add(problem.Error, problem.CodeNoDataSheet, loc{}, i18n.Msg(r.lang, "no-data-sheet", r.plan.FieldLabel("commune", r.lang), grid.HeaderRows, strings.Join(sheets, ", ")))
	}
	return nil
}

// headerProblems reports duplicate columns and absent classification columns.
func (r *reader) headerProblems(sheet string, hdr header.Header) {
	for _, d := range hdr.Dups {
		at := loc{sheet: sheet, cell: grid.CellName(d.Col, hdr.First)}
		r.add(problem.Error, problem.CodeDuplicateColumn, at, i18n.Msg(r.lang, "duplicate-column", d.Label, grid.ColLetters(d.Prev), r.plan.FieldLabel(d.Key, r.lang), grid.ColLetters(d.Prev)))
	}
	for _, key := range ClassificationFields(r.plan) {
		if _, ok := hdr.Cols[key]; !ok && !r.partsGiven(key, hdr) {
			r.add(problem.Warning, problem.CodeMissingColumn, loc{sheet: sheet},
				i18n.Msg(r.lang, "missing-column.needed", r.plan.FieldLabel(key, r.lang), i18n.Msg(r.lang, "needed.classification")))
		}
	}
	r.partsProblems(sheet, hdr)
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
	for _, f := range p.Classification.TestFields() {
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
// otherwise, and where it was found: the cover's, else what the sheet says above its
// table (letterhead, title), else the sheet's name, else the file's name. With several
// data sheets what each sheet says comes first, then the cover. The communes listed may
// still outrank all but the cover (sheetCtx.finish).
//
// The sheet's and the file's names are searched only when what comes before them gave
// no district: searching a name for a unit costs more than the rest of the choice (under a
// registry without districts every commune is a unit: 3,321 of them in the national one).
func (r *reader) sheetDistrict(sheet string, meta coverInfo, multi bool) (string, *metaPlace) {
	fromSheet := func() string { d, _ := r.m.DistrictIn(sheet); return d }
	fromFile := func() string {
		d, _ := r.m.DistrictIn(strings.TrimSuffix(filepath.Base(r.path), filepath.Ext(r.path)))
		return d
	}
	fromCover := func() string { return meta.district }
	var cover, above *metaPlace
	if meta.district != "" {
		p := &metaPlace{source: "cover", sheet: meta.sheet, cell: meta.cells["district"], text: meta.raw["district"]}
		if src := meta.from["district"]; src != "" {
			p.source, p.sheet = src, meta.fromSheet
			above = p
		} else {
			cover = p
		}
	}
	type candidate struct {
		district func() string
		place    *metaPlace
	}
	order := []candidate{{fromCover, cover}, {fromCover, above}, {fromSheet, &metaPlace{source: "sheet", sheet: sheet}}, {fromFile, &metaPlace{source: "file", sheet: sheet}}}
	if multi {
		order = []candidate{order[1], order[2], order[0], order[3]}
	}
	for _, o := range order {
		if o.place == nil {
			continue
		}
		if d := o.district(); d != "" {
			return d, o.place
		}
	}
	return "", nil
}

// metadataWarnings reports a cover without kind, report date or (for a return of one
// district) district; for a workbook without cover, a letterhead and title without them.
func (r *reader) metadataWarnings(rets []*Return, cov coverInfo, usedCol bool, source string) {
	district := ""
	if len(rets) == 1 {
		district = rets[0].District
	}
	// A CSV file has no cover: its notes say where the district came from without one;
	// nor does a workbook that is one sheet of an official document.
	suffix := ""
	switch {
	case r.format == "csv":
		suffix = "-csv"
	case cov.sheet == "":
		suffix = "-nocover"
	}
	at := func(key string) loc {
		if cov.from[key] != "" || suffix == "-nocover" {
			sheet := cov.fromSheet
			if sheet == "" && len(rets) > 0 {
				sheet = rets[0].Sheet
			}
			return loc{sheet: sheet, cell: cov.cells[key], district: district}
		}
		return loc{sheet: cov.sheet, cell: cov.cells[key], district: district}
	}
	switch {
	case r.format == "csv" && cov.raw["kind"] == "" && cov.raw["report_date"] == "":
		r.add(problem.Warning, problem.CodeMissingMetadata, at("kind"), i18n.Msg(r.lang, "missing-metadata.csv"))
	default:
		nocover := ""
		if suffix == "-nocover" {
			nocover = suffix
		}
		if cov.raw["kind"] == "" {
			r.add(problem.Warning, problem.CodeMissingMetadata, at("kind"), i18n.Msg(r.lang, "missing-metadata.kind"+nocover, r.kindNames()))
		}
		if cov.raw["report_date"] == "" {
			r.add(problem.Warning, problem.CodeMissingMetadata, at("report_date"), i18n.Msg(r.lang, "missing-metadata.report_date"+nocover))
		}
	}
	if len(rets) != 1 || cov.raw["district"] != "" || usedCol {
		return
	}
	if source == "" {
		source = "commune"
	}
	switch {
	case district == "" && !r.plan.HasDistricts(): // each commune reports for itself
		r.add(problem.Warning, problem.CodeMissingMetadata, at("district"), i18n.Msg(r.lang, "missing-metadata.no-district"+suffix+".no-district", r.plan.SenderName(r.lang)))
	case district == "":
		r.add(problem.Warning, problem.CodeMissingMetadata, at("district"), i18n.Msg(r.lang, "missing-metadata.no-district"+suffix))
	case suffix == "-csv": // a CSV file has no cover to name the sender: say what it lacks
		r.add(problem.Warning, problem.CodeMissingMetadata, at("district"), i18n.Msg(r.lang, "missing-metadata.district-csv", r.plan.SenderName(r.lang), i18n.Msg(r.lang, "source."+source), district))
	default:
		r.add(problem.Warning, problem.CodeMissingMetadata, at("district"), i18n.Msg(r.lang, "missing-metadata.district"+suffix, i18n.Msg(r.lang, "source."+source), district))
	}
}

// kindNames lists the plan's report kinds as a cover names them (in Vietnamese, the
// language of the returns), for a message that asks for one.
func (r *reader) kindNames() string {
	names := make([]string, len(r.plan.Calendar))
	for i, d := range r.plan.Calendar {
		names[i] = d.Vi
	}
	return strings.Join(names, ", ")
}
