package read

import (
	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read/cell"
	"regexp"
	"strings"
	"time"
)

// coverInfo is what the cover sheet says, read and checked; or what a data sheet says
// above its table (letterhead), or both.
type coverInfo struct {
	sheet        string            // the cover sheet, "" when there is none
	raw          map[string]string // cover key → value as written
	cells        map[string]string // cover key → A1 cell of the value
	district     string            // registry name, "" when absent or unknown (resolveUnit)
	kind         string
	number       string
	author       string
	phone        string
	reportDate   time.Time
	receivedDate time.Time
	// from says, for the keys read above a data sheet's table (fromSheet) rather than
	// on the cover, where: "letterhead" or "title".
	from      map[string]string
	fromSheet string
	// units are the lines above a data sheet's table that may name the reporting unit, in
	// the order they are tried once the registry is known (resolveUnit): the letterhead's
	// issuing body, lowest line first, then the title's lines, top down.
	units []unitLine
}

// unitLine is a line that may name the reporting unit, and where it was read.
type unitLine struct {
	text, source string
	col, line    int
}

// with is the cover completed by what a data sheet says above its table: the cover's
// values come first.
func (cov coverInfo) with(lh coverInfo) coverInfo {
	if len(lh.raw) == 0 {
		return cov
	}
	out := cov
	out.raw, out.cells, out.from, out.fromSheet = copyMap(cov.raw), copyMap(cov.cells), map[string]string{}, lh.fromSheet
	if out.raw == nil {
		out.raw, out.cells = map[string]string{}, map[string]string{}
	}
	for key, v := range lh.raw {
		if out.raw[key] != "" {
			continue
		}
		out.raw[key], out.cells[key], out.from[key] = v, lh.cells[key], lh.from[key]
		switch key {
		case "district":
			out.district = lh.district
		case "kind":
			out.kind = lh.kind
		case "number":
			out.number = lh.number
		case "report_date":
			out.reportDate = lh.reportDate
		case "received_date":
			out.receivedDate = lh.receivedDate
		}
	}
	return out
}

// at is where the value of key was read.
func (cov coverInfo) at(key string) loc {
	if cov.from[key] != "" {
		return loc{sheet: cov.fromSheet, cell: cov.cells[key], district: cov.district}
	}
	return loc{sheet: cov.sheet, cell: cov.cells[key], district: cov.district}
}

// coverSheetNames are cover sheet names, compared with normLabel.
var coverSheetNames = map[string]bool{"thongtin": true, "thongtinchung": true, "thongtinbaocao": true, "bia": true, "trangbia": true, "cover": true, "info": true}

// findCover returns the cover sheet: one named like "Thông tin", else the first sheet
// that is not a data sheet and has at least two cover labels; "" when none.
func (r *reader) findCover(f grid.Book, sheets []string, data []dataSheet) string {
	isData := map[string]bool{}
	for _, d := range data {
		isData[d.name] = true
	}
	for _, s := range sheets {
		if !isData[s] && coverSheetNames[naming.NormLabel(s)] {
			return s
		}
	}
	for _, s := range sheets {
		if isData[s] {
			continue
		}
		if raw, _ := r.coverValues(f, s); len(raw) >= 2 {
			return s
		}
	}
	return ""
}

// coverValues reads label–value pairs: in each row the first non-empty cell is the label
// and the next one the value ("Loại báo cáo: Rà soát" in one cell also does).
func (r *reader) coverValues(f grid.Book, sheet string) (raw, cells map[string]string) {
	raw, cells = map[string]string{}, map[string]string{}
	rows, err := f.Rows(sheet)
	if err != nil {
		return raw, cells
	}
	for i, row := range rows {
		key, value, col, ok := r.coverPair(row)
		if _, seen := cells[key]; !ok || seen {
			continue
		}
		raw[key] = strings.TrimSpace(value)
		cells[key] = grid.CellName(col, i+1)
	}
	return raw, cells
}

func (r *reader) coverPair(row []string) (key, value string, col int, ok bool) {
	label := -1
	for c, v := range row {
		v = strings.TrimSpace(v)
		switch {
		case v == "":
		case label < 0:
			if key, ok = r.covers.Match(v); !ok {
				before, after, cut := strings.Cut(v, ":")
				if key, ok = r.covers.Match(before); ok && cut && strings.TrimSpace(after) != "" {
					return key, after, c, true
				}
				if !ok && numbering.MatchString(v) {
					continue
				}
				if !ok {
					return "", "", 0, false
				}
			}
			label = c
		default:
			return key, v, c, true
		}
	}
	if label >= 0 && ok {
		return key, "", label + 1, true
	}
	return "", "", 0, false
}

// numbering is an item number in front of a label: "1.", "a)", "II.".
var numbering = regexp.MustCompile(`^(\d{1,2}|[a-zA-Z]|[IVXivx]{1,4})[.)/]?$`)

// readCover reads and checks the cover sheet.
func (r *reader) readCover(f grid.Book, sheet string, date1904 bool) coverInfo {
	cov := coverInfo{sheet: sheet, raw: map[string]string{}, cells: map[string]string{}}
	if sheet == "" {
		return cov
	}
	cov.raw, cov.cells = r.coverValues(f, sheet)
	at := func(key string) loc { return loc{sheet: sheet, cell: cov.cells[key], district: cov.district} }
	if v := cov.raw["kind"]; v != "" {
		kind, ok := r.kinds.Match(v) // matchKind(r.plan, v)
		if !ok {
			var names []string
			for _, d := range r.plan.Calendar {
				names = append(names, d.Vi)
			}
			r.add(problem.Error, problem.CodeUnknownKind, at("kind"), i18n.Msg(r.lang, "unknown-kind", v, strings.Join(names, ", ")))
		}
		cov.kind = kind
	}
	cov.number, cov.author, cov.phone = cov.raw["number"], cov.raw["author"], cov.raw["phone"]
	cov.reportDate = r.coverDate(f, cov, "report_date", date1904)
	cov.receivedDate = r.coverDate(f, cov, "received_date", date1904)
	return cov
}

func (r *reader) coverDate(f grid.Book, cov coverInfo, key string, date1904 bool) time.Time {
	raw := cov.raw[key]
	if raw == "" {
		return time.Time{}
	}
	numeric := !f.CellIsText(cov.sheet, cov.cells[key])
	d, st := cell.ParseDate(raw, numeric, date1904)
	if st == cell.NumBad {
		label := key
		for _, c := range r.plan.Cover {
			if c.Key == key {
				label = i18n.Text{Vi: c.Vi, En: c.En}.In(r.lang)
			}
		}
		at := loc{sheet: cov.sheet, cell: cov.cells[key], district: cov.district}
		r.add(problem.Error, problem.CodeTypeError, at, i18n.Msg(r.lang, "type-error.date", raw, i18n.LowerFirst(label)))
	}
	return d
}

// resolveCoverUnit reads the cover's reporting unit with r.m, the registry in force on the
// return's date: "Công an huyện Càng Long" names Huyện Càng Long; one the registry does
// not know is an error.
func (r *reader) resolveCoverUnit(cov *coverInfo) {
	v := cov.raw["district"]
	if v == "" || cov.sheet == "" {
		return
	}
	if d, ok := r.m.DistrictIn(v); ok {
		cov.district = d
		r.unitElsewhere(cov.at("district"), v, d)
		return
	}
	if province, ok := r.m.ProvinceIn(v); ok {
		r.province = province // a file of many communes, sent by their province (SPEC §10)
		return
	}
	r.add(problem.Error, problem.CodeUnknownDistrict, cov.at("district"), r.unknownUnitMessage(v))
}
