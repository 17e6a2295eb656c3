package read

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/template"

	"github.com/xuri/excelize/v2"
)

func TestReadPasswordProtected(t *testing.T) {
	dir := t.TempDir()
	const password = "bí-mật-42"
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 20, 10}).
		Save(dir, "khoa.xlsx", excelize.Options{Password: password})

	t.Run("without password", func(t *testing.T) {
		rets, probs := ReadFile(path, opts())
		if len(rets) != 0 {
			t.Errorf("got %d returns from a locked file", len(rets))
		}
		testkit.WantProblem(t, probs, problem.CodePasswordRequired, "")
	})
	t.Run("wrong password", func(t *testing.T) {
		const wrong = "nham-mat-khau-7"
		_, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Password: wrong})
		p := testkit.WantProblem(t, probs, problem.CodePasswordRequired, "")
		if !strings.Contains(p.Message, "mật khẩu sai") || strings.Contains(p.Message, wrong) {
			t.Errorf("message %q: want it to say the password is wrong, without the password", p.Message)
		}
	})
	t.Run("with password", func(t *testing.T) {
		rets, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Password: password})
		testkit.NoErrors(t, probs)
		if got := rowByCode(t, oneReturn(t, rets, probs), "29311").Figures["addicts_managed"]; got != 10 {
			t.Errorf("managed addicts %v, want 10", got)
		}
		for _, p := range probs {
			if strings.Contains(p.Message, password) {
				t.Errorf("message shows the password: %q", p.Message)
			}
		}
	})
}

func TestReadWrongPasswordNeverEchoed(t *testing.T) {
	dir := t.TempDir()
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 1}).Save(dir, "khoa.xlsx", excelize.Options{Password: "x"})
	const wrong = "mat-khau-nham-123"
	_, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Password: wrong, Lang: i18n.En})
	p := testkit.WantProblem(t, probs, problem.CodePasswordRequired, "")
	if strings.Contains(p.Message, wrong) || !strings.Contains(p.Message, "wrong") {
		t.Errorf("message %q: want it to say the password is wrong, without the password", p.Message)
	}
}

func TestReadUnsupportedAndBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	random := make([]byte, 4096)
	if _, err := rand.Read(random); err != nil {
		t.Fatal(err)
	}
	good := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 1}).Save(dir, "good.xlsx")
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	cfb := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	tests := []struct {
		name     string
		data     []byte
		code     string
		mentions string
	}{
		{"old.xls", cfb, problem.CodeUnsupportedFormat, "libreoffice --headless --convert-to xlsx old.xls"},
		{"html-export.xls", []byte("<html><table><tr><td>Xã</td></tr></table></html>"), problem.CodeUnsupportedFormat, "--convert-to xlsx"},
		{"random.xlsx", random, problem.CodeUnsupportedFormat, "--convert-to xlsx"},
		{"random.bin", random, problem.CodeUnsupportedFormat, "--convert-to xlsx"},
		{"sheet.ods", []byte("PK\x03\x04 not really"), problem.CodeUnsupportedFormat, "--convert-to xlsx sheet.ods"},
		{"sheet.numbers", random, problem.CodeUnsupportedFormat, "Numbers"},
		{"truncated.xlsx", data[:len(data)/2], problem.CodeUnreadableFile, ""},
		{"empty.xlsx", nil, problem.CodeUnreadableFile, "0 byte"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := testkit.WriteFile(t, dir, tc.name, tc.data)
			rets, probs := ReadFile(path, opts())
			if len(rets) != 0 {
				t.Errorf("got %d returns", len(rets))
			}
			p := testkit.WantProblem(t, probs, tc.code, "")
			if !strings.Contains(p.Message, tc.mentions) || p.File != path || p.Severity != problem.Error {
				t.Errorf("problem %+v; want the message to mention %q", p, tc.mentions)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		_, probs := ReadFile(filepath.Join(dir, "none.xlsx"), opts())
		testkit.WantProblem(t, probs, problem.CodeUnreadableFile, "")
	})
}

func TestReadNoDataSheet(t *testing.T) {
	dir := t.TempDir()
	path := testkit.NewBook(t).Sheet("Sheet1", [][]any{{"Danh sách"}, {"Tên", "Tuổi"}}).Save(dir, "khac.xlsx")
	_, probs := ReadFile(path, opts())
	testkit.WantProblem(t, probs, problem.CodeNoDataSheet, "")
}

func TestReadMissingCommuneColumn(t *testing.T) {
	dir := t.TempDir()
	path := testkit.NewBook(t).Sheet(template.DataSheetName, [][]any{{"Tiêu đề"}, {"STT", "Dân số", "Tổng số người nghiện", "Tụ điểm"}, {1, 100, 2, 0}}).Save(dir, "thieu.xlsx")
	rets, probs := ReadFile(path, opts())
	if len(rets) != 0 {
		t.Errorf("got %d returns", len(rets))
	}
	p := testkit.WantProblem(t, probs, problem.CodeMissingColumn, "A2")
	if p.Severity != problem.Error || p.Sheet != template.DataSheetName {
		t.Errorf("problem %+v", p)
	}
}

func TestReadMissingClassificationColumnAndDuplicateColumn(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, thị trấn", "Dân số", "Số dân", "Người nghiện có hồ sơ quản lý"}
	path := dataBook(t, "Huyện Cầu Kè", header, []any{"Hòa Ân", 100, 999, 1}).Save(dir, "cot.xlsx")
	rets, probs := ReadFile(path, opts())
	p := testkit.WantProblem(t, probs, problem.CodeDuplicateColumn, "C1")
	if !strings.Contains(p.Message, "Số dân") || !strings.Contains(p.Message, "B") {
		t.Errorf("message %q", p.Message)
	}
	if got := rowByCode(t, oneReturn(t, rets, probs), "29311").Figures["population"]; got != 100 {
		t.Errorf("population %v, want 100 from the first column", got)
	}
	var missing []string
	for _, p := range testkit.ProblemsWith(probs, problem.CodeMissingColumn) {
		if p.Severity != problem.Warning || !strings.Contains(p.Message, "phân loại") {
			t.Errorf("classification column problem %+v: want a warning saying it is needed for classification", p)
		}
		missing = append(missing, p.Message)
	}
	if len(missing) == 0 || !strings.Contains(strings.Join(missing, "\n"), "Tụ điểm") {
		t.Errorf("want a missing-column warning for hotspots, got:\n%s", testkit.Dump(probs))
	}
}

func TestReadCover(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, thị trấn", "Dân số"}
	t.Run("unknown kind and district", func(t *testing.T) {
		path := testkit.NewBook(t).Sheet("Thông tin", [][]any{
			{"Đơn vị báo cáo", "Huyện Cần Kè"},
			{"Loại báo cáo", "Tổng kết năm"},
			{"Ngày báo cáo", "ngày 31 tháng 02 năm 2025"},
		}).Sheet(template.DataSheetName, [][]any{header, {"Hòa Ân", 1}}).Save(dir, "bia.xlsx")
		_, probs := ReadFile(path, opts())
		p := testkit.WantProblem(t, probs, problem.CodeUnknownKind, "B2")
		if p.Severity != problem.Error || !strings.Contains(p.Message, "Rà soát") || p.Sheet != "Thông tin" {
			t.Errorf("problem %+v", p)
		}
		if p := testkit.WantProblem(t, probs, problem.CodeUnknownDistrict, "B1"); !strings.Contains(p.Message, "Huyện Cầu Kè") {
			t.Errorf("message %q should suggest Huyện Cầu Kè", p.Message)
		}
		testkit.WantProblem(t, probs, problem.CodeTypeError, "B3")
	})
	t.Run("missing kind and date", func(t *testing.T) {
		path := testkit.NewBook(t).Sheet("Thông tin", [][]any{{"Đơn vị báo cáo", "Huyện Cầu Kè"}, {"Loại báo cáo", nil}}).
			Sheet(template.DataSheetName, [][]any{header, {"Hòa Ân", 1}}).Save(dir, "thieu-bia.xlsx")
		rets, probs := ReadFile(path, opts())
		if ret := oneReturn(t, rets, probs); ret.District != testkit.HuyenCauKe || ret.Kind != "" {
			t.Errorf("return %+v", ret)
		}
		if p := testkit.WantProblem(t, probs, problem.CodeMissingMetadata, "B2"); p.Severity != problem.Warning {
			t.Errorf("missing kind must be a warning: %+v", p)
		}
		testkit.WantProblem(t, probs, problem.CodeMissingMetadata, "")
	})
	t.Run("date cells in a 1904 workbook, labels loose", func(t *testing.T) {
		b := testkit.NewBook(t)
		date1904 := true
		if err := b.F.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		b.Sheet("Bia", [][]any{
			{"1.", "Đơn vị báo cáo:", "Công an huyện Càng Long"},
			{"2.", "LOAI BAO CAO", "GĐ1"},
			{"3.", "Ngày báo cáo", 44246},
			{"4.", "Ngày nhận:", "2025-02-21"},
			{"5.", "Người lập: Trần Thị B"},
		}).Sheet(template.DataSheetName, [][]any{header, {"Mỹ Cẩm", 1}})
		rets, probs := ReadFile(b.Save(dir, "bia-1904.xlsx"), opts())
		ret := oneReturn(t, rets, probs)
		want := time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC)
		if !ret.ReportDate.Equal(want) || !ret.ReceivedDate.Equal(want.AddDate(0, 0, 1)) || ret.Kind != "phase1" || ret.Author != "Trần Thị B" {
			t.Errorf("cover read as kind %q, dates %v %v, author %q", ret.Kind, ret.ReportDate, ret.ReceivedDate, ret.Author)
		}
		if ret.CoverSheet != "Bia" || ret.CoverCells["report_date"] != "C3" {
			t.Errorf("cover sheet %q, cells %v", ret.CoverSheet, ret.CoverCells)
		}
		testkit.NoErrors(t, probs)
	})
}

func TestReadCSV(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, text string }{
		{"bom-semicolon.csv", "\ufeffHuyện;Xã, phường, thị trấn;Dân số;Diện tích (m²);Tuyến trọng điểm\n" +
			"Huyện Cầu Kè;Hòa Ân;1.234;0,5;Có\n" +
			"Huyện Cầu Kè;\"Châu Điền\";2 000;-;\n"},
		{"comma.csv", "district,commune,population,plant_area_m2,on_route\n" +
			"Huyen Cau Ke,Hoa An,1234,0.5,yes\n" +
			"Huyen Cau Ke,Chau Dien,2000,0,\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rets, probs := ReadFile(testkit.WriteFile(t, dir, tc.name, []byte(tc.text)), opts())
			testkit.NoErrors(t, probs)
			ret := oneReturn(t, rets, probs)
			if ret.Format != "csv" || ret.District != testkit.HuyenCauKe || ret.Sheet != "" {
				t.Errorf("return %+v", ret)
			}
			if f := rowByCode(t, ret, "29311").Figures; f["population"] != 1234 || f["plant_area_m2"] != 0.5 || f["on_route"] != 1 {
				t.Errorf("Hòa Ân figures %v", f)
			}
			r := rowByCode(t, ret, "29314")
			if r.Figures["population"] != 2000 || r.Figures["plant_area_m2"] != 0 || hasKey(r.Figures, "on_route") || r.Line != 3 {
				t.Errorf("Châu Điền row %+v", r)
			}
		})
	}
	t.Run("problem cells", func(t *testing.T) {
		_, probs := ReadFile(testkit.WriteFile(t, dir, "bad.csv", []byte("Tên xã;Dân số\nHòa Ân;12,5\n")), opts())
		testkit.WantProblem(t, probs, problem.CodeNotInteger, "B2")
	})
}

func TestReadFilesKeepsInputOrder(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, d := range []string{"Huyện Càng Long", "Huyện Cầu Kè", "Huyện Trà Cú", "Huyện Tiểu Cần"} {
		spec := template.ReturnSpec{District: d, Kind: "review", ReportDate: time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC)}
		for _, c := range testkit.TestPlan.Registry.InDistrict(d) {
			spec.Rows = append(spec.Rows, template.ReturnRow{Commune: c})
		}
		paths = append(paths, writeCanonical(t, dir, string(rune('a'+i))+".xlsx", spec))
		paths = append(paths, testkit.WriteFile(t, dir, string(rune('a'+i))+".xls", []byte("x")))
	}
	rets, probs := ReadFiles(paths, opts())
	var seq []*Return
	var seqProbs []problem.Problem
	for _, p := range paths {
		r, pr := ReadFile(p, opts())
		seq, seqProbs = append(seq, r...), append(seqProbs, pr...)
	}
	if !reflect.DeepEqual(rets, seq) || !reflect.DeepEqual(probs, seqProbs) {
		t.Errorf("ReadFiles differs from reading one by one:\n%v\n%v", districtsOf(rets), districtsOf(seq))
	}
	if len(rets) != 4 || rets[2].District != testkit.HuyenTraCu || len(testkit.ProblemsWith(probs, problem.CodeUnsupportedFormat)) != 4 {
		t.Errorf("returns %v, problems:\n%s", districtsOf(rets), testkit.Dump(probs))
	}
}
