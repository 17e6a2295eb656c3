package ooxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The oracles read a part the straightforward way, with encoding/xml's token loop, and
// give what excelize reads of it (rows.go: Rows, Columns, getValueFrom with raw values;
// xlsxSI.String). The scanners must either decline a part (or fail on it: the reader
// then reads the file with excelize) or read what its oracle reads.

var (
	// errIllFormed: encoding/xml refuses the part, or it has not one root element.
	errIllFormed = errors.New("not well formed")
	// errDirective: the part has a DOCTYPE or another <! declaration, which the
	// scanners must decline.
	errDirective = errors.New("a DOCTYPE or other declaration")
	// errShape: a cell outside a row, a row or cell inside a cell, an s attribute
	// that is not a number: what no program writes and excelize reads in ways of its
	// own; the scanners may read such a part as they like, but not panic.
	errShape = errors.New("not shaped as SpreadsheetML")
)

// tokens reads all of a part's tokens.
func tokens(data []byte) ([]xml.Token, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var toks []xml.Token
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errIllFormed
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, errDirective
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(bytes.TrimPrefix(t, []byte("\xEF\xBB\xBF")))) > 0 {
				return nil, errIllFormed
			}
		}
		toks = append(toks, xml.CopyToken(tok))
	}
	if roots != 1 {
		return nil, errIllFormed
	}
	return toks, nil
}

// skip returns the index of the end of the element that starts at toks[i].
func skip(toks []xml.Token, i int) int {
	depth := 0
	for ; ; i++ {
		switch toks[i].(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth--; depth == 0 {
				return i
			}
		}
	}
}

// chardata is the text of the element that starts at toks[i], as encoding/xml decodes
// an element into a string: its own character data, not its children's.
func chardata(toks []xml.Token, i int) string {
	var b strings.Builder
	depth := 0
	for end := skip(toks, i); i <= end; i++ {
		switch t := toks[i].(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				b.Write(t)
			}
		}
	}
	return b.String()
}

// children calls f with the index of each child element of the element at toks[i].
func children(toks []xml.Token, i int, f func(j int) error) error {
	end := skip(toks, i)
	for j := i + 1; j < end; j++ {
		if _, ok := toks[j].(xml.StartElement); ok {
			if err := f(j); err != nil {
				return err
			}
			j = skip(toks, j)
		}
	}
	return nil
}

func local(tok xml.Token) string { return tok.(xml.StartElement).Name.Local }

// oracleItem is the text of the string item (<si> or <is>) at toks[i], as excelize
// decodes it into xlsxSI and joins it with xlsxSI.String: the last <t> child, then the
// last <t> of each <r> child.
func oracleItem(toks []xml.Token, i int) string {
	var t string
	var runs []string
	children(toks, i, func(j int) error {
		switch local(toks[j]) {
		case "t":
			t = chardata(toks, j)
		case "r":
			rt := ""
			children(toks, j, func(k int) error {
				if local(toks[k]) == "t" {
					rt = chardata(toks, k)
				}
				return nil
			})
			runs = append(runs, rt)
		}
		return nil
	})
	s := t + strings.Join(runs, "")
	if s == "" {
		return ""
	}
	return bstrDecode(s)
}

// oracleSST reads the items of a shared strings part.
func oracleSST(data []byte) ([]string, error) {
	toks, err := tokens(data)
	if err != nil {
		return nil, err
	}
	root := 0
	for {
		if _, ok := toks[root].(xml.StartElement); ok {
			break
		}
		root++
	}
	var out []string
	children(toks, root, func(j int) error {
		if local(toks[j]) == "si" {
			out = append(out, oracleItem(toks, j))
		}
		return nil
	})
	return out, nil
}

// attrValToInt is excelize's: the value of the attributes of local name, read with
// strconv.Atoi, the last one, or the first that does not read (its value is Atoi's).
func attrValToInt(attrs []xml.Attr, name string) int {
	val := 0
	for _, a := range attrs {
		if a.Name.Local == name {
			var err error
			if val, err = strconv.Atoi(a.Value); err != nil {
				return val
			}
		}
	}
	return val
}

// oracleRows reads a worksheet's rows as excelize's Rows iterator and Columns give them
// with RawCellValue, with each cell's type and formula flags; lines from 1, empty ones
// included, as sheetScanner gives them. An error other than errIllFormed, errDirective
// and errShape is one excelize meets, or a value it reads in its own way (a row
// number that does not read, a shared string index out of range): the scanner must
// fail there.
func oracleRows(data []byte, sst []string) ([]rawRow, error) {
	toks, err := tokens(data)
	if err != nil {
		return nil, err
	}
	var rows []rawRow
	line := 0
	for i := 0; i < len(toks); i++ {
		switch t := toks[i].(type) {
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				return rows, nil
			}
			continue
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
			case "c":
				return nil, errShape // excelize gives it to the row before
			default:
				continue
			}
			n := attrValToInt(t.Attr, "r")
			if n > excelize.TotalRows {
				return nil, excelize.ErrMaxRows
			}
			if line++; n > line {
				for ; line < n; line++ { // the lines in between, empty
					rows = append(rows, rawRow{line: line})
				}
			}
			r := rawRow{line: line}
			// the row's cells: excelize reads every <c> inside the row
			end := skip(toks, i)
			col := 0
			for j := i + 1; j < end; j++ {
				st, ok := toks[j].(xml.StartElement)
				if !ok {
					continue
				}
				switch st.Name.Local {
				case "row", "sheetData":
					return nil, errShape
				case "c":
				default:
					continue
				}
				col++
				val, m, c, err := oracleCell(toks, j, sst)
				if err != nil {
					return nil, err
				}
				if c > 0 {
					col = c
				}
				if m&rawFormula != 0 || val != "" {
					for len(r.cells) < col-1 {
						r.cells = append(r.cells, "")
						r.meta = append(r.meta, 0)
					}
					r.cells = append(r.cells, val)
					r.meta = append(r.meta, m)
				}
				j = skip(toks, j)
			}
			rows = append(rows, r)
			i = end
		}
	}
	return rows, nil
}

// oracleCell reads the cell at toks[j]: its value as getValueFrom gives it with raw
// values, its type and formula flags, and its column when it gives one (else 0).
func oracleCell(toks []xml.Token, j int, sst []string) (val string, meta uint8, col int, err error) {
	st := toks[j].(xml.StartElement)
	var ref, typ string
	for _, a := range st.Attr {
		switch a.Name.Local {
		case "r":
			ref = a.Value
		case "t":
			typ = a.Value
		case "s":
			if _, err := strconv.ParseInt(a.Value, 10, 64); err != nil {
				return "", 0, 0, errShape // excelize stops reading the cell there
			}
		}
	}
	if ref != "" {
		if col, _, err = excelize.CellNameToCoordinates(ref); err != nil {
			return "", 0, 0, err
		}
	}
	// excelize's cellXMLHandler: v, f and is wherever they are in the cell
	var v string
	var hasF, hasIS bool
	var is string
	end := skip(toks, j)
	for k := j + 1; k < end; k++ {
		se, ok := toks[k].(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "v":
			v = chardata(toks, k)
		case "f":
			hasF = true
		case "is":
			hasIS, is = true, oracleItem(toks, k)
		case "c", "row", "sheetData":
			return "", 0, 0, errShape
		default:
			continue
		}
		k = skip(toks, k)
	}
	switch typ {
	case "s", "inlineStr", "str":
		meta = rawText
	}
	if hasF {
		meta |= rawFormula
	}
	switch {
	case typ == "s" && v != "":
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n >= len(sst) {
			return "", 0, 0, errors.New("invalid shared string index " + v)
		}
		val = sst[n]
	case typ == "inlineStr" && hasIS:
		val = is
	default:
		val = v
	}
	return val, meta, col, nil
}
