package ooxml

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"drugfree/report/grid"
)

// Book reads an unencrypted .xlsx straight from its parts: the workbook, the shared
// strings and each worksheet's XML, scanned once by element name rather than decoded
// into a tree. It answers what the reader asks of a sheet (cell values as excelize's
// Rows gives them with RawCellValue, cell types, formulas, merged cells) in the same
// pass, so reading a return is truly streaming: nothing of a sheet is kept but its
// bytes while it is read.
//
// A book is excelize, faster, or nothing: Open declines a workbook it does not read
// plainly (a chart sheet, a namespace prefix, CDATA, a DOCTYPE), and once open, the
// first thing it cannot read (an error, a malformed or unexpected element) is kept in
// Err. Either way the caller reads the file with excelize instead, from the start.
type Book struct {
	data  []byte
	files map[string]*zip.File
	names []string
	// sheets are the worksheets' XML, decompressed on opening: each is scanned whole
	// anyway, for its header and its merged cells.
	sheets map[string]sheetPart
	d1904  bool
	sst    []string

	// heads are the first rows of sheets already scanned for their header, and where
	// the scan stopped, so that reading a sheet again (its data, a cover's values, a
	// cell's type) does not parse them again. A sheetScanner is a value: each source
	// starts from a copy of the one kept.
	heads map[string]*rawHead

	parts  *PartMemo    // small parts remembered from book to book; nil for none
	budget *grid.Budget // what may still be inflated; nil for no limit
	cells  int64        // the most cells a sheet's rows may spread over; 0 for no limit
	texts  *TextIntern  // short cell texts (sheetScanner.text)

	err error // the first failure after opening

	// hidden are the sheets the clerk does not see (hidden.go)
	hidden map[string]bool

	xlOnce sync.Once
	xl     *excelize.File // opened only for a formula without cached value
	xlErr  error
}

// Options are what a reading worker brings to Open; all may be nil.
type Options struct {
	// Zip is the package's directory, when the caller has read it already.
	Zip *zip.Reader
	// Parts and Texts are the worker's memos, kept from book to book: small parts of
	// the package, and short cell texts.
	Parts *PartMemo
	Texts *TextIntern
	// Budget is what the book may inflate (grid.Limits.Inflated); nil for no limit.
	// Beyond it, Open or Err fail with a *grid.TooLarge.
	Budget *grid.Budget
	// Cells is the most cells the rows of a sheet may spread over (grid.Limits.Cells);
	// 0 for no limit. Beyond it, reading the sheet fails with a *grid.TooLarge.
	Cells int64
}

// Open opens a workbook from its bytes. It fails (with errUnsupported) for any
// workbook it does not read plainly; the caller then opens it with excelize.
func Open(data []byte, opt Options) (*Book, error) {
	zr := opt.Zip
	if zr == nil {
		var err error
		if zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
			return nil, errUnsupported
		}
	}
	b := &Book{data: data, files: map[string]*zip.File{}, sheets: map[string]sheetPart{}, parts: opt.Parts, texts: opt.Texts, budget: opt.Budget, cells: opt.Cells}
	if b.texts == nil {
		b.texts = &TextIntern{}
	}
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
	wb, err := b.workbook(wbPath)
	if err != nil {
		return nil, declined(err)
	}
	b.d1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	rels, err := b.rels(path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels"))
	if err != nil {
		return nil, errUnsupported
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
			return nil, errUnsupported
		}
		p := resolvePart(path.Dir(wbPath), r.Target)
		if b.files[p] == nil {
			return nil, errUnsupported
		}
		data, err := b.part(p)
		if err != nil {
			return nil, declined(err)
		}
		sheet, ok := splitSheet(data)
		if !ok {
			return nil, errUnsupported
		}
		b.names = append(b.names, s.Name)
		if s.State == "hidden" || s.State == "veryHidden" {
			b.markHidden(s.Name)
		}
		b.sheets[s.Name] = sheet
	}
	if sstPath != "" && b.files[sstPath] != nil {
		data, err := b.part(sstPath)
		if err != nil {
			return nil, declined(err)
		}
		if b.sst, err = sharedStrings(data); err != nil {
			return nil, errUnsupported
		}
	}
	return b, nil
}

func (b *Book) SheetList() []string { return b.names }
func (b *Book) Date1904() bool      { return b.d1904 }

func (b *Book) Close() {
	if b.xl != nil {
		_ = b.xl.Close()
	}
}

// Err returns the first failure met since Open: reading a sheet's rows, a cell's type,
// a formula, the merged cells. Once it is set, what the book gave may be wrong or
// incomplete, and the file must be read again with excelize.
func (b *Book) Err() error { return b.err }

// fail keeps err as the book's failure, if it is the first, and returns it.
func (b *Book) fail(err error) error {
	if b.err == nil {
		b.err = err
	}
	return err
}

// sheet returns a worksheet's part.
func (b *Book) sheet(name string) (sheetPart, error) {
	if p, ok := b.sheets[name]; ok {
		return p, nil
	}
	return sheetPart{}, b.fail(grid.ErrReading(name, fmt.Errorf("sheet %s does not exist", name)))
}

func (b *Book) Source(sheet string) (grid.Source, error) {
	p, err := b.sheet(sheet)
	if err != nil {
		return nil, err
	}
	if h := b.heads[sheet]; h != nil {
		sc := h.sc
		return &rawSource{b: b, sheet: sheet, sc: &sc, replay: h.rows}, nil
	}
	return &rawSource{b: b, sheet: sheet, sc: newSheetScanner(p.rows, b.sst, b.texts, b.cells), record: true}, nil
}

// Rows returns every row of a sheet as excelize's GetRows does with RawCellValue.
func (b *Book) Rows(sheet string) ([][]string, error) {
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
func (b *Book) CellIsText(sheet, cell string) bool {
	col, line, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		b.fail(err)
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
// it is among rows. A range it cannot read, or two that overlap (excelize joins them),
// are a failure.
func (b *Book) Merges(sheet string, rows []grid.Row) []grid.Merge {
	p, err := b.sheet(sheet)
	if err != nil {
		return nil
	}
	data := p.tail
	if prefixedTag(data, "mergeCell") {
		b.fail(errUnsupported)
		return nil
	}
	var out []grid.Merge
	for {
		i := startTag(data, "<mergeCell")
		if i < 0 {
			break
		}
		ref, _, _, next, ok := tagAttrs(data[i+len("<mergeCell"):], "ref", "")
		if !ok {
			b.fail(errMalformed)
			return nil
		}
		data = data[i+len("<mergeCell")+next:]
		m, err := mergeRange(attrText(ref))
		if err != nil {
			b.fail(err)
			return nil
		}
		out = append(out, m)
	}
	if overlap(out) {
		b.fail(errUnsupported)
		return nil
	}
	line := make(map[int]int, len(rows)) // a line's row, the last given for it
	for i, g := range rows {
		line[g.Line] = i
	}
	for k, m := range out {
		if i, ok := line[m.Top]; ok && m.Left < len(rows[i].Cells) {
			out[k].Text = rows[i].Cells[m.Left]
		}
	}
	return out
}

// overlap reports whether two of ms share a cell, without checking each pair (which
// took 15 s for 100,000 ranges). The ranges are swept from the top: those that cover the
// row a range begins on are the ones it may overlap, and they share that row, so, unless
// two overlap already, they are disjoint in columns and kept in the order of their left
// columns; the range overlaps one of them if and only if it overlaps its neighbours in
// that order. There are at most 16,384 of them (one a column), so the time is n log n
// for the sort and at most n times that bound for the sweep; a sheet's real ranges, a few
// rows tall, keep one or two.
func overlap(ms []grid.Merge) bool {
	byTop := slices.Clone(ms)
	slices.SortFunc(byTop, func(a, b grid.Merge) int { return cmp.Compare(a.Top, b.Top) })
	var open []grid.Merge // covering the row swept, by left column
	for _, m := range byTop {
		open = slices.DeleteFunc(open, func(o grid.Merge) bool { return o.Bottom < m.Top })
		i, _ := slices.BinarySearchFunc(open, m.Left, func(o grid.Merge, left int) int { return cmp.Compare(o.Left, left) })
		if (i > 0 && open[i-1].Right >= m.Left) || (i < len(open) && open[i].Left <= m.Right) {
			return true
		}
		open = slices.Insert(open, i, m)
	}
	return false
}

// mergeRange reads a merged range, "A1:C2", or "A1" for a range of one cell; a range
// written from its bottom or right end is errUnsupported (excelize keeps such a range
// as written, which ranges that overlap would not be).
func mergeRange(ref string) (grid.Merge, error) {
	from, to, cut := strings.Cut(ref, ":")
	if !cut {
		to = from
	}
	c1, r1, err := excelize.CellNameToCoordinates(from)
	if err != nil {
		return grid.Merge{}, err
	}
	c2, r2, err := excelize.CellNameToCoordinates(to)
	if err != nil {
		return grid.Merge{}, err
	}
	if c1 > c2 || r1 > r2 {
		return grid.Merge{}, errUnsupported
	}
	return grid.Merge{Top: r1, Left: c1 - 1, Bottom: r2, Right: c2 - 1}, nil
}

// declined is the error of Open for a failure err: the file's own when it is too large
// (excelize would fail on it too, or exhaust the machine) or damaged (excelize would
// read it up to the damage), else errUnsupported.
func declined(err error) error {
	var tl *grid.TooLarge
	var dm *Damaged
	if errors.As(err, &tl) || errors.As(err, &dm) {
		return err
	}
	return errUnsupported
}

// excelize opens the workbook with excelize, for what the scanner does not compute.
func (b *Book) excelize() (*excelize.File, error) {
	b.xlOnce.Do(func() {
		b.xl, b.xlErr = excelize.OpenReader(bytes.NewReader(b.data), grid.ExcelizeOptions(b.budget.Left(), ""))
		if b.xlErr != nil {
			b.fail(b.xlErr)
		}
	})
	return b.xl, b.xlErr
}
