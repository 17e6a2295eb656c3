package read

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read/cell"
	"drugfree/report/read/header"
)

// sheetCtx reads the data rows of one sheet into returns, one per district.
type sheetCtx struct {
	r        *reader
	sheet    string
	src      grid.Source
	hdr      header.Header
	letters  map[string]string // field key → column letters
	proto    Return            // cover metadata shared by the sheet's returns
	district string            // district when no district column says otherwise
	source   string            // where district came from: "cover", "sheet", "file"
	usedCol  bool              // a district column named a district
	returns  map[string]*Return
	order    []string
	seen     map[string]map[string]int // district → commune code → line
	sums     runningSums               // since the last totals row
	all      runningSums               // since the top
	untitled map[int]bool              // columns without header already reported for a figure
	firstCol int                       // the header's first known column
	cols     []int                     // env.columns[i] → its 0-based column, -1 when absent
	figLimit int                       // the first column of a numeric field, -1 when none
	// summed are the fields read as the sum of their parts, the header having every part's
	// column and not the field's (env.sums)
	summed []partSum
	// districts are the answers of DistrictIn for the district cells of the sheet
	districts map[string]districtFound
	// footer is true once a line below the table was met (notes, "Nơi nhận", a
	// signature): from there on, rows without figures are not communes.
	footer bool
	// topTotals is a totals row above the communes, checked once they are all read.
	topTotals *pendingTotals
	// meta says where district came from, when the communes listed may outrank it
	// (outranked); home counts the rows matched in district, and deferred holds the rows
	// of communes of another district until the end of the sheet tells which is right.
	meta       *metaPlace
	outranked  bool
	home       int
	deferred   []deferredRow
	overridden string // the district the communes gave instead of district
	dataRows   int    // rows read as communes' rows so far
}

// metaPlace is where a piece of metadata was read: its source ("letterhead", "title",
// "sheet", "file"), and the sheet and cell when it has them.
type metaPlace struct {
	source, sheet, cell, text string
}

// deferredRow is a row whose commune belongs to another district than the sheet's.
type deferredRow struct {
	g     grid.Row
	name  string
	match naming.CommuneMatch
	row   Row
}

// pendingTotals are the figures of a totals row above the communes, by index in
// env.columns; ok is false where there is none to compare.
type pendingTotals struct {
	line int
	vals []float64
	ok   []bool
}

// runningSums are the sums of the count and area fields, by index in env.columns.
type runningSums struct {
	sum []float64
	bad []bool
	any bool // some figure was summed
}

func newSums(n int) runningSums {
	return runningSums{sum: make([]float64, n), bad: make([]bool, n)}
}

func (rs *runningSums) reset() {
	clear(rs.sum)
	clear(rs.bad)
	rs.any = false
}

func newSheetCtx(r *reader, sheet string, src grid.Source, hdr header.Header, proto Return) *sheetCtx {
	s := &sheetCtx{
		r: r, sheet: sheet, src: src, hdr: hdr, proto: proto, letters: map[string]string{},
		returns: map[string]*Return{}, seen: map[string]map[string]int{},
	}
	n := len(r.columns)
	s.sums, s.all = newSums(n), newSums(n)
	s.untitled, s.firstCol, s.figLimit = map[int]bool{}, -1, -1
	for key, col := range hdr.Cols {
		s.letters[key] = grid.ColLetters(col)
		if s.firstCol < 0 || col < s.firstCol {
			s.firstCol = col
		}
	}
	s.cols = make([]int, n)
	for i, f := range r.columns {
		col, ok := hdr.Cols[f.Key]
		if !ok {
			col = -1
		}
		s.cols[i] = col
		if ok && f.Numeric() && (s.figLimit < 0 || col < s.figLimit) {
			s.figLimit = col
		}
	}
	for _, ps := range r.sums {
		if ps.summed(s.cols) {
			s.summed = append(s.summed, ps)
			// where the figure is: its first part's cell (Return.Summed)
			s.letters[r.columns[ps.whole].Key] = s.letters[r.columns[ps.parts[0]].Key]
		}
	}
	return s
}

// checkUntitled reports, once per column, a number in a column right of the header's
// first known column that has no header: it is not read. Columns left of every known one
// (a row number under no header) are not figures.
func (s *sheetCtx) checkUntitled(g grid.Row, district, commune string) {
	for c := s.firstCol + 1; c < len(g.Cells); c++ {
		v := g.Cell(c)
		if v == "" || s.hdr.Titled[c] || s.hdr.Hidden[c] || s.untitled[c] || !strings.ContainsAny(v, "0123456789") {
			continue
		}
		if _, st := cell.ParseNumber(v, !s.src.IsText(c, g.Line)); st != cell.NumOK {
			continue
		}
		s.untitled[c] = true
		at := loc{sheet: s.sheet, cell: grid.CellName(c, g.Line), district: district, commune: commune}
		s.r.add(problem.Warning, problem.CodeMissingColumn, at, i18n.Msg(s.r.lang, "missing-column.untitled", grid.ColLetters(c)))
	}
}

// run reads the rows below the header to the end of the sheet.
func (s *sheetCtx) run() error {
	for {
		g, ok, err := s.src.Next()
		if err != nil {
			return err
		}
		if !ok {
			s.finish()
			return nil
		}
		if g.Line > s.hdr.Last {
			s.Row(g)
		}
	}
}

// finish checks what only the whole sheet tells: a totals row above the communes, and
// whose communes the rows are when the district came from the letterhead, the sheet's or
// the file's name.
func (s *sheetCtx) finish() {
	s.checkTopTotals()
	if len(s.deferred) == 0 {
		return
	}
	to := s.communesDistrict()
	if to == "" {
		for _, d := range s.deferred {
			s.place(d.g, d.name, s.district, d.match, "", d.row)
		}
		return
	}
	from := s.district
	s.rekey(from, to)
	for _, d := range s.deferred {
		m := d.match
		for _, c := range m.Candidates {
			if c.Unit() == to {
				m.Commune = c
			}
		}
		m.OK, m.Problem, m.Candidates = true, "", nil
		s.place(d.g, d.name, to, m, m.Commune.FullName(), d.row)
	}
	s.overridden = to
	place := i18n.Msg(s.r.lang, "source."+s.meta.source)
	if s.meta.cell != "" {
		place += i18n.Msg(s.r.lang, "in-cell", s.meta.cell)
	}
	at := loc{sheet: s.meta.sheet, cell: s.meta.cell, district: to}
	s.r.add(problem.Warning, problem.CodeWrongDistrict, at, i18n.Msg(s.r.lang, "district-by-communes", place, from, to, to))
}

// communesDistrict is the one district every commune of the deferred rows may belong to,
// when no row named a commune of the sheet's district; "" otherwise.
func (s *sheetCtx) communesDistrict() string {
	if s.home > 0 || s.usedCol {
		return ""
	}
	var common map[string]bool
	for _, d := range s.deferred {
		here := map[string]bool{}
		for _, c := range d.match.Candidates {
			if common == nil || common[c.Unit()] {
				here[c.Unit()] = true
			}
		}
		common = here
	}
	if len(common) != 1 {
		return ""
	}
	for d := range common {
		return d
	}
	return ""
}

// rekey makes the sheet's return of district from the return of district to.
func (s *sheetCtx) rekey(from, to string) {
	s.district = to
	ret, ok := s.returns[from]
	if !ok {
		return
	}
	delete(s.returns, from)
	ret.District = to
	s.returns[to] = ret
	for i, d := range s.order {
		if d == from {
			s.order[i] = to
		}
	}
	if seen, ok := s.seen[from]; ok {
		delete(s.seen, from)
		s.seen[to] = seen
	}
}

// returnsOut lists the sheet's returns in the order their districts appeared. A return
// without district that got no commune is dropped when others exist.
func (s *sheetCtx) returnsOut() []*Return {
	if len(s.order) == 0 {
		s.ret(s.district)
	}
	var out []*Return
	for _, d := range s.order {
		ret := s.returns[d]
		if d == "" && len(ret.Rows) == 0 && len(s.order) > 1 {
			continue
		}
		out = append(out, ret)
	}
	return out
}

func (s *sheetCtx) ret(district string) *Return {
	if ret, ok := s.returns[district]; ok {
		return ret
	}
	ret := s.proto
	ret.District = district
	ret.Sheet = s.sheet
	ret.Columns = map[string]string{}
	for k, v := range s.letters {
		ret.Columns[k] = v
	}
	ret.CoverCells = copyMap(s.proto.CoverCells)
	for _, ps := range s.summed {
		if ret.Summed == nil {
			ret.Summed = map[string][]string{}
		}
		ret.Summed[s.r.columns[ps.whole].Key] = ps.keys(s.r.columns)
	}
	s.returns[district] = &ret
	s.order = append(s.order, district)
	return &ret
}

func copyMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// numberingCell is a cell of the row that numbers a table's columns: "1", "(2)", "(a)", "A".
var numberingCell = regexp.MustCompile(`^\(\s*[0-9A-Za-z]{1,3}\s*\)$|^\d{1,3}$|^[A-Za-z]$`)

// isNumberingCell is numberingCell.MatchString(v), without running the expression on a
// text it cannot match: empty, or longer than three bytes without a "(" first, as a
// commune's name is (the expression was run on every row's).
func isNumberingCell(v string) bool {
	if v == "" || v[0] != '(' && len(v) > 3 {
		return false
	}
	return numberingCell.MatchString(v)
}

// numberingRow reports whether a row whose commune cell reads like a column number is the
// row that numbers the columns: every cell of it is such a number and the numbers rise
// from left to right ("1 2 3 …", "(1) (2) …", "A B 1 2 …"), or no figure is filled. A row
// with figures and "12" or "(a)" for a commune is a row of data with a bad commune.
func (s *sheetCtx) numberingRow(g grid.Row) bool {
	if !s.figuresFilled(g) {
		return true
	}
	prev := -1
	for c := range g.Cells {
		v := g.Cell(c)
		if v == "" {
			continue
		}
		if !isNumberingCell(v) {
			return false
		}
		digits := strings.Trim(v, "() \t")
		if n, err := strconv.Atoi(digits); err == nil {
			if n <= prev {
				return false
			}
			prev = n
		}
	}
	return true
}

// figuresFilled reports whether some numeric cell of the row is not blank.
func (s *sheetCtx) figuresFilled(g grid.Row) bool {
	for i, f := range s.r.columns {
		if col := s.cols[i]; col >= 0 && f.Numeric() && g.Cell(col) != "" {
			return true
		}
	}
	return false
}

// Row reads one data row.
func (s *sheetCtx) Row(g grid.Row) {
	if blank(g) {
		return
	}
	name := s.field(g, header.KeyCommune)
	if isNumberingCell(g.Cell(s.hdr.Cols[header.KeyCommune])) && s.numberingRow(g) {
		return
	}
	if s.isTotals(g) {
		s.checkTotals(g)
		return
	}
	district, badDistrict := s.rowDistrict(g)
	code := naming.NormCode(s.field(g, header.KeyCode))
	var match naming.CommuneMatch
	if name != "" || code != "" {
		match = s.r.m.InProvince(s.r.m.Commune(name, district, code, ""), s.r.province)
	}
	if !match.OK && s.layoutRow(g, name, code, match) {
		return
	}
	s.dataRows++
	if badDistrict {
		s.unknownDistrict(g)
	}
	at := loc{sheet: s.sheet, district: district, commune: name}
	if match.OK {
		at.district, at.commune = match.Commune.Unit(), match.Commune.FullName()
	}
	figures, status, filled := s.values(g, at)
	if name == "" && code == "" {
		if filled {
			s.ret(district).RowsRead++
			at.cell = grid.CellName(s.hdr.Cols[header.KeyCommune], g.Line)
			s.r.add(problem.Error, problem.CodeMissingValue, at, i18n.Msg(s.r.lang, "missing-value.commune", g.Line, s.r.plan.Unit(s.r.lang)))
		}
		return
	}
	s.checkUntitled(g, at.district, at.commune)
	row := Row{Name: name, Status: status, Figures: figures, Line: g.Line}
	if s.outranked && match.Problem == problem.CodeWrongDistrict && district == s.district {
		s.deferred = append(s.deferred, deferredRow{g: grid.Row{Line: g.Line}, name: name, match: match, row: row})
		return
	}
	if match.OK && district != "" && district == s.district {
		s.home++
	}
	s.place(g, name, district, match, at.commune, row)
}

// layoutRow reports whether a row that names no commune is part of the document's layout
// rather than a commune: a row of the header printed again on a new page, a row that
// groups the communes ("I", "Thị trấn", "Các xã"), or the notes, "Nơi nhận" and
// signature block below the table, with the names under it.
func (s *sheetCtx) layoutRow(g grid.Row, name, code string, match naming.CommuneMatch) bool {
	if code != "" || match.Former != nil || match.Problem == problem.CodeWrongDistrict || match.Problem == problem.CodeAmbiguousCommune {
		return false // a commune's name or code, in the wrong place perhaps
	}
	if s.footer {
		return !s.hasFigures(g)
	}
	if s.hdr.Repeats(g) || s.groupRow(g) {
		return true
	}
	if key, ok := s.r.headers.Match(name); ok && key == header.KeyCommune && !s.hasFigures(g) {
		return true // the commune column's header on a new page, the rows over it changed
	}
	if first := firstText(g); first != "" && s.r.layout.IsFooterLine(first) && !s.hasFigures(g) {
		s.footer = true
		return true
	}
	return false
}

// groupRow reports whether every text left of the figures labels a group of communes
// ("II | Các xã", "A. KHỐI PHƯỜNG"). Its figures, if any, are the group's subtotals.
func (s *sheetCtx) groupRow(g grid.Row) bool {
	limit := len(g.Cells)
	if s.figLimit >= 0 {
		limit = min(limit, s.figLimit)
	}
	any := false
	for c := 0; c < limit; c++ {
		v := g.Cell(c)
		if v == "" || s.hdr.Hidden[c] {
			continue
		}
		if !s.r.layout.IsGroupLabel(v) {
			return false
		}
		any = true
	}
	return any
}

// hasFigures reports whether some numeric cell of the row reads as a figure.
func (s *sheetCtx) hasFigures(g grid.Row) bool {
	for i, f := range s.r.columns {
		col := s.cols[i]
		if col < 0 || !f.Numeric() {
			continue
		}
		v := g.Cell(col)
		if v == "" {
			continue
		}
		st := cell.NumBad
		if f.Kind == criteria.KindYesNo {
			_, st = cell.ParseYesNo(v)
		} else {
			_, st = cell.ParseNumber(v, false)
		}
		if st == cell.NumOK {
			return true
		}
	}
	return false
}

// firstText is the first cell of a row that is not empty.
func firstText(g grid.Row) string {
	for c := range g.Cells {
		if v := g.Cell(c); v != "" {
			return v
		}
	}
	return ""
}

// place puts a row in the return of its district, or reports why it cannot; full is
// match.Commune.FullName() when match.OK.
func (s *sheetCtx) place(g grid.Row, name, district string, match naming.CommuneMatch, full string, row Row) {
	key := district
	if key == "" && match.OK {
		key = match.Commune.Unit()
	}
	ret := s.ret(key)
	ret.RowsRead++
	at := loc{sheet: s.sheet, district: district, commune: name, cell: s.communeCell(g, name)}
	if match.Code != "" { // name and code disagree: the code's cell says which commune it is
		at.cell = grid.CellName(s.hdr.Cols[header.KeyCode], g.Line)
	}
	if !match.OK {
		msg := match.Message(s.r.plan, s.r.lang)
		if match.Problem == problem.CodeUnknownCommune && match.Former == nil {
			msg += s.r.communeUnknownElsewhere(name, s.field(g, header.KeyCode))
		}
		s.r.add(problem.Error, match.Problem, at, msg)
		return
	}
	at.district, at.commune = match.Commune.Unit(), full
	if msg := s.r.outsidePlan(name, s.field(g, header.KeyCode), match.Commune); msg != "" {
		s.r.add(problem.Error, problem.CodeUnknownCommune, at, msg)
		return
	}
	if s.seen[key] == nil {
		s.seen[key] = map[string]int{}
	}
	if prev, dup := s.seen[key][match.Commune.Code]; dup {
		s.r.add(problem.Error, problem.CodeDuplicateCommune, at, i18n.Msg(s.r.lang, "duplicate-commune", match.Commune.FullName(), prev, g.Line))
		return
	}
	s.seen[key][match.Commune.Code] = g.Line
	s.r.communeElsewhere(at, name, s.field(g, header.KeyCode), match.Commune)
	row.Commune = match.Commune
	ret.Rows = append(ret.Rows, row)
}

// communeCell is the cell a commune problem points at: the name, or the code when the
// name is blank.
func (s *sheetCtx) communeCell(g grid.Row, name string) string {
	if col, ok := s.hdr.Cols[header.KeyCode]; ok && name == "" {
		return grid.CellName(col, g.Line)
	}
	return grid.CellName(s.hdr.Cols[header.KeyCommune], g.Line)
}

func blank(g grid.Row) bool {
	for c := range g.Cells {
		if g.Cell(c) != "" {
			return false
		}
	}
	return true
}

// field returns the text of field key on the row, "" when the column is absent. A field
// whose header is merged across columns is read across them ("Xã" + "Hòa Ân"), a row
// number in front left out.
func (s *sheetCtx) field(g grid.Row, key string) string {
	col, ok := s.hdr.Cols[key]
	if !ok {
		return ""
	}
	if to, spans := s.hdr.Spans[col]; spans {
		return spanText(g, col, to)
	}
	return g.Cell(col)
}

// spanText joins the texts of the cells from col to to, a number first left out.
func spanText(g grid.Row, col, to int) string {
	var parts []string
	for c := col; c <= to; c++ {
		if v := g.Cell(c); v != "" {
			parts = append(parts, v)
		}
	}
	if len(parts) > 1 && header.NumberLike(parts[0]) {
		parts = parts[1:]
	}
	return strings.Join(parts, " ")
}

// rowDistrict is the district named in the row's district column, else the sheet's; bad
// is true when the column names no district of the registry (unknownDistrict says so).
func (s *sheetCtx) rowDistrict(g grid.Row) (district string, bad bool) {
	raw := s.field(g, header.KeyDistrict)
	if raw == "" {
		return s.district, false
	}
	d, ok := s.districtIn(raw)
	if !ok {
		return s.district, true
	}
	s.usedCol = true
	return d, false
}

// unknownDistrict reports the district column of a row naming no district.
func (s *sheetCtx) unknownDistrict(g grid.Row) {
	raw := s.field(g, header.KeyDistrict)
	at := loc{sheet: s.sheet, cell: grid.CellName(s.hdr.Cols[header.KeyDistrict], g.Line), commune: s.field(g, header.KeyCommune)}
	s.r.add(problem.Error, problem.CodeUnknownDistrict, at, s.r.unknownUnitMessage(raw))
}

// districtIn is s.r.m.DistrictIn(raw), remembered for the sheet: a district column
// mostly repeats one name.
func (s *sheetCtx) districtIn(raw string) (string, bool) {
	if r, ok := s.districts[raw]; ok {
		return r.d, r.ok
	}
	d, ok := s.r.m.DistrictIn(raw)
	if s.districts == nil {
		s.districts = map[string]districtFound{}
	}
	if len(s.districts) < 64 {
		s.districts[raw] = districtFound{d, ok}
	}
	return d, ok
}

type districtFound struct {
	d  string
	ok bool
}

// values reads the row's status and figures. Bad values are reported and left out, so
// they are unknown. filled is true when some figure or status cell is not blank.
func (s *sheetCtx) values(g grid.Row, at loc) (fig classify.Figures, status string, filled bool) {
	fig = make(classify.Figures, len(s.hdr.Cols))
	fields := s.r.columns
	for i := range fields {
		f := &fields[i] // not a copy of the field for every cell: a Field is 144 bytes
		col := s.cols[i]
		if col < 0 {
			continue
		}
		// at.cell is named only when a problem is reported: most cells have none
		switch {
		case f.Kind == criteria.KindStatus:
			raw := g.Cell(col)
			filled = filled || raw != ""
			status = s.status(raw, s.atCell(at, col, g.Line))
		case f.Numeric():
			v, st := s.figure(g, col, f, at)
			filled = filled || st != cell.NumBlank
			s.addToSums(i, f, v, st)
			if st == cell.NumOK {
				fig[f.Key] = v
			}
		}
	}
	for _, ps := range s.summed {
		ps.add(s.r.columns, fig)
	}
	return fig, status, filled
}

// atCell is at in the cell of col on line, unless at names a cell already.
func (s *sheetCtx) atCell(at loc, col, line int) loc {
	if at.cell == "" {
		at.cell = grid.CellName(col, line)
	}
	return at
}

func (s *sheetCtx) status(raw string, at loc) string {
	key, ok := s.r.statuses.Match(raw)
	if !ok {
		var names []string
		for _, st := range s.r.plan.Statuses {
			names = append(names, st.Vi)
		}
		s.r.add(problem.Error, problem.CodeTypeError, at, i18n.Msg(s.r.lang, "type-error.status", raw, s.r.plan.FieldName(header.KeyStatus, s.r.lang), strings.Join(names, ", ")))
	}
	return key
}

// figure reads one numeric cell, reporting what is wrong with it; numBad means reported.
func (s *sheetCtx) figure(g grid.Row, col int, f *criteria.Field, at loc) (float64, cell.NumState) {
	raw, numeric, st := s.cellValue(g, col, at, f.Key)
	if st != cell.NumOK {
		return 0, st
	}
	// the field's name is for a problem's message: most cells have none
	name := func() string { return s.r.plan.FieldName(f.Key, s.r.lang) }
	var v float64
	if f.Kind == criteria.KindYesNo {
		if v, st = cell.ParseYesNo(raw); st == cell.NumBad {
			s.r.add(problem.Error, problem.CodeTypeError, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "type-error.yesno", raw, name()))
		}
		return v, st
	}
	if v, st = cell.ParseNumber(raw, numeric); st == cell.NumBad {
		s.r.add(problem.Error, problem.CodeTypeError, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "type-error.number", raw, name()))
		return 0, cell.NumBad
	}
	if v < 0 {
		s.r.add(problem.Error, problem.CodeNegativeValue, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "negative-value", raw, name()))
		return v, cell.NumBad
	}
	if v > cell.MaxFigure {
		s.r.add(problem.Error, problem.CodeTypeError, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "type-error.too-big", raw, name()))
		return v, cell.NumBad
	}
	if f.Kind == criteria.KindCount && math.Abs(v-math.Round(v)) > 1e-9 {
		s.r.add(problem.Error, problem.CodeNotInteger, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "not-integer", raw, name()))
		return v, cell.NumBad
	}
	if f.Kind == criteria.KindCount {
		v = math.Round(v)
	}
	return v, cell.NumOK
}

// cellValue returns a cell's text and whether it is a number, computing a formula that
// has no cached value; a formula that cannot be computed is reported (numBad).
func (s *sheetCtx) cellValue(g grid.Row, col int, at loc, key string) (raw string, numeric bool, st cell.NumState) {
	raw = g.Cell(col)
	if raw == "" {
		formula, value, has, ok := s.src.Formula(col, g.Line)
		if !has {
			return "", false, cell.NumBlank
		}
		if !ok {
			s.r.add(problem.Error, problem.CodeFormulaWithoutValue, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "formula-without-value", formula, s.r.plan.FieldName(key, s.r.lang)))
			return "", false, cell.NumBad
		}
		return value, true, cell.NumOK
	}
	if cell.DotThousands.MatchString(strings.TrimPrefix(raw, "-")) {
		numeric = !s.src.IsText(col, g.Line)
	}
	return raw, numeric, cell.NumOK
}

func (s *sheetCtx) addToSums(i int, f *criteria.Field, v float64, st cell.NumState) {
	if f.Kind != criteria.KindCount && f.Kind != criteria.KindArea {
		return
	}
	for _, rs := range [2]*runningSums{&s.sums, &s.all} {
		switch st {
		case cell.NumOK:
			rs.sum[i] += v
			rs.any = true
		case cell.NumBad:
			rs.bad[i] = true
		}
	}
}

// isTotals reports whether the row is a totals row: its commune cell, or a text cell left
// of the figures, reads "Tổng cộng", "Cộng", "Tổng", "Toàn huyện" or the like.
func (s *sheetCtx) isTotals(g grid.Row) bool {
	limit := len(g.Cells)
	if s.figLimit >= 0 {
		limit = min(limit, s.figLimit)
	}
	for c := 0; c < limit; c++ {
		if s.r.layout.IsTotalsLabel(g.Cell(c)) {
			return true
		}
	}
	return s.r.layout.IsTotalsLabel(s.field(g, header.KeyCommune))
}

// checkTotals compares the totals row with the sum of the rows above it (since the last
// totals row, or from the top), as Excel's SUM would: blank cells count as nothing. A
// totals row above every commune ("TOÀN HUYỆN" first) is compared with the sum of all the
// rows once they are read (finish).
func (s *sheetCtx) checkTotals(g grid.Row) {
	at := loc{sheet: s.sheet, district: s.district}
	fields := s.r.columns
	var top *pendingTotals
	if s.dataRows == 0 && s.topTotals == nil {
		top = &pendingTotals{line: g.Line, vals: make([]float64, len(fields)), ok: make([]bool, len(fields))}
		s.topTotals = top
	}
	for i := range fields {
		f := &fields[i] // not a copy of the field for every cell: a Field is 144 bytes
		col := s.cols[i]
		if col < 0 || (f.Kind != criteria.KindCount && f.Kind != criteria.KindArea) {
			continue
		}
		at.cell = grid.CellName(col, g.Line)
		raw, numeric, st := s.cellValue(g, col, at, f.Key)
		if st != cell.NumOK || s.all.bad[i] {
			continue
		}
		total, st := cell.ParseNumber(raw, numeric)
		if st == cell.NumBad {
			s.r.add(problem.Error, problem.CodeTypeError, at, i18n.Msg(s.r.lang, "type-error.number", raw, s.r.plan.FieldName(f.Key, s.r.lang)))
			continue
		}
		if top != nil {
			top.vals[i], top.ok[i] = total, true
			continue
		}
		since, all := s.sums.sum[i], s.all.sum[i]
		if (!s.sums.bad[i] && sameTotal(f, total, since)) || sameTotal(f, total, all) {
			continue
		}
		want := all
		if s.sums.any {
			want = since
		}
		s.totalMismatch(at, f, total, want)
	}
	s.sums.reset()
}

// sameTotal reports whether a total equals a sum: to 0.01 m² for an area.
func sameTotal(f *criteria.Field, total, sum float64) bool {
	tol := 1e-9
	if f.Kind == criteria.KindArea {
		tol = 0.01 + 1e-9
	}
	return math.Abs(total-sum) <= tol
}

func (s *sheetCtx) totalMismatch(at loc, f *criteria.Field, total, want float64) {
	s.r.add(problem.Error, problem.CodeTotalMismatch, at, i18n.Msg(s.r.lang, "total-mismatch",
		criteria.FormatNumber(total, s.r.lang), criteria.FormatNumber(want, s.r.lang), s.r.plan.FieldName(f.Key, s.r.lang)))
}

// checkTopTotals compares a totals row above the communes with the sum of every row.
func (s *sheetCtx) checkTopTotals() {
	top := s.topTotals
	if top == nil {
		return
	}
	fields := s.r.columns
	for i := range fields {
		f := &fields[i]
		if !top.ok[i] || s.all.bad[i] || sameTotal(f, top.vals[i], s.all.sum[i]) {
			continue
		}
		at := loc{sheet: s.sheet, district: s.district, cell: grid.CellName(s.cols[i], top.line)}
		s.totalMismatch(at, f, top.vals[i], s.all.sum[i])
	}
}
