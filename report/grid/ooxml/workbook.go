package ooxml

import (
	"bytes"
	"encoding/xml"
)

// workbook.xml names the sheets and says which dates the workbook counts from; the
// relationship parts say where each sheet's part is. They are small, and read with
// small scanners when they are plain (most are), else with encoding/xml.

// xmlRel is a relationship: an Id, a Type, and the Target part.
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

// rels reads a relationships part: with scanRels when the part is plain, else with
// encoding/xml. What it gives must not be changed (readPart).
func (b *Book) rels(name string) ([]xmlRel, error) {
	return readPart(b, name, readRels)
}

func readRels(data []byte) ([]xmlRel, error) {
	if rels, ok := scanRels(data); ok {
		return rels, nil
	}
	var rels struct {
		Rels []xmlRel `xml:"Relationship"`
	}
	err := xml.Unmarshal(data, &rels)
	return rels.Rels, err
}

// workbook reads workbook.xml: with scanWorkbook when the part is plain, else with
// encoding/xml. What it gives must not be changed (readPart).
func (b *Book) workbook(name string) (xmlWorkbook, error) {
	return readPart(b, name, readWorkbook)
}

func readWorkbook(data []byte) (xmlWorkbook, error) {
	var wb xmlWorkbook
	if scanWorkbook(data, &wb) {
		return wb, nil
	}
	wb = xmlWorkbook{}
	err := xml.Unmarshal(data, &wb)
	return wb, err
}

// scanRels reads the Relationship elements of a plain relationships part as
// encoding/xml reads them into xmlRel; ok is false when the part is not plain.
func scanRels(data []byte) (rels []xmlRel, ok bool) {
	body, ok := plainPart(data, "Relationships")
	if !ok {
		return nil, false
	}
	ok = walkTags(body, func(depth int, name, attrs []byte) bool {
		if depth != 0 || string(localName(name)) != "Relationship" {
			return true
		}
		var r xmlRel
		ok := attrsLocal(attrs, func(name, v []byte) {
			switch string(name) {
			case "Id":
				r.ID = UnescapeXML(v)
			case "Type":
				r.Type = UnescapeXML(v)
			case "Target":
				r.Target = UnescapeXML(v)
			}
		})
		rels = append(rels, r)
		return ok
	})
	if !ok {
		return nil, false
	}
	return rels, true
}

// scanWorkbook reads the workbookPr and sheets of a plain workbook.xml into wb, as
// encoding/xml reads them into xmlWorkbook. It declines (false) a part that is not
// plain, or has more than one workbookPr or sheets element.
func scanWorkbook(data []byte, wb *xmlWorkbook) bool {
	body, ok := plainPart(data, "workbook")
	if !ok {
		return false
	}
	prs, sheets, inSheets := 0, 0, false
	return walkTags(body, func(depth int, name, attrs []byte) bool {
		switch local := string(localName(name)); {
		case depth == 0:
			inSheets = local == "sheets"
			switch local {
			case "workbookPr":
				prs++
				return prs == 1 && attrsLocal(attrs, func(name, v []byte) {
					if string(name) == "date1904" {
						wb.Pr.Date1904 = UnescapeXML(v)
					}
				})
			case "sheets":
				sheets++
				return sheets == 1
			}
		case depth == 1 && inSheets && local == "sheet":
			var sh xmlSheet
			ok := attrsLocal(attrs, func(name, v []byte) {
				switch string(name) {
				case "name":
					sh.Name = UnescapeXML(v)
				case "id":
					sh.ID = UnescapeXML(v)
				case "state":
					sh.State = UnescapeXML(v)
				}
			})
			wb.Sheets = append(wb.Sheets, sh)
			return ok
		}
		return true
	})
}

// plainPart returns the content of the root element of a part when a scan by element
// name reads it as encoding/xml would: once cleaned (cleanPart), the part is the root
// element, named root without prefix.
func plainPart(data []byte, root string) ([]byte, bool) {
	data, ok := cleanPart(data)
	if !ok {
		return nil, false
	}
	return rootContent(data, root)
}

// walkTags calls f with each start tag of a cleaned element's content, in order: its
// depth (0 for the content's children), name and attributes. It returns false when a
// tag is not well formed, tags do not nest, or f returns false.
func walkTags(body []byte, f func(depth int, name, attrs []byte) bool) bool {
	var open [][]byte // the names of the elements open
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '<')
		if j < 0 {
			return len(open) == 0
		}
		i += j + 1
		end := i < len(body) && body[i] == '/'
		if end {
			i++
		}
		n := i
		for n < len(body) && isNameByte(body[n]) {
			n++
		}
		name := body[i:n]
		if len(name) == 0 || n == len(body) || !tagEnd(body[n]) {
			return false
		}
		if end {
			for n < len(body) && isSpace(body[n]) {
				n++
			}
			if n == len(body) || body[n] != '>' || len(open) == 0 || !bytes.Equal(open[len(open)-1], name) {
				return false
			}
			open = open[:len(open)-1]
			i = n + 1
			continue
		}
		_, _, selfClosing, next, ok := tagAttrs(body[n:], "", "")
		if !ok {
			return false
		}
		attrs := body[n : n+next-1]
		if selfClosing {
			attrs = attrs[:len(attrs)-1]
		}
		if !f(len(open), name, attrs) {
			return false
		}
		if !selfClosing {
			open = append(open, name)
		}
		i = n + next
	}
}

// attrsLocal calls f with the local name (without prefix) and raw value of each
// attribute of a start tag, in order, as encoding/xml matches a struct's attributes (the
// last of a name wins). It returns false when the attributes are not well formed, or a
// value holds a reference (encoding/xml reads them strictly).
func attrsLocal(attrs []byte, f func(name, value []byte)) bool {
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
		v := bytes.TrimLeft(attrs[eq+1:], " \t\n\r")
		if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
			return false
		}
		e := bytes.IndexByte(v[1:], v[0])
		if e < 0 {
			return false
		}
		val := v[1 : 1+e]
		if bytes.IndexByte(val, '<') >= 0 || bytes.IndexByte(val, '&') >= 0 {
			return false
		}
		f(localName(name), val)
		attrs = v[2+e:]
	}
}
