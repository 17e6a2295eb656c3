package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// SPEC §10: QĐ 28's addicts_users_managed is "one number, or the sum of two columns". The
// plan gives it two parts (criteria.Part); these tests write returns that give the parts,
// as plain headers, under a group header, in a CSV file, with the whole beside them, and
// read them through the commands' pipeline.

func qd28(t *testing.T) *criteria.Plan {
	t.Helper()
	b, ok := criteria.BuiltinNamed("qd28")
	if !ok {
		t.Fatal("no built-in plan qd28")
	}
	return b.Plan()
}

// partsRun reads files and classifies them as classify and validate do: the reader's
// problems, the checks of Prepare and the blank cells of Holes, and each commune's result
// by its code.
type partsRun struct {
	rets    []*read.Return
	probs   []problem.Problem
	results map[string]CommuneResult
}

func runParts(t *testing.T, p *criteria.Plan, files ...string) partsRun {
	t.Helper()
	rets, probs := read.ReadFiles(files, read.ReadOptions{Plan: p})
	asOf := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
	prep := Prepare(p, rets, probs, asOf, i18n.Vi)
	run := partsRun{rets: rets, probs: append(prep.Problems, prep.Holes(p, i18n.Vi)...), results: map[string]CommuneResult{}}
	for _, r := range ClassifyReturns(p, prep.Current, i18n.Vi) {
		run.results[r.Code] = r
	}
	return run
}

func (run partsRun) category(t *testing.T, code, want string) CommuneResult {
	t.Helper()
	r, ok := run.results[code]
	if !ok {
		t.Fatalf("commune %s not classified; problems:\n%s", code, testkit.Dump(run.probs))
	}
	if r.Category != want {
		t.Errorf("commune %s (%s): %s, want %s; missing %v, reasons %v", code, r.Commune, r.Category, want, r.Missing, r.Reasons)
	}
	return r
}

// The columns of a QĐ 28 return after the commune, code and residents, without
// addicts_users_managed: points, offenders arrested, plants, area, route, and the four of
// the checklist.
var qd28Rest = []any{"Điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy", "Đối tượng phạm tội về ma túy bị bắt giữ trên địa bàn",
	"Số cây có chứa chất ma túy bị phát hiện, triệt phá", "Diện tích cây có chứa chất ma túy bị phát hiện, triệt phá (m²)",
	"Nằm trên tuyến trọng điểm (Có/Không)", "Người cư trú nghiện, sử dụng trái phép chất ma túy",
	"Trong đó: điều trị thay thế, cai nghiện tại gia đình, cộng đồng, quản lý sau cai",
	"Người cư trú vi phạm pháp luật về ma túy trên địa bàn", "Đối tượng truy nã về ma túy lẩn trốn trên địa bàn"}

// row is a commune's row: name, code, residents, the figures given for
// addicts_users_managed (whole or parts), then points, offenders, plants, area and route,
// the checklist's four at 0.
func qdRow(name, code string, residents any, managed []any, points, offenders, plants, area any, route string) []any {
	out := append([]any{name, code, residents}, managed...)
	return append(out, points, offenders, plants, area, route, 0, 0, 0, 0)
}

func qdHeader(managed ...any) []any {
	return append(append([]any{"Xã, phường, đặc khu", "Mã đơn vị", "Nhân khẩu hiện đang cư trú"}, managed...), qd28Rest...)
}

const (
	addictsPart = "Người nghiện có hồ sơ quản lý"
	usersPart   = "Người sử dụng trái phép có hồ sơ quản lý"
	wholeHeader = "Người nghiện, người sử dụng trái phép có hồ sơ quản lý"
)

// Two parts under plain headers: the figure is their sum, compared exactly. At 10,000
// residents 6 + 4 = 10 is a2's 0.1% (with a point and 0.05% arrested, 3 of Type II), which
// neither part reaches alone; 5 + 4 = 9 is not (Type III by a3). A blank or bad part leaves
// the figure blank, the commune undetermined only where it can change the result.
func TestPartsAddUp(t *testing.T) {
	p := qd28(t)
	dir := t.TempDir()
	file := testkit.NewBook(t).Sheet("Số liệu", [][]any{
		qdHeader(addictsPart, usersPart),
		qdRow("Xã Cái Nhum", "29641", 10000, []any{6, 4}, 1, 5, 0, 0, "Không"),
		qdRow("Xã Tân Long Hội", "29653", 10000, []any{5, 4}, 1, 5, 0, 0, "Không"),
		qdRow("Xã Nhơn Phú", "29623", 10000, []any{nil, 4}, 1, 5, 0, 0, "Không"),
		qdRow("Xã Bình Phước", "29638", 10000, []any{"sáu", 4}, 1, 5, 0, 0, "Không"),
		// Type I without (a): 2 points, 0.1% arrested, 3,000 plants; a blank part changes nothing
		qdRow("Xã An Bình", "29584", 10000, []any{6, nil}, 2, 10, 3000, 0, "Không"),
		{"Tổng cộng", nil, 50000, 17, 12},
	}).Save(dir, "parts.xlsx")
	run := runParts(t, p, file)

	ret := run.rets[0]
	if got := ret.Summed["addicts_users_managed"]; !slices.Equal(got, []string{"addicts_managed_part", "users_managed_part"}) {
		t.Errorf("Summed %v, want the two parts", got)
	}
	// the summed figure is where its first part is
	if ret.Columns["addicts_users_managed"] != "D" || ret.Columns["addicts_managed_part"] != "D" || ret.Columns["users_managed_part"] != "E" {
		t.Errorf("columns %v", ret.Columns)
	}
	if n := len(testkit.ProblemsWith(run.probs, problem.CodeMissingColumn)); n != 0 {
		t.Errorf("%d missing-column problems: every part is given\n%s", n, testkit.Dump(run.probs))
	}
	run.category(t, "29641", "type-2")
	run.category(t, "29653", "type-3")
	nhon := run.category(t, "29623", "undetermined")
	if !slices.Equal(nhon.Missing, []string{"addicts_users_managed"}) {
		t.Errorf("Nhơn Phú misses %v, want the summed figure", nhon.Missing)
	}
	run.category(t, "29638", "undetermined")
	anBinh := run.category(t, "29584", "type-1")
	if !slices.Equal(anBinh.Missing, []string{"addicts_users_managed"}) {
		t.Errorf("An Bình misses %v: the blank is stated, although it changes nothing", anBinh.Missing)
	}
	var reasons []string
	for _, r := range run.results["29641"].Reasons {
		reasons = append(reasons, r.Text)
	}
	if !strings.Contains(strings.Join(reasons, "\n"), "10/10.000 = 0,10%") {
		t.Errorf("Cái Nhum's reasons do not give the sum:\n%s", strings.Join(reasons, "\n"))
	}

	// a blank part is named at its own cell, as part of the figure
	blank := testkit.WantProblem(t, run.probs, problem.CodeMissingValue, "D4")
	if !strings.Contains(blank.Message, addictsPart+" (cộng vào "+wholeHeader+")") {
		t.Errorf("blank part: %s", blank.Message)
	}
	if blank := testkit.WantProblem(t, run.probs, problem.CodeMissingValue, "E6"); !strings.Contains(blank.Message, usersPart) {
		t.Errorf("blank part: %s", blank.Message)
	}
	// a bad part is a type error at its cell, as in any column, naming the part
	if bad := testkit.WantProblem(t, run.probs, problem.CodeTypeError, "D5"); !strings.Contains(bad.Message, `"sáu"`) || !strings.Contains(bad.Message, strings.ToLower(addictsPart[:1])+addictsPart[1:]) {
		t.Errorf("bad part: %s", bad.Message)
	}
	// the totals row is checked column by column, parts included: 6+5+6 = 17 is right,
	// 4+4+4+4 = 16 is not 12
	if mm := testkit.WantProblem(t, run.probs, problem.CodeTotalMismatch, "E7"); !strings.Contains(mm.Message, "16") {
		t.Errorf("totals: %s", mm.Message)
	}
	if n := len(testkit.ProblemsWith(run.probs, problem.CodeTotalMismatch)); n != 1 {
		t.Errorf("%d total mismatches, want the users' alone:\n%s", n, testkit.Dump(run.probs))
	}
	if n := len(testkit.ProblemsWith(run.probs, problem.CodeInconsistent)); n != 0 {
		t.Errorf("a figure summed from its parts is never inconsistent with them:\n%s", testkit.Dump(run.probs))
	}
}

// The parts under a group header, "Người nghiện, người sử dụng có hồ sơ quản lý" merged
// over "Người nghiện" and "Người sử dụng", the other headers merged down two rows.
func TestPartsUnderAGroupHeader(t *testing.T) {
	p := qd28(t)
	dir := t.TempDir()
	top := qdHeader("Người nghiện, người sử dụng có hồ sơ quản lý", nil)
	sub := make([]any, len(top))
	sub[3], sub[4] = "Người nghiện", "Người sử dụng"
	b := testkit.NewBook(t).Sheet("Báo cáo", [][]any{
		{"CÔNG AN TỈNH VĨNH LONG"},
		{"BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ NĂM 2026"},
		top, sub,
		qdRow("Xã Cái Nhum", "29641", 10000, []any{6, 4}, 1, 5, 0, 0, "Không"),
		qdRow("Xã Tân Long Hội", "29653", "10.000", []any{"5", "4"}, 1, 5, 0, 0, "Không"),
	}).Merge("Báo cáo", "D3", "E3")
	for c := 'A'; c <= 'N'; c++ {
		if c != 'D' && c != 'E' {
			b.Merge("Báo cáo", string(c)+"3", string(c)+"4")
		}
	}
	run := runParts(t, p, b.Save(dir, "group.xlsx"))
	ret := run.rets[0]
	if ret.Columns["addicts_managed_part"] != "D" || ret.Columns["users_managed_part"] != "E" || ret.Summed["addicts_users_managed"] == nil {
		t.Fatalf("columns %v, summed %v; problems:\n%s", ret.Columns, ret.Summed, testkit.Dump(run.probs))
	}
	run.category(t, "29641", "type-2")
	run.category(t, "29653", "type-3")
	testkit.NoErrors(t, run.probs)
}

// A CSV return gives the parts as any workbook does.
func TestPartsInACSVReturn(t *testing.T) {
	p := qd28(t)
	var b strings.Builder
	for _, r := range [][]any{qdHeader(addictsPart, usersPart), qdRow("Xã Cái Nhum", "29641", 10000, []any{6, 4}, 1, 5, 0, 0, "Không"),
		qdRow("Xã Tân Long Hội", "29653", 10000, []any{5, 4}, 1, 5, 0, 0, "Không")} {
		var cells []string
		for _, v := range r {
			s := ""
			if v != nil {
				s = strings.ReplaceAll(fmt.Sprint(v), `"`, `""`)
			}
			cells = append(cells, `"`+s+`"`)
		}
		b.WriteString(strings.Join(cells, ",") + "\n")
	}
	run := runParts(t, p, testkit.WriteFile(t, t.TempDir(), "parts.csv", []byte(b.String())))
	run.category(t, "29641", "type-2")
	run.category(t, "29653", "type-3")
	if n := len(testkit.ProblemsWith(run.probs, problem.CodeMissingColumn)); n != 0 {
		t.Errorf("missing columns:\n%s", testkit.Dump(run.probs))
	}
}

// One part without the other: the sum cannot be made, the figure is blank in every row,
// and the warning names the part that is missing, at the header of the one given; the
// whole's own missing-column warning is not repeated.
func TestOnePartAbsent(t *testing.T) {
	p := qd28(t)
	dir := t.TempDir()
	file := testkit.NewBook(t).Sheet("Số liệu", [][]any{
		qdHeader(addictsPart),
		qdRow("Xã Cái Nhum", "29641", 10000, []any{6}, 1, 5, 0, 0, "Không"),
	}).Save(dir, "one.xlsx")
	for _, lang := range []i18n.Lang{i18n.Vi, i18n.En} {
		_, probs := read.ReadFiles([]string{file}, read.ReadOptions{Plan: p, Lang: lang})
		mc := testkit.ProblemsWith(probs, problem.CodeMissingColumn)
		if len(mc) != 1 || mc[0].Cell != "D1" || mc[0].Sheet != "Số liệu" {
			t.Fatalf("%v: missing-column problems:\n%s", lang, testkit.Dump(probs))
		}
		want := map[i18n.Lang][]string{
			i18n.Vi: {`"` + wholeHeader + `"`, `có cột "` + addictsPart + `"`, `không có cột "` + usersPart + `"`},
			i18n.En: {`"Addicts and users with records"`, `"Addicts with records" is given but "Illegal users with records" is not`},
		}[lang]
		for _, w := range want {
			if !strings.Contains(mc[0].Message, w) {
				t.Errorf("%v: %q\nwant %q", lang, mc[0].Message, w)
			}
		}
	}
	run := runParts(t, p, file)
	if _, ok := run.rets[0].Rows[0].Figures["addicts_users_managed"]; ok || run.rets[0].Summed != nil {
		t.Errorf("the figure was made from one part: %v", run.rets[0].Rows[0].Figures)
	}
	run.category(t, "29641", "undetermined")
}

// The whole's column and the parts' both given: the whole is read; where the parts' sum
// differs, a warning of the rule addicts_users_managed-sum-of-parts names the three cells.
func TestWholeAndParts(t *testing.T) {
	p := qd28(t)
	dir := t.TempDir()
	file := testkit.NewBook(t).Sheet("Số liệu", [][]any{
		qdHeader(wholeHeader, addictsPart, usersPart),
		qdRow("Xã Cái Nhum", "29641", 10000, []any{10, 6, 4}, 1, 5, 0, 0, "Không"),
		qdRow("Xã Tân Long Hội", "29653", 10000, []any{10, 5, 4}, 1, 5, 0, 0, "Không"),
		qdRow("Xã Nhơn Phú", "29623", 10000, []any{9, 6, 4}, 1, 5, 0, 0, "Không"),
	}).Save(dir, "both.xlsx")
	run := runParts(t, p, file)
	if run.rets[0].Summed != nil || run.rets[0].Columns["addicts_users_managed"] != "D" {
		t.Errorf("the whole's column is not the one read: %v, %v", run.rets[0].Summed, run.rets[0].Columns)
	}
	run.category(t, "29641", "type-2")
	run.category(t, "29653", "type-2") // the whole's 10, not the parts' 9
	run.category(t, "29623", "type-3") // the whole's 9, not the parts' 10
	inc := testkit.ProblemsWith(run.probs, problem.CodeInconsistent)
	if len(inc) != 2 {
		t.Fatalf("%d inconsistent problems, want 2:\n%s", len(inc), testkit.Dump(run.probs))
	}
	for i, want := range []struct{ cell, msg string }{
		{"D3", "D3 = 10 người nghiện, người sử dụng trái phép có hồ sơ quản lý ≠ E3 + F3 = 9 người nghiện có hồ sơ quản lý + người sử dụng trái phép có hồ sơ quản lý (quy tắc addicts_users_managed-sum-of-parts)"},
		{"D4", "D4 = 9 người nghiện, người sử dụng trái phép có hồ sơ quản lý ≠ E4 + F4 = 10 "},
	} {
		got := inc[i]
		if got.Severity != problem.Warning || got.Cell != want.cell || got.Rule != "addicts_users_managed-sum-of-parts" || !strings.Contains(got.Message, want.msg) {
			t.Errorf("got %s %s %s %s\nwant warning at %s: %s", got.Severity, got.Cell, got.Rule, got.Message, want.cell, want.msg)
		}
	}
}

// diff between two returns that give the parts: the summed figure's change is at its first
// part's cell, with every part's cell beside it.
func TestDiffOfSummedFigures(t *testing.T) {
	p := qd28(t)
	dir := t.TempDir()
	write := func(name string, addicts int) string {
		return testkit.NewBook(t).Sheet("Số liệu", [][]any{
			qdHeader(addictsPart, usersPart),
			qdRow("Xã Cái Nhum", "29641", 10000, []any{addicts, 4}, 1, 5, 0, 0, "Không"),
		}).Save(dir, name)
	}
	oldFile, newFile := write("old.xlsx", 6), write("new.xlsx", 5)
	oldRets, _ := read.ReadFiles([]string{oldFile}, read.ReadOptions{Plan: p})
	newRets, _ := read.ReadFiles([]string{newFile}, read.ReadOptions{Plan: p})
	d := Diff(p, oldFile, oldRets, newFile, newRets, i18n.Vi)
	var fig, cat *Change
	for i, c := range d.Changes {
		switch c.Change {
		case ChangeFigure:
			fig = &d.Changes[i]
		case ChangeCategory:
			cat = &d.Changes[i]
		}
	}
	if fig == nil || fig.Field != "addicts_users_managed" || fig.Old != 10.0 || fig.New != 9.0 || fig.OldCell != "Số liệu!D2" || fig.NewCell != "Số liệu!D2" {
		t.Fatalf("figure change %+v; all: %+v", fig, d.Changes)
	}
	if want := []string{"Số liệu!D2", "Số liệu!E2"}; !slices.Equal(fig.OldParts, want) || !slices.Equal(fig.NewParts, want) {
		t.Errorf("the parts' cells: %v and %v, want %v", fig.OldParts, fig.NewParts, want)
	}
	if cat == nil || cat.Old != "type-2" || cat.New != "type-3" || !slices.Contains(cat.Because, "addicts_users_managed") {
		t.Errorf("category change %+v", cat)
	}
}
