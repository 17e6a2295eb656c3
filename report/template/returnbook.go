package template

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/naming"
	"drugfree/report/textfit"
)

// Canonical sheet names of a return (SPEC §5).
const (
	CoverSheetName = "Thông tin"
	DataSheetName  = "Số liệu"
)

// ReturnSpec is what WriteReturn puts in a canonical return.
type ReturnSpec struct {
	District     string
	Kind         string
	Number       string
	ReportDate   time.Time
	ReceivedDate time.Time
	Author       string
	Phone        string
	// Note, when set, is written in bold at the top of the cover (such as "DỮ LIỆU MẪU").
	Note string
	Rows []ReturnRow
	// Template adds drop-down lists, whole-number validation and a note on each header.
	Template bool
	// Lang is the language of the notes and drop-down help; headers stay canonical.
	Lang i18n.Lang
	// Version and Made name the tool and the time of a template's making in its file
	// properties (none when Made is zero).
	Version string
	Made    time.Time
	// Password, when set, encrypts the workbook.
	Password string
}

// ReturnRow is one commune's row of a return.
type ReturnRow struct {
	Commune criteria.Commune
	Status  string // status key, "" for none
	Figures classify.Figures
}

// WriteReturn writes a return in the canonical layout of SPEC §5: a cover sheet
// "Thông tin" and a data sheet "Số liệu" with one row per commune. A template (spec.Template)
// is also a form to fill and print: see template.go.
func WriteReturn(w io.Writer, p *criteria.Plan, spec ReturnSpec) error {
	f := excelize.NewFile()
	defer f.Close()
	if spec.Template {
		if err := f.SetDefaultFont(textfit.Font); err != nil {
			return err
		}
	}
	if err := writeCover(f, p, spec); err != nil {
		return err
	}
	if err := writeDataSheet(f, p, spec); err != nil {
		return err
	}
	if spec.Template {
		if err := finishTemplate(f, p, spec); err != nil {
			return err
		}
	}
	idx, _ := f.GetSheetIndex(DataSheetName)
	f.SetActiveSheet(idx)
	var opts []excelize.Options
	if spec.Password != "" {
		opts = append(opts, excelize.Options{Password: spec.Password})
	}
	_, err := f.WriteTo(w, opts...)
	return err
}

func writeCover(f *excelize.File, p *criteria.Plan, spec ReturnSpec) error {
	if err := f.SetSheetName("Sheet1", CoverSheetName); err != nil {
		return err
	}
	kind := spec.Kind
	if d, ok := p.Deadline(spec.Kind); ok {
		kind = d.Vi
	}
	values := map[string]any{
		"district": spec.District, "kind": kind, "number": spec.Number,
		"author": spec.Author, "phone": spec.Phone,
	}
	if !spec.ReportDate.IsZero() {
		values["report_date"] = spec.ReportDate
	}
	if !spec.ReceivedDate.IsZero() {
		values["received_date"] = spec.ReceivedDate
	}
	st := newStyles(f, spec.Template)
	bold, dateStyle := st.get("bold"), st.get("date")
	row := 1
	if spec.Note != "" {
		_ = f.SetCellValue(CoverSheetName, "A1", spec.Note)
		_ = f.SetCellStyle(CoverSheetName, "A1", "A1", st.get("note"))
		row = 3
	}
	if spec.Template {
		row = coverTitle(f, p, spec, st, row)
	}
	for _, c := range p.Cover {
		a, _ := excelize.CoordinatesToCellName(1, row)
		b, _ := excelize.CoordinatesToCellName(2, row)
		_ = f.SetCellValue(CoverSheetName, a, c.Vi)
		_ = f.SetCellStyle(CoverSheetName, a, a, bold)
		if spec.Template {
			_ = f.SetCellStyle(CoverSheetName, b, b, st.get("field"))
		}
		if v, ok := values[c.Key]; ok && v != "" {
			_ = f.SetCellValue(CoverSheetName, b, v)
			if _, isDate := v.(time.Time); isDate {
				_ = f.SetCellStyle(CoverSheetName, b, b, dateStyle)
			}
		}
		if spec.Template && c.Key == "kind" {
			var kinds []string
			for _, d := range p.Calendar {
				kinds = append(kinds, d.Vi)
			}
			dv := excelize.NewDataValidation(true)
			dv.Sqref = b
			_ = dv.SetDropList(kinds)
			_ = f.AddDataValidation(CoverSheetName, dv)
		}
		if spec.Template && (c.Key == "report_date" || c.Key == "received_date") {
			_ = f.SetCellStyle(CoverSheetName, b, b, dateStyle)
			addDateValidation(f, p, b, c.Vi, spec.Lang)
		}
		row++
	}
	widths := [2]float64{22, 40}
	if spec.Template {
		widths = coverWidths
		coverInstructions(f, p, spec, st, row+1)
	}
	_ = f.SetColWidth(CoverSheetName, "A", "A", widths[0])
	_ = f.SetColWidth(CoverSheetName, "B", "B", widths[1])
	return nil
}

func writeDataSheet(f *excelize.File, p *criteria.Plan, spec ReturnSpec) error {
	if _, err := f.NewSheet(DataSheetName); err != nil {
		return err
	}
	st := newStyles(f, spec.Template)
	fields := dataFields(p, spec)
	if spec.Template {
		openColumns(f, fields, st) // before any cell: it would restyle them
	}
	head := st.get("head")
	widths := dataWidths(fields, spec.Template)
	for i, fd := range fields {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		_ = f.SetCellValue(DataSheetName, cell, fd.Vi)
		col, _ := excelize.ColumnNumberToName(i + 1)
		_ = f.SetColWidth(DataSheetName, col, col, widths[i])
		if spec.Template {
			_ = f.AddComment(DataSheetName, excelize.Comment{Cell: cell, Author: "drugfree", Paragraph: []excelize.RichTextRun{{Text: fd.Help(spec.Lang)}}})
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(fields), 1)
	_ = f.SetCellStyle(DataSheetName, "A1", last, head)
	_ = f.SetRowHeight(DataSheetName, 1, headerHeight(fields, widths, spec.Template))
	for r, row := range spec.Rows {
		line := r + 2
		for i, fd := range fields {
			cell, _ := excelize.CoordinatesToCellName(i+1, line)
			var v any
			switch fd.Key {
			case "district":
				v = row.Commune.District
			case "commune":
				v = row.Commune.FullName()
			case "code":
				v = row.Commune.Code
			case "status":
				if row.Status != "" {
					v = p.StatusLabel(row.Status, i18n.Vi)
				}
			default:
				x, ok := row.Figures[fd.Key]
				if !ok {
					continue
				}
				if fd.Kind == criteria.KindYesNo {
					v = yesNo(x)
				} else {
					v = x
				}
			}
			if v != nil {
				_ = f.SetCellValue(DataSheetName, cell, v)
			}
		}
	}
	if len(spec.Rows) > 0 {
		lastCell, _ := excelize.CoordinatesToCellName(len(fields), len(spec.Rows)+1)
		_ = f.SetCellStyle(DataSheetName, "A2", lastCell, st.get("body"))
		if spec.Template { // the figures of the communes are open to fill
			a, _ := excelize.CoordinatesToCellName(fixedColumns(fields)+1, 2)
			_ = f.SetCellStyle(DataSheetName, a, lastCell, st.get("open"))
		}
	}
	if !spec.Template {
		_ = f.SetPageLayout(DataSheetName, &excelize.PageLayoutOptions{Size: Ptr(9), Orientation: Ptr("landscape"), FitToWidth: Ptr(1), FitToHeight: Ptr(0)})
		_ = f.SetSheetProps(DataSheetName, &excelize.SheetPropsOptions{FitToPage: Ptr(true)})
	}
	if err := f.SetPanes(DataSheetName, &excelize.Panes{Freeze: true, YSplit: 1, XSplit: 2, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if spec.Template {
		addValidations(f, fields, p, len(spec.Rows), spec.Lang)
	}
	return nil
}

// dataFields are the columns of the data sheet: the plan's fields, without the district
// column when no row has a district (a commune's own return after the reform of 1 July
// 2025, when there are no districts).
func dataFields(p *criteria.Plan, spec ReturnSpec) []criteria.Field {
	withDistrict := len(spec.Rows) == 0
	for _, r := range spec.Rows {
		if r.Commune.District != "" {
			withDistrict = true
		}
	}
	if withDistrict {
		return p.Fields
	}
	out := make([]criteria.Field, 0, len(p.Fields))
	for _, f := range p.Fields {
		if f.Key != "district" {
			out = append(out, f)
		}
	}
	return out
}

// addValidations adds drop-down lists for status and yes/no, and whole numbers ≥ 0 (or
// decimals ≥ 0 for areas) for the numeric columns, down to the last commune row and a
// margin below it.
func addValidations(f *excelize.File, fields []criteria.Field, p *criteria.Plan, rows int, lang i18n.Lang) {
	lastRow := max(rows+1, 2) + 50
	var statuses []string
	for _, s := range p.Statuses {
		statuses = append(statuses, s.Vi)
	}
	for i, fd := range fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, lastRow)
		switch fd.Kind {
		case criteria.KindStatus:
			_ = dv.SetDropList(statuses)
		case criteria.KindYesNo:
			_ = dv.SetDropList([]string{"Có", "Không"})
		case criteria.KindCount:
			_ = dv.SetRange(0, 10000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, fd.Vi, i18n.Tr(lang, "Nhập số nguyên từ 0 trở lên.", "Enter a whole number, 0 or more."))
		case criteria.KindArea:
			_ = dv.SetRange(0, 100000000, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, fd.Vi, i18n.Tr(lang, "Nhập số từ 0 trở lên (m²).", "Enter a number, 0 or more (m²)."))
		default:
			continue
		}
		_ = f.AddDataValidation(DataSheetName, dv)
	}
}

func yesNo(v float64) string {
	if v != 0 {
		return "Có"
	}
	return "Không"
}

func Borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "A6A6A6", Style: 1})
	}
	return b
}

func Ptr[T any](v T) *T { return &v }

// maxChoices is how many names a message lists; beyond it, it says where to see them all.
const maxChoices = 50

// choices is what a name that matches nothing is followed by: the names it may have
// meant, else the valid names (or, when they are too many, where to see them).
func choices(suggestions, all []string, lang i18n.Lang) string {
	switch {
	case len(suggestions) > 0:
		return i18n.Msg(lang, "registry.did-you-mean", strings.Join(suggestions, ", "))
	case len(all) > maxChoices:
		return i18n.Msg(lang, "registry.see-plan")
	default:
		return i18n.Msg(lang, "registry.has", strings.Join(all, ", "))
	}
}

// DistrictShort returns a district name without its type, for sheet and file names.
func DistrictShort(name string) string {
	for _, p := range []string{"Thành phố ", "Thị xã ", "Huyện ", "Quận "} {
		name = strings.TrimPrefix(name, p)
	}
	return name
}

// TemplateSpec returns the template of district (named loosely) for kind ("" to leave it
// for the district to choose): its communes in registry order, no figures. A kind due
// after the reform of 1 July 2025, when the communes report for themselves, is refused.
func TemplateSpec(p *criteria.Plan, district, kind string, lang i18n.Lang) (ReturnSpec, error) {
	reg := &p.Registry
	name, suggestions, ok := naming.NewRegistryMatcher(reg).District(district)
	if !ok {
		msg := fmt.Sprintf(i18n.Tr(lang, "không xác định được huyện %q trong danh mục", "district %q is not one district of the registry"), district)
		return ReturnSpec{}, fmt.Errorf("%s", msg+choices(suggestions, reg.Districts(), lang))
	}
	if err := checkTemplateKind(p, reg, kind, lang); err != nil {
		return ReturnSpec{}, err
	}
	spec := ReturnSpec{District: name, Kind: kind, Template: true, Lang: lang}
	for _, c := range reg.InUnit(name) {
		spec.Rows = append(spec.Rows, ReturnRow{Commune: c})
	}
	return spec, nil
}

// CommuneTemplateSpec returns the template of a commune that reports for itself (named
// loosely, with or without its type): one of the plan's communes of its last registry
// without districts, the one in force from the reform of 1 July 2025. Its one row is the
// commune itself. A kind due before that registry came into force is refused.
func CommuneTemplateSpec(p *criteria.Plan, commune, kind string, lang i18n.Lang) (ReturnSpec, error) {
	regs := p.Registries()
	reg := regs[len(regs)-1]
	if reg.HasDistricts() {
		return ReturnSpec{}, fmt.Errorf("%s", i18n.Tr(lang, "danh mục của kế hoạch có cấp huyện: các huyện gửi báo cáo, hãy dùng --district",
			"the plan's registry has districts, which send the returns: use --district"))
	}
	m := naming.NewRegistryMatcher(reg)
	name, suggestions, ok := m.District(commune)
	if !ok {
		msg := fmt.Sprintf(i18n.Tr(lang, "không xác định được xã, phường %q trong danh mục có hiệu lực từ %s", "commune %q is not one commune of the registry in force from %s"), commune, i18n.ClerkDate(reg.Effective.Time, lang))
		var all []string
		for _, c := range p.PlanCommunes(reg) {
			all = append(all, c.FullName())
		}
		return ReturnSpec{}, fmt.Errorf("%s", msg+choices(suggestions, all, lang))
	}
	cs := m.CommunesOf(name)
	if len(cs) != 1 || !p.InPlan(reg, cs[0]) {
		return ReturnSpec{}, fmt.Errorf(i18n.Tr(lang, "%s không được hình thành từ các xã của kế hoạch (tỉnh %s)", "%s was not formed from the plan's communes (%s)"), name, p.Province)
	}
	if err := checkTemplateKind(p, reg, kind, lang); err != nil {
		return ReturnSpec{}, err
	}
	return ReturnSpec{District: name, Kind: kind, Template: true, Lang: lang, Rows: []ReturnRow{{Commune: cs[0]}}}, nil
}

// checkTemplateKind refuses a kind not in the plan, or due while another registry than
// reg is in force (a district's phase 3, due after the reform).
func checkTemplateKind(p *criteria.Plan, reg *criteria.Registry, kind string, lang i18n.Lang) error {
	if kind == "" {
		return nil
	}
	d, ok := p.Deadline(kind)
	if !ok {
		var kinds []string
		for _, d := range p.Calendar {
			kinds = append(kinds, d.Kind)
		}
		return fmt.Errorf(i18n.Tr(lang, "loại báo cáo %q không có trong kế hoạch (%s)", "report kind %q is not in the plan (%s)"), kind, strings.Join(kinds, ", "))
	}
	if on := p.RegistryOn(d.Due.Time); on != reg {
		if on.HasDistricts() {
			return fmt.Errorf(i18n.Tr(lang, "báo cáo %s (hạn %s) do các huyện gửi: hãy dùng --district", "the %s return (due %s) is sent by the districts: use --district"), d.Label(lang), i18n.ClerkDate(d.Due.Time, lang))
		}
		return fmt.Errorf(i18n.Tr(lang, "báo cáo %s (hạn %s) do từng xã, phường gửi từ ngày %s: hãy dùng --commune", "the %s return (due %s) is sent by each commune since %s: use --commune"),
			d.Label(lang), i18n.ClerkDate(d.Due.Time, lang), i18n.ClerkDate(on.Effective.Time, lang))
	}
	return nil
}
