package render

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/i18n"
	"drugfree/report/problem"
	"drugfree/report/template"
	"drugfree/report/textfit"
)

// Annotation is what AnnotateReturn marks on the copy of a return sent back to its sender.
type Annotation struct {
	// Problems are the return's problems to fix, in the order they are listed.
	Problems []problem.Problem
	// AsOf is the day the return is sent back ("Trả lại để sửa ngày …").
	AsOf time.Time
	// CoverSheet is the return's cover sheet, where the mark goes; "" when the return has
	// none (one sheet of an official document), when the mark is a note on the first cell of
	// DataSheet.
	CoverSheet, DataSheet string
	// Password opens an encrypted return; the copy is encrypted with it too.
	Password string
	Lang     i18n.Lang
}

// AnnotateReturn writes to w a copy of the workbook at input, the sender's own sheets and
// formatting kept, with every problem cell filled (red for an error, yellow for a warning)
// and a note on it saying the problems in a's language; a first sheet listing every
// problem, each cell a link to it; and the cover marked "Trả lại để sửa" with the day. A
// problem without a cell, or in a sheet the workbook does not have, is on the list only.
// The input is only read.
func AnnotateReturn(w io.Writer, input string, a Annotation) error {
	f, err := excelize.OpenFile(input, excelize.Options{Password: a.Password})
	if err != nil {
		return err
	}
	defer f.Close()
	sheets := map[string]bool{}
	for _, s := range f.GetSheetList() {
		sheets[s] = true
	}
	at := func(p problem.Problem) bool {
		_, _, err := excelize.CellNameToCoordinates(p.Cell)
		return sheets[p.Sheet] && err == nil
	}
	if err := markCells(f, a, at); err != nil {
		return err
	}
	list, err := listSheet(f, a, at)
	if err != nil {
		return err
	}
	if err := markCover(f, a, list); err != nil {
		return err
	}
	// A workbook opened with a password is written encrypted with it: excelize keeps the
	// options it was opened with.
	return f.Write(w)
}

// severityFill is the fill of a cell with a problem of severity s.
func severityFill(s problem.Severity) string {
	c, _ := TagFill(string(s))
	return c
}

// markCells fills each problem cell and puts a note on it: the cell's own style with the
// fill of its worst problem, and the sender's own note kept above ours.
func markCells(f *excelize.File, a Annotation, at func(problem.Problem) bool) error {
	type place struct{ sheet, cell string }
	var order []place
	byPlace := map[place][]problem.Problem{}
	for _, p := range a.Problems {
		if !at(p) {
			continue
		}
		k := place{p.Sheet, strings.ToUpper(p.Cell)}
		if _, ok := byPlace[k]; !ok {
			order = append(order, k)
		}
		byPlace[k] = append(byPlace[k], p)
	}
	type styleKey struct {
		id  int
		sev problem.Severity
	}
	styles := map[styleKey]int{}
	comments := map[string]map[string]excelize.Comment{}
	for _, k := range order {
		ps := byPlace[k]
		sev := problem.Warning
		for _, p := range ps {
			if p.Severity == problem.Error {
				sev = problem.Error
			}
		}
		orig, err := f.GetCellStyle(k.sheet, k.cell)
		if err != nil {
			return err
		}
		id, ok := styles[styleKey{orig, sev}]
		if !ok {
			st, err := f.GetStyle(orig)
			if err != nil {
				return err
			}
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{severityFill(sev)}}
			if id, err = f.NewStyle(st); err != nil {
				return err
			}
			styles[styleKey{orig, sev}] = id
		}
		if err := f.SetCellStyle(k.sheet, k.cell, k.cell, id); err != nil {
			return err
		}

		if comments[k.sheet] == nil {
			cs, err := f.GetComments(k.sheet)
			if err != nil {
				return err
			}
			comments[k.sheet] = map[string]excelize.Comment{}
			for _, c := range cs {
				comments[k.sheet][strings.ToUpper(c.Cell)] = c
			}
		}
		runs := []excelize.RichTextRun{{Text: i18n.Msg(a.Lang, "annotate.note"), Font: &excelize.Font{Bold: true}}}
		for _, p := range ps {
			runs = append(runs, excelize.RichTextRun{Text: "\n• " + severityLabel(p.Severity, a.Lang) + ": " + p.Message})
		}
		lines := 1
		if old, ok := comments[k.sheet][k.cell]; ok {
			// The sender's note stays, above ours.
			text := old.Text
			for _, r := range old.Paragraph {
				text += r.Text
			}
			runs = append([]excelize.RichTextRun{{Text: text + "\n"}}, runs...)
			lines += 1 + len([]rune(text))/45
			if err := f.DeleteComment(k.sheet, k.cell); err != nil {
				return err
			}
		}
		for _, p := range ps {
			lines += 1 + len([]rune(p.Message))/45
		}
		if err := f.AddComment(k.sheet, excelize.Comment{Cell: k.cell, Author: "drugfree", Paragraph: runs,
			Width: 320, Height: uint(min(400, 16*lines+8))}); err != nil {
			return err
		}
	}
	return nil
}

func severityLabel(s problem.Severity, lang i18n.Lang) string {
	if s == problem.Error {
		return i18n.Msg(lang, "annotate.error")
	}
	return i18n.Msg(lang, "annotate.warning")
}

// listSheet adds the list of problems as the workbook's first sheet, opened first, and
// returns its name. Each cell of a problem is a link to it.
func listSheet(f *excelize.File, a Annotation, at func(problem.Problem) bool) (string, error) {
	name := uniqueSheetName(f, SheetName(i18n.Msg(a.Lang, "annotate.sheet")))
	if _, err := f.NewSheet(name); err != nil {
		return "", err
	}
	if err := f.MoveSheet(name, f.GetSheetList()[0]); err != nil {
		return "", err
	}
	idx, err := f.GetSheetIndex(name)
	if err != nil {
		return "", err
	}
	f.SetActiveSheet(idx)

	font := func(bold bool, color, underline string) *excelize.Font {
		return &excelize.Font{Family: textfit.Font, Size: textfit.Body, Bold: bold, Color: color, Underline: underline}
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: textfit.Font, Bold: true, Size: textfit.Title, Color: "C00000"}})
	if err != nil {
		return "", err
	}
	wrap, err := f.NewStyle(&excelize.Style{Font: font(false, "", ""), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return "", err
	}
	head, err := f.NewStyle(&excelize.Style{Font: font(true, "", ""), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Border: thinBorder(), Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return "", err
	}
	body, err := f.NewStyle(&excelize.Style{Font: font(false, "", ""), Border: thinBorder(), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return "", err
	}
	link, err := f.NewStyle(&excelize.Style{Border: thinBorder(), Font: font(false, "0563C1", "single"), Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return "", err
	}
	sevStyle := map[problem.Severity]int{}
	for _, s := range []problem.Severity{problem.Error, problem.Warning} {
		if sevStyle[s], err = f.NewStyle(&excelize.Style{Font: font(false, "", ""), Border: thinBorder(), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{severityFill(s)}},
			Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
			return "", err
		}
	}

	errs := problem.CountErrors(a.Problems)
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(name, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(name, cell, cell, style)
	}
	if err := set("A1", i18n.Msg(a.Lang, "annotate.title", i18n.ClerkDate(a.AsOf, a.Lang)), title); err != nil {
		return "", err
	}
	if err := set("A2", i18n.Msg(a.Lang, "annotate.intro", errs, len(a.Problems)-errs), wrap); err != nil {
		return "", err
	}
	cols := []string{"no", "severity", "code", "sheet", "cell", "commune", "message"}
	widths := []float64{6, 11, 22, 14, 8, 22, 70}
	if err := f.MergeCell(name, "A2", "G2"); err != nil {
		return "", err
	}
	intro, _ := f.GetCellValue(name, "A2")
	if err := f.SetRowHeight(name, 2, textfit.RowHeight(textfit.Lines(intro, textfit.Room(widths...), textfit.Body, false), textfit.Body)); err != nil {
		return "", err
	}
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, 4)
		if err := set(cell, i18n.Msg(a.Lang, "annotate.col."+c), head); err != nil {
			return "", err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, widths[i]); err != nil {
			return "", err
		}
	}
	for i, p := range a.Problems {
		row := 5 + i
		cell := func(c int) string { s, _ := excelize.CoordinatesToCellName(c, row); return s }
		values := []any{i + 1, severityLabel(p.Severity, a.Lang), p.Code, p.Sheet, p.Cell, p.Commune, p.Message}
		for c, v := range values {
			style := body
			if c == 1 {
				style = sevStyle[p.Severity]
			}
			if c == 4 && at(p) {
				style = link
			}
			if err := set(cell(c+1), v, style); err != nil {
				return "", err
			}
		}
		if at(p) {
			if err := f.SetCellHyperLink(name, cell(5), cellRef(p.Sheet, p.Cell), "Location"); err != nil {
				return "", err
			}
		}
		lines := 1
		for c, v := range values {
			if s, ok := v.(string); ok {
				lines = max(lines, textfit.Lines(s, textfit.Room(widths[c]), textfit.Body, false))
			}
		}
		if err := f.SetRowHeight(name, row, textfit.RowHeight(lines, textfit.Body)); err != nil {
			return "", err
		}
	}
	// Printed on A4 in landscape, one page wide, the header on every page.
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: template.Ptr(9), Orientation: template.Ptr("landscape"), FitToWidth: template.Ptr(1), FitToHeight: template.Ptr(0)}); err != nil {
		return "", err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: template.Ptr(true)}); err != nil {
		return "", err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sheetRef(name) + "$4:$4", Scope: name}); err != nil {
		return "", err
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 4, TopLeftCell: "A5", ActivePane: "bottomLeft"}); err != nil {
		return "", err
	}
	return name, nil
}

// markCover marks the return "Trả lại để sửa" with the day: two cells under the cover's
// last row, or, for a return without a cover, a note on the first cell of its data sheet
// (a row added above the table would move every cell the list points at).
func markCover(f *excelize.File, a Annotation, list string) error {
	day := i18n.ClerkDate(a.AsOf, a.Lang)
	mark := i18n.Msg(a.Lang, "annotate.mark")
	if a.CoverSheet == "" {
		if a.DataSheet == "" {
			return nil
		}
		cs, err := f.GetComments(a.DataSheet)
		if err != nil {
			return err
		}
		text := i18n.Msg(a.Lang, "annotate.mark.note", mark, day, list)
		for _, c := range cs {
			if strings.EqualFold(c.Cell, "A1") {
				// A problem's note is there already: the mark goes first in it.
				runs := append([]excelize.RichTextRun{{Text: text + "\n", Font: &excelize.Font{Bold: true, Color: "C00000"}}}, c.Paragraph...)
				if len(c.Paragraph) == 0 {
					runs = append(runs, excelize.RichTextRun{Text: c.Text})
				}
				if err := f.DeleteComment(a.DataSheet, "A1"); err != nil {
					return err
				}
				return f.AddComment(a.DataSheet, excelize.Comment{Cell: "A1", Author: "drugfree", Paragraph: runs, Width: c.Width, Height: c.Height + 32})
			}
		}
		return f.AddComment(a.DataSheet, excelize.Comment{Cell: "A1", Author: "drugfree",
			Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Bold: true, Color: "C00000"}}}, Width: 260, Height: 60})
	}
	rows, err := f.GetRows(a.CoverSheet)
	if err != nil {
		return err
	}
	row := len(rows) + 2
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: textfit.Font, Size: textfit.Body, Bold: true, Color: "C00000"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{severityFill(problem.Error)}}, Border: thinBorder(),
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	// The sender's columns may be narrow: the mark wraps, its row as tall as it needs.
	lines := 1
	for i, v := range []string{mark, day} {
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		if err := f.SetCellStr(a.CoverSheet, cell, v); err != nil {
			return err
		}
		if err := f.SetCellStyle(a.CoverSheet, cell, cell, style); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		width, err := f.GetColWidth(a.CoverSheet, col)
		if err != nil {
			return err
		}
		lines = max(lines, textfit.Lines(v, textfit.Room(width), textfit.Body, true))
	}
	return f.SetRowHeight(a.CoverSheet, row, textfit.RowHeight(lines, textfit.Body))
}

// cellRef is a link's location of cell in sheet: 'Số liệu'!E5.
func cellRef(sheet, cell string) string { return sheetRef(sheet) + strings.ToUpper(cell) }

// sheetRef is sheet as a reference names it: 'Số liệu'!.
func sheetRef(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" }

// uniqueSheetName is name, or name (2), (3)… when the workbook has a sheet so named.
func uniqueSheetName(f *excelize.File, name string) string {
	taken := map[string]bool{}
	for _, s := range f.GetSheetList() {
		taken[strings.ToLower(s)] = true
	}
	out := name
	for n := 2; taken[strings.ToLower(out)]; n++ {
		out = SheetName(fmt.Sprintf("%s (%d)", name, n))
	}
	return out
}

func thinBorder() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "808080", Style: 1})
	}
	return b
}
