package cmd

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/outfile"
	"drugfree/report/template"
)

const partialBannerPrefix = "SỐ LIỆU CHƯA ĐẦY ĐỦ"

// noTempFiles fails when dir holds a temporary file left by a write.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind in %s: %s", dir, e.Name())
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// findRow returns the first row whose first cell starts with prefix.
func findRow(rows [][]string, prefix string) []string {
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], prefix) {
			return r
		}
	}
	return nil
}

// tableRows returns the table of rows whose header row begins with first: the header and
// the rows under it, down to the first empty row.
func tableRows(rows [][]string, first string) [][]string {
	for i, r := range rows {
		if len(r) > 0 && r[0] == first {
			end := i + 1
			for end < len(rows) && len(rows[end]) > 0 {
				end++
			}
			return rows[i:end]
		}
	}
	return nil
}

// headerIndex finds the header row holding name and returns its index and the column.
func headerIndex(t *testing.T, rows [][]string, name string) (int, int) {
	t.Helper()
	for i, r := range rows {
		if j := slices.Index(r, name); j >= 0 {
			return i, j
		}
	}
	t.Fatalf("no header %q", name)
	return 0, 0
}

// Issue 6: the provincial workbook, read back cell by cell.
func TestE2EConsolidateSample(t *testing.T) {
	dir := sampleCopy(t)
	args := func(extra ...string) []string {
		a := append([]string{"consolidate"}, sampleReturns(t, dir)...)
		return append(append(a, "--register", "returns/register.csv", "--as-of", "2025-12-20"), extra...)
	}

	// Errors without --partial: refused, exit 1, nothing written, no temp file.
	code, _, errOut := bin(t, dir, args("-o", "tong-hop.xlsx")...)
	if code != ExitData {
		t.Errorf("errors without --partial: exit %d, want %d", code, ExitData)
	}
	if !strings.Contains(errOut, "--partial") || !strings.Contains(errOut, "unknown-commune") {
		t.Errorf("the refusal does not say why or what to do:\n%s", errOut)
	}
	if exists(filepath.Join(dir, "tong-hop.xlsx")) {
		t.Errorf("a refused run wrote the workbook")
	}
	noTempFiles(t, dir)

	// With --partial: written, marked incomplete, still exit 1 (the data has errors).
	code, _, errOut = bin(t, dir, args("-o", "tong-hop.xlsx", "--partial")...)
	if code != ExitData {
		t.Errorf("--partial: exit %d, want %d", code, ExitData)
	}
	out := filepath.Join(dir, "tong-hop.xlsx")
	if !exists(out) {
		t.Fatalf("--partial wrote nothing:\n%s", errOut)
	}
	noTempFiles(t, dir)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	summary := sheetRows(t, out, sheets[0])
	// The official form, the banner in plain words: how many errors of which kind, and
	// where they are listed.
	if len(summary) < 2 || summary[0][0] != "CÔNG AN TỈNH TRÀ VINH" || !slices.Contains(summary[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") ||
		summary[1][0] != "PHÒNG CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY" || !slices.Contains(summary[1], "Độc lập - Tự do - Hạnh phúc") {
		t.Errorf("the first sheet %q does not open with the letterhead: %q", sheets[0], summary[:min(2, len(summary))])
	}
	banner := findRow(summary, partialBannerPrefix)
	if banner == nil || !strings.Contains(banner[0], "trang “Vấn đề”") || strings.Contains(banner[0], "unknown-commune") {
		t.Errorf("the first sheet %q has no partial banner in plain words: %q", sheets[0], banner)
	}
	if findRow(summary, "Nơi nhận:") == nil || findRow(summary, "- Lưu: VT, PC04.") == nil {
		t.Errorf("the first sheet %q has no recipients", sheets[0])
	}

	// Totals per category on the summary equal the classification sheet's categories.
	p := criteria.Default()
	_, catCol := headerIndex(t, summary, p.Categories[0].Label(i18n.Vi))
	province := findRow(summary, "Toàn tỉnh")
	if province == nil {
		t.Fatalf("no province row on the summary")
	}
	class := sheetRows(t, out, "Phân loại")
	head, col := headerIndex(t, class, "Phân loại")
	counted := map[string]int{}
	for _, r := range class[head+1:] {
		if col < len(r) && r[col] != "" {
			counted[r[col]]++
		}
	}
	sum := 0
	for i, cat := range p.Categories {
		n, err := strconv.Atoi(province[catCol+i])
		if err != nil {
			t.Fatalf("summary %s: %q", cat.Key, province[catCol+i])
		}
		if n != counted[cat.Label(i18n.Vi)] {
			t.Errorf("summary counts %d %s, the classification sheet %d", n, cat.Label(i18n.Vi), counted[cat.Label(i18n.Vi)])
		}
		sum += n
	}
	// The picture is in the 41 communes formed by the reform of 1 July 2025, less xã Bình
	// Phú (nothing sent) and xã Càng Long (its former units listed instead of itself).
	if sum != 39 {
		t.Errorf("the summary classifies %d communes, want 39", sum)
	}

	// The target line, in the communes in force on the as-of day.
	target := false
	for _, r := range summary {
		if len(r) > 0 && strings.Contains(r[0], "mục tiêu 20%: 9/41 xã có hiệu lực từ 01/07/2025") {
			target = true
		}
	}
	if !target {
		t.Errorf("the summary lacks the target line 9/41")
	}

	// The problems sheet, by file (a register line "register.csv:12" counts for the file).
	probs := sheetRows(t, out, "Vấn đề")
	ph, pFile := headerIndex(t, probs, "Tệp")
	problemsOf := map[string]int{}
	for _, r := range probs[ph+1:] {
		if pFile < len(r) && r[pFile] != "" {
			file, _, _ := strings.Cut(r[pFile], ".csv:")
			if file != r[pFile] {
				file += ".csv"
			}
			problemsOf[file]++
		}
	}
	if problemsOf["returns/phase3/phase3-xa-cang-long.xlsx"] < 2 || problemsOf["returns/phase3/phase3-phuong-long-duc.xlsx"] < 1 {
		t.Errorf("the problems sheet lacks xã Càng Long's former units or phường Long Đức's late return: %v", problemsOf)
	}

	// Sources: the superseded return is listed as such, and every digest is the file's.
	sources := sheetRows(t, out, "Nguồn số liệu")
	sh, fileCol := headerIndex(t, sources, "Tệp")
	// Above them, when and with what the workbook was made, in a clerk's words.
	if note := findRow(sources[:sh], "Lập lúc "); note == nil || !strings.Contains(note[0], "theo Kế hoạch 16/KH-UBND ngày 17/02/2025 (bản có sẵn trong chương trình)") ||
		regexp.MustCompile(`\d{4}-\d\d-\d\dT|embedded`).MatchString(note[0]) {
		t.Errorf("the sources' note: %q", note)
	}
	usedCol := slices.Index(sources[sh], "Sử dụng")
	shaCol := slices.Index(sources[sh], "SHA-256")
	probCol := slices.Index(sources[sh], "Số vấn đề")
	listed := 0
	for _, r := range sources[sh+1:] {
		if len(r) <= shaCol || r[fileCol] == "" {
			continue
		}
		listed++
		data, err := os.ReadFile(filepath.Join(dir, r[fileCol]))
		if err != nil {
			t.Fatalf("sources list %q: %v", r[fileCol], err)
		}
		sum := sha256.Sum256(data)
		if r[shaCol] != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: SHA-256 %s, the file's is %x", r[fileCol], r[shaCol], sum)
		}
		switch r[fileCol] {
		case "returns/phase3/phase3-xa-an-truong.xlsx":
			if r[usedCol] != "Bị thay thế" {
				t.Errorf("the superseded return is listed as %q", r[usedCol])
			}
		case "returns/phase3/phase3-xa-an-truong-bo-sung.xlsx":
			if r[usedCol] != "Có" {
				t.Errorf("the supplementary return is listed as %q", r[usedCol])
			}
		}
		// Each file's count of problems is what the problems sheet lists for it.
		if want := strconv.Itoa(problemsOf[r[fileCol]]); r[probCol] != want {
			t.Errorf("%s: the sources sheet counts %s problems, the problems sheet lists %s", r[fileCol], r[probCol], want)
		}
	}
	if want := len(sampleReturns(t, dir)) + 1; listed != want {
		t.Errorf("the sources list %d files, want %d (the returns and the register)", listed, want)
	}

	// An existing output is kept byte for byte without --force, replaced with it.
	placeholder := []byte("not a workbook yet")
	if err := os.WriteFile(out, placeholder, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = bin(t, dir, args("-o", "tong-hop.xlsx", "--partial")...)
	if got, _ := os.ReadFile(out); code != ExitData || !bytes.Equal(got, placeholder) || !strings.Contains(errOut, "--force") {
		t.Errorf("without --force: exit %d, file replaced %v, stderr:\n%s", code, !bytes.Equal(got, placeholder), errOut)
	}
	code, _, _ = bin(t, dir, args("-o", "tong-hop.xlsx", "--partial", "--force")...)
	if got, _ := os.ReadFile(out); code != ExitData || bytes.Equal(got, placeholder) || !bytes.HasPrefix(got, []byte("PK")) {
		t.Errorf("with --force: exit %d, the file was not replaced by a workbook", code)
	}
	noTempFiles(t, dir)

	// An output that is an input is refused, even with --force.
	input := "returns/phase3/phase3-xa-cau-ke.xlsx"
	before, _ := os.ReadFile(filepath.Join(dir, input))
	for _, force := range []string{"--partial", "--force"} {
		code, _, errOut = bin(t, dir, args("-o", input, "--partial", force)...)
		after, _ := os.ReadFile(filepath.Join(dir, input))
		if code != ExitData || !bytes.Equal(before, after) || !strings.Contains(errOut, "không bao giờ ghi đè tệp đầu vào") {
			t.Errorf("output = input (%s): exit %d, input changed %v, stderr:\n%s", force, code, !bytes.Equal(before, after), errOut)
		}
	}
	noTempFiles(t, filepath.Join(dir, "returns", "phase3"))

	// --password encrypts: excelize opens it only with the password, which is never printed.
	code, stdout, errOut := bin(t, dir, args("-o", "mat.xlsx", "--partial", "--password", "Kh0ng-Ma-Tuy")...)
	if code != ExitData || strings.Contains(stdout+errOut, "Kh0ng-Ma-Tuy") {
		t.Errorf("--password: exit %d, or the password was printed:\n%s%s", code, stdout, errOut)
	}
	if g, err := excelize.OpenFile(filepath.Join(dir, "mat.xlsx")); err == nil {
		g.Close()
		t.Errorf("the encrypted workbook opens without a password")
	}
	if rows := sheetRows(t, filepath.Join(dir, "mat.xlsx"), sheets[0], excelize.Options{Password: "Kh0ng-Ma-Tuy"}); findRow(rows, partialBannerPrefix) == nil {
		t.Errorf("with the password the workbook reads wrong: %q", rows)
	}
}

// Issue 6: only the complete returns, without --partial: written, no banner, exit 0.
func TestE2EConsolidateCompleteReturns(t *testing.T) {
	dir := sampleCopy(t)
	var files []string
	for _, f := range sampleReturns(t, dir) {
		if !strings.Contains(f, "xa-cang-long") { // its former units listed instead of itself
			files = append(files, f)
		}
	}
	code, _, errOut := bin(t, dir, append(append([]string{"consolidate"}, files...), "--as-of", "2025-12-20", "-o", "tong-hop.xlsx")...)
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	out := filepath.Join(dir, "tong-hop.xlsx")
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	first := f.GetSheetList()[0]
	f.Close()
	for _, sheet := range []string{first, "Phân loại", "Vấn đề"} {
		rows := sheetRows(t, out, sheet)
		for _, r := range rows {
			if len(r) > 0 && strings.Contains(r[0], partialBannerPrefix) {
				t.Errorf("sheet %s of a complete workbook says %q", sheet, r[0])
			}
		}
	}
	if rows := sheetRows(t, out, first); findRow(rows, "BÁO CÁO") == nil || findRow(rows, "Tổng hợp kết quả xây dựng xã, phường, thị trấn không ma túy") == nil {
		t.Errorf("the first sheet has no title: %q", rows)
	}
}

// Issue 6: a write that fails half way leaves neither a half file nor a temp file.
func TestE2EFailedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tong-hop.xlsx")
	boom := errors.New("disk full")
	err := outfile.WriteFileAtomic(path, nil, false, func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), 1<<16)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want it to wrap %v", err, boom)
	}
	if exists(path) {
		t.Errorf("a failed write left %s", path)
	}
	noTempFiles(t, dir)

	// And over an existing file with --force, the old file survives a failed write.
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = outfile.WriteFileAtomic(path, nil, true, func(w io.Writer) error { return boom })
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("a failed forced write changed the old file to %q", got)
	}
	noTempFiles(t, dir)
}

// coverCell is the cell of the value of a label on a template's cover: beside it, wherever
// the title and the instructions put it.
func coverCell(t *testing.T, f *excelize.File, label string) string {
	t.Helper()
	rows, err := f.GetRows(template.CoverSheetName)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == label {
			return "B" + strconv.Itoa(i+1)
		}
	}
	t.Fatalf("no label %q on the cover", label)
	return ""
}

// Issue 6: the template round trip: write, fill as a clerk does, classify with no problem.
func TestE2ETemplateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := bin(t, dir, "template", "--district", "Càng Long", "-o", "t.xlsx")
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	path := filepath.Join(dir, "t.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := criteria.Default()

	// Validations: drop-downs for kind, status and yes/no; whole numbers in the counts.
	dvs, err := f.GetDataValidations(template.DataSheetName)
	if err != nil {
		t.Fatal(err)
	}
	var lists, wholes int
	for _, dv := range dvs {
		switch dv.Type {
		case "list":
			lists++
		case "whole":
			wholes++
		}
	}
	counts := 0
	for _, fd := range p.Fields {
		if fd.Kind == criteria.KindCount {
			counts++
		}
	}
	if lists != 2 || wholes != counts {
		t.Errorf("data sheet validations: %d lists (want 2: status, yes/no), %d whole-number (want %d)", lists, wholes, counts)
	}
	// On the cover, a drop-down of the kinds and a check on each of the two dates.
	var kinds, dates int
	cover, _ := f.GetDataValidations(template.CoverSheetName)
	for _, dv := range cover {
		switch {
		case dv.Type == "list" && strings.Contains(dv.Formula1, "Giai đoạn 3"):
			kinds++
		case dv.Type == "date" && dv.ErrorStyle != nil && *dv.ErrorStyle == "stop":
			dates++
		}
	}
	if kinds != 1 || dates != 2 || len(cover) != 3 {
		t.Errorf("cover validations: %d drop-down of the kinds (want 1), %d checks of a date (want 2), %d in all", kinds, dates, len(cover))
	}
	// A note on each header.
	comments, err := f.GetComments(template.DataSheetName)
	if err != nil {
		t.Fatal(err)
	}
	noted := map[string]bool{}
	for _, c := range comments {
		noted[c.Cell] = c.Text != "" || len(c.Paragraph) > 0
	}
	col := map[string]string{}
	for i, fd := range p.Fields {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if !noted[cell] {
			t.Errorf("header %s (%s) has no note", cell, fd.Vi)
		}
		col[fd.Key], _ = excelize.ColumnNumberToName(i + 1)
	}

	// Fill the cover and the figures as a clerk does, by the header text.
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// (a district's return, before the reform of 1 July 2025: TestE2ECommuneTemplateRoundTrip
	// for after)
	must(f.SetCellValue(template.CoverSheetName, coverCell(t, f, "Loại báo cáo"), "Giai đoạn 1"))
	must(f.SetCellValue(template.CoverSheetName, coverCell(t, f, "Số văn bản"), "20/BC-CAH"))
	must(f.SetCellValue(template.CoverSheetName, coverCell(t, f, "Ngày báo cáo"), "25/04/2025"))
	zero := map[string]float64{}
	for _, fd := range p.Fields {
		if fd.Kind == criteria.KindCount || fd.Kind == criteria.KindArea || fd.Kind == criteria.KindYesNo {
			zero[fd.Key] = 0
		}
	}
	zero["population"] = 10000
	with := func(kv map[string]float64) map[string]float64 {
		m := map[string]float64{}
		for k, v := range zero {
			m[k] = v
		}
		for k, v := range kv {
			m[k] = v
		}
		return m
	}
	plans := []struct {
		figures map[string]float64
		want    string
	}{
		{with(map[string]float64{"addicts_total": 120, "addicts_managed": 100, "addicts_in_treatment": 100}), "type-1"},
		{with(map[string]float64{"addicts_total": 60, "addicts_managed": 60}), "type-2"},
		{with(map[string]float64{"hotspots": 1}), "type-3"},
		{with(map[string]float64{"addicts_total": 3, "addicts_managed": 3}), "less-complex"},
		{with(nil), "drug-free"},
		{with(map[string]float64{"plants": 600}), "type-2"},
		{with(map[string]float64{"offenders": 50}), "type-1"},
	}
	rows, err := f.GetRows(template.DataSheetName)
	must(err)
	communes := len(rows) - 1
	if communes != len(p.Registry.InDistrict("Huyện Càng Long")) {
		t.Fatalf("the template lists %d communes", communes)
	}
	want := map[string]string{}
	for i := 0; i < communes; i++ {
		line := strconv.Itoa(i + 2)
		plan := plans[i%len(plans)]
		for key, v := range plan.figures {
			if key == "on_route" {
				must(f.SetCellValue(template.DataSheetName, col[key]+line, "Không"))
				continue
			}
			must(f.SetCellValue(template.DataSheetName, col[key]+line, v))
		}
		code, _ := f.GetCellValue(template.DataSheetName, col["code"]+line)
		want[code] = plan.want
	}
	must(f.Save())

	code, stdout, errOut := bin(t, dir, "classify", "t.xlsx", "--format", "json")
	if code != ExitOK || errOut != "" {
		t.Errorf("classify the filled template: exit %d, stderr:\n%s", code, errOut)
	}
	var got classifyJSON
	must(json.Unmarshal([]byte(stdout), &got))
	if len(got.Problems) != 0 {
		t.Errorf("the filled template has problems: %+v", got.Problems)
	}
	if len(got.Communes) != communes {
		t.Errorf("%d communes classified, want %d", len(got.Communes), communes)
	}
	for _, c := range got.Communes {
		if want[c.Code] != c.Category {
			t.Errorf("%s (%s): %s, want %s; %v", c.Commune, c.Code, c.Category, want[c.Code], c.Reasons)
		}
	}
}

// Issue 15: after the reform of 1 July 2025 a commune reports for itself: its template
// holds its own row, no district column, and reads back, filled, as its return.
func TestE2ECommuneTemplateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := bin(t, dir, "template", "--commune", "cang long", "--kind", "phase3", "-o", "xa.xlsx")
	if code != ExitOK || !strings.Contains(errOut, "Xã Càng Long, 1 xã") {
		t.Fatalf("template --commune: exit %d\n%s", code, errOut)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "xa.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(template.DataSheetName)
	if len(rows) != 2 || slices.Contains(rows[0], "Huyện, thị xã, thành phố") || !slices.Contains(rows[1], "Xã Càng Long") || !slices.Contains(rows[1], "29266") {
		t.Fatalf("the commune's template: %q", rows)
	}
	if v, _ := f.GetCellValue(template.CoverSheetName, coverCell(t, f, "Đơn vị báo cáo")); v != "Xã Càng Long" {
		t.Errorf("the cover's unit is %q", v)
	}
	p := criteria.Default()
	for i, h := range rows[0] {
		for _, fd := range p.Fields {
			if fd.Vi != h || !fd.Numeric() {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, 2)
			v := any(0)
			switch fd.Key {
			case "population":
				v = 31000
			case "on_route":
				v = "Không"
			}
			if err := f.SetCellValue(template.DataSheetName, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SetCellValue(template.CoverSheetName, coverCell(t, f, "Ngày báo cáo"), "12/12/2025"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, stdout, errOut := bin(t, dir, "classify", "xa.xlsx", "--format", "json")
	var got classifyJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != ExitOK || errOut != "" || len(got.Problems) != 0 {
		t.Fatalf("classify the filled template: exit %d, %v, problems %+v\n%s", code, err, got.Problems, errOut)
	}
	if len(got.Communes) != 1 || got.Communes[0].Code != "29266" || got.Communes[0].Category != criteria.DrugFree || got.Communes[0].FormerDistrict != "Huyện Càng Long" {
		t.Errorf("classified %+v", got.Communes)
	}

	// A district's template for a kind due after the reform, and a commune's for one due
	// before, are refused.
	for _, args := range [][]string{
		{"template", "--district", "Càng Long", "--kind", "phase3", "-o", "d.xlsx"},
		{"template", "--commune", "Càng Long", "--kind", "review", "-o", "c.xlsx"},
		{"template", "--commune", "Mỹ Cẩm", "-o", "m.xlsx"},
		{"template", "--commune", "Lương Hòa", "-o", "l.xlsx"},
	} {
		if code, _, errOut := bin(t, dir, args...); code != ExitData || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}
