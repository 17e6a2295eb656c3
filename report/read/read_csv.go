package read

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/problem"

	"drugfree/report/read/header"

	"golang.org/x/text/encoding/unicode"
)

// csvSource yields the records of a CSV file as rows; every cell is text.
type csvSource struct {
	cr *csv.Reader
}

func newCSVSource(text []byte) *csvSource {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = SniffSeparator(text)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	return &csvSource{cr: cr}
}

func (c *csvSource) Next() (grid.Row, bool, error) {
	rec, err := c.cr.Read()
	if errors.Is(err, io.EOF) {
		return grid.Row{}, false, nil
	}
	if err != nil {
		return grid.Row{}, false, grid.ErrReading("", err)
	}
	line, _ := c.cr.FieldPos(0)
	return grid.Row{Line: line, Cells: rec}, true, nil
}

func (c *csvSource) IsText(int, int) bool                          { return true }
func (c *csvSource) Formula(int, int) (string, string, bool, bool) { return "", "", false, false }
func (c *csvSource) Close() error                                  { return nil }

// CsvText returns the file as UTF-8 without a byte order mark (UTF-16 files, as Excel's
// "Unicode text" writes them, are decoded).
func CsvText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return nil, grid.ErrReading("", err)
		}
		return bytes.TrimPrefix(out, []byte{0xEF, 0xBB, 0xBF}), nil
	}
	return data, nil
}

// SniffSeparator picks ',', ';' or tab: the one that occurs most in the first line,
// outside quotes.
func SniffSeparator(text []byte) rune {
	line := text
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		line = text[:i]
	}
	counts := map[rune]int{}
	quoted := false
	for _, b := range string(line) {
		switch {
		case b == '"':
			quoted = !quoted
		case !quoted && (b == ',' || b == ';' || b == '\t'):
			counts[b]++
		}
	}
	best := ','
	for _, sep := range []rune{';', '\t'} {
		if counts[sep] > counts[best] {
			best = sep
		}
	}
	return best
}

func (r *reader) readCSV(data []byte) []*Return {
	text, err := CsvText(data)
	if err != nil {
		r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "unreadable-file", err.Error()))
		return nil
	}
	var rows []grid.Row
	head := newCSVSource(text)
	for len(rows) < grid.HeaderRows {
		g, ok, err := head.Next()
		if err != nil || !ok {
			break
		}
		rows = append(rows, g)
	}
	hdr, ok := header.DetectHeader(r.fields, rows, nil)
	cov := coverInfo{raw: map[string]string{}, cells: map[string]string{}}
	if !ok {
		r.noDataSheet(nil, nil, r.partialCSV(hdr), Return{}, cov)
		return nil
	}
	lh := r.letterhead("", hdr.Above)
	r.useRegistryOf(cov.with(lh))
	r.resolveLetterheadUnit(&lh)
	cov = cov.with(lh)
	r.headerProblems("", hdr)
	district, from := r.sheetDistrict("", cov, false)
	s := newSheetCtx(r, "", newCSVSource(text), hdr, r.proto(cov))
	s.district = district
	if from != nil {
		s.source, s.meta, s.outranked = from.source, from, true
	}
	if err := s.run(); err != nil {
		r.add(problem.Error, problem.CodeUnreadableFile, loc{}, i18n.Msg(r.lang, "unreadable-file", err.Error()))
	}
	rets := s.returnsOut()
	if s.overridden == "" {
		r.metadataWarnings(rets, cov, s.usedCol, s.source)
	}
	return rets
}

func (r *reader) partialCSV(hdr header.Header) []dataSheet {
	if len(hdr.Cols) == 0 {
		return nil
	}
	return []dataSheet{{name: "", hdr: hdr}}
}
