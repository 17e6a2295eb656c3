package ooxml

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// Text comes in a cell's <v>, in the shared strings part (sharedStrings.xml, a list
// of <si> items that cells of type "s" point to by index), and in a cell's inline
// string <is>: character data with references, and rich text runs.

// TextIntern gives the same string for the same short text: figures come back often
// ("0", "12"), in a sheet and from return to return, and each would be a string of its
// own. A reading worker keeps one for all its files (no lock: one goroutine uses it).
type TextIntern struct{ m map[string]string }

// internMax bounds the texts a TextIntern keeps: it is emptied when full, as a long run
// would otherwise keep the first files' texts only.
const internMax = 1 << 12

// text is the character data v as a string (UnescapeXML), the same string for the same
// short text; in may be nil.
func (in *TextIntern) text(v []byte) string {
	if len(v) > 16 || bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 || in == nil {
		return UnescapeXML(v)
	}
	if t, ok := in.m[string(v)]; ok {
		return t
	}
	t := string(v)
	switch {
	case in.m == nil:
		in.m = make(map[string]string, 256)
	case len(in.m) >= internMax:
		clear(in.m)
	}
	in.m[t] = t
	return t
}

// sharedStrings reads the items of a shared strings part, as excelize reads them: the
// <si> children of <sst>. A part the scanner does not read plainly, or with another
// element before an item (an <si> in it would not be one), is errUnsupported.
func sharedStrings(data []byte) ([]string, error) {
	body, ok := plainPart(data, "sst")
	if !ok || prefixedTag(body) {
		return nil, errUnsupported
	}
	var out []string
	for {
		i := startTag(body, "<si")
		if i < 0 {
			return out, nil
		}
		if bytes.IndexByte(body[:i], '<') >= 0 {
			return nil, errUnsupported
		}
		item, rest, err := element(body[i+len("<si"):], "</si")
		if err != nil {
			return nil, err
		}
		t, err := richText(item)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		body = rest
	}
}

// richText is the text of a string item, the content of an <si> or <is>, as excelize's
// xlsxSI.String gives it: its <t>, then the <t> of each run <r>, leaving out phonetic
// runs (<rPh>) and run properties, with _xHHHH_ escapes decoded. An item shaped
// otherwise (a second <t>, a <t> after a run, an element it does not know, markup in a
// text) is errUnsupported.
func richText(si []byte) (string, error) {
	// Most items are one <t>: its text is returned as decoded, without a copy into b,
	// which only joins the texts of items with several.
	var b strings.Builder
	first, texts := "", 0
	add := func(t []byte) error {
		if bytes.IndexByte(t, '<') >= 0 {
			return errUnsupported
		}
		switch s := UnescapeXML(t); texts {
		case 0:
			first = s
		case 1:
			b.WriteString(first)
			b.WriteString(s)
		default:
			b.WriteString(s)
		}
		texts++
		return nil
	}
	hasT, runs := false, false
	for {
		i := bytes.IndexByte(si, '<')
		if i < 0 {
			break
		}
		si = si[i+1:]
		n := 0
		for n < len(si) && isNameByte(si[n]) {
			n++
		}
		var err error
		var content []byte
		switch name := string(si[:n]); name {
		case "t":
			if hasT || runs {
				return "", errUnsupported
			}
			hasT = true
			if content, si, err = element(si[n:], "</t"); err == nil {
				err = add(content)
			}
		case "r":
			runs = true
			if content, si, err = element(si[n:], "</r"); err == nil {
				err = runText(content, add)
			}
		case "rPh", "phoneticPr":
			_, si, err = element(si[n:], "</"+name)
		default:
			return "", errUnsupported
		}
		if err != nil {
			return "", err
		}
	}
	if texts <= 1 {
		return bstrDecode(first), nil
	}
	return bstrDecode(b.String()), nil
}

// runText gives add the <t> of a run, whose children are its properties <rPr> and its
// text <t>.
func runText(r []byte, add func([]byte) error) error {
	hasT := false
	for {
		i := bytes.IndexByte(r, '<')
		if i < 0 {
			return nil
		}
		r = r[i+1:]
		n := 0
		for n < len(r) && isNameByte(r[n]) {
			n++
		}
		var err error
		var content []byte
		switch string(r[:n]) {
		case "rPr":
			_, r, err = element(r[n:], "</rPr")
		case "t":
			if hasT {
				return errUnsupported
			}
			hasT = true
			if content, r, err = element(r[n:], "</t"); err == nil {
				err = add(content)
			}
		default:
			return errUnsupported
		}
		if err != nil {
			return err
		}
	}
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
