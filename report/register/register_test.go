package register

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read/cell"
	"drugfree/report/template"
)

// fakeRegisterResolver knows the registry's districts by their short names, folded.
type fakeRegisterResolver struct{ p *criteria.Plan }

func (f fakeRegisterResolver) Sender(name string, _ time.Time) (string, []string, bool) {
	for _, d := range f.p.Registry.Districts() {
		if naming.Fold(d) == naming.Fold(name) {
			return d, nil, true
		}
	}
	want := naming.Fold(template.DistrictShort(name))
	for _, d := range f.p.Registry.Districts() {
		if naming.Fold(template.DistrictShort(d)) == want {
			return d, nil, true
		}
	}
	return "", []string{"Huyện Càng Long"}, false
}

func regDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func writeRegisterFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadRegisterCSV(t *testing.T) {
	p := criteria.Default()
	path := writeRegisterFile(t, "so-theo-doi.csv", "\ufeff"+strings.Join([]string{
		"STT;Đơn vị;Loại báo cáo;Số văn bản;Ngày báo cáo;Ngày nhận (dd/mm/yyyy)",
		"1;Huyện Càng Long;Rà soát;12/BC-CAH;25/02/2025;27/02/2025",
		"2;cau ke;Báo cáo giai đoạn 1;15/BC-CAH;2025-04-28;",
		"3;Thành phố Trà Vinh;GĐ2;;ngày 30 tháng 10 năm 2025;31.10.2025 08:15",
		";;;;;",
		"4;Huyện Mỹ Tú;Rà soát;1/BC;20/02/2025;21/02/2025",
		"5;Huyện Tiểu Cần;Tổng kết;2/BC;20/02/2025;21/02/2025",
		"6;Huyện Trà Cú;Kế hoạch;3/KH;31/02/2025;",
		"7;Huyện Duyên Hải;kế hoạch;4/KH;;",
		"8;;Rà soát;5/BC;20/02/2025;",
		"9;Huyện Châu Thành;;6/BC;20/02/2025;",
	}, "\r\n")+"\r\n")
	subs, problems := ReadRegister(path, fakeRegisterResolver{p}, p, time.Time{}, i18n.Vi)
	want := []classify.Submission{
		{District: "Huyện Càng Long", Kind: "review", File: path + ":2", Number: "12/BC-CAH", ReportDate: regDate(2025, 2, 25), Received: regDate(2025, 2, 27)},
		{District: "Huyện Cầu Kè", Kind: "phase1", File: path + ":3", Number: "15/BC-CAH", ReportDate: regDate(2025, 4, 28)},
		{District: "Thành phố Trà Vinh", Kind: "phase2", File: path + ":4", ReportDate: regDate(2025, 10, 30), Received: regDate(2025, 10, 31)},
		{District: "Huyện Trà Cú", Kind: "plan", File: path + ":8", Number: "3/KH"},
		{District: "Huyện Duyên Hải", Kind: "plan", File: path + ":9", Number: "4/KH"},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("submissions:\ngot  %+v\nwant %+v", subs, want)
	}
	type short struct {
		Severity         problem.Severity
		Code, Cell, Dist string
	}
	var got []short
	for _, pr := range problems {
		if pr.File != path || pr.Sheet != "" || pr.Message == "" {
			t.Errorf("problem without its place or message: %+v", pr)
		}
		got = append(got, short{pr.Severity, pr.Code, pr.Cell, pr.District})
	}
	wantProblems := []short{
		{problem.Error, problem.CodeUnknownDistrict, "B6", ""},
		{problem.Error, problem.CodeUnknownKind, "C7", "Huyện Tiểu Cần"},
		{problem.Error, problem.CodeTypeError, "E8", "Huyện Trà Cú"},
		{problem.Warning, problem.CodeMissingValue, "F8", "Huyện Trà Cú"},
		{problem.Warning, problem.CodeMissingValue, "F9", "Huyện Duyên Hải"},
		{problem.Error, problem.CodeMissingValue, "B10", ""},
		{problem.Error, problem.CodeMissingValue, "C11", "Huyện Châu Thành"},
	}
	if !reflect.DeepEqual(got, wantProblems) {
		t.Errorf("problems:\ngot  %+v\nwant %+v", got, wantProblems)
	}
	if m := problems[0].Message; m != "Không có đơn vị “Huyện Mỹ Tú” trong danh mục. Có phải: Huyện Càng Long?" {
		t.Errorf("unknown district: %q", m)
	}
	if m := problems[1].Message; !strings.Contains(m, "“Tổng kết”") || !strings.Contains(m, "Giai đoạn 3 (sơ kết)") {
		t.Errorf("unknown kind: %q", m)
	}
	if m := problems[2].Message; !strings.Contains(m, "“31/02/2025”") || !strings.Contains(m, "Ngày báo cáo") {
		t.Errorf("bad date: %q", m)
	}
}

// A comma-separated register with English headers and no BOM, and its lines counted by
// classify.Timeliness: the later line supersedes the earlier.
func TestReadRegisterCommaEnglish(t *testing.T) {
	p := criteria.Default()
	path := writeRegisterFile(t, "register.csv", strings.Join([]string{
		"Register of returns 2025,,,,",
		"district,kind,number,report_date,received_date",
		"Cang Long,review,\"12/BC, CAH\",2025-02-24,2025-02-25",
		"Cang Long,review,13/BC,2025-02-28,2025-03-02",
	}, "\n"))
	subs, problems := ReadRegister(path, fakeRegisterResolver{p}, p, time.Time{}, i18n.En)
	if len(problems) != 0 {
		t.Fatalf("problems: %+v", problems)
	}
	if len(subs) != 2 || subs[0].Number != "12/BC, CAH" || !subs[1].Received.Equal(regDate(2025, 3, 2)) {
		t.Fatalf("submissions: %+v", subs)
	}
	sts := classify.Timeliness(p, classify.EveryKind(p, "Huyện Càng Long"), subs, regDate(2025, 3, 10))
	if s := sts[0]; s.Kind != "review" || s.Status != classify.SubmissionLate || s.DaysLate != 4 || s.File != path+":4" || !reflect.DeepEqual(s.Superseded, []string{path + ":3"}) {
		t.Errorf("status: %+v", s)
	}
}

func TestReadRegisterXLSX(t *testing.T) {
	p := criteria.Default()
	f := excelize.NewFile()
	sh := "Sổ theo dõi"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Ghi chú"); err != nil { // the register is the first sheet
		t.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	cells := map[string]any{
		"A1": "SỔ THEO DÕI BÁO CÁO NĂM 2025",
		"A3": "HUYỆN", "B3": "LOẠI BÁO CÁO", "C3": "SỐ VĂN BẢN", "D3": "NGÀY BÁO CÁO", "E3": "NGÀY NHẬN",
		"A4": "Tiểu Cần", "B4": "Giai đoạn 1", "C4": "21/BC-CAH", "D4": regDate(2025, 4, 29), "E4": regDate(2025, 5, 2),
		"A5": "Huyện Châu Thành", "B5": "phase3", "C5": 7, "D5": "12/12/2025", "E5": "abc",
		"A6": "Huyện Cầu Ngang", "B6": "Rà soát", "D6": 45708, // a serial typed as a number: 2025-02-20
	}
	for ref, v := range cells {
		if err := f.SetCellValue(sh, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	_ = f.SetCellStyle(sh, "D4", "E4", dateStyle)
	_ = f.SetCellStyle(sh, "D6", "D6", dateStyle)
	path := filepath.Join(t.TempDir(), "so.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	subs, problems := ReadRegister(path, fakeRegisterResolver{p}, p, time.Time{}, i18n.En)
	want := []classify.Submission{
		{District: "Huyện Tiểu Cần", Kind: "phase1", File: path + ":4", Number: "21/BC-CAH", ReportDate: regDate(2025, 4, 29), Received: regDate(2025, 5, 2)},
		{District: "Huyện Châu Thành", Kind: "phase3", File: path + ":5", Number: "7", ReportDate: regDate(2025, 12, 12)},
		{District: "Huyện Cầu Ngang", Kind: "review", File: path + ":6", ReportDate: regDate(2025, 2, 20)},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("submissions:\ngot  %+v\nwant %+v", subs, want)
	}
	if len(problems) != 1 || problems[0].Code != problem.CodeTypeError || problems[0].Cell != "E5" || problems[0].Sheet != sh ||
		problems[0].Message != "“abc” is not a date (Received date): write dd/mm/yyyy, such as 20/02/2025." {
		t.Errorf("problems: %+v", problems)
	}
}

func TestReadRegisterFileProblems(t *testing.T) {
	p := criteria.Default()
	dir := t.TempDir()
	tests := []struct {
		name, file, text, code string
	}{
		{"missing file", "nowhere.csv", "", problem.CodeUnreadableFile},
		{"xls", "old.xls", "x", problem.CodeUnsupportedFormat},
		{"ods", "calc.ods", "x", problem.CodeUnsupportedFormat},
		{"pdf", "scan.pdf", "x", problem.CodeUnsupportedFormat},
		{"broken xlsx", "broken.xlsx", "not a zip", problem.CodeUnreadableFile},
		{"no header", "plain.csv", "a,b,c\n1,2,3\n", problem.CodeMissingColumn},
		{"no date column", "nodates.csv", "Đơn vị,Loại báo cáo,Số văn bản\nCàng Long,Rà soát,1\n", problem.CodeMissingColumn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if tt.text != "" {
				if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			subs, problems := ReadRegister(path, fakeRegisterResolver{p}, p, time.Time{}, i18n.Vi)
			if len(subs) != 0 || len(problems) != 1 || problems[0].Code != tt.code || problems[0].Severity != problem.Error || problems[0].File != path {
				t.Errorf("got %+v, %+v; want one %s", subs, problems, tt.code)
			}
		})
	}
}

func TestReadRegisterDuplicateColumn(t *testing.T) {
	p := criteria.Default()
	path := writeRegisterFile(t, "dup.csv", "Đơn vị,Loại báo cáo,Ngày nhận,Ngày đến\nCàng Long,Rà soát,20/02/2025,25/02/2025\n")
	subs, problems := ReadRegister(path, fakeRegisterResolver{p}, p, time.Time{}, i18n.Vi)
	if len(subs) != 1 || !subs[0].Received.Equal(regDate(2025, 2, 20)) {
		t.Errorf("submissions: %+v", subs)
	}
	if len(problems) != 1 || problems[0].Code != problem.CodeDuplicateColumn || problems[0].Cell != "D1" || problems[0].Severity != problem.Warning {
		t.Errorf("problems: %+v", problems)
	}
}

func TestRegisterKind(t *testing.T) {
	p := criteria.Default()
	tests := map[string]string{
		"review": "review", "RÀ SOÁT": "review", "ra soat": "review", "Báo cáo rà soát": "review",
		"Kế hoạch": "plan", "Implementation plan": "plan",
		"Giai đoạn 1": "phase1", "GĐ1": "phase1", "giai đoan 02": "phase2", "Giai đoạn 02": "phase2",
		"Phase 3": "phase3", "Giai đoạn 3 (sơ kết)": "phase3", "sơ kết": "phase3",
		"Tổng kết": "", "": "",
	}
	for in, want := range tests {
		got, ok := registerKind(p, in)
		if got != want || ok != (want != "") {
			t.Errorf("registerKind(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestParseRegisterDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time // zero: not a date
	}{
		{"20/02/2025", regDate(2025, 2, 20)},
		{"2/3/2025", regDate(2025, 3, 2)},
		{"20-02-2025", regDate(2025, 2, 20)},
		{"20.02.25", regDate(2025, 2, 20)},
		{"2025-02-20", regDate(2025, 2, 20)},
		{"2025/02/20", regDate(2025, 2, 20)},
		{"2025-02-20T00:00:00Z", regDate(2025, 2, 20)},
		{"20/02/2025 14:30", regDate(2025, 2, 20)},
		{"Ngày 20 tháng 02 năm 2025", regDate(2025, 2, 20)},
		{"45708", regDate(2025, 2, 20)},
		{"45708.5", regDate(2025, 2, 20)},
		{"2025", time.Time{}},
		{"12345", time.Time{}},
		{"31/02/2025", time.Time{}},
		{"02/20/2025", time.Time{}},
		{"20/02", time.Time{}},
		{"hôm qua", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseRegisterDate(tt.in)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("parseRegisterDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

// registerKind returns the calendar kind written as s, as the register reads it: its key,
// Vietnamese or English name or a variant, in any case, with or without diacritics, and
// with or without a leading "Báo cáo".
func registerKind(p *criteria.Plan, s string) (string, bool) { return cell.NewKindNames(p).Match(s) }
