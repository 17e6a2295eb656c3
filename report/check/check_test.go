package check

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/template"
)

// canonicalColumns maps each field to its column in the layout WriteReturn writes.
func handColumns(t *testing.T, p *criteria.Plan) map[string]string {
	t.Helper()
	cols := map[string]string{}
	for i, f := range p.Fields {
		c, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			t.Fatal(err)
		}
		cols[f.Key] = c
	}
	return cols
}

func registryCommune(t *testing.T, p *criteria.Plan, district, name string) criteria.Commune {
	t.Helper()
	for _, c := range p.Registry.InDistrict(district) {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no commune %s in %s", name, district)
	return criteria.Commune{}
}

// consistent is a row that breaks no rule.
func consistentFigures() classify.Figures {
	return classify.Figures{
		"population": 8000, "addicts_total": 10, "addicts_managed": 10, "addicts_in_treatment": 9,
		"users": 4, "users_managed": 4, "post_rehab": 3, "post_rehab_managed": 3,
		"grounds_of_use": 5, "grounds_tested": 5, "households": 2000, "households_committed": 1990,
		"hamlets": 6, "hamlets_hotline": 6, "offenders": 2,
	}
}

func TestCheckConsistencyEachRule(t *testing.T) {
	p := criteria.Default()
	c := registryCommune(t, p, "Thành phố Trà Vinh", "Long Đức")
	tests := []struct {
		rule   string
		change classify.Figures
		cell   string
		vi, en string // the message, when checked word for word
	}{
		{"managed-le-total", classify.Figures{"addicts_managed": 12}, "G7",
			"G7 = 12 người nghiện có hồ sơ quản lý > F7 = 10 tổng số người nghiện (quy tắc managed-le-total)",
			"G7 = 12 managed addicts > F7 = 10 total addicts (rule managed-le-total)"},
		{"treatment-le-total", classify.Figures{"addicts_in_treatment": 11}, "Q7", "", ""},
		{"users-managed-le-users", classify.Figures{"users_managed": 5}, "R7", "", ""},
		{"post-rehab-managed-le-post-rehab", classify.Figures{"post_rehab_managed": 4}, "T7", "", ""},
		{"grounds-tested-le-grounds", classify.Figures{"grounds_tested": 6}, "AF7", "", ""},
		{"households-committed-le-households", classify.Figures{"households_committed": 2001}, "W7",
			"W7 = 2.001 số hộ ký cam kết > V7 = 2.000 số hộ gia đình (quy tắc households-committed-le-households)", ""},
		{"hamlets-hotline-le-hamlets", classify.Figures{"hamlets_hotline": 7}, "Y7", "", ""},
		{"offenders-le-population", classify.Figures{"offenders": 9000}, "L7", "", ""},
		{"population-positive", classify.Figures{"population": 0, "offenders": 0}, "E7",
			"E7 = 0 dân số, phải > 0 (quy tắc population-positive)",
			"E7 = 0 population, must be > 0 (rule population-positive)"},
	}
	if len(tests) != len(p.Consistency) {
		t.Fatalf("%d rules tested, the plan has %d", len(tests), len(p.Consistency))
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			fig := consistentFigures()
			for k, v := range tt.change {
				fig[k] = v
			}
			r := &read.Return{File: "tv.xlsx", Sheet: template.DataSheetName, District: c.District, Kind: "phase1",
				Columns: handColumns(t, p), Rows: []read.Row{{Commune: c, Name: c.Name, Figures: fig, Line: 7}}}
			got := CheckConsistency(p, r, i18n.Vi)
			if len(got) != 1 {
				t.Fatalf("got %d problems, want 1: %+v", len(got), got)
			}
			pr := got[0]
			want := problem.Problem{Severity: problem.Error, Code: problem.CodeInconsistent, Rule: tt.rule, File: "tv.xlsx", Sheet: template.DataSheetName,
				Cell: tt.cell, District: "Thành phố Trà Vinh", Commune: "Xã Long Đức", Message: pr.Message}
			if !reflect.DeepEqual(pr, want) {
				t.Errorf("got  %+v\nwant %+v", pr, want)
			}
			if tt.vi != "" && pr.Message != tt.vi {
				t.Errorf("message %q\nwant    %q", pr.Message, tt.vi)
			}
			if !strings.HasPrefix(pr.Message, tt.cell+" = ") || !strings.Contains(pr.Message, tt.rule) {
				t.Errorf("message %q does not name the cell %s and the rule", pr.Message, tt.cell)
			}
			if tt.en != "" {
				if en := CheckConsistency(p, r, i18n.En)[0].Message; en != tt.en {
					t.Errorf("message %q\nwant    %q", en, tt.en)
				}
			}
		})
	}
}

func TestCheckConsistencySkipsBlanks(t *testing.T) {
	p := criteria.Default()
	c := registryCommune(t, p, "Huyện Càng Long", "Mỹ Cẩm")
	r := &read.Return{File: "cl.xlsx", District: c.District, Columns: handColumns(t, p), Rows: []read.Row{
		{Commune: c, Line: 2, Figures: classify.Figures{"addicts_managed": 12}},               // total blank
		{Commune: c, Line: 3, Figures: classify.Figures{"addicts_total": 3}},                  // managed blank
		{Commune: c, Line: 4, Figures: classify.Figures{"offenders": 5}},                      // population blank
		{Commune: c, Line: 5, Figures: classify.Figures{"households_committed": 1, "x": 100}}, // households blank
		{Commune: c, Line: 6, Figures: consistentFigures()},
	}}
	if got := CheckConsistency(p, r, i18n.Vi); len(got) != 0 {
		t.Errorf("blank figures broke rules: %+v", got)
	}
}

func TestCheckConsistencyWithoutColumns(t *testing.T) {
	p := criteria.Default()
	c := registryCommune(t, p, "Huyện Càng Long", "Mỹ Cẩm")
	r := &read.Return{File: "cl.csv", District: c.District, Rows: []read.Row{{Commune: c, Line: 3, Figures: classify.Figures{"users": 1, "users_managed": 2}}}}
	got := CheckConsistency(p, r, i18n.En)
	if len(got) != 1 || got[0].Cell != "" || got[0].Message != "2 managed users > 1 illegal users (rule users-managed-le-users)" {
		t.Errorf("got %+v", got)
	}
}

// The cells the problems name are the cells WriteReturn puts the figures in.
func TestCheckConsistencyCellsMatchTheWorkbook(t *testing.T) {
	p := criteria.Default()
	communes := p.Registry.InDistrict("Huyện Cầu Kè")[:3]
	spec := template.ReturnSpec{District: "Huyện Cầu Kè", Kind: "phase1"}
	bad := consistentFigures()
	bad["addicts_managed"], bad["hamlets_hotline"] = 13, 8
	for i, c := range communes {
		fig := consistentFigures()
		if i == 1 {
			fig = bad
		}
		spec.Rows = append(spec.Rows, template.ReturnRow{Commune: c, Figures: fig})
	}
	var buf bytes.Buffer
	if err := template.WriteReturn(&buf, p, spec); err != nil {
		t.Fatal(err)
	}
	r := &read.Return{File: "ck.xlsx", Sheet: template.DataSheetName, District: "Huyện Cầu Kè", Kind: "phase1", Columns: handColumns(t, p)}
	for i, rr := range spec.Rows {
		r.Rows = append(r.Rows, read.Row{Commune: rr.Commune, Figures: rr.Figures, Line: i + 2})
	}
	got := CheckConsistency(p, r, i18n.Vi)
	if len(got) != 2 {
		t.Fatalf("got %d problems, want 2: %+v", len(got), got)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, pr := range got {
		v, err := f.GetCellValue(template.DataSheetName, pr.Cell)
		if err != nil {
			t.Fatal(err)
		}
		// The message starts "CELL = VALUE ...": the workbook holds that value there.
		if !strings.HasPrefix(pr.Message, pr.Cell+" = "+v+" ") {
			t.Errorf("%s holds %q; message %q", pr.Cell, v, pr.Message)
		}
		if pr.Commune != communes[1].FullName() {
			t.Errorf("commune %q, want %q", pr.Commune, communes[1].FullName())
		}
	}
	if got[0].Rule != "managed-le-total" || got[1].Rule != "hamlets-hotline-le-hamlets" {
		t.Errorf("rules %s, %s", got[0].Rule, got[1].Rule)
	}
	// Both cells of the message hold the figures it names.
	total, _ := f.GetCellValue(template.DataSheetName, r.Cell("addicts_total", 3))
	if !strings.Contains(got[0].Message, r.Cell("addicts_total", 3)+" = "+total+" ") {
		t.Errorf("message %q does not name the total's cell with %s", got[0].Message, total)
	}
}

// CheckCompleteness is CheckCompletenessOf with the communes of r's district.
func CheckCompleteness(p *criteria.Plan, r *read.Return, lang i18n.Lang) []problem.Problem {
	return CheckCompletenessOf(p, r, p.Registry.InDistrict(r.District), lang)
}

func TestCheckCompleteness(t *testing.T) {
	p := criteria.Default()
	const tv = "Thành phố Trà Vinh"
	all := p.Registry.InDistrict(tv)
	if len(all) != 8 {
		t.Fatalf("%s has %d communes, want 8", tv, len(all))
	}
	var rows []read.Row
	for i, c := range all {
		if c.Name == "Phường 3" || c.Name == "Long Đức" {
			continue
		}
		rows = append(rows, read.Row{Commune: c, Line: i + 2})
	}
	// A row of another district does not stand in for a missing commune.
	rows = append(rows, read.Row{Commune: registryCommune(t, p, "Thị xã Duyên Hải", "Phường 1"), Line: 20})

	r := &read.Return{File: "tv.xlsx", Sheet: template.DataSheetName, District: tv, Kind: "phase1", Rows: rows}
	got := CheckCompleteness(p, r, i18n.Vi)
	want := []problem.Problem{
		{Severity: problem.Error, Code: problem.CodeMissingCommune, File: "tv.xlsx", Sheet: template.DataSheetName, District: tv, Commune: "Phường 3",
			Message: "Thiếu Phường 3 (mã 29242): báo cáo của Thành phố Trà Vinh phải có đủ 8 xã, phường, thị trấn; mới có 6."},
		{Severity: problem.Error, Code: problem.CodeMissingCommune, File: "tv.xlsx", Sheet: template.DataSheetName, District: tv, Commune: "Xã Long Đức",
			Message: "Thiếu Xã Long Đức (mã 29263): báo cáo của Thành phố Trà Vinh phải có đủ 8 xã, phường, thị trấn; mới có 6."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	en := CheckCompleteness(p, r, i18n.En)
	if len(en) != 2 || en[0].Message != "Phường 3 (code 29242) is missing: the return of Thành phố Trà Vinh must list all 8 communes; it lists 6." {
		t.Errorf("en: %+v", en)
	}

	for _, tt := range []struct {
		name, district, kind string
		want                 int
	}{
		{"unknown kind is checked", tv, "", 2},
		{"a kind not in the calendar is checked", tv, "monthly", 2},
		{"the plan (not data) is not checked", tv, "plan", 0},
		{"unknown district is not checked", "", "phase1", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &read.Return{File: "x.xlsx", District: tt.district, Kind: tt.kind, Rows: rows}
			if got := CheckCompleteness(p, r, i18n.Vi); len(got) != tt.want {
				t.Errorf("got %d problems, want %d: %+v", len(got), tt.want, got)
			}
		})
	}

	r.Rows = nil
	for _, c := range all {
		r.Rows = append(r.Rows, read.Row{Commune: c})
	}
	if got := CheckCompleteness(p, r, i18n.Vi); len(got) != 0 {
		t.Errorf("complete return: %+v", got)
	}
}

func TestLatest(t *testing.T) {
	d := func(s string) time.Time {
		return time.Date(2025, 2, 0, 0, 0, 0, 0, time.UTC).AddDate(0, 0, atoiTest(s))
	}
	const cl, ck = "Huyện Càng Long", "Huyện Cầu Kè"
	a := &read.Return{File: "a.xlsx", District: cl, Kind: "review", ReceivedDate: d("20")}
	b := &read.Return{File: "b.xlsx", District: cl, Kind: "review", ReportDate: d("27"), ReceivedDate: d("28")}
	c := &read.Return{File: "c.xlsx", District: cl, Kind: "review", ReportDate: d("25")}
	other := &read.Return{File: "ck.xlsx", District: ck, Kind: "review", ReceivedDate: d("10")}
	phase := &read.Return{File: "cl-p1.xlsx", District: cl, Kind: "phase1", ReceivedDate: d("10")}
	unknown1 := &read.Return{File: "u1.xlsx", Kind: "review"}
	unknown2 := &read.Return{File: "u2.xlsx", Kind: "review"}
	asOf := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

	latest, sup := Latest(criteria.Default(), []*read.Return{b, a, other, unknown1, c, phase, unknown2}, asOf, i18n.Vi)
	if want := []*read.Return{b, other, unknown1, phase, unknown2}; !reflect.DeepEqual(latest, want) {
		t.Errorf("latest = %v, want %v", returnFiles(latest), returnFiles(want))
	}
	want := []problem.Problem{
		{Severity: problem.Warning, Code: problem.CodeSuperseded, File: "a.xlsx", District: cl,
			Message: "Báo cáo Rà soát của Huyện Càng Long (nhận 20/02/2025) đã được thay bằng b.xlsx (nhận 28/02/2025); chỉ tính báo cáo sau."},
		{Severity: problem.Warning, Code: problem.CodeSuperseded, File: "c.xlsx", District: cl,
			Message: "Báo cáo Rà soát của Huyện Càng Long (ngày 25/02/2025) đã được thay bằng b.xlsx (nhận 28/02/2025); chỉ tính báo cáo sau."},
	}
	if !reflect.DeepEqual(sup, want) {
		t.Errorf("superseded:\ngot  %+v\nwant %+v", sup, want)
	}

	// The same day: the order of the arguments never decides. The later report date counts,
	// then the return listing more communes, then the file name; the message says which.
	same := &read.Return{File: "same.xlsx", District: cl, Kind: "review", ReportDate: d("27"), ReceivedDate: d("28").Add(9 * time.Hour)}
	for _, order := range [][]*read.Return{{b, same}, {same, b}} {
		latest, sup := Latest(criteria.Default(), order, asOf, i18n.En)
		if len(latest) != 1 || latest[0] != same || len(sup) != 1 || sup[0].File != "b.xlsx" {
			t.Fatalf("same day, all else equal, the later file name: %v %+v", returnFiles(latest), sup)
		}
		if m := sup[0].Message; m != "This Review return of Huyện Càng Long (received 2025-02-28) is replaced by same.xlsx (received 2025-02-28), submitted the same day: "+
			"the report dates and the numbers of communes are the same, so the file whose name sorts later counts; check which one should count." {
			t.Errorf("message %q", m)
		}
	}
	fuller := &read.Return{File: "a-full.xlsx", District: cl, Kind: "review", ReportDate: d("27"), ReceivedDate: d("28"), Rows: make([]read.Row, 3)}
	for _, order := range [][]*read.Return{{b, fuller}, {fuller, b}} {
		latest, sup := Latest(criteria.Default(), order, asOf, i18n.Vi)
		if len(latest) != 1 || latest[0] != fuller || len(sup) != 1 {
			t.Fatalf("same day: the return listing more communes counts, got %v", returnFiles(latest))
		}
		if m := sup[0].Message; !strings.Contains(m, "nộp cùng ngày: cùng ngày báo cáo, và báo cáo đó có nhiều xã hơn (3 so với 0)") {
			t.Errorf("message %q", m)
		}
	}
	reportedLater := &read.Return{File: "a-late.xlsx", District: cl, Kind: "review", ReceivedDate: d("28"), ReportDate: d("28")}
	for _, order := range [][]*read.Return{{fuller, reportedLater}, {reportedLater, fuller}} {
		latest, sup := Latest(criteria.Default(), order, asOf, i18n.En)
		if len(latest) != 1 || latest[0] != reportedLater || len(sup) != 1 {
			t.Fatalf("same day: the later report date counts, got %v", returnFiles(latest))
		}
		if m := sup[0].Message; !strings.Contains(m, "submitted the same day: that one has the later report date (2025-02-28 against 2025-02-27)") {
			t.Errorf("message %q", m)
		}
	}

	// Undated: taken as submitted on the as-of day, so later than a return received before
	// it, and earlier than one received after it.
	undated := &read.Return{File: "undated.xlsx", District: cl, Kind: "review"}
	latest, sup = Latest(criteria.Default(), []*read.Return{undated, b}, asOf, i18n.En)
	if len(latest) != 1 || latest[0] != undated || len(sup) != 1 {
		t.Fatalf("undated: %v %+v", returnFiles(latest), sup)
	}
	if m := sup[0].Message; m != "This Review return of Huyện Càng Long (received 2025-02-28) is replaced by undated.xlsx (undated, taken as submitted on 2025-03-01); only the later one counts." {
		t.Errorf("message %q", m)
	}
	latest, sup = Latest(criteria.Default(), []*read.Return{undated, b}, d("27"), i18n.Vi)
	if len(latest) != 1 || latest[0] != b || len(sup) != 1 {
		t.Fatalf("undated, as of a day before the dated one: %v %+v", returnFiles(latest), sup)
	}
	if m := sup[0].Message; m != "Báo cáo Rà soát của Huyện Càng Long (không ghi ngày, tính là nộp ngày 27/02/2025) đã được thay bằng b.xlsx (nhận 28/02/2025); chỉ tính báo cáo sau." {
		t.Errorf("message %q", m)
	}

	// Two sheets of one workbook.
	s1 := &read.Return{File: "all.xlsx", Sheet: "Càng Long", District: cl, Kind: "phase1", ReceivedDate: d("1")}
	s2 := &read.Return{File: "all.xlsx", Sheet: "Càng Long (2)", District: cl, Kind: "phase1", ReceivedDate: d("2")}
	if _, sup := Latest(criteria.Default(), []*read.Return{s1, s2}, asOf, i18n.Vi); len(sup) != 1 || sup[0].Sheet != "Càng Long" || !strings.Contains(sup[0].Message, "trang “Càng Long (2)”") {
		t.Errorf("sheets: %+v", sup)
	}
	// The same sheet the same day: the later sheet name; the same return given twice counts once.
	s1.ReceivedDate = s2.ReceivedDate
	for _, order := range [][]*read.Return{{s1, s2}, {s2, s1}} {
		latest, sup := Latest(criteria.Default(), order, asOf, i18n.En)
		if len(latest) != 1 || latest[0] != s2 || len(sup) != 1 || !strings.Contains(sup[0].Message, "so the sheet whose name sorts later counts") {
			t.Errorf("sheets the same day: %v %+v", returnFiles(latest), sup)
		}
	}
	twice := *s1
	latest, sup = Latest(criteria.Default(), []*read.Return{s1, &twice}, asOf, i18n.En)
	if len(latest) != 1 || latest[0] != s1 || len(sup) != 1 || sup[0].Message != "This Phase 1 return of Huyện Càng Long (received 2025-02-02) is given twice; it counts once." {
		t.Errorf("given twice: %v %+v", returnFiles(latest), sup)
	}
}

func atoiTest(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func returnFiles(rs []*read.Return) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.File)
	}
	return out
}

func TestSortProblems(t *testing.T) {
	ps := []problem.Problem{
		{Severity: problem.Warning, Code: problem.CodeSuperseded, File: "a.xlsx"},
		{Severity: problem.Error, Code: problem.CodeInconsistent, File: "b.xlsx", Sheet: "Số liệu", Cell: "AA3"},
		{Severity: problem.Error, Code: problem.CodeInconsistent, File: "b.xlsx", Sheet: "Số liệu", Cell: "Z3"},
		{Severity: problem.Error, Code: problem.CodeTypeError, File: "b.xlsx", Sheet: "Số liệu", Cell: "B10"},
		{Severity: problem.Error, Code: problem.CodeNegativeValue, File: "b.xlsx", Sheet: "Số liệu", Cell: "B9"},
		{Severity: problem.Error, Code: problem.CodeMissingCommune, File: "b.xlsx", Sheet: "Số liệu"},
		{Severity: problem.Error, Code: problem.CodeMissingValue, File: "b.xlsx", Sheet: "Số liệu", Cell: "C3"},
		{Severity: problem.Error, Code: problem.CodeInconsistent, File: "b.xlsx", Sheet: "Số liệu", Cell: "C3"},
		{Severity: problem.Error, Code: problem.CodeMissingMetadata, File: "b.xlsx", Sheet: "Thông tin", Cell: "B2"},
		{Severity: problem.Error, Code: problem.CodeUnknownCommune, File: "a.xlsx", Sheet: "Số liệu", Cell: "B4"},
		{Severity: problem.Warning, Code: problem.CodeMissingSubmission},
		{Severity: problem.Error, Code: problem.CodeTypeError, File: "b.xlsx", Sheet: "Số liệu", Cell: "$B$2"},
	}
	problem.SortProblems(ps)
	var got []string
	for _, p := range ps {
		got = append(got, strings.Join([]string{string(p.Severity), p.File, p.Sheet, p.Cell, p.Code}, " "))
	}
	want := []string{
		"error a.xlsx Số liệu B4 unknown-commune",
		"error b.xlsx Số liệu  missing-commune",
		"error b.xlsx Số liệu $B$2 type-error",
		"error b.xlsx Số liệu C3 inconsistent",
		"error b.xlsx Số liệu C3 missing-value",
		"error b.xlsx Số liệu Z3 inconsistent",
		"error b.xlsx Số liệu AA3 inconsistent",
		"error b.xlsx Số liệu B9 negative-value",
		"error b.xlsx Số liệu B10 type-error",
		"error b.xlsx Thông tin B2 missing-metadata",
		"warning    missing-submission",
		"warning a.xlsx   superseded",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCellRowCol(t *testing.T) {
	tests := []struct {
		cell     string
		row, col int
		ok       bool
	}{
		{"A1", 1, 1, true}, {"Z3", 3, 26, true}, {"AA3", 3, 27, true}, {"b10", 10, 2, true},
		{"$C$7", 7, 3, true}, {"D4:E9", 4, 4, true},
		{"", 0, 0, false}, {"A", 0, 0, false}, {"12", 0, 0, false}, {"Á1", 0, 0, false}, {"A1B", 0, 0, false},
	}
	for _, tt := range tests {
		row, col, ok := problem.CellRowCol(tt.cell)
		if row != tt.row || col != tt.col || ok != tt.ok {
			t.Errorf("cellRowCol(%q) = %d, %d, %v; want %d, %d, %v", tt.cell, row, col, ok, tt.row, tt.col, tt.ok)
		}
	}
	if problem.CompareCellRefs("weird", "A1") <= 0 || problem.CompareCellRefs("A1", "weird") >= 0 {
		t.Error("a reference that is not A1 must come after A1 references")
	}
}

func TestSubmissionsAndTheirProblems(t *testing.T) {
	p := criteria.Default()
	r := &read.Return{File: "cl.xlsx", District: "Huyện Càng Long", Kind: "review", Number: "12/BC-CAH",
		ReportDate: time.Date(2025, 2, 26, 0, 0, 0, 0, time.UTC), ReceivedDate: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}
	subs := AppendSubmissions(nil, []*read.Return{r})
	want := []classify.Submission{{District: r.District, Kind: "review", File: "cl.xlsx", Number: "12/BC-CAH", ReportDate: r.ReportDate, Received: r.ReceivedDate}}
	if !reflect.DeepEqual(subs, want) {
		t.Fatalf("got %+v", subs)
	}
	sts := classify.Timeliness(p, classify.EveryKind(p, "Huyện Càng Long"), subs, time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC))
	got := SubmissionProblems(p, sts, i18n.Vi)
	wantProblems := []problem.Problem{
		{Severity: problem.Warning, Code: problem.CodeLateSubmission, File: "cl.xlsx", District: "Huyện Càng Long",
			Message: "Báo cáo Rà soát của Huyện Càng Long nộp chậm 3 ngày (hạn 26/02/2025)."},
		{Severity: problem.Warning, Code: problem.CodeMissingSubmission, District: "Huyện Càng Long",
			Message: "Huyện Càng Long chưa gửi báo cáo Kế hoạch (hạn 30/03/2025, đã quá 3 ngày)."},
	}
	if !reflect.DeepEqual(got, wantProblems) {
		t.Errorf("got  %+v\nwant %+v", got, wantProblems)
	}
}
