package cmd

import (
	"encoding/json"
	"fmt"
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
	// districts.xlsx is the districts' phase 1 (April 2025); as of 20/12/2025 the target is
	// counted in the 41 communes formed by the reform of 1 July 2025, which its communes are
	// not: they pass, but are not counted.
	if !regexp.MustCompile(`(?m)^Đạt đủ 8 tiêu chí: 0 xã; mục tiêu 20%: 9/41 xã có hiệu lực từ 01/07/2025 — còn thiếu 9 xã; \d+ xã đạt theo danh mục khác`).MatchString(out) {
		t.Errorf("the footer lacks the progress against 9 of 41:\n%s", lastLines(out, 2))
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
	if got.Progress.Target != 9 || got.Progress.Registry != 41 {
		t.Errorf("progress %+v, want a target of 9 of 41", got.Progress)
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
	if passing != got.Progress.Passing+got.Progress.NotCounted || got.Progress.NotCounted == 0 {
		t.Errorf("%d communes pass but the progress counts %d and leaves out %d", passing, got.Progress.Passing, got.Progress.NotCounted)
	}
	// As of a day before the reform they count, against 21 of 104.
	if code, out, _ := runIn(t, dir, "recognize", "districts.xlsx", "--as-of", "2025-05-20"); code != ExitOK ||
		!regexp.MustCompile(fmt.Sprintf(`(?m)^Đạt đủ 8 tiêu chí: %d xã; mục tiêu 20%%: 21/104 xã`, passing)).MatchString(out) {
		t.Errorf("as of 20/05/2025: exit %d\n%s", code, lastLines(out, 2))
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
		code, out, errOut := bin(t, dir, append([]string{"recognize", "now.csv", "--format", "json", "--as-of", "2025-04-30"}, args...)...)
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
	code, out, errOut := bin(t, dir, "recognize", "now.csv", "--baseline", "earlier.csv", "--as-of", "2025-04-30")
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
	if !regexp.MustCompile(`(?m)^cảnh báo missing-submission: Xã Bình Phú: Xã Bình Phú chưa gửi báo cáo Giai đoạn 3`).MatchString(errOut) || strings.Contains(errOut, ": : ") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if !regexp.MustCompile(`(?m)^lỗi missing-commune: returns/phase3/phase3-xa-cang-long\.xlsx: Số liệu: Xã Càng Long, Xã Càng Long: `).MatchString(errOut) {
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
		// the sample's round across the reform of 1 July 2025 (report/sample.SampleSet)
		{problem.CodeLateSubmission, "returns/phase3/phase3-phuong-long-duc.xlsx", "Phường Long Đức", ""},
		{problem.CodeLateSubmission, "returns/review/review-huyen-cang-long.xlsx", "Huyện Càng Long", ""},
		{problem.CodeMissingSubmission, "", "Xã Bình Phú", ""},
		{problem.CodeMissingSubmission, "", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", ""},
		{problem.CodeMissingCommune, "returns/phase3/phase3-xa-cang-long.xlsx", "Xã Càng Long", "Xã Càng Long"},
		{problem.CodeUnknownCommune, "returns/phase3/phase3-xa-cang-long.xlsx", "Xã Càng Long", "Thị trấn Càng Long"},
		{problem.CodeUnknownCommune, "returns/phase3/phase3-xa-cang-long.xlsx", "Xã Càng Long", "Xã Mỹ Cẩm"},
		{problem.CodeSuperseded, "returns/phase3/phase3-xa-an-truong.xlsx", "Xã An Trường", ""},
		{problem.CodeRegistryDate, "returns/phase3/phase3-phuong-tra-vinh.xlsx", "Phường Trà Vinh", "Phường Trà Vinh"},
	} {
		if !has(w.code, w.file, w.district, w.commune) {
			t.Errorf("no %s problem for %s %s %s", w.code, w.file, w.district, w.commune)
		}
	}
	if n := len(got.Problems); n == 0 || got.AsOf != "2025-12-20" {
		t.Errorf("as_of %q, %d problems", got.AsOf, n)
	}

	// Only complete, on-time returns: warnings for what was not sent, no errors, exit 0.
	code, out, errOut = runIn(t, dir, "validate", "returns/phase3/phase3-xa-cau-ke.xlsx", "--as-of", "2025-12-20")
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
	// Late and missing returns are warnings; the sample has reading errors (xã Càng Long's
	// return lists its former units), which deadlines prints: exit 1.
	code, out, errOut := runIn(t, dir, validateArgs(t, dir, "deadlines")...)
	if code != ExitData || !strings.Contains(errOut, "unknown-commune") || strings.Contains(errOut, "late-submission") {
		t.Errorf("exit %d, want 1 for the reading errors alone:\n%s", code, errOut)
	}
	golden(t, "deadlines.txt", out)

	code, out, _ = runIn(t, dir, validateArgs(t, dir, "deadlines", "--format", "json")...)
	if code != ExitData {
		t.Errorf("json: exit %d", code)
	}
	golden(t, "deadlines.json", out)
	var raw struct {
		Submissions []map[string]any `json:"submissions"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	// The districts owe the kinds due before the reform of 1 July 2025, the 41 communes
	// formed by it those due after, the 12 bodies of section IV their plans and reports.
	if len(raw.Submissions) != 9*3+41*2+12*4 {
		t.Errorf("%d submissions, want 157 (9 districts × 3 kinds, 41 communes × 2, 12 bodies × 4)", len(raw.Submissions))
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
	if s := find("Phường Long Đức", "phase3"); s.Status != classify.SubmissionLate || s.DaysLate != 3 || s.FormerDistrict != "Thành phố Trà Vinh" {
		t.Errorf("Long Đức phase 3: %+v, want late by 3 days, listed under the city", s)
	}
	if s := find("Xã Bình Phú", "phase3"); s.Status != classify.SubmissionMissing {
		t.Errorf("Bình Phú phase 3: %+v, want missing", s)
	}
	if s := find("Xã An Trường", "phase3"); s.Status != classify.SubmissionOnTime || len(s.Superseded) != 1 {
		t.Errorf("An Trường phase 3: %+v, want on time (the later, supplementary return counts)", s)
	}
	if s := find("Huyện Cầu Ngang", "plan"); s.Status != classify.SubmissionMissing {
		t.Errorf("Cầu Ngang's plan: %+v, want missing", s)
	}
	if s := find("Sở Y tế", "phase3"); s.Status != classify.SubmissionLate || !s.Body {
		t.Errorf("Sở Y tế's phase 3: %+v, want late", s)
	}
	for _, s := range got.Submissions {
		if strings.HasPrefix(s.District, "Huyện ") && (s.Kind == "phase2" || s.Kind == "phase3") {
			t.Errorf("%s owes %s after the districts were abolished", s.District, s.Kind)
		}
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
	if code != ExitData { // the sample's reading errors
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	out := filepath.Join(dir, "tien-do.xlsx")
	overview := tableRows(sheetRows(t, out, "Tiến độ theo đơn vị"), "Đơn vị gửi báo cáo")
	if len(overview) != 1+9+41+12 {
		t.Errorf("overview: %d rows; want the header, 9 districts, 41 communes and 12 bodies", len(overview))
	}
	list := tableRows(sheetRows(t, out, "Tiến độ báo cáo"), "Đơn vị gửi báo cáo")
	if len(list) != 1+9*3+41*2+12*4 {
		t.Errorf("list of documents: %d rows, want the header and 157", len(list))
	}
}
