package read

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read/cell"
)

// An official document (form of Decree 30/2020/NĐ-CP) gives its metadata above its table:
//
//	UBND HUYỆN CẦU KÈ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//	CÔNG AN HUYỆN CẦU KÈ                  Độc lập - Tự do - Hạnh phúc
//	Số: 302/BC-CAH                    Cầu Kè, ngày 12 tháng 12 năm 2025
//	                         BÁO CÁO
//	   Kết quả xây dựng xã, thị trấn không ma túy giai đoạn 3
//	Căn cứ Kế hoạch số 16/KH-UBND ngày 17/02/2025 …
//
// The letterhead names the issuing body, and in it the district; "Số:" the document's
// number; the line "<place>, ngày … tháng … năm …" the report date; the title the kind of
// return. Lines that cite other documents ("Căn cứ …", "Kèm theo …") are not read.

// letterDate is a date line, folded: a place perhaps, then the date in words (or with
// slashes, which folding turns into spaces).
var letterDate = regexp.MustCompile(`^(?:([a-z0-9 ]+) )?ngay (\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})$`)

// letterhead reads the metadata of the rows above a data sheet's header: label–value
// pairs as on a cover ("Loại báo cáo: Giai đoạn 3"), and the document's letterhead and
// title. Each key's from says where it was found ("letterhead", "title"). The reporting
// unit is read once the return's registry is known (resolveLetterheadUnit): the lines that
// may name it are kept in units.
func (r *reader) letterhead(sheet string, rows []grid.Row) coverInfo {
	if len(rows) == 0 {
		return coverInfo{} // a table from the first row, as the template's
	}
	lh := coverInfo{raw: map[string]string{}, cells: map[string]string{}, from: map[string]string{}, fromSheet: sheet}
	set := func(key, value, source string, col, line int) {
		lh.raw[key], lh.cells[key], lh.from[key] = value, grid.CellName(col, line), source
	}
	found := func(key, value, source string, col, line int) bool {
		if _, seen := lh.raw[key]; seen {
			return false
		}
		set(key, value, source, col, line)
		return true
	}
	var issuers, titles []unitLine
	pairs := map[string]bool{}
	kindLen := 0
	for _, g := range rows {
		if key, value, col, ok := r.coverPair(g.Cells); ok && strings.TrimSpace(value) != "" {
			pairs[key] = found(key, strings.TrimSpace(value), "letterhead", col, g.Line)
		}
		for c := range g.Cells {
			for _, line := range strings.Split(g.Cell(c), "\n") {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				f := naming.Fold(line)
				if r.layout.Citations.Begins(line, f) || isMotto(f) {
					continue
				}
				if n := docNumber(line); n != "" {
					found("number", n, "letterhead", c, g.Line)
					continue
				}
				if date := letterDateOK(line, f); date != nil {
					if found("report_date", line, "letterhead", c, g.Line) {
						r.letterDate(&lh, line, date)
					}
					continue
				}
				if r.layout.Issuers.Begins(line, f) {
					issuers = append(issuers, unitLine{line, "letterhead", c, g.Line})
					continue
				}
				if !pairs["kind"] {
					if kind, n := r.kinds.InTitle(f); n > kindLen {
						lh.kind, kindLen = kind, n
						set("kind", line, "title", c, g.Line)
					}
				}
				titles = append(titles, unitLine{line, "title", c, g.Line})
			}
		}
	}
	r.letterheadPairs(&lh, pairs)
	// the issuing body is the lower line: "UBND HUYỆN" over "CÔNG AN HUYỆN"
	for i := len(issuers) - 1; i >= 0; i-- {
		lh.units = append(lh.units, issuers[i])
	}
	lh.units = append(lh.units, titles...)
	lh.number = lh.raw["number"]
	return lh
}

// resolveLetterheadUnit reads the reporting unit of the lines above a table with r.m, the
// registry in force on the return's date: a pair "Đơn vị báo cáo: …", else the issuing body
// of the letterhead, else the first line of the title that names one.
func (r *reader) resolveLetterheadUnit(lh *coverInfo) {
	if lh.raw == nil {
		return
	}
	if v := lh.raw["district"]; v != "" {
		if d, ok := r.m.DistrictIn(v); ok {
			lh.district = d
			return
		}
		delete(lh.raw, "district")
		delete(lh.cells, "district")
		delete(lh.from, "district")
	}
	for _, u := range lh.units {
		if d, ok := r.m.DistrictIn(u.text); ok {
			lh.district = d
			lh.raw["district"], lh.cells["district"], lh.from["district"] = u.text, grid.CellName(u.col, u.line), u.source
			return
		}
	}
	// In the whole country's registry, a line naming the province ("CÔNG AN TỈNH VĨNH
	// LONG") settles a unit line whose name several provinces share ("CÔNG AN XÃ TÂN
	// HÒA"), and alone makes the file a province's, of many communes (SPEC §10).
	province := ""
	for _, u := range lh.units {
		if p, ok := r.m.ProvinceIn(u.text); ok {
			province, r.province = u.text, p
			break
		}
	}
	if province == "" {
		return
	}
	for _, u := range lh.units {
		if d, ok := r.m.DistrictIn(u.text + ", " + province); ok && u.text != province {
			lh.district = d
			lh.raw["district"], lh.cells["district"], lh.from["district"] = u.text, grid.CellName(u.col, u.line), u.source
			return
		}
	}
}

// letterDate reads the date line's date (day, month, year).
func (r *reader) letterDate(lh *coverInfo, line string, date []string) {
	d, st := cell.Day(cell.Atoi(date[2]), cell.Atoi(date[1]), cell.Atoi(date[0]))
	if st == cell.NumBad {
		at := loc{sheet: lh.fromSheet, cell: lh.cells["report_date"]}
		r.add(problem.Error, problem.CodeTypeError, at, i18n.Msg(r.lang, "type-error.date", line, i18n.Msg(r.lang, "letterhead-date")))
	}
	lh.reportDate = d
}

// letterheadPairs reads the values found as label–value pairs; a kind that is not known is
// left for the title to give (and a reporting unit for the letterhead and title:
// resolveLetterheadUnit).
func (r *reader) letterheadPairs(lh *coverInfo, pairs map[string]bool) {
	drop := func(key string) { delete(lh.raw, key); delete(lh.cells, key); delete(lh.from, key) }
	if pairs["number"] {
		lh.raw["number"] = slashSpaces.Replace(lh.raw["number"])
	}
	if pairs["kind"] {
		if lh.kind, _ = r.kinds.Match(lh.raw["kind"]); lh.kind == "" {
			drop("kind")
		}
	}
	if pairs["report_date"] {
		d, st := cell.ParseDate(lh.raw["report_date"], false, false)
		if st == cell.NumBad {
			r.add(problem.Error, problem.CodeTypeError, loc{sheet: lh.fromSheet, cell: lh.cells["report_date"]},
				i18n.Msg(r.lang, "type-error.date", lh.raw["report_date"], i18n.Msg(r.lang, "letterhead-date")))
		}
		lh.reportDate = d
	}
	if pairs["received_date"] {
		d, _ := cell.ParseDate(lh.raw["received_date"], false, false)
		lh.receivedDate = d
	}
}

// slashSpaces drops the spaces a clerk types around the slash of a document number.
var slashSpaces = strings.NewReplacer(" /", "/", "/ ", "/")

// docNumber is the number of a line "Số: 302/BC-CAH" ("Số 302/BC-CAH", "SỐ:   /BC-UBND"),
// "" for any other line.
func docNumber(line string) string {
	first, size := utf8.DecodeRuneInString(line)
	if first != 'S' && first != 's' {
		return ""
	}
	second, size2 := utf8.DecodeRuneInString(line[size:])
	if naming.Fold(string(first)+string(second)) != "so" {
		return ""
	}
	rest := strings.TrimSpace(line[size+size2:])
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ":"))
	rest = slashSpaces.Replace(rest) // "302 /BC-CAH"
	if !strings.Contains(rest, "/") || strings.ContainsAny(rest, " \t") || utf8.RuneCountInString(rest) > 40 {
		return ""
	}
	return rest
}

// letterDateOK returns the day, month and year of a line (f folded) that is the date line
// under the national motto: the date alone, or after a place and a comma ("Cầu Kè, ngày
// 12 tháng 12 năm 2025"), not a date inside a sentence; nil for any other line.
func letterDateOK(line, f string) []string {
	if !strings.Contains(f, "ngay") {
		return nil
	}
	m := letterDate.FindStringSubmatch(f)
	if m == nil || m[1] != "" && (!strings.Contains(line, ",") || len(strings.Fields(m[1])) > 6) {
		return nil
	}
	return m[2:]
}

// isMotto reports whether the folded line is the national motto, on the right of every
// official document: never a title, a unit or a kind ("Việt Nam" folds to the word of
// "năm").
func isMotto(f string) bool {
	return strings.HasPrefix(f, "cong hoa xa hoi chu nghia viet nam") || f == "doc lap tu do hanh phuc"
}
