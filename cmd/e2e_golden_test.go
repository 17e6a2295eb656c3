package cmd

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"drugfree/classify"
	"drugfree/report/problem"
)

// sampleArgs runs from a copy of the sample so that paths in the output are relative.
func validateArgs(t *testing.T, dir, command string, extra ...string) []string {
	args := append([]string{command}, sampleReturns(t, dir)...)
	return append(append(args, "--register", "returns/register.csv", "--as-of", "2025-12-20"), extra...)
}

// Issue 4: the checklist of the sample workbook, as a table and as JSON.
func TestE2ERecognizeSampleGolden(t *testing.T) {
	dir := sampleCopy(t)
	code, out, errOut := runIn(t, dir, "recognize", "districts.xlsx")
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	golden(t, "recognize.txt", out)
	if !regexp.MustCompile(`(?m)^Đạt đủ 8 tiêu chí: \d+ xã; mục tiêu 20%: 21/104 xã`).MatchString(out) {
		t.Errorf("the footer lacks the progress against 21 of 104:\n%s", lastLines(out, 2))
	}

	code, out, errOut = runIn(t, dir, "recognize", "districts.xlsx", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	golden(t, "recognize.json", out)
	var got recognizeJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Progress.Target != 21 || got.Progress.Registry != 104 {
		t.Errorf("progress %+v, want a target of 21 of 104", got.Progress)
	}
	passing := 0
	verdicts := map[string]int{}
	for _, c := range got.Communes {
		verdicts[string(c.Result)]++
		if c.Status != "transformation" && c.Status != "maintained" {
			t.Errorf("%s %s has status %q; without --all only communes in transformation or maintained are checked", c.District, c.Commune, c.Status)
		}
		if len(c.Criteria) != 8 {
			t.Errorf("%s: %d criteria, want 8", c.Commune, len(c.Criteria))
		}
		if c.Result == "pass" {
			passing++
		}
	}
	if passing != got.Progress.Passing {
		t.Errorf("%d communes pass but the progress counts %d", passing, got.Progress.Passing)
	}
	// Issue 4: in the sample's phase 3, some communes pass, some fail and some lack data.
	for _, v := range []string{"pass", "fail", "missing"} {
		if verdicts[v] == 0 {
			t.Errorf("no commune of the sample has the verdict %q: %v", v, verdicts)
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// Issue 4: criterion 4 from an earlier return given with --baseline, when the return has
// no baseline columns; missing without it; --all adds the communes without status.
func TestE2ERecognizeBaseline(t *testing.T) {
	dir := t.TempDir()
	// Every checklist column but the baseline ones; every other criterion passes.
	head := "district,commune,status,addicts_total,addicts_managed,users,hotspots,groups,resident_crimes,addicts_in_treatment,users_managed,post_rehab,post_rehab_managed,managed_tested,households,households_committed,hamlets,hamlets_hotline,user_crimes,serious_cases,psychosis_incidents,grounds_of_use,grounds_tested,models\n"
	writeText(t, filepath.Join(dir, "now.csv"), head+
		"Cầu Kè,TT Cầu Kè,Chuyển hóa,3,3,2,0,0,0,3,2,1,1,3,900,900,8,8,0,0,0,2,2,1\n"+ // fewer than at baseline: pass
		"Cầu Kè,Hòa Ân,Duy trì,5,5,1,0,0,0,5,1,0,0,1,700,700,6,6,0,0,0,0,0,2\n"+ // more addicts: fail
		"Cầu Kè,Hòa Tân,,1,1,0,0,0,0,1,0,0,0,0,500,500,5,5,0,0,0,0,0,1\n") // no status
	writeText(t, filepath.Join(dir, "earlier.csv"), "district,commune,addicts_total,users\n"+
		"Cầu Kè,TT Cầu Kè,4,2\n"+
		"Cầu Kè,Hòa Ân,4,1\n"+
		"Cầu Kè,Hòa Tân,1,0\n")

	criterion4 := func(t *testing.T, args ...string) map[string]string {
		t.Helper()
		code, out, errOut := bin(t, dir, append([]string{"recognize", "now.csv", "--format", "json"}, args...)...)
		// The return lists 3 of Cầu Kè's 11 communes: the missing ones are errors, the rest
		// is still checked.
		if code != ExitData || !onlyMissingCommunes(errOut) {
			t.Fatalf("exit %d, want 1 with only missing-commune errors:\n%s", code, errOut)
		}
		var got recognizeJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		res := map[string]string{}
		for _, c := range got.Communes {
			for _, cr := range c.Criteria {
				if cr.ID == 4 {
					res[c.Commune] = string(cr.Result)
				}
			}
		}
		return res
	}
	got := criterion4(t, "--baseline", "earlier.csv")
	want := map[string]string{"Thị trấn Cầu Kè": "pass", "Xã Hòa Ân": "fail"}
	if !equalMaps(got, want) {
		t.Errorf("with --baseline, criterion 4 = %v, want %v", got, want)
	}
	got = criterion4(t)
	want = map[string]string{"Thị trấn Cầu Kè": "missing", "Xã Hòa Ân": "missing"}
	if !equalMaps(got, want) {
		t.Errorf("without --baseline, criterion 4 = %v, want %v", got, want)
	}
	got = criterion4(t, "--baseline", "earlier.csv", "--all")
	want = map[string]string{"Thị trấn Cầu Kè": "pass", "Xã Hòa Ân": "fail", "Xã Hòa Tân": "pass"}
	if !equalMaps(got, want) {
		t.Errorf("with --all, criterion 4 = %v, want %v", got, want)
	}

	// The table says so too, with the figures behind criterion 4.
	code, out, errOut := bin(t, dir, "recognize", "now.csv", "--baseline", "earlier.csv")
	if code != ExitData || !onlyMissingCommunes(errOut) {
		t.Fatalf("exit %d, want 1 with only missing-commune errors:\n%s", code, errOut)
	}
	for _, re := range []string{`Thị trấn Cầu Kè .* Đạt `, `Xã Hòa Ân .* Không đạt .*5 người nghiện \(ban đầu 4\)`, `(?m)^Đạt đủ 8 tiêu chí: 1 xã; mục tiêu 20%: 21/104 xã`} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("table lacks %q:\n%s", re, out)
		}
	}
	if strings.Contains(out, "Hòa Tân") {
		t.Errorf("without --all the commune without status is listed:\n%s", out)
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Issue 5: validate of the sample returns and register, as a table and as JSON.
func TestE2EValidateSampleGolden(t *testing.T) {
	dir := sampleCopy(t)
	code, out, errOut := runIn(t, dir, validateArgs(t, dir, "validate")...)
	if code != ExitData {
		t.Errorf("exit %d, want %d: the sample has errors", code, ExitData)
	}
	golden(t, "validate.txt", out)
	if errOut != "" {
		t.Errorf("the table is on stdout; stderr has:\n%s", errOut)
	}

	code, out, errOut = runIn(t, dir, validateArgs(t, dir, "validate", "--format", "json")...)
	if code != ExitData {
		t.Errorf("json: exit %d, want %d", code, ExitData)
	}
	golden(t, "validate.json", out)
	// With JSON on stdout the problems go to stderr, one line each; one that names no file
	// (a return never sent) reads cleanly.
	if !regexp.MustCompile(`(?m)^cảnh báo missing-submission: Huyện Trà Cú: Huyện Trà Cú chưa gửi báo cáo Giai đoạn 3`).MatchString(errOut) || strings.Contains(errOut, ": : ") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if !regexp.MustCompile(`(?m)^lỗi missing-commune: returns/phase3/phase3-huyen-tieu-can\.xlsx: Số liệu: Huyện Tiểu Cần, Xã Tân Hòa: `).MatchString(errOut) {
		t.Errorf("stderr lacks the missing commune:\n%s", errOut)
	}
	var got validateJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	has := func(code, file, district, commune string) bool {
		for _, p := range got.Problems {
			if p.Code == code && p.File == file && p.District == district && p.Commune == commune {
				return true
			}
		}
		return false
	}
	for _, w := range []struct{ code, file, district, commune string }{
		{problem.CodeLateSubmission, "returns/phase3/phase3-huyen-cau-ke.xlsx", "Huyện Cầu Kè", ""},
		{problem.CodeMissingSubmission, "", "Huyện Trà Cú", ""},
		{problem.CodeMissingCommune, "returns/phase3/phase3-huyen-tieu-can.xlsx", "Huyện Tiểu Cần", "Xã Ngãi Hùng"},
		{problem.CodeMissingCommune, "returns/phase3/phase3-huyen-tieu-can.xlsx", "Huyện Tiểu Cần", "Xã Tân Hòa"},
		{problem.CodeSuperseded, "returns/phase3/phase3-huyen-chau-thanh.xlsx", "Huyện Châu Thành", ""},
	} {
		if !has(w.code, w.file, w.district, w.commune) {
			t.Errorf("no %s problem for %s %s %s", w.code, w.file, w.district, w.commune)
		}
	}
	if n := len(got.Problems); n == 0 || got.AsOf != "2025-12-20" {
		t.Errorf("as_of %q, %d problems", got.AsOf, n)
	}

	// Only complete, on-time returns: warnings for what was not sent, no errors, exit 0.
	code, out, errOut = runIn(t, dir, "validate", "returns/phase3/phase3-huyen-cang-long.xlsx", "--as-of", "2025-12-20")
	if code != ExitOK {
		t.Errorf("a complete return: exit %d, want 0\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "0 lỗi") {
		t.Errorf("a complete return: summary lacks 0 errors:\n%s", lastLines(out, 1))
	}
}

// Issue 5: deadlines of the same inputs, as a table and as JSON.
func TestE2EDeadlinesSampleGolden(t *testing.T) {
	dir := sampleCopy(t)
	code, out, errOut := runIn(t, dir, validateArgs(t, dir, "deadlines")...)
	if code != ExitOK {
		t.Errorf("exit %d, want 0 (late and missing returns are warnings):\n%s", code, errOut)
	}
	golden(t, "deadlines.txt", out)

	code, out, _ = runIn(t, dir, validateArgs(t, dir, "deadlines", "--format", "json")...)
	if code != ExitOK {
		t.Errorf("json: exit %d", code)
	}
	golden(t, "deadlines.json", out)
	var raw struct {
		Submissions []map[string]any `json:"submissions"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw.Submissions) != 9*5 {
		t.Errorf("%d submissions, want 45 (9 districts × 5 kinds)", len(raw.Submissions))
	}
	for _, s := range raw.Submissions {
		for _, k := range []string{"district", "kind", "due", "submitted", "status", "days_late"} {
			if _, ok := s[k]; !ok {
				t.Errorf("submission %v lacks key %q", s, k)
			}
		}
	}
	var got deadlinesJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	find := func(district, kind string) classify.SubmissionStatus {
		for _, s := range got.Submissions {
			if s.District == district && s.Kind == kind {
				return s
			}
		}
		t.Fatalf("no submission %s %s", district, kind)
		return classify.SubmissionStatus{}
	}
	if s := find("Huyện Cầu Kè", "phase3"); s.Status != classify.SubmissionLate || s.DaysLate != 3 {
		t.Errorf("Cầu Kè phase 3: %+v, want late by 3 days", s)
	}
	if s := find("Huyện Trà Cú", "phase3"); s.Status != classify.SubmissionMissing {
		t.Errorf("Trà Cú phase 3: %+v, want missing", s)
	}
	if s := find("Huyện Châu Thành", "phase3"); s.Status != classify.SubmissionOnTime {
		t.Errorf("Châu Thành phase 3: %+v, want on time (the later, supplementary return counts)", s)
	}

	// A usage error: neither returns nor a register.
	if code, _, errOut := runIn(t, dir, "deadlines"); code != ExitUsage || !strings.Contains(errOut, "--register") {
		t.Errorf("deadlines with no input: exit %d, want %d\n%s", code, ExitUsage, errOut)
	}
}

// onlyMissingCommunes reports whether every error line on stderr is a missing-commune one.
func onlyMissingCommunes(stderr string) bool {
	found := false
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "lỗi ") || strings.HasPrefix(line, "error ") {
			if !strings.Contains(line, "missing-commune") {
				return false
			}
			found = true
		}
	}
	return found
}

// deadlines -o writes the overview and the list of documents on two sheets: both tables
// once shared a sheet name, and the list replaced the overview.
func TestE2EDeadlinesWorkbookKeepsBothTables(t *testing.T) {
	dir := sampleCopy(t)
	code, _, errOut := runIn(t, dir, validateArgs(t, dir, "deadlines", "-o", "tien-do.xlsx")...)
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	out := filepath.Join(dir, "tien-do.xlsx")
	overview := sheetRows(t, out, "Tiến độ theo huyện")
	if len(overview) != 1+9 || overview[0][0] != "Huyện, thị xã, thành phố" {
		t.Errorf("overview: %d rows, header %q; want the header and 9 districts", len(overview), overview[0])
	}
	list := sheetRows(t, out, "Tiến độ báo cáo")
	if len(list) != 1+9*5 {
		t.Errorf("list of documents: %d rows, want the header and 45 (9 districts × 5 kinds)", len(list))
	}
}
