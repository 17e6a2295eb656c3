package ooxml

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"drugfree/report/grid"
)

// A worksheet's rows are the <row> elements of its <sheetData>, each a list of <c>
// cells: <c r="B7" t="s"><v>12</v></c>. The scanner walks them in one pass, giving
// what excelize's Rows and Columns give with RawCellValue, and the type and formula
// flags the reader asks for. Anything it does not expect is an error: the reader then
// reads the whole file with excelize.

var (
	// errUnsupported is what the scanner does not read: the file is excelize's.
	errUnsupported = errors.New("not a plain workbook")
	errMalformed   = errors.New("malformed XML")
)

// sheetPart is a worksheet's XML as the scanner reads it.
type sheetPart struct {
	head []byte // what precedes <sheetData> (the columns' widths and hidden flags)
	rows []byte // the content of <sheetData>
	tail []byte // what follows it (the merged cells)
}

// splitSheet cuts a worksheet's XML into its rows and what follows them; ok is false
// when the scanner does not read the part (cleanPart declines it, the root is not
// <worksheet>, or an element the scanner looks for may hide behind a namespace
// prefix, which excelize, reading local names, sees).
func splitSheet(data []byte) (sheetPart, bool) {
	data, ok := cleanPart(data)
	if !ok {
		return sheetPart{}, false
	}
	body, ok := rootContent(data, "worksheet")
	if !ok {
		return sheetPart{}, false
	}
	i := startTag(body, "<sheetData")
	if i < 0 {
		return sheetPart{tail: body}, startTag(body, "<row") < 0 && !prefixedTag(body, "sheetData", "row")
	}
	// excelize reads a <row> wherever it is before </sheetData>
	head := body[:i]
	if startTag(head, "<row") >= 0 || prefixedTag(head, "sheetData", "row") {
		return sheetPart{}, false
	}
	body = body[i+len("<sheetData"):]
	_, _, empty, next, ok := tagAttrs(body, "", "")
	if !ok {
		return sheetPart{}, false
	}
	body = body[next:]
	if empty {
		return sheetPart{head: head, tail: body}, true
	}
	e, end := endTag(body, "</sheetData")
	if e < 0 || prefixedTag(body[:e]) {
		return sheetPart{}, false
	}
	return sheetPart{head: head, rows: body[:e], tail: body[end:]}, true
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

// sheetScanner walks the rows of a worksheet's sheetData. Lines come one by one from 1,
// empty ones included, as excelize's Rows iterator gives them.
type sheetScanner struct {
	data    []byte // what is left of sheetData
	sst     []string
	line    int
	pending *rawRow // the next row read, when its line is ahead
	done    bool
	width   int         // cells of the last row read: the next one's likely capacity
	intern  *TextIntern // nil for none
	// cells are the cells of the rows read so far, empty ones before the last of each
	// row counted; maxCells is their limit (grid.Limits.Cells), 0 for none
	cells, maxCells int64
}

func newSheetScanner(rows []byte, sst []string, intern *TextIntern, maxCells int64) *sheetScanner {
	return &sheetScanner{data: rows, sst: sst, intern: intern, maxCells: maxCells}
}

// maxCapacity is the most cells a row is given room for before it is read, from the
// width of the row before: no more than a real row holds, so that one wide row does not
// make every row after it allocate as much.
const maxCapacity = 256

func (s *sheetScanner) Next() (rawRow, bool, error) {
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
func (s *sheetScanner) readRow() (rawRow, bool, error) {
	i := startTag(s.data, "<row")
	if i < 0 {
		return rawRow{}, false, nil
	}
	ref, _, selfClosing, next, ok := tagAttrs(s.data[i+len("<row"):], "r", "")
	if !ok {
		return rawRow{}, false, errMalformed
	}
	s.data = s.data[i+len("<row")+next:]
	r := rawRow{line: s.line + 1}
	if len(ref) > 0 {
		n, err := strconv.Atoi(attrText(ref))
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
	j, end := endTag(s.data, "</row")
	if j < 0 {
		return rawRow{}, false, errMalformed
	}
	body := s.data[:j]
	s.data = s.data[end:]
	col := 0
	if s.width > 0 {
		w := min(s.width, maxCapacity)
		r.cells, r.meta = make([]string, 0, w), make([]uint8, 0, w)
	}
	defer func() { s.width = max(s.width, len(r.cells)) }()
	for {
		k := startTag(body, "<c")
		if k < 0 {
			break
		}
		ref, t, empty, next, ok := tagAttrs(body[k+len("<c"):], "r", "t")
		if !ok {
			return rawRow{}, false, errMalformed
		}
		body = body[k+len("<c")+next:]
		col++
		if len(ref) > 0 {
			c, ok := refColumn(ref)
			if !ok {
				var err error
				if c, _, err = excelize.CellNameToCoordinates(attrText(ref)); err != nil {
					return rawRow{}, false, err
				}
			}
			col = c
		}
		var inner []byte
		if !empty {
			e, end := endTag(body, "</c")
			if e < 0 {
				return rawRow{}, false, errMalformed
			}
			inner, body = body[:e], body[end:]
		}
		typ := cellType(t)
		val, hasF, err := s.cellValue(typ, inner)
		if err != nil {
			return rawRow{}, false, err
		}
		if val == "" && !hasF {
			continue
		}
		if s.maxCells > 0 && s.cells+int64(col) > s.maxCells { // checked before the row is widened
			return rawRow{}, false, &grid.TooLarge{Limit: grid.LimitCells, Max: s.maxCells}
		}
		if need := col - len(r.cells); need > 0 { // room for the empty cells and this one, at once
			r.cells, r.meta = slices.Grow(r.cells, need), slices.Grow(r.meta, need)
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
	s.cells += int64(len(r.cells))
	return r, true, nil
}

// attrText is an attribute's value decoded.
func attrText(v []byte) string { return UnescapeXML(v) }

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

// cellType is the t attribute of a cell, decoded; the usual ones without allocating.
func cellType(v []byte) string {
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
	return attrText(v)
}

// cellValue is a cell's value as excelize's getValueFrom gives it with raw values, and
// whether the cell has a formula.
func (s *sheetScanner) cellValue(typ string, inner []byte) (string, bool, error) {
	// the usual cell, <v>text</v> alone, read without searching
	if len(inner) > 7 && string(inner[:3]) == "<v>" && string(inner[len(inner)-4:]) == "</v>" {
		v := inner[3 : len(inner)-4]
		if bytes.IndexByte(v, '<') < 0 && (typ == "s" || typ == "" || typ == "n") {
			if typ != "s" {
				return s.text(v), false, nil
			}
			if n, ok := smallIndex(v); ok && n < len(s.sst) {
				return s.sst[n], false, nil
			}
		}
	}
	c, err := cellChildren(inner)
	if err != nil {
		return "", false, err
	}
	switch typ {
	case "s":
		if len(c.v) == 0 {
			return "", c.f, nil
		}
		v := UnescapeXML(c.v)
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n >= len(s.sst) {
			return "", c.f, fmt.Errorf("invalid shared string index %s", v)
		}
		return s.sst[n], c.f, nil
	case "inlineStr":
		if c.hasIS {
			t, err := richText(c.is)
			return t, c.f, err
		}
	}
	return UnescapeXML(c.v), c.f, nil
}

// cell is what excelize reads of a cell's children: the raw text of its value <v>,
// whether it has a formula <f>, and the content of its inline string <is>, if any.
type cell struct {
	v     []byte
	f     bool
	is    []byte
	hasIS bool
}

// cellChildren reads the children of a cell. Another element than v, f and is, one of
// them twice, or an element inside v or f, is errUnsupported: excelize reads such a
// cell in its own way.
func cellChildren(inner []byte) (cell, error) {
	var c cell
	var seen uint8
	for {
		i := bytes.IndexByte(inner, '<')
		if i < 0 {
			return c, nil
		}
		inner = inner[i+1:]
		n := 0
		for n < len(inner) && isNameByte(inner[n]) {
			n++
		}
		var bit uint8
		var end string
		switch string(inner[:n]) {
		case "v":
			bit, end = 1, "</v"
		case "f":
			bit, end = 2, "</f"
		case "is":
			bit, end = 4, "</is"
		default:
			return c, errUnsupported
		}
		if seen&bit != 0 {
			return c, errUnsupported
		}
		seen |= bit
		content, rest, err := element(inner[n:], end)
		if err != nil {
			return c, err
		}
		inner = rest
		switch bit {
		case 1, 2:
			if bytes.IndexByte(content, '<') >= 0 {
				return c, errUnsupported
			}
			if bit == 1 {
				c.v = content
			} else {
				c.f = true
			}
		case 4:
			c.is, c.hasIS = content, true
		}
	}
}

// element reads an element from data just past its name: its content (empty when the
// tag closes itself) and what follows its end tag, end ("</name").
func element(data []byte, end string) (content, rest []byte, err error) {
	if len(data) == 0 || !tagEnd(data[0]) {
		return nil, nil, errMalformed
	}
	_, _, empty, next, ok := tagAttrs(data, "", "")
	if !ok {
		return nil, nil, errMalformed
	}
	data = data[next:]
	if empty {
		return nil, data, nil
	}
	e, after := endTag(data, end)
	if e < 0 {
		return nil, nil, errMalformed
	}
	return data[:e], data[after:], nil
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

// text is the character data v as a string (UnescapeXML), the same string for the same
// short text.
func (s *sheetScanner) text(v []byte) string {
	return s.intern.text(v)
}
