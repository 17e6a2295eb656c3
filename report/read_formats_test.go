package report

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestReadPasswordProtected(t *testing.T) {
	dir := t.TempDir()
	const password = "bí-mật-42"
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 5000, 20, 10}).
		save(dir, "khoa.xlsx", excelize.Options{Password: password})

	t.Run("without password", func(t *testing.T) {
		rets, probs := ReadFile(path, opts())
		if len(rets) != 0 {
			t.Errorf("got %d returns from a locked file", len(rets))
		}
		wantProblem(t, probs, CodePasswordRequired, "")
	})
	t.Run("wrong password", func(t *testing.T) {
		const wrong = "nham-mat-khau-7"
		_, probs := ReadFile(path, ReadOptions{Plan: testPlan, Password: wrong})
		p := wantProblem(t, probs, CodePasswordRequired, "")
		if !strings.Contains(p.Message, "mật khẩu sai") || strings.Contains(p.Message, wrong) {
			t.Errorf("message %q: want it to say the password is wrong, without the password", p.Message)
		}
	})
	t.Run("with password", func(t *testing.T) {
		rets, probs := ReadFile(path, ReadOptions{Plan: testPlan, Password: password})
		noErrors(t, probs)
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
	path := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 1}).save(dir, "khoa.xlsx", excelize.Options{Password: "x"})
	const wrong = "mat-khau-nham-123"
	_, probs := ReadFile(path, ReadOptions{Plan: testPlan, Password: wrong, Lang: "en"})
	p := wantProblem(t, probs, CodePasswordRequired, "")
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
	good := dataBook(t, "Huyện Cầu Kè", shortHeader, []any{"Hòa Ân", 1}).save(dir, "good.xlsx")
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
		{"old.xls", cfb, CodeUnsupportedFormat, "libreoffice --headless --convert-to xlsx old.xls"},
		{"html-export.xls", []byte("<html><table><tr><td>Xã</td></tr></table></html>"), CodeUnsupportedFormat, "--convert-to xlsx"},
		{"random.xlsx", random, CodeUnsupportedFormat, "--convert-to xlsx"},
		{"random.bin", random, CodeUnsupportedFormat, "--convert-to xlsx"},
		{"sheet.ods", []byte("PK\x03\x04 not really"), CodeUnsupportedFormat, "--convert-to xlsx sheet.ods"},
		{"sheet.numbers", random, CodeUnsupportedFormat, "Numbers"},
		{"truncated.xlsx", data[:len(data)/2], CodeUnreadableFile, ""},
		{"empty.xlsx", nil, CodeUnsupportedFormat, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, dir, tc.name, tc.data)
			rets, probs := ReadFile(path, opts())
			if len(rets) != 0 {
				t.Errorf("got %d returns", len(rets))
			}
			p := wantProblem(t, probs, tc.code, "")
			if !strings.Contains(p.Message, tc.mentions) || p.File != path || p.Severity != Error {
				t.Errorf("problem %+v; want the message to mention %q", p, tc.mentions)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		_, probs := ReadFile(filepath.Join(dir, "none.xlsx"), opts())
		wantProblem(t, probs, CodeUnreadableFile, "")
	})
}

func TestReadNoDataSheet(t *testing.T) {
	dir := t.TempDir()
	path := newBook(t).sheet("Sheet1", [][]any{{"Danh sách"}, {"Tên", "Tuổi"}}).save(dir, "khac.xlsx")
	_, probs := ReadFile(path, opts())
	wantProblem(t, probs, CodeNoDataSheet, "")
}

func TestReadMissingCommuneColumn(t *testing.T) {
	dir := t.TempDir()
	path := newBook(t).sheet(DataSheetName, [][]any{{"Tiêu đề"}, {"STT", "Dân số", "Tổng số người nghiện", "Tụ điểm"}, {1, 100, 2, 0}}).save(dir, "thieu.xlsx")
	rets, probs := ReadFile(path, opts())
	if len(rets) != 0 {
		t.Errorf("got %d returns", len(rets))
	}
	p := wantProblem(t, probs, CodeMissingColumn, "A2")
	if p.Severity != Error || p.Sheet != DataSheetName {
		t.Errorf("problem %+v", p)
	}
}

func TestReadMissingClassificationColumnAndDuplicateColumn(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, thị trấn", "Dân số", "Số dân", "Người nghiện có hồ sơ quản lý"}
	path := dataBook(t, "Huyện Cầu Kè", header, []any{"Hòa Ân", 100, 999, 1}).save(dir, "cot.xlsx")
	rets, probs := ReadFile(path, opts())
	p := wantProblem(t, probs, CodeDuplicateColumn, "C1")
	if !strings.Contains(p.Message, "Số dân") || !strings.Contains(p.Message, "B") {
		t.Errorf("message %q", p.Message)
	}
	if got := rowByCode(t, oneReturn(t, rets, probs), "29311").Figures["population"]; got != 100 {
		t.Errorf("population %v, want 100 from the first column", got)
	}
	var missing []string
	for _, p := range problemsWith(probs, CodeMissingColumn) {
		if p.Severity != Warning || !strings.Contains(p.Message, "phân loại") {
			t.Errorf("classification column problem %+v: want a warning saying it is needed for classification", p)
		}
		missing = append(missing, p.Message)
	}
	if len(missing) == 0 || !strings.Contains(strings.Join(missing, "\n"), "Tụ điểm") {
		t.Errorf("want a missing-column warning for hotspots, got:\n%s", dump(probs))
	}
}

func TestReadCover(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, thị trấn", "Dân số"}
	t.Run("unknown kind and district", func(t *testing.T) {
		path := newBook(t).sheet("Thông tin", [][]any{
			{"Đơn vị báo cáo", "Huyện Cần Kè"},
			{"Loại báo cáo", "Tổng kết năm"},
			{"Ngày báo cáo", "ngày 31 tháng 02 năm 2025"},
		}).sheet(DataSheetName, [][]any{header, {"Hòa Ân", 1}}).save(dir, "bia.xlsx")
		_, probs := ReadFile(path, opts())
		p := wantProblem(t, probs, CodeUnknownKind, "B2")
		if p.Severity != Error || !strings.Contains(p.Message, "Rà soát") || p.Sheet != "Thông tin" {
			t.Errorf("problem %+v", p)
		}
		if p := wantProblem(t, probs, CodeUnknownDistrict, "B1"); !strings.Contains(p.Message, "Huyện Cầu Kè") {
			t.Errorf("message %q should suggest Huyện Cầu Kè", p.Message)
		}
		wantProblem(t, probs, CodeTypeError, "B3")
	})
	t.Run("missing kind and date", func(t *testing.T) {
		path := newBook(t).sheet("Thông tin", [][]any{{"Đơn vị báo cáo", "Huyện Cầu Kè"}, {"Loại báo cáo", nil}}).
			sheet(DataSheetName, [][]any{header, {"Hòa Ân", 1}}).save(dir, "thieu-bia.xlsx")
		rets, probs := ReadFile(path, opts())
		if ret := oneReturn(t, rets, probs); ret.District != huyenCauKe || ret.Kind != "" {
			t.Errorf("return %+v", ret)
		}
		if p := wantProblem(t, probs, CodeMissingMetadata, "B2"); p.Severity != Warning {
			t.Errorf("missing kind must be a warning: %+v", p)
		}
		wantProblem(t, probs, CodeMissingMetadata, "")
	})
	t.Run("date cells in a 1904 workbook, labels loose", func(t *testing.T) {
		b := newBook(t)
		date1904 := true
		if err := b.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		b.sheet("Bia", [][]any{
			{"1.", "Đơn vị báo cáo:", "Công an huyện Càng Long"},
			{"2.", "LOAI BAO CAO", "GĐ1"},
			{"3.", "Ngày báo cáo", 44246},
			{"4.", "Ngày nhận:", "2025-02-21"},
			{"5.", "Người lập: Trần Thị B"},
		}).sheet(DataSheetName, [][]any{header, {"Mỹ Cẩm", 1}})
		rets, probs := ReadFile(b.save(dir, "bia-1904.xlsx"), opts())
		ret := oneReturn(t, rets, probs)
		want := time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC)
		if !ret.ReportDate.Equal(want) || !ret.ReceivedDate.Equal(want.AddDate(0, 0, 1)) || ret.Kind != "phase1" || ret.Author != "Trần Thị B" {
			t.Errorf("cover read as kind %q, dates %v %v, author %q", ret.Kind, ret.ReportDate, ret.ReceivedDate, ret.Author)
		}
		if ret.CoverSheet != "Bia" || ret.CoverCells["report_date"] != "C3" {
			t.Errorf("cover sheet %q, cells %v", ret.CoverSheet, ret.CoverCells)
		}
		noErrors(t, probs)
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
			rets, probs := ReadFile(writeFile(t, dir, tc.name, []byte(tc.text)), opts())
			noErrors(t, probs)
			ret := oneReturn(t, rets, probs)
			if ret.Format != "csv" || ret.District != huyenCauKe || ret.Sheet != "" {
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
		_, probs := ReadFile(writeFile(t, dir, "bad.csv", []byte("Tên xã;Dân số\nHòa Ân;12,5\n")), opts())
		wantProblem(t, probs, CodeNotInteger, "B2")
	})
}

func TestReadFilesKeepsInputOrder(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, d := range []string{"Huyện Càng Long", "Huyện Cầu Kè", "Huyện Trà Cú", "Huyện Tiểu Cần"} {
		spec := ReturnSpec{District: d, Kind: "review", ReportDate: time.Date(2025, 2, 20, 0, 0, 0, 0, time.UTC)}
		for _, c := range testPlan.Registry.InDistrict(d) {
			spec.Rows = append(spec.Rows, ReturnRow{Commune: c})
		}
		paths = append(paths, writeCanonical(t, dir, string(rune('a'+i))+".xlsx", spec))
		paths = append(paths, writeFile(t, dir, string(rune('a'+i))+".xls", []byte("x")))
	}
	rets, probs := ReadFiles(paths, opts())
	var seq []*Return
	var seqProbs []Problem
	for _, p := range paths {
		r, pr := ReadFile(p, opts())
		seq, seqProbs = append(seq, r...), append(seqProbs, pr...)
	}
	if !reflect.DeepEqual(rets, seq) || !reflect.DeepEqual(probs, seqProbs) {
		t.Errorf("ReadFiles differs from reading one by one:\n%v\n%v", districtsOf(rets), districtsOf(seq))
	}
	if len(rets) != 4 || rets[2].District != huyenTraCu || len(problemsWith(probs, CodeUnsupportedFormat)) != 4 {
		t.Errorf("returns %v, problems:\n%s", districtsOf(rets), dump(probs))
	}
}
