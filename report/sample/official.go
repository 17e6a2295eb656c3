package sample

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/template"
)

// OfficialReturn is one district's return laid out as an office sends it: one sheet of an
// official document (form of Decree 30/2020/NĐ-CP) with a letterhead, a title, the table,
// notes, "Nơi nhận" and a signature (SPEC §8). Spec is the same return in the canonical
// layout: the same communes, figures, kind, number and report date, which a reader must
// find in both.
type OfficialReturn struct {
	Name string
	Spec template.ReturnSpec
	Form OfficialForm
}

// OfficialForm is how an official return's sheet is laid out.
type OfficialForm struct {
	SheetName string
	// Issuer are the letterhead's left lines: the governing body, then the issuing one.
	Issuer []string
	// Place is the place of the date line ("Cầu Kè, ngày 12 tháng 12 năm 2025").
	Place string
	// Title are the title's lines ("BÁO CÁO", "Kết quả … giai đoạn 3").
	Title []string
	// Citations is how many "Căn cứ …" lines come under the title (up to 6); with 6
	// the header is below row 15.
	Citations int
	// CommuneHeader is the commune column's header ("Tên xã, thị trấn", "Đơn vị").
	CommuneHeader string
	// MergedCommune merges the commune header across two columns, the unit's type in
	// the first ("Xã", "TT") and its name in the second.
	MergedCommune bool
	// AddictsGroup is the group header over ManagedHeader and "Tổng số".
	AddictsGroup, ManagedHeader string
	// NumberRow numbers the columns under the header: "(1) (2) (3) …".
	NumberRow bool
	// GroupRows puts the towns (or wards) under "I | Thị trấn" and the communes under
	// "II | Các xã"; GroupWords are the two labels.
	GroupRows  bool
	GroupWords [2]string
	// TotalsFirst and TotalsLast put a totals row above and below the communes, labelled
	// TotalsLabel; FormulaTotals writes them as SUM formulas (without cached values).
	TotalsFirst, TotalsLast bool
	TotalsLabel             string
	FormulaTotals           bool
	// RepeatHeader prints the header again after that many communes (a page break).
	RepeatHeader int
	// HiddenColumn adds a hidden column "Dân số (năm 2024)" with last year's figures
	// before "Dân số".
	HiddenColumn bool
	// HiddenOldSheet adds, first, a hidden sheet with the previous round's figures.
	HiddenOldSheet bool
	// ListSheet adds a sheet listing the communes and statuses for the drop-down of
	// the status column: "hidden" or "visible" ("" for none).
	ListSheet string
	// FloatNoise writes areas as a program computes them, one unit in the last place
	// below the figure (999.9999999999999 for 1000).
	FloatNoise bool
	// Apostrophes writes the figures as text with a typed apostrophe ("'17676").
	Apostrophes bool
	// Signer is the signature's title and name ("KT. TRƯỞNG CÔNG AN HUYỆN", …); Preparer
	// adds "NGƯỜI LẬP BIỂU" and a name on the left.
	Signer   []string
	Preparer string
}

// officialFields are the fields an official return's table gives, in its order.
var officialFields = []string{"status", "population", "addicts_total", "addicts_managed", "users", "hotspots", "plants", "plant_area_m2", "offenders", "violations", "on_route"}

// OfficialSet is one round of official returns, one per district, each laid out
// differently: together they show every layout of SPEC §8. Their figures are the sample
// figures of seed, limited to the columns an official table gives. They are the review
// and phase 1, before the reform of 1 July 2025, when the districts reported; one more is
// a commune's phase 3 after it (a commune formed by the reform, reporting for itself).
func OfficialSet(p *criteria.Plan, seed uint64) []OfficialReturn {
	communes := SampleFigures(p, seed)
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	spec := func(district, kind, number string, date time.Time, adjust func(map[string]classify.Figures)) template.ReturnSpec {
		s := template.ReturnSpec{District: district, Kind: kind, Number: number, ReportDate: date}
		fix := map[string]classify.Figures{}
		for _, c := range communes {
			if c.Commune.District != district {
				continue
			}
			fig := classify.Figures{}
			for _, k := range officialFields {
				if v, ok := c.Figures[k]; ok {
					fig[k] = v
				}
			}
			fix[c.Commune.Code] = fig
			s.Rows = append(s.Rows, template.ReturnRow{Commune: c.Commune, Status: c.Status, Figures: fig})
		}
		if adjust != nil {
			adjust(fix)
		}
		return s
	}
	police := func(d string) []string {
		return []string{"UBND " + strings.ToUpper(d), "CÔNG AN " + strings.ToUpper(d)}
	}
	signer := func(d string) []string {
		unit := strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(d, template.DistrictShort(d)), " "))
		return []string{"KT. TRƯỞNG CÔNG AN " + unit, "PHÓ TRƯỞNG CÔNG AN " + unit, "(Ký, đóng dấu)", "", "Thượng tá Nguyễn Văn Bình"}
	}
	phase1Title := func(d string) []string {
		return []string{"BÁO CÁO", "Kết quả xây dựng xã, phường, thị trấn không ma túy trên địa bàn " + strings.ToLower(d[:1]) + d[1:] + " giai đoạn 1 năm 2025"}
	}
	var set []OfficialReturn
	add := func(name string, s template.ReturnSpec, f OfficialForm) {
		set = append(set, OfficialReturn{Name: name, Spec: s, Form: f})
	}

	cauKe := testDistrict(p, "Cầu Kè")
	add("phase1-huyen-cau-ke-302.xlsx", spec(cauKe, "phase1", "302/BC-CAH", day(4, 25), nil), OfficialForm{
		Issuer: police(cauKe), Place: "Cầu Kè", Title: phase1Title(cauKe), Citations: 6,
		CommuneHeader: "Tên xã, thị trấn", AddictsGroup: "Người nghiện ma túy", ManagedHeader: "Trong đó: có hồ sơ quản lý",
		NumberRow: true, GroupRows: true, GroupWords: [2]string{"Thị trấn", "Các xã"}, TotalsFirst: true, TotalsLabel: "TOÀN HUYỆN",
		Signer: signer(cauKe), Preparer: "Đại úy Trần Thị Cúc",
	})
	cangLong := testDistrict(p, "Càng Long")
	add("gd1-cang-long.xlsx", spec(cangLong, "phase1", "415/BC-CAH", day(4, 23), nil), OfficialForm{
		Issuer: police(cangLong), Place: "Càng Long", Title: []string{"BÁO CÁO", "Kết quả giai đoạn 1 công tác xây dựng xã, thị trấn không ma túy năm 2025"}, Citations: 2,
		CommuneHeader: "Xã, thị trấn", AddictsGroup: "Số người nghiện", ManagedHeader: "Có hồ sơ quản lý",
		NumberRow: true, TotalsLast: true, TotalsLabel: "Tổng cộng", RepeatHeader: 7, HiddenColumn: true,
		Signer: signer(cangLong),
	})
	tieuCan := testDistrict(p, "Tiểu Cần")
	add("bao-cao-tieu-can-gd1.xlsx", spec(tieuCan, "phase1", "288/BC-CAH", day(4, 24), nil), OfficialForm{
		Issuer: []string{"CÔNG AN TỈNH TRÀ VINH", "CÔNG AN " + strings.ToUpper(tieuCan)}, Place: "Tiểu Cần", Title: phase1Title(tieuCan), Citations: 3,
		CommuneHeader: "Đơn vị", AddictsGroup: "Người nghiện ma túy", ManagedHeader: "Trong đó: có hồ sơ quản lý",
		TotalsFirst: true, TotalsLast: true, TotalsLabel: "Cộng", HiddenOldSheet: true, ListSheet: "hidden",
		Signer: signer(tieuCan), Preparer: "Trung úy Lê Văn Dũng",
	})
	chauThanh := testDistrict(p, "Châu Thành")
	add("phase1-huyen-chau-thanh.xlsx", spec(chauThanh, "phase1", "512/BC-CAH", day(4, 22), func(f map[string]classify.Figures) {
		// an area right on a band's bound: read 999.9999999999999 as 1000
		for _, c := range []string{"29377"} {
			f[c]["plants"], f[c]["plant_area_m2"] = 300, 1000
		}
	}), OfficialForm{
		Issuer: police(chauThanh), Place: "Châu Thành", Title: []string{"BÁO CÁO", "KẾT QUẢ CHUYỂN HÓA ĐỊA BÀN GIAI ĐOẠN I NĂM 2025"}, Citations: 1,
		CommuneHeader: "Xã, thị trấn", MergedCommune: true, AddictsGroup: "Người nghiện ma túy", ManagedHeader: "Có hồ sơ quản lý",
		NumberRow: true, TotalsLast: true, TotalsLabel: "Tổng cộng", FloatNoise: true, Apostrophes: true,
		Signer: signer(chauThanh),
	})
	cauNgang := testDistrict(p, "Cầu Ngang")
	add("ra-soat-cau-ngang.xlsx", spec(cauNgang, "review", "45/BC-CAH", day(2, 24), nil), OfficialForm{
		Issuer: police(cauNgang), Place: "Cầu Ngang", Title: []string{"BÁO CÁO", "Kết quả rà soát, đánh giá tình hình xã, thị trấn có ma túy năm 2025"}, Citations: 2,
		CommuneHeader: "Xã", AddictsGroup: "Số người nghiện", ManagedHeader: "Có hồ sơ quản lý",
		NumberRow: true, TotalsLast: true, TotalsLabel: "Tổng cộng", ListSheet: "visible",
		Signer: signer(cauNgang), Preparer: "Thiếu tá Thạch Sô Phol",
	})
	traCu := testDistrict(p, "Trà Cú")
	add("phase1-huyen-tra-cu.xlsx", spec(traCu, "phase1", "377/BC-CAH", day(4, 21), nil), OfficialForm{
		Issuer: []string{"UBND " + strings.ToUpper(traCu) + "\nCÔNG AN HUYỆN"}, Place: "Trà Cú", Title: phase1Title(traCu), Citations: 4,
		CommuneHeader: "Tên đơn vị", AddictsGroup: "Người nghiện ma túy", ManagedHeader: "Trong đó: có hồ sơ quản lý",
		NumberRow: true, GroupRows: true, GroupWords: [2]string{"Thị trấn", "Các xã"}, TotalsFirst: true, TotalsLabel: "TOÀN HUYỆN",
		Apostrophes: true, Signer: signer(traCu),
	})
	duyenHai := testDistrict(p, "Huyện Duyên Hải")
	add("phase1-huyen-duyen-hai.xlsx", spec(duyenHai, "phase1", "266/BC-CAH", day(5, 3), nil), OfficialForm{
		Issuer: police(duyenHai), Place: "Duyên Hải", Title: phase1Title(duyenHai), Citations: 5,
		CommuneHeader: "Địa bàn", AddictsGroup: "Người nghiện ma túy", ManagedHeader: "Có hồ sơ quản lý",
		NumberRow: true, TotalsLast: true, TotalsLabel: "Tổng cộng", FormulaTotals: true, FloatNoise: true, RepeatHeader: 4,
		Signer: signer(duyenHai), Preparer: "Đại úy Nguyễn Thị Hồng",
	})
	tpTraVinh := testDistrict(p, "Thành phố Trà Vinh")
	add("BC-302-gd1.xlsx", spec(tpTraVinh, "phase1", "302/BC-CATP", day(4, 24), nil), OfficialForm{
		Issuer: police(tpTraVinh), Place: "Trà Vinh", Title: []string{"BÁO CÁO", "Kết quả giai đoạn 1 công tác chuyển hóa địa bàn phường, xã không ma túy năm 2025"}, Citations: 3,
		CommuneHeader: "Tên xã, phường", AddictsGroup: "Người nghiện ma túy", ManagedHeader: "Trong đó: có hồ sơ quản lý",
		NumberRow: true, GroupRows: true, GroupWords: [2]string{"Khối phường", "Khối xã"}, TotalsFirst: true, TotalsLast: true, TotalsLabel: "TOÀN THÀNH PHỐ",
		HiddenColumn: true, Signer: signer(tpTraVinh),
	})
	txDuyenHai := testDistrict(p, "Thị xã Duyên Hải")
	add("BC-ket-qua-GD1.xlsx", spec(txDuyenHai, "phase1", "198/BC-CATX", day(4, 25), nil), OfficialForm{
		Issuer: police(txDuyenHai), Place: "Duyên Hải", Title: []string{"BÁO CÁO", "Kết quả thực hiện Kế hoạch xây dựng xã, phường không ma túy, giai đoạn 1"}, Citations: 2,
		CommuneHeader: "Xã, phường", AddictsGroup: "Số người nghiện ma túy", ManagedHeader: "Có hồ sơ quản lý",
		GroupRows: true, GroupWords: [2]string{"Phường", "Xã"}, TotalsLast: true, TotalsLabel: "TOÀN THỊ XÃ", Apostrophes: true, MergedCommune: false,
		ListSheet: "hidden", Signer: signer(txDuyenHai),
	})
	// After the reform: a commune formed by it sends its own phase 3 ("sơ kết"), its one
	// row its former units' figures added up.
	if p.Reform != nil {
		if xa, ok := p.Successor(testkitCode(p, cauKe, "Cầu Kè")); ok {
			unit := xa.Unit()
			s := template.ReturnSpec{District: unit, Kind: "phase3", Number: "96/BC-CAX", ReportDate: day(12, 12)}
			for _, c := range LaterFigures(p, communes) {
				if c.Commune.Code != xa.Code {
					continue
				}
				fig := classify.Figures{}
				for _, k := range officialFields {
					if v, ok := c.Figures[k]; ok {
						fig[k] = v
					}
				}
				s.Rows = append(s.Rows, template.ReturnRow{Commune: c.Commune, Status: c.Status, Figures: fig})
			}
			add("so-ket-xa-cau-ke.xlsx", s, OfficialForm{
				Issuer: []string{"UBND " + strings.ToUpper(unit), "CÔNG AN " + strings.ToUpper(unit)}, Place: "Cầu Kè",
				Title: []string{"BÁO CÁO", "Sơ kết công tác xây dựng xã không ma túy năm 2025"}, Citations: 2,
				CommuneHeader: "Đơn vị", AddictsGroup: "Người nghiện ma túy", ManagedHeader: "Trong đó: có hồ sơ quản lý",
				NumberRow: true,
				Signer:    []string{"TRƯỞNG CÔNG AN XÃ", "(Ký, đóng dấu)", "", "Thiếu tá Lâm Văn Tâm"}, Preparer: "Trung úy Kim Thị Sa Rây",
			})
		}
	}
	for i := range set {
		set[i].Form.SheetName = "Sheet1"
		if i%3 == 1 {
			set[i].Form.SheetName = "BC"
		}
	}
	return set
}

// testkitCode is the code of the commune of district whose name is name.
func testkitCode(p *criteria.Plan, district, name string) string {
	for _, c := range p.Registry.InDistrict(district) {
		if c.Name == name {
			return c.Code
		}
	}
	panic("sample: no commune " + name + " in " + district)
}

// testDistrict is the registry's name of the district whose name ends with short.
func testDistrict(p *criteria.Plan, short string) string {
	for _, d := range p.Registry.Districts() {
		if d == short || strings.HasSuffix(d, " "+short) {
			return d
		}
	}
	panic("sample: no district " + short + " in the registry")
}

// citations are lines that cite other documents under a title; some name a phase or a
// date of their own, which is not the return's.
var citations = []string{
	"Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021;",
	"Căn cứ Kế hoạch số 16/KH-UBND ngày 17 tháng 02 năm 2025 của Ủy ban nhân dân tỉnh Trà Vinh về xây dựng xã, phường, thị trấn không ma túy trên địa bàn tỉnh Trà Vinh năm 2025;",
	"Căn cứ kết quả thực hiện giai đoạn 2 của Công an các xã, thị trấn;",
	"Căn cứ Chương trình phòng, chống ma túy giai đoạn 2021-2025 trên địa bàn tỉnh;",
	"Căn cứ Nghị định số 105/2021/NĐ-CP ngày 04 tháng 12 năm 2021 của Chính phủ;",
	"Căn cứ Công văn số 1234/CAT-PC04 ngày 01 tháng 11 năm 2025 của Công an tỉnh;",
}

// officialColumn is one column of an official table: its header (a group over a
// sub-header, or one header over both rows) and the field it holds.
type officialColumn struct {
	group, header, key string
	hidden             bool
	kind               string // "number", "type", "commune", "status", "yesno", "note"
}

func (f OfficialForm) columns() []officialColumn {
	cols := []officialColumn{{header: "STT", kind: "number"}}
	if f.MergedCommune {
		cols = append(cols, officialColumn{header: f.CommuneHeader, kind: "type"}, officialColumn{kind: "commune"})
	} else {
		cols = append(cols, officialColumn{header: f.CommuneHeader, kind: "commune"})
	}
	cols = append(cols, officialColumn{header: "Tình trạng (Chuyển hóa/Duy trì)", key: "status", kind: "status"})
	if f.HiddenColumn {
		cols = append(cols, officialColumn{header: "Dân số (năm 2024)", key: "population", hidden: true})
	}
	return append(cols,
		officialColumn{header: "Dân số (người)", key: "population"},
		officialColumn{group: f.AddictsGroup, header: "Tổng số", key: "addicts_total"},
		officialColumn{group: f.AddictsGroup, header: f.ManagedHeader, key: "addicts_managed"},
		officialColumn{header: "Người sử dụng trái phép chất ma túy", key: "users"},
		officialColumn{header: "Tụ điểm, điểm phức tạp về ma túy", key: "hotspots"},
		officialColumn{group: "Cây có chứa chất ma túy", header: "Số cây", key: "plants"},
		officialColumn{group: "Cây có chứa chất ma túy", header: "Diện tích (m²)", key: "plant_area_m2"},
		officialColumn{header: "Đối tượng phạm tội về ma túy", key: "offenders"},
		officialColumn{header: "Vụ vi phạm khác về ma túy", key: "violations"},
		officialColumn{header: "Nằm trên tuyến trọng điểm (Có/Không)", key: "on_route", kind: "yesno"},
		officialColumn{header: "Ghi chú", kind: "note"},
	)
}

// WriteOfficial writes an official return: its sheet, and the hidden and list sheets its
// form asks for.
func WriteOfficial(w io.Writer, p *criteria.Plan, r OfficialReturn) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := r.Form.SheetName
	if sheet == "" {
		sheet = "Sheet1"
	}
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return err
		}
	}
	if r.Form.HiddenOldSheet {
		old := r
		old.Spec.Kind, old.Spec.ReportDate = "review", time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)
		old.Spec.Number = "201/BC-CAH"
		old.Spec.Rows = olderFigures(r.Spec.Rows)
		old.Form.Title = []string{"BÁO CÁO", "Kết quả rà soát, đánh giá tình hình xã, thị trấn có ma túy năm 2025"}
		old.Form.HiddenOldSheet, old.Form.ListSheet = false, ""
		const oldName = "Rà soát (cũ)"
		if _, err := f.NewSheet(oldName); err != nil {
			return err
		}
		if err := writeOfficialSheet(f, p, oldName, old, ""); err != nil {
			return err
		}
		if err := f.MoveSheet(oldName, sheet); err != nil {
			return err
		}
		if err := f.SetSheetVisible(oldName, false); err != nil {
			return err
		}
	}
	list := ""
	if r.Form.ListSheet != "" {
		list = "DM"
		if err := writeListSheet(f, p, list, r.Spec.Rows); err != nil {
			return err
		}
		if r.Form.ListSheet == "hidden" {
			if err := f.SetSheetVisible(list, false); err != nil {
				return err
			}
		}
	}
	if err := writeOfficialSheet(f, p, sheet, r, list); err != nil {
		return err
	}
	idx, _ := f.GetSheetIndex(sheet)
	f.SetActiveSheet(idx)
	return f.Write(w)
}

// olderFigures are the figures of the round before: more addicts, fewer managed.
func olderFigures(rows []template.ReturnRow) []template.ReturnRow {
	out := make([]template.ReturnRow, len(rows))
	for i, r := range rows {
		fig := classify.Figures{}
		for k, v := range r.Figures {
			fig[k] = v
		}
		if v, ok := fig["addicts_total"]; ok {
			fig["addicts_total"] = v + 7
		}
		if v, ok := fig["population"]; ok {
			fig["population"] = v - 120
		}
		out[i] = template.ReturnRow{Commune: r.Commune, Status: r.Status, Figures: fig}
	}
	return out
}

// writeListSheet writes the list a drop-down takes its values from: the communes, and
// the statuses.
func writeListSheet(f *excelize.File, p *criteria.Plan, name string, rows []template.ReturnRow) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	_ = f.SetSheetRow(name, "A1", &[]any{"Xã, phường, thị trấn", "Tình trạng"})
	for i, r := range rows {
		_ = f.SetCellValue(name, "A"+strconv.Itoa(i+2), r.Commune.FullName())
	}
	for i, s := range p.Statuses {
		_ = f.SetCellValue(name, "B"+strconv.Itoa(i+2), s.Vi)
	}
	return nil
}

// officialRow is a commune's row in the order the table lists them: towns (or wards)
// first when the communes are grouped.
func officialRows(r OfficialReturn) (first, rest []template.ReturnRow) {
	rows := append([]template.ReturnRow(nil), r.Spec.Rows...)
	if !r.Form.GroupRows {
		return rows, nil
	}
	sort.SliceStable(rows, func(i, j int) bool { return townLike(rows[i]) && !townLike(rows[j]) })
	n := 0
	for n < len(rows) && townLike(rows[n]) {
		n++
	}
	return rows[:n], rows[n:]
}

func townLike(r template.ReturnRow) bool { return r.Commune.Type != "xã" }

// writeOfficialSheet writes the official document on sheet: letterhead, title, citations,
// the table and what comes below it. list names the sheet of the status drop-down.
func writeOfficialSheet(f *excelize.File, p *criteria.Plan, sheet string, r OfficialReturn, list string) error {
	form, cols := r.Form, r.Form.columns()
	ncol := len(cols)
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	italic, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: template.Borders(),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	body, _ := f.NewStyle(&excelize.Style{Border: template.Borders()})
	cell := func(col, line int) string { c, _ := excelize.CoordinatesToCellName(col+1, line); return c }
	put := func(col, line int, v any) { _ = f.SetCellValue(sheet, cell(col, line), v) }
	band := func(line, from, to int, text string, style int) { // text across columns from..to
		put(from, line, text)
		if to > from {
			_ = f.MergeCell(sheet, cell(from, line), cell(to, line))
		}
		_ = f.SetCellStyle(sheet, cell(from, line), cell(to, line), style)
	}
	right := max(ncol-6, 4)

	// Letterhead: the issuing body left, the national motto right; number and date.
	line := 1
	for i, text := range form.Issuer {
		band(line+i, 0, 3, text, bold)
	}
	band(line, right, ncol-1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
	band(line+1, right, ncol-1, "Độc lập - Tự do - Hạnh phúc", bold)
	line += max(len(form.Issuer), 2)
	band(line, 0, 3, "Số: "+r.Spec.Number, italic)
	d := r.Spec.ReportDate
	band(line, right, ncol-1, fmt.Sprintf("%s, ngày %02d tháng %02d năm %d", form.Place, d.Day(), int(d.Month()), d.Year()), italic)
	line += 2
	for _, t := range form.Title {
		band(line, 0, ncol-1, t, bold)
		line++
	}
	unit := strings.Join(strings.Fields(strings.ReplaceAll(form.Issuer[len(form.Issuer)-1], "\n", " ")), " ")
	band(line, 0, ncol-1, fmt.Sprintf("(Kèm theo Báo cáo số %s ngày %s của %s)", r.Spec.Number, d.Format("02/01/2006"), unit), italic)
	line += 2
	for i := 0; i < min(form.Citations, len(citations)); i++ {
		band(line, 0, ncol-1, citations[i], 0)
		line++
	}
	put(0, line, "Thực hiện Kế hoạch số 16/KH-UBND ngày 17/02/2025 của UBND tỉnh Trà Vinh, "+unit+" báo cáo kết quả như sau:")
	line++
	put(ncol-2, line, "Đơn vị tính: người, m²")
	line++

	// The header, two rows, and the column numbers.
	header := func(line int) int {
		for c := 0; c < ncol; c++ {
			col := cols[c]
			switch {
			case col.group != "":
				if c == 0 || cols[c-1].group != col.group {
					put(c, line, col.group)
					end := c
					for end+1 < ncol && cols[end+1].group == col.group {
						end++
					}
					_ = f.MergeCell(sheet, cell(c, line), cell(end, line))
				}
				put(c, line+1, col.header)
			case col.kind == "type":
				put(c, line, col.header)
				_ = f.MergeCell(sheet, cell(c, line), cell(c+1, line+1))
			case col.kind == "commune" && form.MergedCommune:
			default:
				put(c, line, col.header)
				_ = f.MergeCell(sheet, cell(c, line), cell(c, line+1))
			}
		}
		_ = f.SetCellStyle(sheet, cell(0, line), cell(ncol-1, line+1), head)
		line += 2
		if form.NumberRow {
			for c := 0; c < ncol; c++ {
				put(c, line, "("+strconv.Itoa(c+1)+")")
			}
			_ = f.SetCellStyle(sheet, cell(0, line), cell(ncol-1, line), head)
			line++
		}
		return line
	}
	line = header(line)
	top := line

	// The rows: totals, groups, communes, the header again after a page break.
	first, rest := officialRows(r)
	all := append(append([]template.ReturnRow(nil), first...), rest...)
	totals := func(line int, label string) {
		put(1, line, label)
		for c, col := range cols {
			fd, ok := p.Field(col.key)
			if !ok || (fd.Kind != criteria.KindCount && fd.Kind != criteria.KindArea) || col.hidden {
				continue
			}
			if form.FormulaTotals {
				letter, _ := excelize.ColumnNumberToName(c + 1)
				_ = f.SetCellFormula(sheet, cell(c, line), fmt.Sprintf("SUM(%s%d:%s%d)", letter, top, letter, line-1))
				continue
			}
			sum, any := 0.0, false
			for _, row := range all {
				if v, ok := row.Figures[col.key]; ok {
					sum, any = sum+v, true
				}
			}
			if any {
				put(c, line, math.Round(sum*100)/100)
			}
		}
		_ = f.SetCellStyle(sheet, cell(0, line), cell(ncol-1, line), head)
	}
	if form.TotalsFirst {
		totals(line, form.TotalsLabel)
		line++
		top = line
	}
	n := 0
	writeRows := func(group string, number string, rows []template.ReturnRow) {
		if form.GroupRows && len(rows) > 0 {
			put(0, line, number)
			put(1, line, group)
			_ = f.SetCellStyle(sheet, cell(0, line), cell(ncol-1, line), head)
			line++
		}
		for _, row := range rows {
			if form.RepeatHeader > 0 && n > 0 && n%form.RepeatHeader == 0 {
				_ = f.InsertPageBreak(sheet, cell(0, line))
				line = header(line)
			}
			n++
			writeOfficialRow(f, p, sheet, form, cols, line, n, row)
			_ = f.SetCellStyle(sheet, cell(0, line), cell(ncol-1, line), body)
			line++
		}
	}
	writeRows(form.GroupWords[0], "I", first)
	writeRows(form.GroupWords[1], "II", rest)
	if form.TotalsLast {
		totals(line, form.TotalsLabel)
		line++
	}

	// Notes, "Nơi nhận" and the signatures.
	line++
	put(0, line, "Ghi chú:")
	put(0, line+1, fmt.Sprintf("- Số liệu tính đến ngày %s.", d.AddDate(0, 0, -2).Format("02/01/2006")))
	put(0, line+2, "- Cột (5): người nghiện có mặt và vắng mặt tại địa phương.")
	line += 4
	// the preparer left of the signer, "Nơi nhận" under them; else "Nơi nhận" left of
	// the signer
	sign := ncol - 5
	signAt := line
	if form.Preparer != "" {
		band(line, 1, 3, "NGƯỜI LẬP BIỂU", bold)
		band(line+1, 1, 3, "(Ký, ghi rõ họ tên)", italic)
		band(line+len(form.Signer)-1, 1, 3, form.Preparer, bold)
		line += len(form.Signer) + 1
	}
	put(0, line, "Nơi nhận:")
	put(0, line+1, "- Công an tỉnh (PC04);")
	put(0, line+2, "- Lưu: VT.")
	for i, s := range form.Signer {
		if s != "" {
			band(signAt+i, sign, ncol-1, s, bold)
		}
	}
	line += 3

	// Widths, the hidden column, the status drop-down, the page.
	for c, col := range cols {
		name, _ := excelize.ColumnNumberToName(c + 1)
		w := 11.0
		switch col.kind {
		case "commune":
			w = 20
		case "number", "type":
			w = 6
		}
		_ = f.SetColWidth(sheet, name, name, w)
		if col.hidden {
			_ = f.SetColVisible(sheet, name, false)
		}
		if col.kind == "status" && list != "" {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s%d:%s%d", name, top, name, line)
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$B$2:$B$%d", list, len(p.Statuses)+1))
			_ = f.AddDataValidation(sheet, dv)
		}
	}
	_ = f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: template.Ptr(9), Orientation: template.Ptr("landscape"), FitToWidth: template.Ptr(1), FitToHeight: template.Ptr(0)})
	return nil
}

// writeOfficialRow writes one commune's row.
func writeOfficialRow(f *excelize.File, p *criteria.Plan, sheet string, form OfficialForm, cols []officialColumn, line, n int, row template.ReturnRow) {
	cell := func(col int) string { c, _ := excelize.CoordinatesToCellName(col+1, line); return c }
	for c, col := range cols {
		var v any
		switch {
		case col.kind == "number":
			v = n
		case col.kind == "type":
			v = map[string]string{"xã": "Xã", "phường": "Phường", "thị trấn": "TT"}[row.Commune.Type]
		case col.kind == "commune" && form.MergedCommune:
			v = row.Commune.Name
		case col.kind == "commune":
			v = row.Commune.FullName()
		case col.kind == "status":
			if row.Status != "" {
				v = p.StatusLabel(row.Status, i18n.Vi)
			}
		case col.kind == "note":
			if row.Figures["on_route"] == 1 {
				v = "Địa bàn trọng điểm"
			}
		case col.kind == "yesno":
			if x, ok := row.Figures[col.key]; ok {
				v = map[bool]string{true: "Có", false: "Không"}[x != 0]
			}
		case col.hidden:
			if x, ok := row.Figures[col.key]; ok {
				v = x - 150 // last year's
			}
		default:
			x, ok := row.Figures[col.key]
			if !ok {
				break
			}
			switch {
			case form.FloatNoise && col.key == "plant_area_m2" && x != 0:
				v = math.Nextafter(x, 0) // 999.9999999999999 for 1000
			case form.Apostrophes && x == math.Trunc(x):
				v = "'" + strconv.FormatFloat(x, 'f', -1, 64)
			default:
				v = x
			}
		}
		if v != nil {
			_ = f.SetCellValue(sheet, cell(c), v)
		}
	}
}
