package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
	"drugfree/report/sample"
	"drugfree/report/template"
)

// officialSubmissions are the submissions of `deadlines --format json`.
type officialSubmissions struct {
	Submissions []struct {
		District, Kind, Submitted, Status string
	} `json:"submissions"`
}

// officialCategories are the communes' categories of `classify --format json`, by code.
func officialCategories(t *testing.T, dir string, files ...string) map[string]string {
	t.Helper()
	code, out, errOut := bin(t, dir, append([]string{"classify", "--format", "json"}, files...)...)
	if code != ExitOK {
		t.Fatalf("classify %v: exit %d, want 0\n%s", files, code, errOut)
	}
	var got struct {
		Communes []struct{ Code, Category string } `json:"communes"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	cats := map[string]string{}
	for _, c := range got.Communes {
		cats[c.Code] = c.Category
	}
	return cats
}

// Issue 12: the official returns of testdata (and those LibreOffice saved again) are
// classified as their canonical forms, with no problem, and `deadlines` counts each on the
// date of its letterhead.
func TestE2EOfficialReturns(t *testing.T) {
	set := sample.OfficialSet(criteria.Default(), 2025)
	dir := t.TempDir()
	var files, converted, canonical []string
	for _, o := range set {
		copyFile(t, filepath.Join("..", "testdata", "official", o.Name), filepath.Join(dir, "official", o.Name))
		files = append(files, filepath.Join("official", o.Name))
		if lo := filepath.Join("..", "testdata", "official", "libreoffice", o.Name); fileExists(lo) {
			copyFile(t, lo, filepath.Join(dir, "libreoffice", o.Name))
			converted = append(converted, filepath.Join("libreoffice", o.Name))
		}
		var buf bytes.Buffer
		if err := template.WriteReturn(&buf, criteria.Default(), o.Spec); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join("canonical", o.Name)
		if err := os.MkdirAll(filepath.Join(dir, "canonical"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		canonical = append(canonical, name)
	}
	if len(converted) < 3 {
		t.Fatalf("%d returns converted by LibreOffice in testdata/official/libreoffice, want at least 3", len(converted))
	}
	// The districts' returns (before the reform of 1 July 2025) and the commune's (after it)
	// are classified apart: once a commune formed by the reform has reported, the picture
	// is in the communes in force, and codes were reused.
	reform := criteria.Default().Reform.Registry.Effective.Time
	era := func(names []string, after bool) []string {
		var out []string
		for _, n := range names {
			for _, o := range set {
				if filepath.Base(n) == o.Name && !o.Spec.ReportDate.Before(reform) == after {
					out = append(out, n)
				}
			}
		}
		return out
	}
	for _, after := range []bool{false, true} {
		want := officialCategories(t, dir, era(canonical, after)...)
		if len(want) == 0 {
			t.Fatalf("no commune classified (after the reform: %v)", after)
		}
		for _, group := range [][]string{era(files, after), era(converted, after)} {
			if len(group) == 0 {
				continue
			}
			got := officialCategories(t, dir, group...)
			for code, cat := range got {
				if want[code] != cat {
					t.Errorf("%s: commune %s is %s, its canonical form %s", group[0], code, cat, want[code])
				}
			}
			if len(group) == len(era(files, after)) && len(got) != len(want) {
				t.Errorf("%d communes classified, %d in the canonical returns", len(got), len(want))
			}
		}
	}
	for _, group := range [][]string{files, converted} {

		code, out, errOut := bin(t, dir, append([]string{"deadlines", "--as-of", "2025-12-20", "--format", "json"}, group...)...)
		if code != ExitOK || strings.Contains(errOut, "lỗi:") {
			t.Errorf("deadlines %s…: exit %d, want 0 with no error\n%s", group[0], code, errOut)
		}
		var subs officialSubmissions
		if err := json.Unmarshal([]byte(out), &subs); err != nil {
			t.Fatal(err)
		}
		for _, o := range set {
			if len(group) != len(files) && !contains(group, filepath.Join("libreoffice", o.Name)) {
				continue
			}
			found := false
			for _, s := range subs.Submissions {
				if s.District == o.Spec.District && s.Kind == o.Spec.Kind {
					found = true
					if s.Submitted != o.Spec.ReportDate.Format(time.DateOnly) {
						t.Errorf("%s: %s %s counted as submitted on %q, want %s (its letterhead)", o.Name, s.District, s.Kind, s.Submitted, o.Spec.ReportDate.Format(time.DateOnly))
					}
				}
			}
			if !found {
				t.Errorf("%s: no submission %s %s", o.Name, o.Spec.District, o.Spec.Kind)
			}
		}
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Issue 12: the layout words are plan data. `plan --export` shows them; a province adds
// its own to the file, and `--plan` reads a return that uses them.
func TestE2EOfficialVocabularyInThePlanFile(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := bin(t, dir, "plan", "--export", "mine.yaml"); code != ExitOK {
		t.Fatalf("plan --export: exit %d\n%s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "mine.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, s := range []string{"layout:", "header_groups:", "group_rows:", "totals:", "footer:", "issuers:", "citations:", "tên xã thị trấn"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(s)) {
			t.Errorf("the exported plan lacks %q", s)
		}
	}
	text = strings.Replace(text, "  totals: [", "  totals: [toàn quận, ", 1)
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	rows := [][]any{
		{"UBND HUYỆN CẦU KÈ"}, {"CÔNG AN HUYỆN CẦU KÈ"}, {"Số: 302/BC-CAH", nil, nil, "Cầu Kè, ngày 25 tháng 04 năm 2025"},
		{"BÁO CÁO"}, {"Kết quả xây dựng xã, thị trấn không ma túy giai đoạn 1"},
		{"STT", "Xã, phường, thị trấn", "Dân số"},
		{nil, "TOÀN QUẬN", 23000},
		{1, "Thị trấn Cầu Kè", 15000},
		{2, "Xã Hòa Ân", 8000},
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "bc.xlsx")); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := bin(t, dir, "validate", "bc.xlsx", "--as-of", "2025-12-20", "--format", "csv"); code != ExitData || !strings.Contains(out, "TOÀN QUẬN") {
		t.Errorf("without the plan file, TOÀN QUẬN is an unknown commune: exit %d\n%s", code, out)
	}
	// (the return lists 2 of Cầu Kè's 11 communes: the others are missing-commune errors)
	code, out, errOut := bin(t, dir, "--plan", "mine.yaml", "validate", "bc.xlsx", "--as-of", "2025-12-20", "--format", "csv")
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "TOÀN QUẬN") || strings.HasPrefix(l, "error,") && !strings.HasPrefix(l, "error,missing-commune,") {
			t.Errorf("with the plan file, TOÀN QUẬN is a totals row: exit %d\n%s\n%s", code, l, errOut)
		}
	}
}
