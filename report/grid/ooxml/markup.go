package ooxml

import "bytes"

// The scanners find elements by their text (<row, </c>, <v>), which reads a part as
// encoding/xml does only when nothing else in it looks like markup. cleanPart takes out
// what is not data (comments and processing instructions, which encoding/xml skips
// wherever they are) and declines what the scanners do not read; the helpers below
// read tags as encoding/xml does: white space in end tags, '>' in attribute values,
// attributes by local name.

// cleanPart returns a part's XML with its comments and processing instructions taken
// out, each first checked as encoding/xml checks it. It declines (ok false) a part
// with a CDATA section, a DOCTYPE or any other <! declaration, an XML declaration of
// another version than 1.0 or another encoding than UTF-8 (excelize would convert it),
// or a comment or instruction encoding/xml refuses: the reader then leaves the part to
// encoding/xml or the book to excelize. A part whose only markup is its leading XML
// declaration is returned without a copy. A byte order mark before it is dropped too
// (encoding/xml reads it as text outside the root).
func cleanPart(data []byte) ([]byte, bool) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	bang, quest := markup(data, '!', 0), markup(data, '?', 0)
	var out []byte // nil until a second piece of markup, or text before the first, is met
	last, pieces := 0, 0
	for bang >= 0 || quest >= 0 {
		i := bang
		if i < 0 || (quest >= 0 && quest < i) {
			i = quest
		}
		end, ok := markupEnd(data, i)
		if !ok {
			return nil, false
		}
		if pieces > 0 || len(bytes.TrimSpace(data[:i])) > 0 {
			if out == nil {
				out = make([]byte, 0, len(data))
			}
			out = append(out, data[last:i]...)
		}
		last, pieces = end, pieces+1
		if bang >= 0 && bang < end {
			bang = markup(data, '!', end)
		}
		if quest >= 0 && quest < end {
			quest = markup(data, '?', end)
		}
	}
	if out == nil {
		return data[last:], true
	}
	return append(out, data[last:]...), true
}

// markup returns the offset of the first "<!" or "<?" (c is '!' or '?') in data from
// off, or -1. It looks for c, rare in a part, where '<' is everywhere.
func markup(data []byte, c byte, off int) int {
	for i := off; ; {
		j := bytes.IndexByte(data[i:], c)
		if j < 0 {
			return -1
		}
		if j += i; j > off && data[j-1] == '<' {
			return j - 1
		}
		i = j + 1
	}
}

// markupEnd returns the offset past the comment or processing instruction at data[i]
// ("<!" or "<?"); ok is false for anything else, or one encoding/xml refuses.
func markupEnd(data []byte, i int) (int, bool) {
	rest := data[i+2:]
	if data[i+1] == '!' {
		// a comment: "--" may appear only in its end, "-->" (encoding/xml)
		if !bytes.HasPrefix(rest, []byte("--")) {
			return 0, false // CDATA, DOCTYPE, another declaration
		}
		k := bytes.Index(rest[2:], []byte("--"))
		if k < 0 || 2+k+2 >= len(rest) || rest[2+k+2] != '>' {
			return 0, false
		}
		return i + 2 + 2 + k + 3, true
	}
	// a processing instruction: its target, an XML name, then anything up to "?>"
	n := 0
	for n < len(rest) && isNameByte(rest[n]) {
		n++
	}
	if n == 0 || !isNameStart(rest[0]) || !ascii(rest[:n]) {
		return 0, false // no target, or one encoding/xml checks further
	}
	k := bytes.Index(rest[n:], []byte("?>"))
	if k < 0 {
		return 0, false
	}
	if string(rest[:n]) == "xml" {
		content := rest[n : n+k]
		if v := procInst("version=", content); len(v) > 0 && string(v) != "1.0" {
			return 0, false
		}
		if enc := procInst("encoding=", content); len(enc) > 0 && !bytes.EqualFold(enc, []byte("utf-8")) {
			return 0, false
		}
	}
	return i + 2 + n + k + 2, true
}

// procInst returns the value of param ("version=") in the content of an XML
// declaration, as encoding/xml's procInst reads it (loosely, as it does).
func procInst(param string, s []byte) []byte {
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := bytes.Index(sub, []byte(param))
		if k < 0 || lenp+k >= len(sub) {
			return nil
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return nil
	}
	j := bytes.IndexByte(s[i:], sep)
	if j < 0 {
		return nil
	}
	return s[i : i+j]
}

// isNameByte reports whether c may be part of an XML name as encoding/xml reads one
// (a byte of a multi-byte character is).
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// isNameStart reports whether an ASCII name may start with c.
func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// tagEnd reports whether c may follow an element's name in a tag.
func tagEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '>', '/':
		return true
	}
	return false
}

// startTag returns the offset of the first start tag in data that begins with open,
// "<name", followed by white space, '>' or "/>"; -1 when there is none.
func startTag(data []byte, open string) int {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(open))
		if i < 0 {
			return -1
		}
		i += off
		if j := i + len(open); j < len(data) && tagEnd(data[j]) {
			return i
		}
		off = i + len(open)
	}
}

// endTag returns where the first end tag in data that begins with closing, "</name",
// starts and ends (white space is allowed before its '>'); start is -1 when there is
// none.
func endTag(data []byte, closing string) (start, end int) {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(closing))
		if i < 0 {
			return -1, 0
		}
		i += off
		j := i + len(closing)
		off = j
		for j < len(data) && isSpace(data[j]) {
			j++
		}
		if j < len(data) && data[j] == '>' {
			return i, j + 1
		}
	}
}

// tagAttrs reads the rest of a start tag, from data just past the element's name: the
// raw values of the attributes of local names a and b (b may be ""; the last one of a
// name, as excelize reads them), whether the tag closes itself, and the offset past its
// '>'. ok is false when the tag is not well formed: an attribute without a quoted
// value, or no end.
func tagAttrs(data []byte, a, b string) (va, vb []byte, selfClosing bool, next int, ok bool) {
	i := 0
	for {
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i == len(data) {
			return nil, nil, false, 0, false
		}
		switch data[i] {
		case '>':
			return va, vb, false, i + 1, true
		case '/':
			if i+1 < len(data) && data[i+1] == '>' {
				return va, vb, true, i + 2, true
			}
			return nil, nil, false, 0, false
		}
		n := i
		for i < len(data) && data[i] != '=' && !isSpace(data[i]) {
			i++
		}
		name := data[n:i]
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i == len(data) || data[i] != '=' {
			return nil, nil, false, 0, false
		}
		i++
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		if i == len(data) || (data[i] != '"' && data[i] != '\'') {
			return nil, nil, false, 0, false
		}
		e := bytes.IndexByte(data[i+1:], data[i])
		if e < 0 {
			return nil, nil, false, 0, false
		}
		v := data[i+1 : i+1+e]
		i += e + 2
		switch local := localName(name); {
		case string(local) == a:
			va = v
		case b != "" && string(local) == b:
			vb = v
		}
	}
}

// localName is a name without its prefix, as encoding/xml splits it: at a colon with a
// name on either side.
func localName(name []byte) []byte {
	if c := bytes.IndexByte(name, ':'); c > 0 && c < len(name)-1 {
		return name[c+1:]
	}
	return name
}

// rootContent returns what is inside the root element of a cleaned part when the root
// is named root, without prefix, and the part holds nothing else but white space.
func rootContent(data []byte, root string) ([]byte, bool) {
	data = bytes.TrimSpace(data)
	if startTag(data, "<"+root) != 0 {
		return nil, false
	}
	_, _, selfClosing, next, ok := tagAttrs(data[1+len(root):], "", "")
	if !ok {
		return nil, false
	}
	next += 1 + len(root)
	if selfClosing {
		return nil, next == len(data)
	}
	body := data[next:]
	// the root's end tag ends the part
	i := bytes.LastIndex(body, []byte("</"+root))
	if i < 0 {
		return nil, false
	}
	_, end := endTag(body[i:], "</"+root)
	if end == 0 || i+end != len(body) {
		return nil, false
	}
	return body[:i], true
}

// prefixedTag reports whether data has a start or end tag written with a namespace
// prefix (<x:name or </x:name) for one of names, or for any name when names is empty.
// encoding/xml, and so excelize, matches elements by their local name, which the
// scanners do not see behind a prefix.
func prefixedTag(data []byte, names ...string) bool {
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], ':')
		if i < 0 {
			return false
		}
		i += off
		off = i + 1
		// the prefix: back to '<' or "</" over bytes of a name, stopping at another
		// colon (so that a run of colons is walked once)
		j := i
		for j > 0 && isNameByte(data[j-1]) && data[j-1] != ':' {
			j--
		}
		if j == i || j == 0 || (data[j-1] != '<' && !(data[j-1] == '/' && j >= 2 && data[j-2] == '<')) {
			continue
		}
		if len(names) == 0 {
			return true
		}
		rest := data[i+1:]
		for _, n := range names {
			if len(rest) > len(n) && string(rest[:len(n)]) == n && (tagEnd(rest[len(n)]) || rest[len(n)] == '\f') {
				return true
			}
		}
	}
}
