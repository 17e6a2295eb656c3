package cmd

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// docxText is the text of a Word document's body, a line for each paragraph and line
// break, and whether its parts are all well-formed where read.
func docxText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	var doc string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			doc = string(b)
		}
	}
	if len(names) == 0 || names[0] != "[Content_Types].xml" || doc == "" {
		t.Fatalf("%s: parts %v", path, names)
	}
	doc = strings.ReplaceAll(doc, "\n", "") // the template's own layout, between tags
	doc = regexp.MustCompile(`</w:p>|<w:br/>`).ReplaceAllString(doc, "\n")
	doc = regexp.MustCompile(`</w:tc>`).ReplaceAllString(doc, " | ")
	doc = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(doc, "")
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#39;", "'", "&#34;", `"`).Replace(doc)
}

type remindOut struct {
	Reminders []struct {
		Sender string
		Body   bool
		Letter string
		Owed   []struct {
			District, Kind, Due, Submitted, Status string
			DaysLate                               int `json:"days_late"`
		}
	}
}

// Issue 18: remind drafts one letter for each sender with a return missing or sent late as
// deadlines judges them, each return owed once, with the letter's parts in the official form.
func TestE2ERemindLetters(t *testing.T) {
	dir := sampleCopy(t)
	args := []string{"--as-of", "2025-12-20", "--register", "returns/register.csv"}
	for _, f := range []string{"phase3", "review"} {
		files, _ := filepath.Glob(filepath.Join(dir, "returns", f, "*.xlsx"))
		for _, file := range files {
			rel, _ := filepath.Rel(dir, file)
			args = append(args, rel)
		}
	}
	_, out, errOut := bin(t, dir, append([]string{"deadlines", "--format", "json"}, args...)...)
	var dl struct {
		Submissions []struct {
			District, Kind, Status string
			DaysLate               int `json:"days_late"`
		}
	}
	if err := json.Unmarshal([]byte(out), &dl); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	var want []string
	for _, s := range dl.Submissions {
		if s.Status == "late" || s.Status == "missing" {
			want = append(want, s.District+" "+s.Kind+" "+s.Status)
		}
	}
	if len(want) < 3 {
		t.Fatalf("the sample has %d returns late or missing; the test wants some", len(want))
	}

	code, out, errOut := bin(t, dir, append([]string{"remind", "--letters", "cong-van", "--format", "json"}, args...)...)
	if code != ExitData { // the sample has errors in its returns, as deadlines says
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	var got remindOut
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var owed []string
	letters := map[string]bool{}
	for _, r := range got.Reminders {
		if letters[r.Letter] {
			t.Errorf("two reminders write %s", r.Letter)
		}
		letters[r.Letter] = true
		for _, o := range r.Owed {
			if o.District != r.Sender {
				t.Errorf("%s's letter owes %s's return", r.Sender, o.District)
			}
			owed = append(owed, o.District+" "+o.Kind+" "+o.Status)
		}
	}
	sort.Strings(want)
	sort.Strings(owed)
	if strings.Join(owed, "\n") != strings.Join(want, "\n") {
		t.Errorf("returns owed in the letters:\n%s\nwant those deadlines finds late or missing:\n%s", strings.Join(owed, "\n"), strings.Join(want, "\n"))
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "cong-van"))
	if len(entries) != len(got.Reminders) {
		t.Errorf("%d files in the folder, %d letters", len(entries), len(got.Reminders))
	}

	// Huyện Cầu Ngang never sent its implementation plan (due 30/03/2025).
	text := docxText(t, filepath.Join(dir, "cong-van", "Don doc - Huyện Cầu Ngang.docx"))
	for _, w := range []string{
		"CÔNG AN TỈNH TRÀ VINH\nPHÒNG CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY\nSố:        /CAT-PC04\nV/v đôn đốc gửi báo cáo thực hiện Kế hoạch 16/KH-UBND\n",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTrà Vinh, ngày 20 tháng 12 năm 2025\n",
		"Kính gửi: Ủy ban nhân dân huyện Cầu Ngang.\n",
		"1\n | Kế hoạch\n | 30/03/2025 (gửi Kế hoạch thực hiện đến Công an tỉnh trước ngày 31 tháng 3 năm 2025)\n | Chưa gửi, quá hạn 265 ngày\n | ",
		"đề nghị Ủy ban nhân dân huyện Cầu Ngang khẩn trương gửi các báo cáo còn thiếu",
		"Mục V.1 của Kế hoạch:",
		"điện thoại 0693.729.143.",
		"Nơi nhận:\n- Như trên;\n- UBND tỉnh (để báo cáo);\n- Ban Giám đốc Công an tỉnh (để báo cáo);\n- Lưu: VT, PC04.\n",
		"TRƯỞNG PHÒNG\n(Ký, ghi rõ họ tên, đóng dấu)\n",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the letter to Cầu Ngang lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "{{") {
		t.Errorf("a placeholder is left:\n%s", text)
	}
	// Phường Long Đức sent two returns late: the letter says when each came, and asks only
	// for the next ones on time.
	text = docxText(t, filepath.Join(dir, "cong-van", "Don doc - Phường Long Đức.docx"))
	for _, w := range []string{"Gửi chậm 5 ngày (nhận ngày 05/11/2025)", "Gửi chậm 3 ngày (nhận ngày 16/12/2025)", "đề nghị Ủy ban nhân dân phường Long Đức bảo đảm gửi đúng thời hạn"} {
		if !strings.Contains(text, w) {
			t.Errorf("the letter to Long Đức lacks %q:\n%s", w, text)
		}
	}
	// A body is addressed by its name.
	if text := docxText(t, filepath.Join(dir, "cong-van", "Don doc - Sở Y tế.docx")); !strings.Contains(text, "Kính gửi: Sở Y tế.\n") {
		t.Errorf("the letter to Sở Y tế:\n%s", text)
	}

	// Again: the letters exist, so they are refused without --force, replaced with it.
	code, _, errOut = bin(t, dir, append([]string{"remind", "--letters", "cong-van"}, args...)...)
	if code != ExitData || !strings.Contains(errOut, filepath.Join("cong-van", "Don doc - Huyện Cầu Ngang.docx")+" đã có: không ghi đè; thêm --force để thay tệp") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	code, _, errOut = bin(t, dir, append([]string{"remind", "--letters", "cong-van", "--force"}, args...)...)
	if code != ExitData || strings.Contains(errOut, "đã có") || !strings.Contains(errOut, "Đã ghi 7 công văn vào cong-van\n") {
		t.Errorf("with --force: exit %d, stderr:\n%s", code, errOut)
	}
}

// Before any due day nobody is late: no letter, and one line says so.
func TestE2ERemindNobodyLate(t *testing.T) {
	dir := sampleCopy(t)
	code, out, errOut := bin(t, dir, "remind", "--register", "returns/register.csv", "--as-of", "2025-02-01", "--letters", "cv")
	if code != ExitOK || out != "Tính đến ngày 01/02/2025: không đơn vị nào chậm hoặc thiếu báo cáo; không có công văn nào.\n" {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "cv")); len(entries) != 0 {
		t.Errorf("letters written: %v", entries)
	}
}

// The letters as printed: LibreOffice (Writer) renders them to PDF where it is installed,
// and the PDF's text says who is urged, for which return, due when, overdue how long, in
// both languages.
func TestE2ERemindLettersPrint(t *testing.T) {
	office := needOffice(t)
	dir := sampleCopy(t)
	// LibreOffice without Writer (Calc only) cannot open a document: skip, as without it.
	if err := os.WriteFile(filepath.Join(dir, "probe.txt"), []byte("probe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := office.toPDF(dir, filepath.Join(dir, "probe.txt")); err != nil || !fileExists(filepath.Join(dir, "probe.pdf")) {
		t.Skipf("LibreOffice cannot render a text document here (Writer not installed?): %v", err)
	}
	want := map[string][]string{
		"vi": {"CÔNG AN TỈNH TRÀ VINH", "Số: /CAT-PC04", "V/v đôn đốc gửi báo cáo thực hiện Kế hoạch 16/KH-UBND", "Trà Vinh, ngày 20 tháng 12 năm 2025",
			"Kính gửi: Ủy ban nhân dân huyện Cầu Ngang.", "Kế hoạch", "30/03/2025", "Chưa gửi, quá hạn 265 ngày", "điện thoại 0693.729.143", "Nơi nhận:", "TRƯỞNG PHÒNG"},
		"en": {"TRÀ VINH PROVINCIAL POLICE", "No.: /CAT-PC04", "Re: returns owed under Kế hoạch 16/KH-UBND", "Trà Vinh, 20 December 2025",
			"To: the People's Committee of Huyện Cầu Ngang.", "Implementation plan", "30 March 2025", "Not sent, 265 days overdue", "telephone 0693.729.143", "Recipients:", "HEAD OF DIVISION"},
	}
	name := map[string]string{"vi": "Don doc - Huyện Cầu Ngang", "en": "Reminder - Huyện Cầu Ngang"}
	for _, lang := range []string{"vi", "en"} {
		code, _, errOut := bin(t, dir, "--lang", lang, "remind", "--register", "returns/register.csv", "--as-of", "2025-12-20", "--letters", lang)
		if code != ExitOK {
			t.Fatalf("%s: exit %d\n%s", lang, code, errOut)
		}
		// soffice is given a plain file name: it mangles some non-ASCII ones.
		docx := filepath.Join(dir, lang, "letter.docx")
		copyFile(t, filepath.Join(dir, lang, name[lang]+".docx"), docx)
		if err := office.toPDF(filepath.Join(dir, lang), docx); err != nil {
			t.Fatal(err)
		}
		b := office.text(t, filepath.Join(dir, lang, "letter.pdf"))
		text := squeeze(b)
		for _, w := range want[lang] {
			if !strings.Contains(text, squeeze(w)) {
				t.Errorf("%s: the PDF lacks %q:\n%s", lang, w, b)
			}
		}
	}
}
