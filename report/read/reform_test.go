package read

import (
	"strings"
	"testing"
	"time"

	"drugfree/criteria"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/template"
)

// Issue 15: each return is read against the registry in force on its date (SPEC §9): its
// report date, else its received date, else the as-of day.

func laterCommune(t *testing.T, code string) criteria.Commune {
	t.Helper()
	c, ok := testkit.TestPlan.Reform.Registry.ByCode(code)
	if !ok {
		t.Fatalf("no commune %s in the reform's registry", code)
	}
	return c
}

// A return dated before the reform naming an old unit, and one dated after naming a new
// unit with the same code, are both read right: 29242 is Phường 3 of the city in February
// and phường Trà Vinh in December, and the December one says what the code was before.
func TestTheSameCodeBeforeAndAfterTheReform(t *testing.T) {
	p := testkit.TestPlan
	dir := t.TempDir()
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }

	var before template.ReturnSpec
	before.District, before.Kind, before.ReportDate = testkit.TpTraVinh, "review", day(2, 20)
	for _, c := range p.Registry.InDistrict(testkit.TpTraVinh) {
		before.Rows = append(before.Rows, template.ReturnRow{Commune: c, Figures: map[string]float64{"population": 1000}})
	}
	rets, probs := ReadFile(writeCanonical(t, dir, "review.xlsx", before), opts())
	testkit.NoErrors(t, probs)
	old := oneReturn(t, rets, probs)
	if old.Registry != &p.Registry || old.District != testkit.TpTraVinh {
		t.Fatalf("February return read against %v as %q", old.Registry.Effective, old.District)
	}
	if c := rowByCode(t, old, "29242").Commune; c.Name != "Phường 3" || c.District != testkit.TpTraVinh {
		t.Errorf("29242 in February is %s (%s), want Phường 3 of the city", c.FullName(), c.District)
	}
	if n := len(testkit.ProblemsWith(probs, problem.CodeRegistryDate)); n != 0 {
		t.Errorf("a return dated before the reform means the units of its day: %d registry-date warnings\n%s", n, testkit.Dump(probs))
	}

	after := template.ReturnSpec{District: "Phường Trà Vinh", Kind: "phase3", ReportDate: day(12, 12),
		Rows: []template.ReturnRow{{Commune: laterCommune(t, "29242"), Figures: map[string]float64{"population": 52000}}}}
	rets, probs = ReadFile(writeCanonical(t, dir, "phase3.xlsx", after), opts())
	testkit.NoErrors(t, probs)
	now := oneReturn(t, rets, probs)
	if now.Registry != &p.Reform.Registry || now.District != "Phường Trà Vinh" {
		t.Fatalf("December return read against %v as %q", now.Registry.Effective, now.District)
	}
	if c := rowByCode(t, now, "29242").Commune; c.Name != "Trà Vinh" || c.Type != "phường" || c.District != "" {
		t.Errorf("29242 in December is %s (%q), want phường Trà Vinh, no district", c.FullName(), c.District)
	}
	w := testkit.WantProblem(t, probs, problem.CodeRegistryDate, "A2") // a commune's return has no district column
	for _, want := range []string{"29242", "01/07/2025", "ngày báo cáo 12/12/2025", "Phường Trà Vinh", "Phường 3 (Thành phố Trà Vinh)"} {
		if !strings.Contains(w.Message, want) {
			t.Errorf("the warning %q does not say %q", w.Message, want)
		}
	}
}

// "Cầu Kè" is a district before the reform and a xã after it: the date decides, and after
// the reform a warning says what the name was.
func TestTheSameNameBeforeAndAfterTheReform(t *testing.T) {
	p := testkit.TestPlan
	dir := t.TempDir()
	write := func(name, date string, rows [][]any) string {
		return testkit.NewBook(t).
			Sheet("Thông tin", testkit.Cover("Cầu Kè", "Giai đoạn 1", date)).
			Sheet("Số liệu", append([][]any{{"Xã, phường, thị trấn", "Dân số"}}, rows...)).
			Save(dir, name)
	}
	var all [][]any
	for _, c := range p.Registry.InDistrict(testkit.HuyenCauKe) {
		all = append(all, []any{c.FullName(), 1000})
	}
	rets, probs := ReadFile(write("cau-ke-4.xlsx", "25/04/2025", all), opts())
	testkit.NoErrors(t, probs)
	if r := oneReturn(t, rets, probs); r.District != testkit.HuyenCauKe || len(r.Rows) != 11 {
		t.Errorf("in April “Cầu Kè” is %q with %d communes, want Huyện Cầu Kè with 11", r.District, len(r.Rows))
	}

	rets, probs = ReadFile(write("cau-ke-12.xlsx", "12/12/2025", [][]any{{"Cầu Kè", 41000}}), opts())
	testkit.NoErrors(t, probs)
	r := oneReturn(t, rets, probs)
	if r.District != "Xã Cầu Kè" || len(r.Rows) != 1 || r.Rows[0].Commune.Code != "29308" || r.Registry != &p.Reform.Registry {
		t.Fatalf("in December “Cầu Kè” is %q with %v", r.District, r.Rows)
	}
	w := testkit.WantProblem(t, probs, problem.CodeRegistryDate, "B1")
	if !strings.Contains(w.Message, "Xã Cầu Kè") || !strings.Contains(w.Message, "Huyện Cầu Kè") {
		t.Errorf("the warning %q does not name both units", w.Message)
	}
}

// A district's return dated after the reform names units that no longer exist: the
// district is not a unit of the registry in force, its communes are former units, and the
// messages say when and into what they were merged.
func TestADistrictReturnAfterTheReform(t *testing.T) {
	dir := t.TempDir()
	path := testkit.NewBook(t).
		Sheet("Thông tin", testkit.Cover("Huyện Càng Long", "Giai đoạn 3", "10/12/2025")).
		Sheet("Số liệu", [][]any{{"Xã, phường, thị trấn", "Dân số"}, {"Xã Mỹ Cẩm", 1000}, {"Thị trấn Càng Long", 9000}, {"Xã Phương Thạnh", 3000}}).
		Save(dir, "cang-long.xlsx")
	_, probs := ReadFile(path, opts())
	d := testkit.WantProblem(t, probs, problem.CodeUnknownDistrict, "B1")
	for _, want := range []string{"Huyện Càng Long", "01/01/2025", "ngày báo cáo 10/12/2025", "01/07/2025", "mỗi xã, phường tự gửi"} {
		if !strings.Contains(d.Message, want) {
			t.Errorf("%q does not say %q", d.Message, want)
		}
	}
	m := testkit.WantProblem(t, probs, problem.CodeUnknownCommune, "A2")
	if !strings.Contains(m.Message, "Xã Càng Long") || !strings.Contains(m.Message, "01/07/2025") {
		t.Errorf("Mỹ Cẩm: %q does not say it went into xã Càng Long on 01/07/2025", m.Message)
	}
	// "Phương Thạnh" is a xã whose first word looks like "phường"
	if m := testkit.WantProblem(t, probs, problem.CodeUnknownCommune, "A4"); !strings.Contains(m.Message, "Xã Bình Phú") {
		t.Errorf("Phương Thạnh: %q does not say it went into xã Bình Phú", m.Message)
	}
}

// A district column after the reform names no unit: each row says so, and why, without
// communes' names to suggest for a district's.
func TestADistrictColumnAfterTheReform(t *testing.T) {
	path := testkit.NewBook(t).
		Sheet("Thông tin", testkit.Cover("", "Giai đoạn 3", "10/12/2025")).
		Sheet("Số liệu", [][]any{{"Huyện, thị xã, thành phố", "Xã, phường, thị trấn", "Dân số"}, {"Thành phố Trà Vinh", "Phường Trà Vinh", 1000}}).
		Save(t.TempDir(), "d.xlsx")
	_, probs := ReadFile(path, opts())
	d := testkit.WantProblem(t, probs, problem.CodeUnknownDistrict, "A2")
	if !strings.Contains(d.Message, "mỗi xã, phường tự gửi") || strings.Contains(d.Message, "Có phải") {
		t.Errorf("%q", d.Message)
	}
}

// A return dated before the reform naming a commune formed by it: unknown, and the message
// says it is a unit of the later registry.
func TestANewCommuneBeforeTheReform(t *testing.T) {
	dir := t.TempDir()
	path := testkit.NewBook(t).
		Sheet("Thông tin", testkit.Cover("Thành phố Trà Vinh", "Rà soát", "20/02/2025")).
		Sheet("Số liệu", [][]any{{"Xã, phường, thị trấn", "Dân số"}, {"Phường Trà Vinh", 1000}}).
		Save(dir, "tp.xlsx")
	_, probs := ReadFile(path, opts())
	m := testkit.WantProblem(t, probs, problem.CodeUnknownCommune, "A2")
	if !strings.Contains(m.Message, "Phường Trà Vinh (mã 29242)") || !strings.Contains(m.Message, "01/07/2025") {
		t.Errorf("%q does not say Phường Trà Vinh is a unit from 01/07/2025", m.Message)
	}
}

// The date that chooses: the report date, else the received date, else the as-of day.
func TestWhichDateChoosesTheRegistry(t *testing.T) {
	p := testkit.TestPlan
	dir := t.TempDir()
	tests := []struct {
		name            string
		report, receipt string
		asOf            time.Time
		later           bool
	}{
		{"the report date, before", "30/06/2025", "02/07/2025", time.Time{}, false},
		{"the report date, after", "01/07/2025", "", time.Time{}, true},
		{"no report date: the received date", "", "03/07/2025", time.Time{}, true},
		{"undated: the as-of day, after", "", "", time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), true},
		{"undated: the as-of day, before", "", "", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cover := [][]any{{"Loại báo cáo", "Giai đoạn 2"}, {"Ngày báo cáo", tt.report}, {"Ngày nhận", tt.receipt}}
			path := testkit.NewBook(t).Sheet("Thông tin", cover).
				Sheet("Số liệu", [][]any{{"Xã, phường, thị trấn", "Mã đơn vị", "Dân số"}, {"Long Hòa", "29413", 9000}}).
				Save(dir, strings.ReplaceAll(tt.name, " ", "-")+".xlsx")
			o := opts()
			o.AsOf = tt.asOf
			rets, probs := ReadFile(path, o)
			testkit.NoErrors(t, probs)
			r := oneReturn(t, rets, probs)
			if p.Later(r.Registry) != tt.later {
				t.Errorf("read against the reform's registry: %v, want %v", p.Later(r.Registry), tt.later)
			}
			// Long Hòa was not merged: one commune either way, of its district before
			want := "Huyện Châu Thành"
			if tt.later {
				want = "Xã Long Hòa"
			}
			if r.District != want {
				t.Errorf("the return is %q's, want %q's", r.District, want)
			}
		})
	}
}

// The resolution writes "Hoá", "Hoà"; the GSO list "Hóa", "Hòa": both name the commune,
// and a commune of the new province formed from another province's communes is not one of
// the plan's.
func TestNewNamesAndCommunesOutsideThePlan(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		written, code string
	}{
		{"Phường Nguyệt Hoá", "29254"}, {"Phường Nguyệt Hóa", "29254"}, {"P. Nguyet Hoa", "29254"},
		{"Hoà Thuận", "29398"}, {"Phường Hòa Thuận", "29398"}, {"Xã Tân Hoà", "29371"}, {"Tân Hòa", "29371"},
		{"Trường Long Hòa", "29516"}, {"xa hung hoa", "29362"},
	}
	for _, c := range cases {
		t.Run(c.written, func(t *testing.T) {
			path := testkit.NewBook(t).
				Sheet("Thông tin", testkit.Cover("", "Giai đoạn 3", "12/12/2025")).
				Sheet("Số liệu", [][]any{{"Xã, phường, thị trấn", "Dân số"}, {c.written, 9000}}).
				Save(dir, "n.xlsx")
			rets, probs := ReadFile(path, opts())
			testkit.NoErrors(t, probs)
			r := oneReturn(t, rets, probs)
			if len(r.Rows) != 1 || r.Rows[0].Commune.Code != c.code {
				t.Errorf("%q read as %v, want %s", c.written, r.Rows, c.code)
			}
		})
	}
	// Lương Hòa went into Song Lộc; the xã Lương Hòa of the new province was formed from
	// Bến Tre's communes.
	t.Run("Lương Hòa in Song Lộc's return is the former unit", func(t *testing.T) {
		path := testkit.NewBook(t).
			Sheet("Thông tin", testkit.Cover("Xã Song Lộc", "Giai đoạn 3", "12/12/2025")).
			Sheet("Số liệu", [][]any{{"Xã, phường, thị trấn", "Dân số"}, {"Xã Lương Hòa", 9000}}).
			Save(dir, "lh.xlsx")
		_, probs := ReadFile(path, opts())
		m := testkit.WantProblem(t, probs, problem.CodeUnknownCommune, "A2")
		if !strings.Contains(m.Message, "Xã Lương Hòa (Huyện Châu Thành)") || !strings.Contains(m.Message, "Xã Song Lộc") {
			t.Errorf("%q does not say Lương Hòa went into Song Lộc", m.Message)
		}
	})
	t.Run("Lương Hòa alone after the reform is not one of the plan's", func(t *testing.T) {
		path := testkit.NewBook(t).
			Sheet("Thông tin", testkit.Cover("", "Giai đoạn 3", "12/12/2025")).
			Sheet("Số liệu", [][]any{{"Xã, phường, thị trấn", "Dân số"}, {"Xã Lương Hòa", 9000}}).
			Save(dir, "lh2.xlsx")
		_, probs := ReadFile(path, opts())
		m := testkit.WantProblem(t, probs, problem.CodeUnknownCommune, "A2")
		for _, want := range []string{"28987", "Bến Tre", "Xã Lương Hòa (Huyện Châu Thành) (mã 29389)"} {
			if !strings.Contains(m.Message, want) {
				t.Errorf("%q does not say %q", m.Message, want)
			}
		}
	})
}

// Since the reform each commune reports for itself: an official document from "UBND XÃ CẦU
// KÈ" dated December is xã Cầu Kè's.
func TestOfficialCommuneAfterTheReform(t *testing.T) {
	rows := [][]any{
		{"UBND XÃ CẦU KÈ", nil, nil, nil, nil, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"CÔNG AN XÃ CẦU KÈ", nil, nil, nil, nil, "Độc lập - Tự do - Hạnh phúc"},
		{"Số: 96/BC-CAX", nil, nil, nil, nil, "Cầu Kè, ngày 12 tháng 12 năm 2025"},
		{},
		{"BÁO CÁO"},
		{"Sơ kết công tác xây dựng xã không ma túy năm 2025"},
		{"STT", "Đơn vị", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"},
		{1, "Xã Cầu Kè", 31000, 15, 15},
		{},
		{nil, "NGƯỜI LẬP BIỂU", nil, nil, "TRƯỞNG CÔNG AN XÃ"},
	}
	rets, probs := ReadFile(testkit.NewBook(t).Sheet("Sheet1", rows).Save(t.TempDir(), "bc.xlsx"), opts())
	testkit.NoErrors(t, probs)
	r := oneReturn(t, rets, probs)
	if r.District != "Xã Cầu Kè" || r.Kind != "phase3" || len(r.Rows) != 1 || r.Rows[0].Commune.Code != "29308" || !testkit.TestPlan.Later(r.Registry) {
		t.Errorf("read as %q %q %v", r.District, r.Kind, r.Rows)
	}
	for _, p := range probs {
		if p.Code == problem.CodeMissingMetadata || p.Code == problem.CodeWrongDistrict {
			t.Errorf("unexpected %s: %s", p.Code, p.Message)
		}
	}
}
