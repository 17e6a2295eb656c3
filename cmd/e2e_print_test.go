package cmd

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
	"drugfree/report/template"
)

// Issue 14: every workbook a clerk forwards is an official report that prints well.

// printed is one workbook drugfree writes, as a clerk makes it from the sample returns.
type printed struct {
	name, lang string
	args       []string // the command and its arguments, -o and the language left out
	form       bool     // it opens with the official form (all but the template)
}

func (w printed) file() string { return w.name + "-" + w.lang + ".xlsx" }

// printedWorkbooks are every workbook drugfree writes, in both languages.
func printedWorkbooks(t *testing.T, dir string) []printed {
	var out []printed
	for _, lang := range []string{"vi", "en"} {
		out = append(out,
			printed{"consolidate", lang, validateArgs(t, dir, "consolidate", "--partial"), true},
			printed{"classify", lang, []string{"classify", "districts.xlsx"}, true},
			printed{"recognize", lang, []string{"recognize", "districts.xlsx"}, true},
			printed{"validate", lang, validateArgs(t, dir, "validate"), true},
			printed{"deadlines", lang, validateArgs(t, dir, "deadlines"), true},
			printed{"template", lang, []string{"template", "--district", "Cầu Kè"}, false},
		)
	}
	return out
}

// writePrinted writes every workbook into dir, a copy of the sample data, at the test clock
// (20/12/2025 09:00).
func writePrinted(t *testing.T, dir string) []printed {
	t.Helper()
	ws := printedWorkbooks(t, dir)
	for _, w := range ws {
		args := append(append([]string{"--lang", w.lang}, w.args...), "-o", w.file())
		if code, _, errOut := runIn(t, dir, args...); code != ExitOK && code != ExitData {
			t.Fatalf("%s: exit %d:\n%s", w.file(), code, errOut)
		}
	}
	return ws
}

// formLines are the lines of the official form, in each language, that every first sheet
// shows: the issuer of the embedded plan, the national motto, the number, the place and
// date (the test clock's day), the kind of document, the recipients and the signers.
var formLines = map[string][]string{
	"vi": {"CÔNG AN TỈNH TRÀ VINH", "PHÒNG CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"/BC-PC04", "Trà Vinh, ngày 20 tháng 12 năm 2025", "BÁO CÁO", "Thực hiện Kế hoạch 16/KH-UBND ngày 17/02/2025", "Nơi nhận:", "- Lưu: VT, PC04.",
		"NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "TRƯỞNG PHÒNG", "(Ký, ghi rõ họ tên, đóng dấu)"},
	"en": {"TRÀ VINH PROVINCIAL POLICE", "DRUG CRIME INVESTIGATION POLICE DIVISION", "SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness",
		"/BC-PC04", "Trà Vinh, 20 December 2025", "REPORT", "Under Kế hoạch 16/KH-UBND of 17 February 2025", "Recipients:", "- Filed: clerical office, PC04.",
		"PREPARED BY", "(Signature, full name)", "HEAD OF DIVISION", "(Signature, full name, seal)"},
}

// cellsOf are the texts of every non-empty cell of a sheet, row by row.
func cellsOf(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestE2EWorkbooksAreOfficialReports(t *testing.T) {
	dir := sampleCopy(t)
	for _, w := range writePrinted(t, dir) {
		t.Run(w.file(), func(t *testing.T) {
			f, err := excelize.OpenFile(filepath.Join(dir, w.file()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if font, _ := f.GetDefaultFont(); font != "Times New Roman" {
				t.Errorf("default font %q", font)
			}
			props, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(props.Creator, "drugfree "+Version) || props.Creator == "xuri" ||
				props.Created != "2025-12-20T09:00:00Z" || props.Modified != props.Created || props.Title == "" || props.Subject == "" {
				t.Errorf("properties: creator %q, created %q, modified %q, title %q, subject %q", props.Creator, props.Created, props.Modified, props.Title, props.Subject)
			}
			if want := map[string]string{"vi": "vi-VN", "en": "en-GB"}[w.lang]; props.Language != want {
				t.Errorf("language %q, want %q", props.Language, want)
			}
			sheets := f.GetSheetList()
			if w.form {
				checkForm(t, f, sheets[0], w.lang)
			}
			titles := map[string]string{}
			for _, d := range f.GetDefinedName() {
				if d.Name == "_xlnm.Print_Titles" {
					titles[d.Scope] = d.RefersTo
				}
			}
			for i, sheet := range sheets {
				if w.form {
					checkPrintSetup(t, f, sheet, i == 0, titles[sheet], w.lang)
				}
				checkFonts(t, f, sheet)
			}
			if w.name == "template" {
				checkTemplate(t, f, titles, w.lang)
			}
			if w.name == "consolidate" || w.name == "classify" {
				checkRegistryOrder(t, cellsOf(t, f, map[string]string{"vi": "Phân loại", "en": "Classification"}[w.lang]))
			}
		})
	}
}

// checkForm checks the official form on the first sheet: the letterhead, the number and
// date, the title, the plan and the day of the figures above the first table; the
// recipients and the signatures at the end.
func checkForm(t *testing.T, f *excelize.File, sheet, lang string) {
	t.Helper()
	rows := cellsOf(t, f, sheet)
	var all []string
	for _, r := range rows {
		all = append(all, strings.Join(r, "|"))
	}
	text := strings.Join(all, "\n")
	for _, l := range formLines[lang] {
		if !strings.Contains(text, l) {
			t.Errorf("sheet %s lacks %q", sheet, l)
		}
	}
	// The letterhead: the body on the left of the first row, the motto on the right.
	if len(rows) == 0 || rows[0][0] != formLines[lang][0] || rows[0][len(rows[0])-1] != formLines[lang][2] {
		t.Errorf("sheet %s opens with %q, want the body and the motto", sheet, rows[0])
	}
	if !strings.Contains(text, map[string]string{"vi": "số liệu tính đến ngày 20/12/2025", "en": "figures as of 20 December 2025"}[lang]) {
		t.Errorf("sheet %s does not say the day of its figures", sheet)
	}
	// Recipients and signatures come last, after the table.
	last := strings.Join(all[max(0, len(all)-10):], "\n")
	if !strings.Contains(last, formLines[lang][len(formLines[lang])-1]) {
		t.Errorf("sheet %s does not end with the signatures:\n%s", sheet, last)
	}
	// No tool words on the form, above and below the table: no option, no code of a
	// problem, no ISO time.
	panes, _ := f.GetPanes(sheet)
	form := all
	if head := panes.YSplit; head > 0 {
		end := head
		for end < len(rows) && len(rows[end]) > 0 {
			end++
		}
		form = append(slices.Clone(all[:head-1]), all[end:]...)
	}
	for _, word := range []string{"--", "missing-commune", "embedded", "T09:00"} {
		if l := strings.Join(form, "\n"); strings.Contains(l, word) {
			t.Errorf("the form on sheet %s says %q", sheet, word)
		}
	}
}

// checkPrintSetup checks a sheet prints on A4 in landscape fitted to the page's width, with
// room to bind, its header row repeated (the row its panes freeze under), the running
// header and the page numbers.
func checkPrintSetup(t *testing.T, f *excelize.File, sheet string, first bool, titles, lang string) {
	t.Helper()
	pl, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("sheet %s: page layout %+v, want A4 landscape one page wide", sheet, pl)
	}
	if m, _ := f.GetPageMargins(sheet); m.Left == nil || *m.Left < 1.1 || m.Right == nil || *m.Right >= *m.Left {
		t.Errorf("sheet %s: margins %+v, want room on the left to bind", sheet, m)
	}
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	page := map[string]string{"vi": "Trang &P/&N", "en": "Page &P/&N"}[lang]
	if hf == nil || !strings.Contains(hf.OddFooter, page) || !strings.Contains(hf.OddHeader, map[string]string{"vi": "Số liệu tính đến ngày 20/12/2025", "en": "Figures as of 20 December 2025"}[lang]) {
		t.Errorf("sheet %s: header and footer %+v, want the day of the figures and %q", sheet, hf, page)
	}
	if first && (!hf.DifferentFirst || !strings.Contains(hf.FirstFooter, page) || hf.FirstHeader != "") {
		t.Errorf("sheet %s: the first page, under the letterhead, needs no running header but its number: %+v", sheet, hf)
	}
	panes, _ := f.GetPanes(sheet)
	if panes.YSplit == 0 {
		if titles != "" {
			t.Errorf("sheet %s repeats %s but freezes no header", sheet, titles)
		}
		return // the summary: no table heads it
	}
	want := "$" + strconv.Itoa(panes.YSplit) + ":$" + strconv.Itoa(panes.YSplit)
	if !strings.HasSuffix(titles, "!"+want) {
		t.Errorf("sheet %s repeats %q on each page, want its header row %s", sheet, titles, want)
	}
}

// checkFonts checks that every cell with text is set in Times New Roman, bold or not, and
// that no row is taller than a spreadsheet takes.
func checkFonts(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	bad := map[string]bool{}
	for r, row := range cellsOf(t, f, sheet) {
		if h, _ := f.GetRowHeight(sheet, r+1); h > 409 {
			t.Errorf("sheet %s row %d is %v points tall", sheet, r+1, h)
		}
		for c, v := range row {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			id, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			family := ""
			if st.Font != nil {
				family = st.Font.Family
			}
			if family != "Times New Roman" && family != "" || st.Font != nil && st.Font.Bold && family == "" {
				bad[cell+" "+family] = true
			}
		}
	}
	if len(bad) > 0 {
		t.Errorf("sheet %s: cells not in Times New Roman: %v", sheet, slices.Sorted(mapsKeys(bad))[:min(5, len(bad))])
	}
}

func mapsKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// checkRegistryOrder checks the districts of a table come in the registry's order (the
// plan's registry, whose districts the reform's communes name as their former ones).
func checkRegistryOrder(t *testing.T, rows [][]string) {
	t.Helper()
	rank := map[string]int{}
	for i, d := range criteria.Default().Registry.Districts() {
		rank[d] = i
	}
	last, seen := -1, 0
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		// A commune formed by the reform names its former district: "Huyện Càng Long (cũ)".
		name, _, _ := strings.Cut(r[0], " (")
		k, ok := rank[name]
		if !ok {
			continue
		}
		seen++
		if k < last {
			t.Errorf("%s after a district the registry lists later", r[0])
			return
		}
		last = k
	}
	if seen < 10 {
		t.Errorf("only %d rows of districts", seen)
	}
}

// checkTemplate checks the template: a title and instructions on the cover, its dates
// formatted, the communes' names and codes locked on a protected data sheet, the data
// sheet on A3 two pages wide with the communes and the header repeated.
func checkTemplate(t *testing.T, f *excelize.File, titles map[string]string, lang string) {
	t.Helper()
	cover := cellsOf(t, f, template.CoverSheetName)
	if len(cover) == 0 || !strings.Contains(cover[0][0], map[string]string{"vi": "BÁO CÁO SỐ LIỆU", "en": "RETURN ON"}[lang]) {
		t.Errorf("the cover opens with %q, want a title", cover[0])
	}
	if findRow(cover, map[string]string{"vi": "Hướng dẫn", "en": "How to fill in"}[lang]) == nil || findRow(cover, "1. ") == nil {
		t.Errorf("the cover has no instructions: %q", cover)
	}
	for i, r := range cover {
		if len(r) == 0 || (r[0] != "Ngày báo cáo" && r[0] != "Ngày nhận") {
			continue
		}
		id, _ := f.GetCellStyle(template.CoverSheetName, "B"+strconv.Itoa(i+1))
		if st, _ := f.GetStyle(id); st.CustomNumFmt == nil || *st.CustomNumFmt != "dd/mm/yyyy" || st.Protection == nil || st.Protection.Locked {
			t.Errorf("cover %s: the date cell is not an open dd/mm/yyyy cell: %+v", r[0], st)
		}
	}
	sheet := template.DataSheetName
	if prot, _ := f.GetSheetProtection(sheet); !prot.SelectLockedCells {
		t.Errorf("the data sheet is not protected")
	}
	locked := func(cell string) bool {
		id, _ := f.GetCellStyle(sheet, cell)
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	if !locked("B2") || !locked("C2") || locked("E2") || locked("E40") {
		t.Errorf("locks: commune %v, code %v, a figure %v, a figure below the communes %v; want the commune and code locked, the figures open",
			locked("B2"), locked("C2"), locked("E2"), locked("E40"))
	}
	pl, _ := f.GetPageLayout(sheet)
	if pl.Size == nil || *pl.Size != 8 || *pl.Orientation != "landscape" || *pl.FitToWidth != 2 {
		t.Errorf("data sheet page layout %+v, want A3 landscape two pages wide", pl)
	}
	if want := "'Số liệu'!$A:$C,'Số liệu'!$1:$1"; titles[sheet] != want {
		t.Errorf("data sheet repeats %q, want %q", titles[sheet], want)
	}
	// No header is cut: the header row is as tall as its longest header wraps to.
	h, _ := f.GetRowHeight(sheet, 1)
	if h < 100 {
		t.Errorf("the data sheet's header row is %v points tall: too short for its longest header", h)
	}
}

// TestE2EWorkbooksPrintWhole renders every workbook to PDF with LibreOffice, where it is
// installed, and reads the PDF's text back: the form's lines, the number of every page, and
// the complete text of the longest text of each sheet, which a row too short cuts off.
func TestE2EWorkbooksPrintWhole(t *testing.T) {
	office := needOffice(t)
	dir := sampleCopy(t)
	ws := writePrinted(t, dir)
	var files []string
	for _, w := range ws {
		files = append(files, w.file())
	}
	if err := office.toPDF(dir, files...); err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		t.Run(w.file(), func(t *testing.T) {
			pdf := filepath.Join(dir, strings.TrimSuffix(w.file(), ".xlsx")+".pdf")
			out := office.text(t, pdf)
			pages := strings.Split(strings.TrimSuffix(out, "\f"), "\f")
			// Every page says its number out of all.
			word := map[string]string{"vi": "Trang", "en": "Page"}[w.lang]
			for i, p := range pages {
				if want := word + " " + strconv.Itoa(i+1) + "/" + strconv.Itoa(len(pages)); !strings.Contains(p, want) {
					t.Errorf("page %d does not say %q", i+1, want)
				}
			}
			text := squeeze(out)
			if w.form {
				for _, l := range formLines[w.lang] {
					if !strings.Contains(text, squeeze(l)) {
						t.Errorf("the PDF lacks %q", l)
					}
				}
			}
			f, err := excelize.OpenFile(filepath.Join(dir, w.file()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for _, sheet := range f.GetSheetList() {
				longest := ""
				for _, r := range cellsOf(t, f, sheet) {
					for _, v := range r {
						if len([]rune(v)) > len([]rune(longest)) {
							longest = v
						}
					}
				}
				if !strings.Contains(text, squeeze(longest)) {
					t.Errorf("sheet %s: the PDF does not show the whole of its longest text:\n%s", sheet, longest)
				}
			}
		})
	}
}

// squeeze drops the spaces and line breaks of s, so that a text wrapped onto several lines
// of a PDF reads as it was written.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// The issuer is the plan's: an edited plan file puts its own office, symbol, place and
// signers' names on the form.
func TestE2EFormIssuerFromThePlanFile(t *testing.T) {
	dir := sampleCopy(t)
	edited := strings.NewReplacer(
		"office: {vi: PHÒNG CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY,", "office: {vi: ĐỘI CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY,",
		"symbol: BC-PC04", "symbol: BC-ĐMT",
		"place: Trà Vinh", "place: Càng Long",
		"- {title: {vi: TRƯỞNG PHÒNG, en: HEAD OF DIVISION}}", "- {title: {vi: \"KT. TRƯỞNG PHÒNG\\nPHÓ TRƯỞNG PHÒNG\"}, name: Trần Văn B}",
	).Replace(string(criteria.DefaultYAML()))
	if err := os.WriteFile(filepath.Join(dir, "plan.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runIn(t, dir, "--plan", "plan.yaml", "classify", "districts.xlsx", "-o", "c.xlsx"); code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "c.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := cellsOf(t, f, f.GetSheetList()[0])
	for _, want := range []string{"ĐỘI CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY", "/BC-ĐMT", "Càng Long, ngày 20 tháng 12 năm 2025", "KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Trần Văn B"} {
		found := false
		for _, r := range rows {
			if slices.ContainsFunc(r, func(c string) bool { return strings.Contains(c, want) }) {
				found = true
			}
		}
		if !found {
			t.Errorf("the form lacks %q", want)
		}
	}
}
