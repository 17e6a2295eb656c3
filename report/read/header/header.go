package header

import (
	"strconv"
	"strings"

	"drugfree/criteria"
	"drugfree/report/grid"
	"drugfree/report/naming"
	"drugfree/report/read/cell"
)

// Keys of the fields the reader treats apart from the figures.
const (
	KeyDistrict = "district"
	KeyCommune  = "commune"
	KeyCode     = "code"
	KeyStatus   = "status"
)

// LabelIndex maps normalised labels (headers or cover labels) to field keys.
type LabelIndex map[string]string

// newLabelIndex indexes each key with its key, Vietnamese and English labels and
// variants; the first field to claim a label keeps it.
func newLabelIndex(entries func(add func(key string, labels ...string))) LabelIndex {
	ix := LabelIndex{}
	entries(func(key string, labels ...string) {
		for _, l := range append([]string{key}, labels...) {
			for _, form := range []string{l, cell.Parenthesised.ReplaceAllString(l, "")} {
				if n := naming.NormLabel(form); n != "" {
					if _, taken := ix[n]; !taken {
						ix[n] = key
					}
					if NumberLike(n) {
						ix[digitKeys] = "1"
					}
				}
			}
		}
	})
	return ix
}

// FieldIndex indexes the labels of the plan's fields, then of their parts (which a
// return may give instead of the field: criteria.Part), so that a field keeps a label a
// part's variant repeats.
func FieldIndex(p *criteria.Plan) LabelIndex {
	ix := newLabelIndex(func(add func(string, ...string)) {
		for _, f := range p.Columns() {
			add(f.Key, append([]string{f.Vi, f.En}, f.Variants...)...)
		}
	})
	ix.addGroups(p.Layout.HeaderGroups)
	for _, f := range p.Fields {
		for _, pf := range f.PartFields() {
			ix[partKey+pf.Key] = f.Key
		}
	}
	return ix
}

// partKey marks a key of a label index as a part of a field (partKey+part gives the
// field): a header names the field or its parts, so parts do not count among the fields a
// header can name.
const partKey = "\x00p"

// Group headers are kept in the label index under keys no label has (normal forms hold
// letters and digits only): groupKey+name gives the group's number, and
// subKey+number+"\x00"+sub-header the field the sub-header names under that group.
const (
	groupKey = "\x00g"
	subKey   = "\x00s"
)

// addGroups indexes the plan's group headers and their sub-headers; the first group to
// claim a name keeps it.
func (ix LabelIndex) addGroups(groups []criteria.HeaderGroup) {
	for i, g := range groups {
		id := strconv.Itoa(i)
		for _, name := range g.Names {
			for _, form := range []string{name, cell.Parenthesised.ReplaceAllString(name, "")} {
				if n := naming.NormLabel(form); n != "" {
					if _, taken := ix[groupKey+n]; !taken {
						ix[groupKey+n] = id
					}
				}
			}
		}
		for _, c := range g.Columns {
			for _, h := range c.Headers {
				for _, form := range []string{h, cell.Parenthesised.ReplaceAllString(h, "")} {
					if n := naming.NormLabel(form); n != "" {
						if _, taken := ix[subKey+id+"\x00"+n]; !taken {
							ix[subKey+id+"\x00"+n] = c.Field
						}
						if NumberLike(n) {
							ix[digitKeys] = "1"
						}
					}
				}
			}
		}
	}
}

// grouped returns the field a sub-header names under a group header, given their normal
// forms (and, with their parenthesised parts dropped, gs and ss).
func (ix LabelIndex) grouped(g, gs, sub, ss string) (string, bool) {
	id, ok := ix[groupKey+g]
	if !ok && gs != g {
		id, ok = ix[groupKey+gs]
	}
	if !ok {
		return "", false
	}
	k, ok := ix[subKey+id+"\x00"+sub]
	if !ok && ss != sub {
		k, ok = ix[subKey+id+"\x00"+ss]
	}
	return k, ok
}

func CoverIndex(p *criteria.Plan) LabelIndex {
	return newLabelIndex(func(add func(string, ...string)) {
		for _, c := range p.Cover {
			add(c.Key, append([]string{c.Vi, c.En}, c.Variants...)...)
		}
	})
}

// Match returns the key of a label, trying it whole and without its parenthesised parts
// ("Dân số (người)").
func (ix LabelIndex) Match(label string) (string, bool) {
	if NumberLike(label) && ix[digitKeys] == "" {
		return "", false // a figure, and no label is made of digits alone
	}
	if k, ok := ix[naming.NormLabel(label)]; ok {
		return k, true
	}
	if !strings.Contains(label, "(") {
		return "", false // nothing parenthesised to drop: the same label again
	}
	k, ok := ix[naming.NormLabel(cell.Parenthesised.ReplaceAllString(label, ""))]
	return k, ok
}

// digitKeys marks a label index with a label made of digits alone, which a figure could
// match; normalised labels never hold a NUL.
const digitKeys = "\x00digits"

// NumberLike reports whether s holds only ASCII digits, spaces and number punctuation:
// its normalised form is digits alone.
func NumberLike(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ' ', c == '.', c == ',', c == '-', c == '+':
		default:
			return false
		}
	}
	return true
}

// HeaderMatcher matches header labels. A label read across two rows ("group sub") is
// matched from its two cells' normal forms, each computed once: normLabel("a b") is
// normLabel(a)+normLabel(b), as a space only separates words. The cells that match a
// field are remembered (up to headerMemoMax) across the files a matcher reads; the
// others too, in a map emptied whenever it reaches headerMissMax of them, as most are
// commune names that do not come back, but titles and notes found in every return do
// (and are long to fold). Each reading goroutine has its own matcher, so that no lock is
// taken.
type HeaderMatcher struct {
	ix     LabelIndex
	fields int                  // how many fields ix names (distinct keys), not counting parts
	parts  bool                 // whether ix names parts of fields
	digits bool                 // some label is made of digits alone
	known  map[string]cellLabel // cells that match, across files
	Local  map[string]cellLabel // cells that do not, the latest of them
	buf    []byte

	// buffers of detectHeaderWith, reused from sheet to sheet
	labs    [][]cellLabel
	groups  []string
	glabs   []cellLabel
	choices []colChoices
}

// cellLabel is what a header cell's text matches.
type cellLabel struct {
	key    string
	ok     bool
	paren  bool   // the text has a "(": its parts must be matched whole
	number bool   // numberLike
	norm   string // normLabel of the text, unless number
	// with paren: normLabel of the text without its parenthesised parts, and whether a
	// "(" is left in it then (one not closed)
	strip string
	open  bool
}

const (
	headerMemoMax = 1 << 12
	HeaderMissMax = 1 << 12
)

func NewHeaderMatcher(ix LabelIndex) *HeaderMatcher {
	fields, parts := ix.fields()
	return &HeaderMatcher{ix: ix, fields: fields, parts: parts, digits: ix[digitKeys] != "", known: map[string]cellLabel{}, Local: map[string]cellLabel{}}
}

// fields returns how many keys ix gives labels, but for parts: the most a header naming
// each field once, by itself, can name; and whether some are parts. The marks digitKeys
// and partKey are not keys: no label is looked up under them, as normal forms hold letters
// and digits only.
func (ix LabelIndex) fields() (n int, parts bool) {
	keys := map[string]bool{}
	for label, key := range ix {
		if !strings.HasPrefix(label, "\x00") { // digitKeys, groups, parts
			keys[key] = true
		}
	}
	for label := range ix {
		if part, ok := strings.CutPrefix(label, partKey); ok && keys[part] {
			delete(keys, part)
			parts = true
		}
	}
	return len(keys), parts
}

// NewSheet forgets the cells that matched nothing once there are too many of them.
func (m *HeaderMatcher) NewSheet() {
	if len(m.Local) >= HeaderMissMax {
		clear(m.Local)
	}
}

// Cell returns what a cell's text matches, as ix.match(text).
func (m *HeaderMatcher) Cell(text string) cellLabel {
	if c, ok := m.known[text]; ok {
		return c
	}
	if c, ok := m.Local[text]; ok {
		return c
	}
	c := cellLabel{paren: strings.Contains(text, "("), number: NumberLike(text)}
	if c.number && !m.digits {
		// a figure, and no label is made of digits alone: not remembered, as figures
		// are many and cheap to tell
		return c
	}
	// as ix.match, folding the text once
	c.norm = naming.NormLabel(text)
	c.key, c.ok = m.ix[c.norm]
	if c.paren {
		stripped := cell.Parenthesised.ReplaceAllString(text, "")
		c.strip, c.open = naming.NormLabel(stripped), strings.Contains(stripped, "(")
		if !c.ok {
			c.key, c.ok = m.ix[c.strip]
		}
	}
	switch {
	case !c.ok:
		if len(m.Local) >= HeaderMissMax {
			clear(m.Local) // bounded here, not per sheet only: a cover matcher never starts a sheet
		}
		m.Local[text] = c
	case len(m.known) < headerMemoMax:
		m.known[text] = c
	}
	return c
}

func (m *HeaderMatcher) normOf(text string, c cellLabel) string {
	if c.number && !m.digits {
		return naming.NormLabel(text)
	}
	return c.norm
}

// stripOf is normLabel of text without its parenthesised parts.
func (m *HeaderMatcher) stripOf(text string, c cellLabel) string {
	if c.paren {
		return c.strip
	}
	return m.normOf(text, c)
}

// Match returns the key of a label, as ix.match.
func (m *HeaderMatcher) Match(label string) (string, bool) {
	c := m.Cell(label)
	return c.key, c.ok
}

// choice returns the key of a label choice, as ix.match(ch.text()).
func (m *HeaderMatcher) choice(ch labelChoice) (string, bool) {
	x, y := ch.x, ch.y
	if ch.b == "" {
		return x.key, x.ok
	}
	if ch.grouped && !(y.number && !m.digits) {
		// a sub-header under a group header that names fields of its own ("Tổng số"
		// under "Người nghiện ma túy"); a figure under a header is none, unless some
		// label is made of digits alone
		if k, ok := m.ix.grouped(m.normOf(ch.a, x), m.stripOf(ch.a, x), m.normOf(ch.b, y), m.stripOf(ch.b, y)); ok {
			return k, true
		}
	}
	if x.paren || y.paren {
		// as ix.match("a b"), whose normal form is normLabel(a)+normLabel(b); without its
		// parenthesised parts, it is a's without them, then b's, unless a "(" of a is
		// closed in b only (then the text is matched whole: rare)
		if x.open {
			return m.ix.Match(ch.Text())
		}
		m.buf = append(append(m.buf[:0], m.normOf(ch.a, x)...), m.normOf(ch.b, y)...)
		if k, ok := m.ix[string(m.buf)]; ok {
			return k, true
		}
		m.buf = append(append(m.buf[:0], m.stripOf(ch.a, x)...), m.stripOf(ch.b, y)...)
		k, ok := m.ix[string(m.buf)]
		return k, ok
	}
	if x.number && y.number && !m.digits {
		return "", false
	}
	m.buf = append(append(m.buf[:0], m.normOf(ch.a, x)...), m.normOf(ch.b, y)...)
	k, ok := m.ix[string(m.buf)]
	return k, ok
}

// Header is the header found in a sheet.
type Header struct {
	First, Last int            // lines of the header's first and last row
	Cols        map[string]int // field key → 0-based column
	labels      map[int]string // column → header text as read
	Titled      map[int]bool   // columns with some header text, known or not, or under a merged header cell
	Dups        []DupColumn
	// Spans maps a column whose header cell is merged across the columns to its right to
	// the last of them: the commune's name may be written across them ("Xã | Hòa Ân").
	Spans map[int]int
	// texts are the cells of the header's rows, to know the header again when a printed
	// page repeats it further down.
	texts [][]string
	// Hidden are the sheet's hidden columns, which are not read.
	Hidden map[int]bool
	// Above are the rows above the header: a letterhead and a title, perhaps.
	Above []grid.Row
}

// DupColumn is a column whose header maps to a field another column already has.
type DupColumn struct {
	Key       string
	Col, Prev int
	Label     string
}

// DetectHeader finds the header among the first rows: the row (or pair of rows, for a
// group cell over sub-headers) that names the most fields. ok is true when it has a
// commune column; otherwise best is the best header without one, if it names at least
// three fields, so that the missing column can be reported.
func DetectHeader(ix LabelIndex, rows []grid.Row, merges []grid.Merge) (best Header, ok bool) {
	return DetectHeaderWith(NewHeaderMatcher(ix), rows, merges)
}

// DetectHeaderWith is detectHeader with the matcher of labels.
func DetectHeaderWith(m *HeaderMatcher, rows []grid.Row, merges []grid.Merge) (best Header, ok bool) {
	bestScore := 0
	consider := func(h Header) {
		// More fields wins; on a tie, one row wins over two, then the higher row.
		_, hasCommune := h.Cols[KeyCommune]
		score := 2 * len(h.Cols)
		if h.First == h.Last {
			score++
		}
		if hasCommune {
			score += 1000
		}
		if score > bestScore {
			best, bestScore = h, score
		}
	}
	// No header can score more than one row naming every field of the index, commune
	// among them, but one that gives a field's parts; once the best one does, no later
	// one replaces it (that takes a higher score), so the rows below are not looked at: in
	// a return made from the template, the header is the first row and the other rows are
	// communes. A row that names every field may be a group over parts, named by the
	// field's label: the pair of rows it starts is still looked at when the second has
	// fewer cells filled (sub-headers under the groups only; a commune's row fills them).
	topScore := 2*m.fields + 1 + 1000
	labs := m.labBuffers(len(rows))
	for i := range rows {
		if bestScore >= topScore {
			break
		}
		m.rowLabels(rows, labs, i)
		consider(mapLabels(m, rows[i].Line, rows[i].Line, m.singleLabels(rows[i], labs[i])))
		if i+1 < len(rows) && rows[i+1].Line == rows[i].Line+1 && (bestScore < topScore || m.parts && filled(rows[i+1]) < filled(rows[i])) {
			m.rowLabels(rows, labs, i+1)
			consider(mapLabels(m, rows[i].Line, rows[i+1].Line, m.twoRowLabels(rows[i], rows[i+1], labs[i], labs[i+1], merges)))
		}
	}
	if bestScore > 0 {
		best.Titled = titledColumns(rows, merges, best.First, best.Last)
		best.mergedLabels(m, merges)
		for _, r := range rows {
			switch {
			case r.Line < best.First:
				best.Above = append(best.Above, r)
			case r.Line <= best.Last:
				best.texts = append(best.texts, r.Cells)
			}
		}
	}
	if bestScore >= 1000 {
		return best, true
	}
	if bestScore >= 2*3 {
		return best, false
	}
	return Header{}, false
}

// filled counts the cells of r that hold text.
func filled(r grid.Row) int {
	n := 0
	for c := range r.Cells {
		if r.Cell(c) != "" {
			n++
		}
	}
	return n
}

// mergedLabels finds the text fields whose header cell is merged across columns to its
// right (a commune header over "Xã | Hòa Ân"): those columns are one field, not a
// second column of it, and the field's text is read across them.
func (h *Header) mergedLabels(m *HeaderMatcher, merges []grid.Merge) {
	for _, mg := range merges {
		if mg.Right <= mg.Left || mg.Top < h.First || mg.Top > h.Last {
			continue
		}
		key, ok := m.Match(strings.TrimSpace(mg.Text))
		if col, has := h.Cols[key]; !ok || !has || col != mg.Left || (key != KeyCommune && key != KeyDistrict) {
			continue
		}
		if h.Spans == nil {
			h.Spans = map[int]int{}
		}
		h.Spans[mg.Left] = mg.Right
		dups := h.Dups[:0]
		for _, d := range h.Dups {
			if d.Key != key || d.Col < mg.Left || d.Col > mg.Right {
				dups = append(dups, d)
			}
		}
		h.Dups = dups
	}
}

// Repeats reports whether a row repeats a row of the header: each of its cells that is
// not empty says what the header's says in that column.
func (h *Header) Repeats(g grid.Row) bool {
	for _, cells := range h.texts {
		same, any := true, false
		for c := range g.Cells {
			v := g.Cell(c)
			if v == "" || h.Hidden[c] {
				continue
			}
			any = true
			if c >= len(cells) || strings.TrimSpace(cells[c]) != v {
				same = false
				break
			}
		}
		if same && any {
			return true
		}
	}
	return false
}

// titledColumns returns the columns with some text in the header's rows (first to last),
// or under a range merged across them.
func titledColumns(rows []grid.Row, merges []grid.Merge, first, last int) map[int]bool {
	titled := map[int]bool{}
	for _, r := range rows {
		if r.Line < first || r.Line > last {
			continue
		}
		for c := range r.Cells {
			if r.Cell(c) != "" {
				titled[c] = true
			}
		}
	}
	for _, m := range merges {
		if m.Top <= last && m.Bottom >= first {
			for c := m.Left; c <= m.Right; c++ {
				titled[c] = true
			}
		}
	}
	return titled
}

// labelChoices are, column by column, the texts a column's header may be read as, best
// first.
type labelChoices []colChoices

// colChoices are the texts a column's header may be read as, best first.
type colChoices struct {
	n  int
	ch [3]labelChoice
}

func (cc *colChoices) list() []labelChoice { return cc.ch[:cc.n] }

// labelChoice is the label a, or "a b" when b is not empty; x and y are what a and b
// match (headerMatcher.cell). grouped is true when a is a group header over b.
type labelChoice struct {
	a, b    string
	x, y    cellLabel
	grouped bool
}

// labBuffers returns m's buffers of what the cells of n rows match, emptied.
func (m *HeaderMatcher) labBuffers(n int) [][]cellLabel {
	for len(m.labs) < n {
		m.labs = append(m.labs, nil)
	}
	labs := m.labs[:n]
	for i := range labs {
		labs[i] = labs[i][:0]
	}
	return labs
}

// rowLabels sets labs[i] to what each non-empty cell of rows[i] matches, unless done
// already (a row of cells has as many labels: a row without cells has none to find).
func (m *HeaderMatcher) rowLabels(rows []grid.Row, labs [][]cellLabel, i int) {
	r := rows[i]
	if len(labs[i]) == len(r.Cells) && len(r.Cells) > 0 {
		return
	}
	l := labs[i][:0]
	for c := range r.Cells {
		var cl cellLabel
		if t := r.Cell(c); t != "" {
			cl = m.Cell(t)
		}
		l = append(l, cl)
	}
	labs[i] = l
}

// columns returns m's buffer of width empty column choices.
func (m *HeaderMatcher) columns(width int) labelChoices {
	out := m.choices[:0]
	if cap(out) < width {
		out = make(labelChoices, 0, width)
	}
	out = out[:width]
	clear(out)
	m.choices = out
	return out
}

func (ch labelChoice) Text() string {
	if ch.b == "" {
		return ch.a
	}
	return ch.a + " " + ch.b
}

// singleLabels reads a header of one row; labs are what its cells match.
func (m *HeaderMatcher) singleLabels(r grid.Row, labs []cellLabel) labelChoices {
	out := m.columns(len(r.Cells))
	for c := range r.Cells {
		if t := r.Cell(c); t != "" {
			out[c].n, out[c].ch[0] = 1, labelChoice{a: t, x: labs[c]}
		}
	}
	return out
}

// twoRowLabels reads a header of two rows: a group cell (merged across its columns) over
// sub-headers. A column is read as "group sub", "sub group" or "sub".
// labs are what the cells of top and sub match.
func (m *HeaderMatcher) twoRowLabels(top, sub grid.Row, topLabs, subLabs []cellLabel, merges []grid.Merge) labelChoices {
	width := max(len(top.Cells), len(sub.Cells))
	groups, glabs := m.groups[:0], m.glabs[:0]
	for c := range width {
		var l cellLabel
		if c < len(topLabs) && top.Cell(c) != "" {
			groups, glabs = append(groups, top.Cell(c)), append(glabs, topLabs[c])
			continue
		}
		g := groupText(top, c, merges)
		if g != "" {
			l = m.Cell(g)
		}
		groups, glabs = append(groups, g), append(glabs, l)
	}
	m.groups, m.glabs = groups, glabs
	for c := range width { // a group written once, without a merge, over several sub-headers
		if groups[c] == "" && sub.Cell(c) != "" && !covered(top.Line, c, merges) {
			for j := c - 1; j >= 0 && sub.Cell(j) != ""; j-- {
				if groups[j] != "" {
					groups[c], glabs[c] = groups[j], glabs[j]
					break
				}
			}
		}
	}
	out := m.columns(width)
	for c := range width {
		g, s := groups[c], sub.Cell(c)
		if coveredFrom(sub.Line, c, top.Line, merges) {
			s = ""
		}
		gl := glabs[c]
		var sl cellLabel
		if s != "" {
			sl = subLabs[c]
		}
		switch {
		case s == "" && g != "":
			out[c].n, out[c].ch[0] = 1, labelChoice{a: g, x: gl}
		case s != "" && g == "":
			out[c].n, out[c].ch[0] = 1, labelChoice{a: s, x: sl}
		case s != "":
			out[c].n, out[c].ch = 3, [3]labelChoice{{a: g, b: s, x: gl, y: sl, grouped: true}, {a: s, b: g, x: sl, y: gl}, {a: s, x: sl}}
		}
	}
	return out
}

// groupText is the text of the cell, or of the merged range that covers it.
func groupText(r grid.Row, col int, merges []grid.Merge) string {
	if t := r.Cell(col); t != "" {
		return t
	}
	for _, m := range merges {
		if m.Top <= r.Line && r.Line <= m.Bottom && m.Left <= col && col <= m.Right {
			return strings.TrimSpace(m.Text)
		}
	}
	return ""
}

func covered(line, col int, merges []grid.Merge) bool {
	for _, m := range merges {
		if m.Top <= line && line <= m.Bottom && m.Left <= col && col <= m.Right {
			return true
		}
	}
	return false
}

// coveredFrom reports whether (line, col) lies in a range merged down from line top.
func coveredFrom(line, col, top int, merges []grid.Merge) bool {
	for _, m := range merges {
		if m.Top <= top && line <= m.Bottom && m.Left <= col && col <= m.Right {
			return true
		}
	}
	return false
}

// mapLabels maps each column's header to a field; a second column for the same field is
// a duplicate.
func mapLabels(m *HeaderMatcher, first, last int, labels labelChoices) Header {
	h := Header{First: first, Last: last} // its maps are made at its first label: most rows have none
	for c := range labels {
		for _, ch := range labels[c].list() {
			key, ok := m.choice(ch)
			if !ok {
				continue
			}
			if h.Cols == nil {
				h.Cols, h.labels = map[string]int{}, map[int]string{}
			}
			l := ch.Text()
			h.labels[c] = l
			if prev, dup := h.Cols[key]; dup {
				h.Dups = append(h.Dups, DupColumn{Key: key, Col: c, Prev: prev, Label: l})
			} else {
				h.Cols[key] = c
			}
			break
		}
	}
	return h
}
