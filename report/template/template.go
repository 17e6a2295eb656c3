package template

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/textfit"
)

// A template (ReturnSpec.Template) is a form for a district to fill and print, beyond the
// canonical return: its cover has a title and short instructions, its dates a format and a
// check; on its data sheet the communes and their codes are locked (the sheet is protected
// without a password, so that nothing is lost: Review › Unprotect Sheet lifts it) and the
// figures are open; it is set in Times New Roman and prints on A3 in landscape, two pages
// wide, the communes repeated on each page. What the reader reads stays where it was: the
// cover's labels in column A with their values in B, the header in row 1 of the data sheet.

// styles creates a workbook's styles once each, on first use: in a template every one is
// set in Times New Roman and the cells of the figures are left unlocked; a return that is
// not a template keeps the plain styles of the canonical layout.
type styles struct {
	f        *excelize.File
	template bool
	ids      map[string]int
}

func newStyles(f *excelize.File, template bool) *styles {
	return &styles{f: f, template: template, ids: map[string]int{}}
}

// get returns the id of the style name: bold, date, note, head, body (the communes' cells),
// open (the figures to fill), field (a value of the cover to fill), title, subtitle, text,
// section.
func (s *styles) get(name string) int {
	if id, ok := s.ids[name]; ok {
		return id
	}
	var st excelize.Style
	switch name {
	case "bold":
		st.Font = &excelize.Font{Bold: true}
	case "date":
		st.NumFmt, st.CustomNumFmt = 14, Ptr("dd/mm/yyyy")
	case "note":
		st.Font = &excelize.Font{Bold: true, Color: "C00000"}
	case "head":
		st = excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Border:    Borders(),
		}
	case "body":
		st.Border = Borders()
	case "field": // a value of the cover to fill
		st.Border = Borders()
		st.Protection = &excelize.Protection{Locked: false}
	case "open":
		st.Border = Borders()
		st.Protection = &excelize.Protection{Locked: false}
	case "title":
		st.Font = &excelize.Font{Bold: true, Size: textfit.Title}
		st.Alignment = &excelize.Alignment{Horizontal: "center", WrapText: true, Vertical: "top"}
	case "subtitle":
		st.Font = &excelize.Font{Italic: true, Size: textfit.Form}
		st.Alignment = &excelize.Alignment{Horizontal: "center", WrapText: true, Vertical: "top"}
	case "section":
		st.Font = &excelize.Font{Bold: true, Size: textfit.Form}
	case "text":
		st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	}
	if s.template {
		if st.Font == nil {
			st.Font = &excelize.Font{}
		}
		st.Font.Family = textfit.Font
		if st.Font.Size == 0 {
			st.Font.Size = textfit.Body
		}
		if name == "date" { // a date to fill: open, bordered
			st.Border = Borders()
			st.Protection = &excelize.Protection{Locked: false}
		}
	}
	id, _ := s.f.NewStyle(&st)
	s.ids[name] = id
	return id
}

// coverWidths are the widths of the cover's columns: the labels, the values.
var coverWidths = [2]float64{24, 46}

// coverText writes text over the cover's two columns from row on, as tall as it needs, and
// returns the next row.
func coverText(f *excelize.File, text string, style int, size float64, bold bool, row int) int {
	a, _ := excelize.CoordinatesToCellName(1, row)
	b, _ := excelize.CoordinatesToCellName(2, row)
	_ = f.SetCellValue(CoverSheetName, a, text)
	_ = f.MergeCell(CoverSheetName, a, b)
	_ = f.SetCellStyle(CoverSheetName, a, b, style)
	lines := textfit.Lines(text, textfit.Room(coverWidths[0], coverWidths[1]), size, bold)
	_ = f.SetRowHeight(CoverSheetName, row, textfit.RowHeight(lines, size))
	return row + 1
}

// coverTitle writes the template's title and the plan it follows from row on, and returns
// the row of the first label.
func coverTitle(f *excelize.File, p *criteria.Plan, spec ReturnSpec, st *styles, row int) int {
	title := i18n.Tr(spec.Lang, "BÁO CÁO SỐ LIỆU XÂY DỰNG "+strings.ToUpper(p.Units(i18n.Vi))+" KHÔNG MA TÚY", "RETURN ON BUILDING DRUG-FREE COMMUNES")
	row = coverText(f, title, st.get("title"), textfit.Title, true, row)
	// A province's own plan is its act (Plan 16 "của tỉnh Trà Vinh"); a national one is
	// applied in the province (QĐ 28 is the Prime Minister's, not Vĩnh Long's).
	under := fmt.Sprintf(i18n.Tr(spec.Lang, "Thực hiện %s ngày %s của %s", "Under %s of %s, %s"), p.Name, i18n.LongDate(p.Issued.Time, spec.Lang), p.Area(spec.Lang))
	if p.National() {
		under = fmt.Sprintf(i18n.Tr(spec.Lang, "Thực hiện %s ngày %s trên địa bàn %s", "Under %s of %s, in %s"), p.Name, i18n.LongDate(p.Issued.Time, spec.Lang), p.Area(spec.Lang))
	}
	row = coverText(f, under, st.get("subtitle"), textfit.Form, false, row)
	return row + 1
}

// coverInstructions writes how to fill the template from row on.
func coverInstructions(f *excelize.File, p *criteria.Plan, spec ReturnSpec, st *styles, row int) {
	lang := spec.Lang
	var dates []string
	for _, c := range p.Cover {
		if c.Key == "report_date" || c.Key == "received_date" {
			dates = append(dates, c.Vi)
		}
	}
	row = coverText(f, i18n.Tr(lang, "Hướng dẫn", "How to fill in this return"), st.get("section"), textfit.Form, true, row)
	for i, line := range []string{
		fmt.Sprintf(i18n.Tr(lang,
			"Ghi các ô bên phải ở trên; chọn loại báo cáo trong danh sách; ghi %s theo dạng ngày/tháng/năm (20/02/2025).",
			"Fill in the cells on the right above; pick the kind of return from the list; write %s as day/month/year (20/02/2025)."),
			strings.Join(dates, i18n.Tr(lang, " và ", " and "))),
		fmt.Sprintf(i18n.Tr(lang,
			"Trang “%s” có sẵn các %s của đơn vị với mã đơn vị, mỗi xã một dòng; các cột tên và mã được khóa để không bị sửa nhầm (khóa không có mật khẩu).",
			"The “%s” sheet lists the unit's %s with their codes, one a row; the name and code columns are locked so that they are not changed by mistake (the lock has no password)."),
			DataSheetName, p.Units(lang)),
		i18n.Tr(lang,
			"Ghi số liệu của từng xã vào các cột; ô để trống là chưa có số liệu, không phải số 0: nếu không có thì ghi 0.",
			"Write each commune's figures in the columns; a blank cell is a figure not known, not a 0: if there is none, write 0."),
		i18n.Tr(lang,
			"Mỗi tiêu đề cột có ghi chú nói cần ghi gì; đưa chuột vào tiêu đề để xem.",
			"Each column header has a note saying what to count; point at the header to read it."),
		i18n.Tr(lang,
			"Không đổi tên các trang tính, không thêm, xóa hay đổi chỗ các cột.",
			"Do not rename the sheets, nor add, delete or move columns."),
	} {
		row = coverText(f, fmt.Sprintf("%d. %s", i+1, line), st.get("text"), textfit.Body, false, row)
	}
}

// addDateValidation checks the date cell: a date of the plan's year, the year before or the
// year after, written as a date.
func addDateValidation(f *excelize.File, p *criteria.Plan, cell, label string, lang i18n.Lang) {
	from := time.Date(p.Year-1, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(p.Year+1, 12, 31, 0, 0, 0, 0, time.UTC)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	_ = dv.SetRange(excelSerial(from), excelSerial(to), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, label, fmt.Sprintf(i18n.Tr(lang,
		"Ghi một ngày từ %s đến %s, theo dạng ngày/tháng/năm (20/02/2025).",
		"Write a date from %s to %s, as day/month/year (20/02/2025)."), i18n.LongDate(from, lang), i18n.LongDate(to, lang)))
	_ = f.AddDataValidation(CoverSheetName, dv)
}

// excelSerial is the spreadsheet's number of a day (1900 date system).
func excelSerial(t time.Time) float64 {
	return float64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// dataWidths are the widths of the data sheet's columns (fields): text wide, codes and
// figures narrower; a template's figures as narrow as the longest word of their headers
// allows.
func dataWidths(fields []criteria.Field, template bool) []float64 {
	widths := make([]float64, len(fields))
	for i, fd := range fields {
		widths[i] = 14
		if fd.Kind == criteria.KindText {
			widths[i] = 22
		}
		if template {
			switch fd.Kind {
			case criteria.KindCode:
				widths[i] = 9
			case criteria.KindStatus:
				widths[i] = 12
			case criteria.KindText:
			default:
				widths[i] = 12
			}
			widths[i] = max(widths[i], textfit.WordsWidth(fd.Vi, textfit.Body, true))
		}
	}
	return widths
}

// headerHeight is the height of the data sheet's header row: a template's as tall as its
// longest header wraps to, so that none is cut off.
func headerHeight(fields []criteria.Field, widths []float64, template bool) float64 {
	if !template {
		return 60
	}
	lines := 1
	for i, fd := range fields {
		lines = max(lines, textfit.Lines(fd.Vi, textfit.Room(widths[i]), textfit.Body, true))
	}
	return textfit.RowHeight(lines, textfit.Body)
}

// fixedColumns is the number of the data sheet's first columns (fields) that name the
// commune (its district, name and code): locked, and repeated on each printed page.
func fixedColumns(fields []criteria.Field) int {
	n := 0
	for n < len(fields) && (fields[n].Key == "district" || fields[n].Key == "commune" || fields[n].Key == "code") {
		n++
	}
	return n
}

// openColumns leaves the columns after the commune's open to fill all the way down (their
// cells unlocked); the communes' names and codes stay locked.
func openColumns(f *excelize.File, fields []criteria.Field, st *styles) {
	first, _ := excelize.ColumnNumberToName(fixedColumns(fields) + 1)
	last, _ := excelize.ColumnNumberToName(len(fields))
	_ = f.SetColStyle(DataSheetName, first+":"+last, st.get("open"))
}

// finishTemplate protects the data sheet without a password (its figures are open:
// openColumns), sets both sheets to print, and names the file.
func finishTemplate(f *excelize.File, p *criteria.Plan, spec ReturnSpec) error {
	if err := f.ProtectSheet(DataSheetName, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}); err != nil {
		return err
	}

	page := func(sheet string, size int, orientation string, wide int) error {
		if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: Ptr(size), Orientation: Ptr(orientation), FitToWidth: Ptr(wide), FitToHeight: Ptr(0)}); err != nil {
			return err
		}
		if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: Ptr(true)}); err != nil {
			return err
		}
		if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
			Left: Ptr(1.0), Right: Ptr(0.5), Top: Ptr(0.75), Bottom: Ptr(0.75), Header: Ptr(0.3), Footer: Ptr(0.3),
		}); err != nil {
			return err
		}
		const font = `&"` + textfit.Font + `,Regular"&10`
		head := strings.ReplaceAll(fmt.Sprintf("%s — %s", spec.District, p.Name), "&", "&&")
		return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
			OddHeader: "&L" + font + head,
			OddFooter: "&C" + font + i18n.Tr(spec.Lang, "Trang", "Page") + " &P/&N",
		})
	}
	if err := page(CoverSheetName, 9, "portrait", 1); err != nil { // A4
		return err
	}
	if err := page(DataSheetName, 8, "landscape", 2); err != nil { // A3, two pages wide
		return err
	}
	lastFixed, _ := excelize.ColumnNumberToName(max(fixedColumns(dataFields(p, spec)), 1))
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: DataSheetName,
		RefersTo: fmt.Sprintf("'%s'!$A:$%s,'%s'!$1:$1", DataSheetName, lastFixed, DataSheetName),
	}); err != nil {
		return err
	}
	if spec.Made.IsZero() {
		return nil
	}
	made := spec.Made.UTC().Format(time.RFC3339)
	creator := strings.TrimSpace("drugfree " + spec.Version)
	return f.SetDocProps(&excelize.DocProperties{
		Title:   i18n.Tr(spec.Lang, "Mẫu báo cáo số liệu: ", "Return template: ") + spec.District,
		Subject: p.Title.In(spec.Lang), Creator: creator, LastModifiedBy: creator,
		Created: made, Modified: made, Language: i18n.Tr(spec.Lang, "vi-VN", "en-GB"),
	})
}
