package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report"
	"drugfree/report/problem"
	"drugfree/report/template"
)

// messyCommune is one commune of the messy-return test: the cells as a district clerk
// types them, and the figures they mean.
type messyCommune struct {
	code     string
	district string
	name     string
	status   string
	statusK  string
	// population, addicts total, managed, users, hotspots, plants, area, offenders,
	// violations, on route, as typed.
	cells []any
	want  classify.Figures
}

var messyCommunes = []messyCommune{
	{"29239", "TP Trà Vinh", "P1", "chuyen hoa", "transformation",
		[]any{"12.345", "3", 2, "-", 0, "1.234", "-", 0, 0, "x"},
		classify.Figures{"population": 12345, "addicts_total": 3, "addicts_managed": 2, "users": 0, "hotspots": 0, "plants": 1234, "plant_area_m2": 0, "offenders": 0, "violations": 0, "on_route": 1}},
	{"29236", "tp tra vinh", "phuong 4", "DT", "maintained",
		[]any{9876, "0", 0, 0, "-", 0, "0", 0, "-", "Không"},
		classify.Figures{"population": 9876, "addicts_total": 0, "addicts_managed": 0, "users": 0, "hotspots": 0, "plants": 0, "plant_area_m2": 0, "offenders": 0, "violations": 0, "on_route": 0}},
	{"29248", "Thanh pho Tra Vinh", "P.5", "", "",
		[]any{"8.001", 25, "21", 4, 1, 0, 0, 0, 1, "k"},
		classify.Figures{"population": 8001, "addicts_total": 25, "addicts_managed": 21, "users": 4, "hotspots": 1, "plants": 0, "plant_area_m2": 0, "offenders": 0, "violations": 1, "on_route": 0}},
	{"29308", "Cau Ke", "TT Cầu Kè", "Chuyển hoá", "transformation",
		[]any{"15.000", "110", "100", "7", 0, 0, "1.999,99", "3", 2, "có"},
		classify.Figures{"population": 15000, "addicts_total": 110, "addicts_managed": 100, "users": 7, "hotspots": 0, "plants": 0, "plant_area_m2": 1999.99, "offenders": 3, "violations": 2, "on_route": 1}},
	{"29320", "H. Cầu Kè", "Hoa Tan", "", "",
		[]any{"7.000", 0, 0, 0, 0, 0, 0, "21", 0, "Không"},
		classify.Figures{"population": 7000, "addicts_total": 0, "addicts_managed": 0, "users": 0, "hotspots": 0, "plants": 0, "plant_area_m2": 0, "offenders": 21, "violations": 0, "on_route": 0}},
	{"29311", "huyen cau ke", "xa hoa an", "", "",
		[]any{"8.000", "12", "12", 0, 0, 0, 0, 7, 0, 0},
		classify.Figures{"population": 8000, "addicts_total": 12, "addicts_managed": 12, "users": 0, "hotspots": 0, "plants": 0, "plant_area_m2": 0, "offenders": 7, "violations": 0, "on_route": 0}},
}

var messyKeys = []string{"population", "addicts_total", "addicts_managed", "users", "hotspots", "plants", "plant_area_m2", "offenders", "violations", "on_route"}

// writeMessyReturn writes the communes as a district clerk might: title lines, a two-row
// header with merged group cells and no diacritics, a numbering row, numbers as text with
// dots, loose names, and a totals row that adds up.
func writeMessyReturn(t *testing.T, path string) {
	rows := [][]any{
		{"CONG AN TINH TRA VINH"},
		{"BÁO CÁO KẾT QUẢ XÂY DỰNG XÃ, PHƯỜNG, THỊ TRẤN KHÔNG MA TÚY"},
		{"(Kèm theo Báo cáo số 99/BC-CAT ngày 25/04/2025)"},
		{"STT", "Huyen", "Ten xa, phuong, thi tran", "Tinh trang", "Dan so", "Nguoi nghien", nil, "Nguoi su dung", "Tu diem", "So cay", "Dien tich (m2)", "Doi tuong pham toi", "Vi pham khac", "Tuyen trong diem"},
		{nil, nil, nil, nil, nil, "Tong so", "Co ho so"},
		{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)", "(14)"},
	}
	total := make([]float64, len(messyKeys)-1)
	for i, c := range messyCommunes {
		rows = append(rows, append([]any{i + 1, c.district, c.name, c.status}, c.cells...))
		for k, key := range messyKeys[:len(messyKeys)-1] {
			total[k] += c.want[key]
		}
	}
	totals := []any{"Tổng cộng", nil, nil, nil}
	for _, v := range total {
		totals = append(totals, v)
	}
	rows = append(rows, totals)
	merges := []string{"A2:N2", "F4:G4"}
	for _, col := range []string{"A", "B", "C", "D", "E", "H", "I", "J", "K", "L", "M", "N"} {
		merges = append(merges, col+"4:"+col+"5")
	}
	writeBook(t, path,
		sheetSpec{name: "BC so lieu", rows: rows, merges: merges},
		sheetSpec{name: "Thông tin", rows: [][]any{
			{"Đơn vị báo cáo", ""}, {"Loại báo cáo", "Giai đoạn 1"}, {"Số văn bản", "99/BC-CAT"},
			{"Ngày báo cáo", "25/04/2025"}, {"Ngày nhận", "ngày 26 tháng 04 năm 2025"},
		}})
}

// writeCanonicalReturn writes the same communes with report.WriteReturn, one file per
// district (the canonical layout has one district per return).
func writeCanonicalReturn(t *testing.T, dir string) []string {
	p := criteria.Default()
	byDistrict := map[string]*template.ReturnSpec{}
	var files []string
	for _, c := range messyCommunes {
		com, ok := p.Registry.ByCode(c.code)
		if !ok {
			t.Fatalf("no commune %s in the registry", c.code)
		}
		spec := byDistrict[com.District]
		if spec == nil {
			spec = &template.ReturnSpec{District: com.District, Kind: "phase1", Number: "99/BC-CAT",
				ReportDate: time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC), ReceivedDate: time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)}
			byDistrict[com.District] = spec
		}
		spec.Rows = append(spec.Rows, template.ReturnRow{Commune: com, Status: c.statusK, Figures: c.want})
	}
	for i, d := range []string{"Thành phố Trà Vinh", "Huyện Cầu Kè"} {
		path := filepath.Join(dir, "canonical-"+string(rune('a'+i))+".xlsx")
		fh, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := template.WriteReturn(fh, p, *byDistrict[d]); err != nil {
			t.Fatal(err)
		}
		if err := fh.Close(); err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.Base(path))
	}
	return files
}

// verdict is what must not depend on the layout of a return.
type verdict struct {
	District, Commune, Code, Status, Category string
	Reasons                                   []*report.Reason
}

func classifyVerdicts(t *testing.T, dir string, files ...string) ([]verdict, []problem.Problem) {
	t.Helper()
	code, out, errOut := bin(t, dir, append([]string{"classify", "--format", "json"}, files...)...)
	// The returns list a few communes of their districts: the others are missing-commune
	// errors (exit 1), and those listed are still classified.
	if code != ExitData || !onlyMissingCommunes(errOut) {
		t.Fatalf("classify %v: exit %d, want 1 with only missing-commune errors\n%s", files, code, errOut)
	}
	var got classifyJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var vs []verdict
	for _, c := range got.Communes {
		vs = append(vs, verdict{c.District, c.Commune, c.Code, c.Status, c.Category, c.Reasons})
	}
	return vs, got.Problems
}

// Issue 3: a messy return reads as its canonical form, through the binary.
func TestE2EMessyReturnClassifiesAsCanonical(t *testing.T) {
	dir := t.TempDir()
	writeMessyReturn(t, filepath.Join(dir, "messy.xlsx"))
	canonical := writeCanonicalReturn(t, dir)

	messy, messyProblems := classifyVerdicts(t, dir, "messy.xlsx")
	want, canonProblems := classifyVerdicts(t, dir, canonical...)
	canonProblems, canonMissing := withoutMissingCommunes(canonProblems)
	messyProblems, messyMissing := withoutMissingCommunes(messyProblems)
	if len(canonProblems) != 0 {
		t.Errorf("the canonical returns have problems: %+v", canonProblems)
	}
	if messyMissing != canonMissing || messyMissing == 0 {
		t.Errorf("missing communes: messy %d, canonical %d; want the same, above 0", messyMissing, canonMissing)
	}
	for _, p := range messyProblems {
		// A workbook of several districts may leave the cover's district blank: a
		// missing-metadata warning at most (SPEC §6).
		if p.Severity != problem.Warning || p.Code != problem.CodeMissingMetadata {
			t.Errorf("messy return: unexpected problem %+v", p)
		}
	}
	if len(messy) != len(messyCommunes) {
		t.Fatalf("messy return: %d communes classified, want %d:\n%+v", len(messy), len(messyCommunes), messy)
	}
	if !reflect.DeepEqual(messy, want) {
		for i := range want {
			if i < len(messy) && !reflect.DeepEqual(messy[i], want[i]) {
				t.Errorf("commune %d:\nmessy     %+v\ncanonical %+v", i, messy[i], want[i])
			}
		}
	}
	// The fixture must reach several categories, or the comparison proves little.
	cats := map[string]bool{}
	for _, v := range want {
		cats[v.Category] = true
	}
	for _, c := range []string{"type-1", "type-2", "type-3", "drug-free", "less-complex"} {
		if !cats[c] {
			t.Errorf("the fixture reaches no %s commune: %+v", c, want)
		}
	}
}

// writeFaultyReturn writes a Cầu Kè phase 3 return whose data sheet has reader problems:
// a negative figure (F3), text in a number column (E4), an unknown commune (B5).
func writeFaultyReturn(t *testing.T, path string) {
	writeBook(t, path,
		sheetSpec{name: "Thông tin", rows: [][]any{
			{"Đơn vị báo cáo", "Huyện Cầu Kè"}, {"Loại báo cáo", "Giai đoạn 3"}, {"Số văn bản", "1/BC"},
			{"Ngày báo cáo", "10/12/2025"}, {"Ngày nhận", "11/12/2025"},
		}},
		sheetSpec{name: "Số liệu", rows: [][]any{
			{"Huyện", "Xã, phường, thị trấn", "Tình trạng", "Dân số", "Tổng số người nghiện", "Người nghiện có hồ sơ quản lý"},
			{"Cầu Kè", "TT Cầu Kè", "", 15000, 3, 2},
			{"Cầu Kè", "Hòa Ân", "Chuyển hóa", 8000, 1, -1},
			{"Cầu Kè", "Hòa Tân", "Duy trì", 7000, "ba", 0},
			{"Cầu Kè", "Xã Không Có", "", 5000, 0, 0},
		}})
}

// Issue 3: every command that reads returns carries the reader's problems in its JSON
// and prints them on stderr.
func TestE2EReaderProblemsInEveryCommand(t *testing.T) {
	dir := t.TempDir()
	writeFaultyReturn(t, filepath.Join(dir, "faulty.xlsx"))
	want := []struct{ code, cell string }{
		{problem.CodeNegativeValue, "F3"},
		{problem.CodeTypeError, "E4"},
		{problem.CodeUnknownCommune, "B5"},
	}
	for _, args := range [][]string{
		{"classify", "faulty.xlsx"},
		{"recognize", "faulty.xlsx", "--all"},
		{"validate", "faulty.xlsx", "--as-of", "2025-12-20"},
		{"deadlines", "faulty.xlsx", "--as-of", "2025-12-20"},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, out, errOut := bin(t, dir, append(args, "--format", "json")...)
			if code != ExitData {
				t.Errorf("exit %d, want %d (the data has errors)", code, ExitData)
			}
			var got struct {
				Problems []problem.Problem `json:"problems"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v in\n%s", err, out)
			}
			for _, w := range want {
				found := false
				for _, p := range got.Problems {
					if p.Code == w.code && p.Cell == w.cell && p.File == "faulty.xlsx" && p.Sheet == "Số liệu" && p.Severity == problem.Error {
						found = true
					}
				}
				if !found {
					t.Errorf("JSON problems lack %s at Số liệu!%s: %+v", w.code, w.cell, got.Problems)
				}
				line := regexp.MustCompile(`(?m)^lỗi ` + w.code + `: faulty\.xlsx: Số liệu!` + w.cell + `: `)
				if !line.MatchString(errOut) {
					t.Errorf("stderr lacks a line for %s at %s:\n%s", w.code, w.cell, errOut)
				}
			}
			if strings.Contains(out, "lỗi ") {
				t.Errorf("problem lines leaked into the JSON on stdout")
			}
		})
	}
}

// withoutMissingCommunes drops the missing-commune problems and counts them.
func withoutMissingCommunes(ps []problem.Problem) ([]problem.Problem, int) {
	var out []problem.Problem
	n := 0
	for _, p := range ps {
		if p.Code == problem.CodeMissingCommune {
			n++
			continue
		}
		out = append(out, p)
	}
	return out, n
}
