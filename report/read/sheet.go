package read

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/grid"
	"drugfree/report/i18n"
	"drugfree/report/naming"
	"drugfree/report/problem"
)

// sheetCtx reads the data rows of one sheet into returns, one per district.
type sheetCtx struct {
	r        *reader
	sheet    string
	src      grid.Source
	hdr      header
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
	cols     []int                     // plan.Fields[i] → its 0-based column, -1 when absent
	figLimit int                       // the first column of a numeric field, -1 when none
	// districts are the answers of DistrictIn for the district cells of the sheet
	districts map[string]districtFound
}

// runningSums are the sums of the count and area fields, by index in plan.Fields.
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

func newSheetCtx(r *reader, sheet string, src grid.Source, hdr header, proto Return) *sheetCtx {
	s := &sheetCtx{
		r: r, sheet: sheet, src: src, hdr: hdr, proto: proto, letters: map[string]string{},
		returns: map[string]*Return{}, seen: map[string]map[string]int{},
	}
	n := len(r.plan.Fields)
	s.sums, s.all = newSums(n), newSums(n)
	s.untitled, s.firstCol, s.figLimit = map[int]bool{}, -1, -1
	for key, col := range hdr.cols {
		s.letters[key] = grid.ColLetters(col)
		if s.firstCol < 0 || col < s.firstCol {
			s.firstCol = col
		}
	}
	s.cols = make([]int, n)
	for i, f := range r.plan.Fields {
		col, ok := hdr.cols[f.Key]
		if !ok {
			col = -1
		}
		s.cols[i] = col
		if ok && f.Numeric() && (s.figLimit < 0 || col < s.figLimit) {
			s.figLimit = col
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
		if v == "" || s.hdr.titled[c] || s.untitled[c] || !strings.ContainsAny(v, "0123456789") {
			continue
		}
		if _, st := parseNumber(v, !s.src.IsText(c, g.Line)); st != numOK {
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
			return nil
		}
		if g.Line > s.hdr.last {
			s.Row(g)
		}
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
	for i, f := range s.r.plan.Fields {
		if col := s.cols[i]; col >= 0 && f.Numeric() && g.Cell(col) != "" {
			return true
		}
	}
	return false
}

// footerWords start the lines below a table: signatures and notes. A line with a date in
// words ("Trà Vinh, ngày 20 tháng 02 năm 2025") is a footer too.
var footerWords = []string{"nguoi lap", "ghi chu", "thu truong", "noi nhan", "truong", "ky ten", "xac nhan", "lanh dao", "chi huy"}

// Row reads one data row.
func (s *sheetCtx) Row(g grid.Row) {
	if blank(g) {
		return
	}
	name := s.field(g, keyCommune)
	if isNumberingCell(name) && s.numberingRow(g) {
		return
	}
	if s.isTotals(g) {
		s.checkTotals(g)
		return
	}
	district := s.rowDistrict(g)
	code := naming.NormCode(s.field(g, keyCode))
	var match naming.CommuneMatch
	if name != "" || code != "" {
		match = s.r.m.Commune(name, district, code, "")
	}
	at := loc{sheet: s.sheet, district: district, commune: name}
	if match.OK {
		at.district, at.commune = match.Commune.District, match.Commune.FullName()
	}
	figures, status, filled := s.values(g, at)
	if name == "" && code == "" {
		if filled {
			s.ret(district).RowsRead++
			at.cell = grid.CellName(s.hdr.cols[keyCommune], g.Line)
			s.r.add(problem.Error, problem.CodeMissingValue, at, i18n.Msg(s.r.lang, "missing-value.commune", g.Line))
		}
		return
	}
	if !match.OK && !filled && code == "" && isFooter(name) {
		return
	}
	s.checkUntitled(g, at.district, at.commune)
	s.place(g, name, district, match, at.commune, Row{Name: name, Status: status, Figures: figures, Line: g.Line})
}

// place puts a row in the return of its district, or reports why it cannot; full is
// match.Commune.FullName() when match.OK.
func (s *sheetCtx) place(g grid.Row, name, district string, match naming.CommuneMatch, full string, row Row) {
	key := district
	if key == "" && match.OK {
		key = match.Commune.District
	}
	ret := s.ret(key)
	ret.RowsRead++
	at := loc{sheet: s.sheet, district: district, commune: name, cell: s.communeCell(g, name)}
	if match.Code != "" { // name and code disagree: the code's cell says which commune it is
		at.cell = grid.CellName(s.hdr.cols[keyCode], g.Line)
	}
	if !match.OK {
		s.r.add(problem.Error, match.Problem, at, match.Message(s.r.lang))
		return
	}
	at.district, at.commune = match.Commune.District, full
	if s.seen[key] == nil {
		s.seen[key] = map[string]int{}
	}
	if prev, dup := s.seen[key][match.Commune.Code]; dup {
		s.r.add(problem.Error, problem.CodeDuplicateCommune, at, i18n.Msg(s.r.lang, "duplicate-commune", match.Commune.FullName(), prev, g.Line))
		return
	}
	s.seen[key][match.Commune.Code] = g.Line
	row.Commune = match.Commune
	ret.Rows = append(ret.Rows, row)
}

// communeCell is the cell a commune problem points at: the name, or the code when the
// name is blank.
func (s *sheetCtx) communeCell(g grid.Row, name string) string {
	if col, ok := s.hdr.cols[keyCode]; ok && name == "" {
		return grid.CellName(col, g.Line)
	}
	return grid.CellName(s.hdr.cols[keyCommune], g.Line)
}

func blank(g grid.Row) bool {
	for c := range g.Cells {
		if g.Cell(c) != "" {
			return false
		}
	}
	return true
}

func isFooter(name string) bool {
	f := naming.Fold(name)
	for _, w := range footerWords {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return wordDate.MatchString(f) || len([]rune(name)) > 60
}

// field returns the text of field key on the row, "" when the column is absent.
func (s *sheetCtx) field(g grid.Row, key string) string {
	col, ok := s.hdr.cols[key]
	if !ok {
		return ""
	}
	return g.Cell(col)
}

// rowDistrict is the district named in the row's district column, else the sheet's.
func (s *sheetCtx) rowDistrict(g grid.Row) string {
	raw := s.field(g, keyDistrict)
	if raw == "" {
		return s.district
	}
	d, ok := s.districtIn(raw)
	if !ok {
		_, sugg, _ := s.r.m.District(raw)
		at := loc{sheet: s.sheet, cell: grid.CellName(s.hdr.cols[keyDistrict], g.Line), commune: s.field(g, keyCommune)}
		s.r.add(problem.Error, problem.CodeUnknownDistrict, at, naming.DistrictMessage(s.r.lang, raw, sugg, s.r.m))
		return s.district
	}
	s.usedCol = true
	return d
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
	fig = make(classify.Figures, len(s.hdr.cols))
	fields := s.r.plan.Fields
	for i := range fields {
		f := &fields[i] // not a copy of the field for every cell: a Field is 120 bytes
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
			filled = filled || st != numBlank
			s.addToSums(i, f, v, st)
			if st == numOK {
				fig[f.Key] = v
			}
		}
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
	key, ok := s.r.statuses.match(raw)
	if !ok {
		var names []string
		for _, st := range s.r.plan.Statuses {
			names = append(names, st.Vi)
		}
		s.r.add(problem.Error, problem.CodeTypeError, at, i18n.Msg(s.r.lang, "type-error.status", raw, i18n.FieldName(s.r.plan, keyStatus, s.r.lang), strings.Join(names, ", ")))
	}
	return key
}

// figure reads one numeric cell, reporting what is wrong with it; numBad means reported.
func (s *sheetCtx) figure(g grid.Row, col int, f *criteria.Field, at loc) (float64, numState) {
	raw, numeric, st := s.cellValue(g, col, at, f.Key)
	if st != numOK {
		return 0, st
	}
	// the field's name is for a problem's message: most cells have none
	name := func() string { return i18n.FieldName(s.r.plan, f.Key, s.r.lang) }
	var v float64
	if f.Kind == criteria.KindYesNo {
		if v, st = parseYesNo(raw); st == numBad {
			s.r.add(problem.Error, problem.CodeTypeError, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "type-error.yesno", raw, name()))
		}
		return v, st
	}
	if v, st = parseNumber(raw, numeric); st == numBad {
		s.r.add(problem.Error, problem.CodeTypeError, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "type-error.number", raw, name()))
		return 0, numBad
	}
	if v < 0 {
		s.r.add(problem.Error, problem.CodeNegativeValue, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "negative-value", raw, name()))
		return v, numBad
	}
	if f.Kind == criteria.KindCount && math.Abs(v-math.Round(v)) > 1e-9 {
		s.r.add(problem.Error, problem.CodeNotInteger, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "not-integer", raw, name()))
		return v, numBad
	}
	if f.Kind == criteria.KindCount {
		v = math.Round(v)
	}
	return v, numOK
}

// cellValue returns a cell's text and whether it is a number, computing a formula that
// has no cached value; a formula that cannot be computed is reported (numBad).
func (s *sheetCtx) cellValue(g grid.Row, col int, at loc, key string) (raw string, numeric bool, st numState) {
	raw = g.Cell(col)
	if raw == "" {
		formula, value, has, ok := s.src.Formula(col, g.Line)
		if !has {
			return "", false, numBlank
		}
		if !ok {
			s.r.add(problem.Error, problem.CodeFormulaWithoutValue, s.atCell(at, col, g.Line), i18n.Msg(s.r.lang, "formula-without-value", formula, i18n.FieldName(s.r.plan, key, s.r.lang)))
			return "", false, numBad
		}
		return value, true, numOK
	}
	if dotThousands.MatchString(strings.TrimPrefix(raw, "-")) {
		numeric = !s.src.IsText(col, g.Line)
	}
	return raw, numeric, numOK
}

func (s *sheetCtx) addToSums(i int, f *criteria.Field, v float64, st numState) {
	if f.Kind != criteria.KindCount && f.Kind != criteria.KindArea {
		return
	}
	for _, rs := range [2]*runningSums{&s.sums, &s.all} {
		switch st {
		case numOK:
			rs.sum[i] += v
			rs.any = true
		case numBad:
			rs.bad[i] = true
		}
	}
}

// totalsWords are how a totals row is labelled, folded.
var totalsWords = []string{"tong cong", "tong so", "toan huyen", "toan thi xa", "toan thanh pho", "toan tinh", "cong ", "total", "grand total"}

// isTotals reports whether the row is a totals row: its commune cell, or a text cell left
// of the figures, reads "Tổng cộng", "Cộng", "Tổng", "Toàn huyện" or the like.
func (s *sheetCtx) isTotals(g grid.Row) bool {
	limit := len(g.Cells)
	if s.figLimit >= 0 {
		limit = min(limit, s.figLimit)
	}
	for c := 0; c < limit; c++ {
		if isTotalsLabel(g.Cell(c)) {
			return true
		}
	}
	return isTotalsLabel(s.field(g, keyCommune))
}

func isTotalsLabel(text string) bool {
	// Every totals word starts with c, t or g: a text whose first letter or digit is
	// another ASCII one is not folded.
	for i := 0; i < len(text); i++ {
		c := text[i] | 0x20 // lower case, for letters
		if text[i] >= 0x80 || c == 'c' || c == 't' || c == 'g' {
			break
		}
		if c >= 'a' && c <= 'z' || text[i] >= '0' && text[i] <= '9' {
			return false
		}
	}
	f := naming.Fold(text)
	if f == "cong" || f == "tong" {
		return true
	}
	for _, w := range totalsWords {
		if strings.HasPrefix(f+" ", w) {
			return true
		}
	}
	return false
}

// checkTotals compares the totals row with the sum of the rows above it (since the last
// totals row, or from the top), as Excel's SUM would: blank cells count as nothing.
func (s *sheetCtx) checkTotals(g grid.Row) {
	at := loc{sheet: s.sheet, district: s.district}
	fields := s.r.plan.Fields
	for i := range fields {
		f := &fields[i] // not a copy of the field for every cell: a Field is 120 bytes
		col := s.cols[i]
		if col < 0 || (f.Kind != criteria.KindCount && f.Kind != criteria.KindArea) {
			continue
		}
		at.cell = grid.CellName(col, g.Line)
		raw, numeric, st := s.cellValue(g, col, at, f.Key)
		if st != numOK || s.all.bad[i] {
			continue
		}
		total, st := parseNumber(raw, numeric)
		if st == numBad {
			s.r.add(problem.Error, problem.CodeTypeError, at, i18n.Msg(s.r.lang, "type-error.number", raw, i18n.FieldName(s.r.plan, f.Key, s.r.lang)))
			continue
		}
		tol := 1e-9
		if f.Kind == criteria.KindArea {
			tol = 0.01 + 1e-9
		}
		since, all := s.sums.sum[i], s.all.sum[i]
		if (!s.sums.bad[i] && math.Abs(total-since) <= tol) || math.Abs(total-all) <= tol {
			continue
		}
		want := all
		if s.sums.any {
			want = since
		}
		s.r.add(problem.Error, problem.CodeTotalMismatch, at, i18n.Msg(s.r.lang, "total-mismatch",
			criteria.FormatNumber(total, s.r.lang), criteria.FormatNumber(want, s.r.lang), i18n.FieldName(s.r.plan, f.Key, s.r.lang)))
	}
	s.sums.reset()
}
