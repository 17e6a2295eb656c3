package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"drugfree/report/grid"

	"github.com/xuri/excelize/v2"
)

// rawBook reads an unencrypted .xlsx straight from its parts: the workbook, the shared
// strings and each worksheet's XML, scanned once with a small tokenizer rather than
// decoded into a tree. It answers what the reader asks of a sheet (cell values as
// excelize's Rows gives them with RawCellValue, cell types, formulas, merged cells) in the
// same pass, so reading a return is truly streaming: nothing of a sheet is kept but its
// bytes while it is read. Anything it does not expect (a namespace prefix, a chart sheet,
// CDATA) makes OpenRawBookMemo fail with errRawUnsupported, and the reader then falls back
// to excelize, which reads every workbook, only slower.
type rawBook struct {
	data  []byte
	files map[string]*zip.File
	names []string
	paths map[string]string // sheet name → part path
	// sheets are the worksheets' XML, decompressed on opening: each is scanned whole
	// anyway, for its header and its merged cells.
	d1904  bool
	sst    []string
	sheets map[string][]byte

	// heads are the first rows of sheets already scanned for their header, and where
	// the scan stopped, so that reading a sheet's data does not parse them again. Each
	// is used once.
	heads map[string]*rawHead

	// parts remembers the package's small parts (relationships, workbook.xml) from book
	// to book; nil for none
	parts *PartMemo

	// Texts gives the same string for the same short cell text (sheetScanner.text): the
	// reading worker's, kept from file to file, or the book's own.
	Texts *TextIntern

	// hidden are the sheets the clerk does not see (hidden.go)
	hidden map[string]bool

	Password string
	xlOnce   sync.Once
	xl       *excelize.File // opened only for a formula without cached value
	xlErr    error
}

var errRawUnsupported = errors.New("not a plain workbook")

// OpenRawBook is OpenRawBookMemo(data, nil, nil).
func OpenRawBook(data []byte) (*rawBook, error) {
	return OpenRawBookMemo(data, nil, nil)
}

// OpenRawBookMemo opens the workbook data, whose zip directory zr is read already when
// not nil, remembering the small parts it reads in parts (the reading worker's) when not
// nil.
func OpenRawBookMemo(data []byte, zr *zip.Reader, parts *PartMemo) (*rawBook, error) {
	if zr == nil {
		var err error
		if zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
			return nil, errRawUnsupported
		}
	}
	b := &rawBook{data: data, files: map[string]*zip.File{}, paths: map[string]string{}, sheets: map[string][]byte{}, parts: parts}
	for _, f := range zr.File {
		b.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	wbPath := "xl/workbook.xml"
	if rels, err := b.rels("_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = resolvePart("", r.Target)
			}
		}
	}
	var wb xmlWorkbook
	if err := b.workbook(wbPath, &wb); err != nil {
		return nil, errRawUnsupported
	}
	b.d1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	rels, err := b.rels(path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels"))
	if err != nil {
		return nil, errRawUnsupported
	}
	byID := map[string]xmlRel{}
	sstPath := ""
	for _, r := range rels {
		byID[r.ID] = r
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			sstPath = resolvePart(path.Dir(wbPath), r.Target)
		}
	}
	for _, s := range wb.Sheets {
		r, ok := byID[s.ID]
		if !ok || !strings.HasSuffix(r.Type, "/worksheet") {
			return nil, errRawUnsupported
		}
		p := resolvePart(path.Dir(wbPath), r.Target)
		if b.files[p] == nil {
			return nil, errRawUnsupported
		}
		data, err := b.part(p)
		if err != nil || !plainWorksheet(data) {
			return nil, errRawUnsupported
		}
		b.names = append(b.names, s.Name)
		if s.State == "hidden" || s.State == "veryHidden" {
			b.markHidden(s.Name)
		}
		b.paths[s.Name] = p
		b.sheets[s.Name] = data
	}
	if sstPath != "" && b.files[sstPath] != nil {
		data, err := b.part(sstPath)
		if err != nil {
			return nil, errRawUnsupported
		}
		if b.sst, err = parseSharedStrings(data); err != nil {
			return nil, errRawUnsupported
		}
	}
	return b, nil
}

type xmlRel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// xmlWorkbook is what the reader needs of workbook.xml.
type xmlWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []xmlSheet `xml:"sheets>sheet"`
}

type xmlSheet struct {
	Name  string `xml:"name,attr"`
	ID    string `xml:"id,attr"`
	State string `xml:"state,attr"` // "hidden" or "veryHidden" for a sheet the clerk does not see
}

// rels reads a relationships part: with a small scanner when the part is plain (see
// scanRels), else with encoding/xml.
func (b *rawBook) rels(name string) ([]xmlRel, error) {
	data, err := b.smallPart(name)
	if err != nil {
		return nil, err
	}
	if rels, ok := scanRels(data); ok {
		return rels, nil
	}
	var rels struct {
		Rels []xmlRel `xml:"Relationship"`
	}
	err = xml.Unmarshal(data, &rels)
	return rels.Rels, err
}

// workbook reads workbook.xml into wb: with a small scanner when the part is plain (see
// scanWorkbook), else with encoding/xml.
func (b *rawBook) workbook(name string, wb *xmlWorkbook) error {
	data, err := b.smallPart(name)
	if err != nil {
		return err
	}
	if scanWorkbook(data, wb) {
		return nil
	}
	*wb = xmlWorkbook{}
	return xml.Unmarshal(data, wb)
}

// plainPart returns the content of the root element of a part when the part is as
// programs write it: an XML declaration perhaps, then the root element, named root and
// without prefix, up to its end tag; no comment, CDATA section or DOCTYPE; and none of
// elems written with a namespace prefix. Only then does a scan by element name read it
// as encoding/xml would.
func plainPart(data []byte, root string, elems ...string) ([]byte, bool) {
	if bytes.Contains(data, []byte("<!")) {
		return nil, false
	}
	body := bytes.TrimSpace(data)
	if bytes.HasPrefix(body, []byte("<?xml")) {
		e := bytes.Index(body, []byte("?>"))
		if e < 0 {
			return nil, false
		}
		body = bytes.TrimSpace(body[e+2:])
	}
	if !bytes.HasPrefix(body, []byte("<"+root)) || len(body) < len(root)+2 || !tagEnd(body[len(root)+1]) ||
		!bytes.HasSuffix(body, []byte("</"+root+">")) {
		return nil, false
	}
	if prefixedTag(body, elems...) {
		return nil, false
	}
	return body[len(root)+1 : len(body)-len(root)-3], true
}

// tagEnd reports whether c may follow an element's name in a tag.
func tagEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '>', '/':
		return true
	}
	return false
}

// nextTag finds the next start tag <name ...> in data from off; it returns the tag's
// attributes, whether it closes itself, and the offset past it; ok is false when there
// is none.
func nextTag(data []byte, off int, name string) (attrs []byte, selfClosing bool, next int, ok bool) {
	for {
		i := bytes.Index(data[off:], []byte(name))
		if i < 0 {
			return nil, false, 0, false
		}
		i += off
		j := i + len(name)
		if i == 0 || data[i-1] != '<' || j >= len(data) || !tagEnd(data[j]) {
			off = j
			continue
		}
		e := bytes.IndexByte(data[j:], '>')
		if e < 0 {
			return nil, false, 0, false
		}
		attrs = data[j : j+e]
		selfClosing = e > 0 && attrs[e-1] == '/'
		if selfClosing {
			attrs = attrs[:e-1]
		}
		return attrs, selfClosing, j + e + 1, true
	}
}

// scanRels reads the Relationship elements of a plain relationships part.
func scanRels(data []byte) ([]xmlRel, bool) {
	body, ok := plainPart(data, "Relationships", "Relationships", "Relationship")
	if !ok {
		return nil, false
	}
	var rels []xmlRel
	for off := 0; ; {
		attrs, _, next, found := nextTag(body, off, "Relationship")
		if !found {
			return rels, true
		}
		var r xmlRel
		if !attrsLocal(attrs, func(name string, v []byte) {
			switch name {
			case "Id":
				r.ID = UnescapeXML(v)
			case "Type":
				r.Type = UnescapeXML(v)
			case "Target":
				r.Target = UnescapeXML(v)
			}
		}) {
			return nil, false
		}
		rels = append(rels, r)
		off = next
	}
}

// scanWorkbook reads the workbookPr and sheets of a plain workbook.xml into wb. It
// declines (false) a workbook with more than one workbookPr or sheets element.
func scanWorkbook(data []byte, wb *xmlWorkbook) bool {
	body, ok := plainPart(data, "workbook", "workbook", "workbookPr", "sheets", "sheet")
	if !ok {
		return false
	}
	pr, _, next, found := nextTag(body, 0, "workbookPr")
	if found {
		if _, _, _, again := nextTag(body, next, "workbookPr"); again {
			return false
		}
		if !attrsLocal(pr, func(name string, v []byte) {
			if name == "date1904" {
				wb.Pr.Date1904 = UnescapeXML(v)
			}
		}) {
			return false
		}
	}
	_, empty, next, found := nextTag(body, 0, "sheets")
	if !found {
		return true
	}
	if _, _, _, again := nextTag(body, next, "sheets"); again {
		return false
	}
	if empty {
		return true
	}
	end := bytes.Index(body[next:], []byte("</sheets>"))
	if end < 0 {
		return false
	}
	sheets := body[next : next+end]
	for off := 0; ; {
		attrs, selfClosing, next, found := nextTag(sheets, off, "sheet")
		if !found {
			return true
		}
		if !selfClosing { // <sheet ...></sheet>: nothing may come in between
			rest := sheets[next:]
			if !bytes.HasPrefix(rest, []byte("</sheet>")) {
				return false
			}
			next += len("</sheet>")
		}
		var sh xmlSheet
		if !attrsLocal(attrs, func(name string, v []byte) {
			switch name {
			case "name":
				sh.Name = UnescapeXML(v)
			case "id":
				sh.ID = UnescapeXML(v)
			case "state":
				sh.State = UnescapeXML(v)
			}
		}) {
			return false
		}
		wb.Sheets = append(wb.Sheets, sh)
		off = next
	}
}

// attrsLocal calls f with the local name (without prefix) and raw value of each
// attribute of a start tag, in order, as encoding/xml matches a struct's attributes (the
// last of a name wins). It returns false when the attributes are not well formed.
func attrsLocal(attrs []byte, f func(name string, value []byte)) bool {
	for {
		attrs = bytes.TrimLeft(attrs, " \t\n\r")
		if len(attrs) == 0 {
			return true
		}
		eq := bytes.IndexByte(attrs, '=')
		if eq <= 0 {
			return false
		}
		name := bytes.TrimRight(attrs[:eq], " \t\n\r")
		if bytes.ContainsAny(name, " \t\n\r\"'<>") {
			return false
		}
		if c := bytes.LastIndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		v := bytes.TrimLeft(attrs[eq+1:], " \t\n\r")
		if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
			return false
		}
		e := bytes.IndexByte(v[1:], v[0])
		if e < 0 {
			return false
		}
		val := v[1 : 1+e]
		if bytes.IndexByte(val, '<') >= 0 || bytes.IndexByte(val, '&') >= 0 { // references: encoding/xml's, strictly
			return false
		}
		f(string(name), val)
		attrs = v[2+e:]
	}
}

// prefixedTag reports whether data has a start or end tag of one of names written with
// a namespace prefix (<x:name or </x:name).
func prefixedTag(data []byte, names ...string) bool {
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], ':')
		if i < 0 {
			return false
		}
		i += off
		off = i + 1
		// the name before the colon, back to '<' or '</'
		j := i
		for j > 0 && isNameByte(data[j-1]) {
			j--
		}
		if j == i || j == 0 {
			continue
		}
		if data[j-1] != '<' && !(data[j-1] == '/' && j >= 2 && data[j-2] == '<') {
			continue
		}
		rest := data[i+1:]
		for _, n := range names {
			if len(rest) > len(n) && string(rest[:len(n)]) == n && (tagEnd(rest[len(n)]) || rest[len(n)] == '\f') {
				return true
			}
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

// part returns a part's bytes, read in one buffer of the size the zip gives (one byte
// more, to meet the end, where the zip reader checks the size and checksum).
func (b *rawBook) part(name string) ([]byte, error) {
	f := b.files[name]
	if f == nil {
		return nil, fmt.Errorf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := make([]byte, f.UncompressedSize64+1)
	n, err := io.ReadFull(rc, buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return buf[:n], nil
	case err != nil:
		return buf[:n], err
	}
	// more than the zip said: as archive/zip, an error
	return buf[:n], zip.ErrFormat
}

// PartMemo remembers what part gave for small parts, by everything part's outcome
// depends on (partKey): the returns of a round come from one template, and their
// relationships and workbook.xml are the same bytes in every file, each inflated with a
// decompressor of its own. One reading goroutine uses it; what it holds is read only.
type PartMemo struct{ m map[string]partResult }

type partResult struct {
	data []byte
	err  error
}

const (
	partMemoSize     = 4 << 10  // the largest compressed part remembered
	partMemoInflated = 64 << 10 // and the largest inflated one
	partMemoMax      = 64       // parts remembered, emptied when full
)

// smallPart is part(name), from b.parts when a part of the same bytes was read before.
// Its result must not be changed: it may be another book's.
func (b *rawBook) smallPart(name string) ([]byte, error) {
	f := b.files[name]
	if f == nil || b.parts == nil {
		return b.part(name)
	}
	key, ok := b.partKey(f)
	if !ok {
		return b.part(name)
	}
	if r, ok := b.parts.m[key]; ok {
		return r.data, r.err
	}
	data, err := b.part(name)
	switch {
	case b.parts.m == nil:
		b.parts.m = map[string]partResult{}
	case len(b.parts.m) >= partMemoMax:
		clear(b.parts.m)
	}
	b.parts.m[key] = partResult{data, err}
	return data, err
}

// partKey is everything part's outcome depends on, as archive/zip's File.Open and its
// checksumReader read an entry: its name (a directory's is read as empty), method, flags
// (a data descriptor after the data), CRC-32 and both sizes from the directory, its
// compressed bytes, and the 16 bytes after them (the data descriptor, whose CRC-32 is
// checked). ok is false for a large part, or one whose local header cannot be read
// (part then says why).
func (b *rawBook) partKey(f *zip.File) (string, bool) {
	if f.CompressedSize64 > partMemoSize || f.UncompressedSize64 > partMemoInflated {
		return "", false // a small part may inflate a thousandfold: both sizes are bounded
	}
	off, err := f.DataOffset()
	if err != nil || off < 0 || off > int64(len(b.data)) {
		return "", false
	}
	end := min(off+int64(f.CompressedSize64), int64(len(b.data)))
	desc := min(end+16, int64(len(b.data)))
	var head [2 + 2 + 4 + 8 + 8 + 8 + 8]byte
	binary.LittleEndian.PutUint16(head[0:], f.Method)
	binary.LittleEndian.PutUint16(head[2:], f.Flags)
	binary.LittleEndian.PutUint32(head[4:], f.CRC32)
	binary.LittleEndian.PutUint64(head[8:], f.UncompressedSize64)
	binary.LittleEndian.PutUint64(head[16:], f.CompressedSize64)
	binary.LittleEndian.PutUint64(head[24:], uint64(end-off))  // the data, and then
	binary.LittleEndian.PutUint64(head[32:], uint64(desc-end)) // what follows it
	return string(head[:]) + f.Name + "\x00" + string(b.data[off:desc]), true
}

func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(dir, target)
}

func (b *rawBook) SheetList() []string { return b.names }
func (b *rawBook) Date1904() bool      { return b.d1904 }
func (b *rawBook) Close()              { b.closeXL() }

func (b *rawBook) closeXL() {
	if b.xl != nil {
		_ = b.xl.Close()
	}
}

// sheetXML returns a worksheet's XML.
func (b *rawBook) sheetXML(sheet string) ([]byte, error) {
	if data, ok := b.sheets[sheet]; ok {
		return data, nil
	}
	return nil, fmt.Errorf("sheet %s does not exist", sheet)
}

func (b *rawBook) Source(sheet string) (grid.Source, error) {
	data, err := b.sheetXML(sheet)
	if err != nil {
		return nil, grid.ErrReading(sheet, err)
	}
	if h := b.heads[sheet]; h != nil {
		delete(b.heads, sheet)
		sc := h.sc
		return &rawSource{b: b, sheet: sheet, sc: &sc, replay: h.rows}, nil
	}
	if b.Texts == nil {
		b.Texts = &TextIntern{}
	}
	sc := newSheetScanner(data, b.sst)
	sc.Intern = b.Texts
	return &rawSource{b: b, sheet: sheet, sc: sc, record: true}, nil
}

// rawHead is the start of a sheet read once: its rows, and the scanner past them.
type rawHead struct {
	rows []rawRow
	sc   SheetScanner
}

// Rows returns every row of a sheet as excelize's GetRows does with RawCellValue.
func (b *rawBook) Rows(sheet string) ([][]string, error) {
	src, err := b.Source(sheet)
	if err != nil {
		return nil, err
	}
	var out [][]string
	last := 0
	for {
		g, ok, err := src.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		out = append(out, g.Cells)
		if len(g.Cells) > 0 {
			last = len(out)
		}
	}
	return out[:last], nil
}

// CellIsText reports whether a cell holds text (a shared or inline string, or a formula's
// string result).
func (b *rawBook) CellIsText(sheet, cell string) bool {
	col, line, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		return false
	}
	src, err := b.Source(sheet)
	if err != nil {
		return false
	}
	for {
		g, ok, err := src.Next()
		if err != nil || !ok || g.Line > line {
			return false
		}
		if g.Line == line {
			return src.(*rawSource).IsText(col-1, line)
		}
	}
}

// Merges returns the merged ranges of a sheet, with the text of their first cell when
// it is among rows.
func (b *rawBook) Merges(sheet string, rows []grid.Row) []grid.Merge {
	data, err := b.sheetXML(sheet)
	if err != nil {
		return nil
	}
	var out []grid.Merge
	for {
		i := bytes.Index(data, []byte("<mergeCell "))
		if i < 0 {
			return out
		}
		data = data[i+len("<mergeCell "):]
		end := bytes.IndexByte(data, '>')
		if end < 0 {
			return out
		}
		ref := attr(data[:end], "ref")
		data = data[end:]
		from, to, _ := strings.Cut(ref, ":")
		if to == "" {
			to = from
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			continue
		}
		m := grid.Merge{Top: r1, Left: c1 - 1, Bottom: r2, Right: c2 - 1}
		for _, g := range rows {
			if g.Line == r1 && c1-1 < len(g.Cells) {
				m.Text = g.Cells[c1-1]
			}
		}
		out = append(out, m)
	}
}

// xl opens the workbook with excelize, for what the scanner does not compute.
func (b *rawBook) excelize() (*excelize.File, error) {
	b.xlOnce.Do(func() {
		b.xl, b.xlErr = excelize.OpenReader(bytes.NewReader(b.data), excelize.Options{Password: b.Password})
	})
	return b.xl, b.xlErr
}

// rawSource streams a sheet's rows from its XML.
type rawSource struct {
	b      *rawBook
	sheet  string
	sc     *SheetScanner
	cur    rawRow
	replay []rawRow // rows read before, given first
	// record keeps the rows read, up to the first below headerRows, for the next
	// source of the sheet; head is what was kept once recording stopped.
	record bool
	rows   []rawRow
	head   *rawHead
}

func (x *rawSource) Next() (grid.Row, bool, error) {
	if len(x.replay) > 0 {
		r := x.replay[0]
		x.replay = x.replay[1:]
		x.cur = r
		return grid.Row{Line: r.line, Cells: r.cells}, true, nil
	}
	r, ok, err := x.sc.Next()
	if err != nil {
		x.record = false
		return grid.Row{}, false, grid.ErrReading(x.sheet, err)
	}
	x.cur = r
	if x.record {
		if ok {
			x.rows = append(x.rows, r)
		}
		if !ok || r.line > grid.HeaderRows {
			x.record = false
			x.head = &rawHead{rows: x.rows, sc: *x.sc}
		}
	}
	return grid.Row{Line: r.line, Cells: r.cells}, ok, nil
}

// IsText answers for the row last returned.
func (x *rawSource) IsText(col, line int) bool {
	if line != x.cur.line || col >= len(x.cur.meta) {
		return false
	}
	return x.cur.meta[col]&rawText != 0
}

func (x *rawSource) Formula(col, line int) (string, string, bool, bool) {
	if line != x.cur.line || col >= len(x.cur.meta) || x.cur.meta[col]&rawFormula == 0 {
		return "", "", false, false
	}
	f, err := x.b.excelize()
	if err != nil {
		return "", "", false, false
	}
	return (&grid.ExcelizeSource{F: f, Sheet: x.sheet}).Formula(col, line)
}

// Close keeps the rows read, when they are the first of the sheet, for its next source.
func (x *rawSource) Close() error {
	if x.record && len(x.rows) <= grid.HeaderRows+1 {
		x.head = &rawHead{rows: x.rows, sc: *x.sc}
	}
	if x.head != nil {
		if x.b.heads == nil {
			x.b.heads = map[string]*rawHead{}
		}
		x.b.heads[x.sheet] = x.head
		x.head, x.record = nil, false
	}
	return nil
}

// rawRow is one row: cells as excelize's Columns gives them (RawCellValue), and for
// each cell whether its type is text (a shared or inline string, or a formula's string)
// and whether it has a formula.
type rawRow struct {
	line  int
	cells []string
	meta  []uint8 // rawText | rawFormula
}

const (
	rawText    = 1 << iota // t="s", "inlineStr" or "str"
	rawFormula             // the cell has an <f>
)

// SheetScanner walks the rows of a worksheet's sheetData. Lines come one by one from 1,
// empty ones included, as excelize's Rows iterator gives them.
type SheetScanner struct {
	data    []byte // what is left of sheetData
	sst     []string
	line    int
	pending *rawRow // the next row read, when its line is ahead
	done    bool
	width   int // cells of the last row read: the next one's likely capacity
	Intern  *TextIntern
}

func newSheetScanner(data []byte, sst []string) *SheetScanner {
	s := &SheetScanner{sst: sst}
	i := bytes.Index(data, []byte("<sheetData"))
	if i < 0 {
		s.done = true
		return s
	}
	data = data[i+len("<sheetData"):]
	end := bytes.IndexByte(data, '>')
	if end < 0 || (end > 0 && data[end-1] == '/') {
		s.done = true
		return s
	}
	data = data[end+1:]
	if j := bytes.Index(data, []byte("</sheetData>")); j >= 0 {
		data = data[:j]
	}
	s.data = data
	return s
}

var errMalformed = errors.New("malformed worksheet XML")

func (s *SheetScanner) Next() (rawRow, bool, error) {
	if s.pending == nil && !s.done {
		r, ok, err := s.readRow()
		if err != nil {
			return rawRow{}, false, err
		}
		if ok {
			s.pending = &r
		} else {
			s.done = true
		}
	}
	if s.pending == nil {
		return rawRow{}, false, nil
	}
	s.line++
	if s.pending.line > s.line {
		return rawRow{line: s.line}, true, nil
	}
	r := *s.pending
	s.pending = nil
	r.line = s.line
	return r, true, nil
}

// readRow reads the next <row> element; its line is its r attribute, else the next.
func (s *SheetScanner) readRow() (rawRow, bool, error) {
	i := bytes.Index(s.data, []byte("<row"))
	if i < 0 {
		return rawRow{}, false, nil
	}
	s.data = s.data[i+len("<row"):]
	end := bytes.IndexByte(s.data, '>')
	if end < 0 {
		return rawRow{}, false, errMalformed
	}
	attrs := s.data[:end]
	selfClosing := end > 0 && attrs[end-1] == '/'
	s.data = s.data[end+1:]
	r := rawRow{line: s.line + 1}
	if v := attr(attrs, "r"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n > excelize.TotalRows {
			return rawRow{}, false, errMalformed
		}
		if n > s.line {
			r.line = n
		}
	}
	if selfClosing {
		return r, true, nil
	}
	body := s.data
	j := bytes.Index(body, []byte("</row>"))
	if j < 0 {
		return rawRow{}, false, errMalformed
	}
	body, s.data = body[:j], body[j+len("</row>"):]
	col := 0
	if s.width > 0 {
		r.cells, r.meta = make([]string, 0, s.width), make([]uint8, 0, s.width)
	}
	defer func() { s.width = max(s.width, len(r.cells)) }()
	for {
		k := bytes.Index(body, []byte("<c"))
		if k < 0 {
			break
		}
		body = body[k+2:]
		if len(body) == 0 || (body[0] != ' ' && body[0] != '>' && body[0] != '/' && body[0] != '\t' && body[0] != '\n' && body[0] != '\r') {
			continue // another element starting with c
		}
		end := bytes.IndexByte(body, '>')
		if end < 0 {
			return rawRow{}, false, errMalformed
		}
		cattrs := body[:end]
		empty := end > 0 && cattrs[end-1] == '/'
		body = body[end+1:]
		col++
		if ref := rawAttr(cattrs, "r"); len(ref) > 0 {
			c, ok := refColumn(ref)
			if !ok {
				var err error
				if c, _, err = excelize.CellNameToCoordinates(attr(cattrs, "r")); err != nil {
					return rawRow{}, false, err
				}
			}
			col = c
		}
		typ := cellType(cattrs)
		var inner []byte
		if !empty {
			e := bytes.Index(body, []byte("</c>"))
			if e < 0 {
				return rawRow{}, false, errMalformed
			}
			inner, body = body[:e], body[e+len("</c>"):]
		}
		val, hasF, err := s.cellValue(typ, inner)
		if err != nil {
			return rawRow{}, false, err
		}
		if val == "" && !hasF {
			continue
		}
		for len(r.cells) < col-1 {
			r.cells = append(r.cells, "")
			r.meta = append(r.meta, 0)
		}
		var m uint8
		switch typ {
		case "s", "inlineStr", "str":
			m = rawText
		}
		if hasF {
			m |= rawFormula
		}
		r.cells = append(r.cells, val)
		r.meta = append(r.meta, m)
	}
	return r, true, nil
}

// rawAttr returns the raw value of attribute name in the attributes of a start tag, as
// attr finds it, without decoding references.
func rawAttr(attrs []byte, name string) []byte {
	for off := 0; off < len(attrs); {
		i := bytes.Index(attrs[off:], []byte(name))
		if i < 0 {
			return nil
		}
		i += off
		j := i + len(name)
		if j >= len(attrs) || attrs[j] != '=' || (i > 0 && attrs[i-1] != ' ' && attrs[i-1] != '\t' && attrs[i-1] != '\n' && attrs[i-1] != '\r') {
			off = j
			continue
		}
		v := attrs[j+1:]
		if len(v) == 0 {
			return nil
		}
		q := v[0]
		if q != '"' && q != '\'' {
			return nil
		}
		e := bytes.IndexByte(v[1:], q)
		if e < 0 {
			return nil
		}
		return v[1 : 1+e]
	}
	return nil
}

// refColumn reads the column of a plain cell reference ("AB17"): one to three capital
// letters, then a row number from 1 to excelize.TotalRows. ok is false for anything
// else, which excelize.CellNameToCoordinates then reads (or rejects). It is kept beside
// excelize's parser because it runs once per cell of every sheet scanned and takes the
// attribute's bytes as they are: 9 ns and no allocation a reference, against 50 ns and one
// allocation (the string) for excelize.CellNameToCoordinates (measured on a 2-core box).
func refColumn(ref []byte) (col int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 || i > 3 || col > excelize.MaxColumns || i == len(ref) || ref[i] == '0' || len(ref)-i > 7 {
		return 0, false
	}
	row := 0
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		row = row*10 + int(c-'0')
	}
	return col, row <= excelize.TotalRows
}

// cellType is the t attribute of a cell, as attr gives it; the usual ones without
// allocating.
func cellType(cattrs []byte) string {
	v := rawAttr(cattrs, "t")
	switch string(v) {
	case "":
		return ""
	case "s":
		return "s"
	case "n":
		return "n"
	case "str":
		return "str"
	case "inlineStr":
		return "inlineStr"
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return attr(cattrs, "t")
}

// cellValue is a cell's value as excelize's getValueFrom gives it with raw values.
func (s *SheetScanner) cellValue(typ string, inner []byte) (string, bool, error) {
	// the usual cell, <v>text</v> alone, read without searching
	if len(inner) > 7 && string(inner[:3]) == "<v>" && string(inner[len(inner)-4:]) == "</v>" {
		v := inner[3 : len(inner)-4]
		if bytes.IndexByte(v, '<') < 0 && (typ == "s" || typ == "" || typ == "n") {
			if typ != "s" {
				return s.Text(v), false, nil
			}
			if n, ok := smallIndex(v); ok && n < len(s.sst) {
				return s.sst[n], false, nil
			}
		}
	}
	hasF := bytes.Contains(inner, []byte("<f"))
	switch typ {
	case "s":
		v := elementText(inner, "v")
		if v == "" {
			return "", hasF, nil
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n >= len(s.sst) {
			return "", hasF, fmt.Errorf("invalid shared string index %s", v)
		}
		return s.sst[n], hasF, nil
	case "inlineStr":
		if is := elementInner(inner, "is"); is != nil {
			return richText(is), hasF, nil
		}
	}
	return elementText(inner, "v"), hasF, nil
}

// smallIndex reads a shared string's index written as plain digits.
func smallIndex(v []byte) (int, bool) {
	if len(v) == 0 || len(v) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// TextIntern gives the same string for the same short text: figures come back often
// ("0", "12"), in a sheet and from return to return, and each would be a string of its
// own. A reading worker keeps one for all its files (no lock: one goroutine uses it).
type TextIntern struct{ M map[string]string }

// InternMax bounds the texts a textIntern keeps: it is emptied when full, as a long run
// would otherwise keep the first files' texts only.
const InternMax = 1 << 12

// Text is the character data v as a string (unescapeXML), the same string for the same
// short text.
func (s *SheetScanner) Text(v []byte) string {
	if len(v) > 16 || bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 || s.Intern == nil {
		return UnescapeXML(v)
	}
	in := s.Intern
	if t, ok := in.M[string(v)]; ok {
		return t
	}
	t := string(v)
	switch {
	case in.M == nil:
		in.M = make(map[string]string, 256)
	case len(in.M) >= InternMax:
		clear(in.M)
	}
	in.M[t] = t
	return t
}

// elementInner returns the content of the first <name> or <name ...> element of data.
func elementInner(data []byte, name string) []byte {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("<"+name))
		if i < 0 {
			return nil
		}
		i += off + 1 + len(name)
		if i >= len(data) {
			return nil
		}
		switch data[i] {
		case '>', ' ', '\t', '\n', '\r', '/':
		default:
			off = i
			continue
		}
		end := bytes.IndexByte(data[i:], '>')
		if end < 0 {
			return nil
		}
		if data[i+end-1] == '/' {
			return nil
		}
		start := i + end + 1
		close := bytes.Index(data[start:], []byte("</"+name+">"))
		if close < 0 {
			return nil
		}
		return data[start : start+close]
	}
}

func elementText(data []byte, name string) string {
	return UnescapeXML(elementInner(data, name))
}

// richText concatenates the <t> of a string item and of its runs, leaving out phonetic
// runs (<rPh>), as excelize does, then decodes _xHHHH_ escapes.
func richText(si []byte) string {
	// Most items are one <t>: its text is returned as decoded, without a copy into b,
	// which only joins the texts of items with several.
	var b strings.Builder
	first, texts := "", 0
	text := func() string {
		if texts <= 1 {
			return first
		}
		return b.String()
	}
	for len(si) > 0 {
		i := bytes.IndexByte(si, '<')
		if i < 0 {
			break
		}
		si = si[i:]
		switch {
		case bytes.HasPrefix(si, []byte("<rPh")):
			e := bytes.Index(si, []byte("</rPh>"))
			if e < 0 {
				si = si[4:]
				continue
			}
			si = si[e+len("</rPh>"):]
		case bytes.HasPrefix(si, []byte("<t>")) || bytes.HasPrefix(si, []byte("<t ")) || bytes.HasPrefix(si, []byte("<t/")):
			end := bytes.IndexByte(si, '>')
			if si[end-1] == '/' {
				si = si[end+1:]
				continue
			}
			si = si[end+1:]
			e := bytes.Index(si, []byte("</t>"))
			if e < 0 {
				return text()
			}
			switch t := UnescapeXML(si[:e]); texts {
			case 0:
				first = t
			case 1:
				b.WriteString(first)
				b.WriteString(t)
			default:
				b.WriteString(t)
			}
			texts++
			si = si[e+len("</t>"):]
		default:
			si = si[1:]
		}
	}
	return bstrDecode(text())
}

var bstrExp = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrDecode decodes the _xHHHH_ escapes of a string item, as excelize's bstrUnmarshal.
func bstrDecode(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	cursor := 0
	for _, m := range bstrExp.FindAllStringIndex(s, -1) {
		out.WriteString(s[cursor:m[0]])
		sub := s[m[0]:m[1]]
		cursor = m[1]
		if sub == "_x005F_" {
			out.WriteString("_")
			continue
		}
		v, _ := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`)
		out.WriteString(v)
	}
	out.WriteString(s[cursor:])
	return out.String()
}

func parseSharedStrings(data []byte) ([]string, error) {
	if bytes.Contains(data, []byte("<![CDATA[")) || !bytes.Contains(data, []byte("<sst")) {
		return nil, errRawUnsupported
	}
	var out []string
	for {
		i := bytes.Index(data, []byte("<si"))
		if i < 0 {
			return out, nil
		}
		data = data[i+3:]
		end := bytes.IndexByte(data, '>')
		if end < 0 {
			return nil, errMalformed
		}
		if end == 1 && data[0] == '/' {
			out = append(out, "")
			data = data[end+1:]
			continue
		}
		data = data[end+1:]
		e := bytes.Index(data, []byte("</si>"))
		if e < 0 {
			return nil, errMalformed
		}
		out = append(out, richText(data[:e]))
		data = data[e+len("</si>"):]
	}
}

// attr returns the value of attribute name in the attributes of a start tag.
func attr(attrs []byte, name string) string {
	for off := 0; off < len(attrs); {
		i := bytes.Index(attrs[off:], []byte(name+"="))
		if i < 0 {
			return ""
		}
		i += off
		if i > 0 && attrs[i-1] != ' ' && attrs[i-1] != '\t' && attrs[i-1] != '\n' && attrs[i-1] != '\r' {
			off = i + len(name) + 1
			continue
		}
		v := attrs[i+len(name)+1:]
		if len(v) == 0 {
			return ""
		}
		q := v[0]
		if q != '"' && q != '\'' {
			return ""
		}
		e := bytes.IndexByte(v[1:], q)
		if e < 0 {
			return ""
		}
		return UnescapeXML(v[1 : 1+e])
	}
	return ""
}

// UnescapeXML decodes the character data of an element as encoding/xml does: entities
// and character references, and line ends normalised to \n.
func UnescapeXML(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\r':
			out.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case c == '&':
			e := bytes.IndexByte(b[i:], ';')
			if e < 0 {
				out.WriteByte(c)
				continue
			}
			ent := string(b[i+1 : i+e])
			switch {
			case ent == "amp":
				out.WriteByte('&')
			case ent == "lt":
				out.WriteByte('<')
			case ent == "gt":
				out.WriteByte('>')
			case ent == "quot":
				out.WriteByte('"')
			case ent == "apos":
				out.WriteByte('\'')
			case strings.HasPrefix(ent, "#x"):
				n, err := strconv.ParseUint(ent[2:], 16, 32)
				if err != nil {
					out.Write(b[i : i+e+1])
				} else {
					out.WriteRune(rune(n))
				}
			case strings.HasPrefix(ent, "#"):
				n, err := strconv.ParseUint(ent[1:], 10, 32)
				if err != nil {
					out.Write(b[i : i+e+1])
				} else {
					out.WriteRune(rune(n))
				}
			default:
				out.Write(b[i : i+e+1])
			}
			i += e
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// plainWorksheet reports whether the scanner can read a worksheet: no namespace prefix
// on its elements and no CDATA.
func plainWorksheet(data []byte) bool {
	return bytes.Contains(data, []byte("<worksheet")) && !bytes.Contains(data, []byte("<![CDATA[")) &&
		!prefixedElement(data[:min(len(data), 4096)])
}

// prefixedElement reports whether data has a start tag of worksheet, sheetData, row or c
// with a namespace prefix, as the regular expression <[A-Za-z_][\w.-]*:(worksheet|sheetData|row|c)[\s>].
func prefixedElement(data []byte) bool {
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '<')
		if i < 0 {
			return false
		}
		i += off
		off = i + 1
		j := i + 1
		if j >= len(data) || !(data[j] >= 'a' && data[j] <= 'z' || data[j] >= 'A' && data[j] <= 'Z' || data[j] == '_') {
			continue
		}
		for j < len(data) && isNameByte(data[j]) {
			j++
		}
		if j >= len(data) || data[j] != ':' {
			continue
		}
		rest := data[j+1:]
		for _, n := range [...]string{"worksheet", "sheetData", "row", "c"} {
			if len(rest) > len(n) && string(rest[:len(n)]) == n {
				switch rest[len(n)] {
				case ' ', '\t', '\n', '\f', '\r', '>':
					return true
				}
			}
		}
	}
}
