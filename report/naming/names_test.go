package naming

import (
	"strings"
	"testing"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
)

func TestMatcherCommune(t *testing.T) {
	m := NewMatcher(testkit.TestPlan)
	tests := []struct {
		name, district, code, typ string
		wantCode, wantProblem     string
		wantText                  string // in the Vietnamese message
	}{
		{name: "Phường 1", wantProblem: problem.CodeAmbiguousCommune, wantText: "Thị xã Duyên Hải"},
		{name: "Phường 1", district: testkit.TpTraVinh, wantCode: "29239"},
		{name: "Phường 1", district: testkit.TxDuyenHai, wantCode: "29512"},
		{name: "P1", district: testkit.TpTraVinh, wantCode: "29239"},
		{name: "P.1", district: testkit.TpTraVinh, wantCode: "29239"},
		{name: "phuong 1", district: testkit.TpTraVinh, wantCode: "29239"},
		{name: "Phường 01", district: testkit.TpTraVinh, wantCode: "29239"},
		{name: "Phường 1", code: "29512", wantCode: "29512"},
		{name: "Định An", district: testkit.HuyenTraCu, wantProblem: problem.CodeAmbiguousCommune, wantText: "29462"},
		{name: "Định An", wantProblem: problem.CodeAmbiguousCommune},
		{name: "TT Định An", district: testkit.HuyenTraCu, wantCode: "29462"},
		{name: "TT. Định An", wantCode: "29462"},
		{name: "Thị trấn Định An", district: testkit.HuyenTraCu, wantCode: "29462"},
		{name: "Xã Định An", district: testkit.HuyenTraCu, wantCode: "29494"},
		{name: "X. Dinh An", district: testkit.HuyenTraCu, wantCode: "29494"},
		{name: "Định An", district: testkit.HuyenTraCu, typ: "xã", wantCode: "29494"},
		{name: "Định An", district: testkit.HuyenTraCu, code: "29462", wantCode: "29462"},
		{name: "Hoà Tân", wantCode: "29320"},
		{name: "Hòa Tân", wantCode: "29320"},
		{name: "HOA TAN", district: testkit.HuyenCauKe, wantCode: "29320"},
		{name: "Vĩnh Kim", wantCode: "29431"},
		{name: "Vinh Kim", wantCode: "29431"},
		{name: "Lương Hoà A", wantCode: "29386"},
		{name: "TT Cầu Kè", wantCode: "29308"},
		{name: "Phường 2", district: testkit.TpTraVinh, wantProblem: problem.CodeUnknownCommune, wantText: "Phường 3"},
		{name: "Phường 6", district: testkit.TpTraVinh, wantProblem: problem.CodeUnknownCommune, wantText: "01/01/2025"},
		{name: "", code: "29245", wantProblem: problem.CodeUnknownCommune, wantText: "Phường 3"},
		{name: "Phường 2", district: testkit.TxDuyenHai, wantCode: "29516"},
		{name: "Hòa Tân", district: testkit.TpTraVinh, wantProblem: problem.CodeWrongDistrict, wantText: testkit.HuyenCauKe},
		{name: "Chau Dien", district: testkit.HuyenCauKe, wantCode: "29314"},
		{name: "Châu Điềm", district: testkit.HuyenCauKe, wantProblem: problem.CodeUnknownCommune, wantText: "Xã Châu Điền"},
		{name: "Long Đứt", wantProblem: problem.CodeUnknownCommune, wantText: "Xã Long Đức (Thành phố Trà Vinh)"},
		{name: "Xyz", wantProblem: problem.CodeUnknownCommune},
		// A name whose first word looks like a prefix: Xã Phương Thạnh, not Phường Thạnh.
		{name: "Xã Phương Thạnh", wantCode: "29290"},
		{name: "xa phuong thanh", district: "Huyện Càng Long", wantCode: "29290"},
		{name: "Phương Thạnh", wantCode: "29290"},
	}
	for _, tc := range tests {
		t.Run(tc.name+"/"+tc.district+"/"+tc.code+"/"+tc.typ, func(t *testing.T) {
			got := m.Commune(tc.name, tc.district, tc.code, tc.typ)
			if tc.wantCode != "" {
				if !got.OK || got.Commune.Code != tc.wantCode {
					t.Fatalf("got %+v; want commune %s", got, tc.wantCode)
				}
				return
			}
			if got.OK || got.Problem != tc.wantProblem {
				t.Fatalf("got OK=%v problem %q (%+v); want %s", got.OK, got.Problem, got, tc.wantProblem)
			}
			if text := got.Message(criteria.Default(), i18n.Vi); !strings.Contains(text, tc.wantText) || text == "" {
				t.Errorf("message %q does not contain %q", text, tc.wantText)
			}
			if got.Message(criteria.Default(), i18n.En) == got.Message(criteria.Default(), i18n.Vi) {
				t.Errorf("English message is the Vietnamese one: %q", got.Message(criteria.Default(), i18n.En))
			}
		})
	}
}

func TestMatcherAmbiguousNamesCandidates(t *testing.T) {
	got := NewMatcher(testkit.TestPlan).Commune("Định An", testkit.HuyenTraCu, "", "")
	var codes []string
	for _, c := range got.Candidates {
		codes = append(codes, c.Code)
	}
	if strings.Join(codes, ",") != "29462,29494" {
		t.Errorf("candidates %v, want 29462 and 29494", codes)
	}
}

func TestMatcherDistrict(t *testing.T) {
	m := NewMatcher(testkit.TestPlan)
	tests := []struct {
		name, want string
		ok         bool
		suggest    string
	}{
		{"Huyện Càng Long", "Huyện Càng Long", true, ""},
		{"Càng Long", "Huyện Càng Long", true, ""},
		{"cang long", "Huyện Càng Long", true, ""},
		{"H. Cầu Kè", testkit.HuyenCauKe, true, ""},
		{"TP Trà Vinh", testkit.TpTraVinh, true, ""},
		{"TP. Tra Vinh", testkit.TpTraVinh, true, ""},
		{"Trà Vinh", testkit.TpTraVinh, true, ""},
		{"TX Duyên Hải", testkit.TxDuyenHai, true, ""},
		{"Thị xã Duyên Hải", testkit.TxDuyenHai, true, ""},
		{"Huyện Duyên Hải", testkit.HuyenDuyenHai, true, ""},
		{"Duyên Hải", "", false, testkit.TxDuyenHai},
		{"Cang Lông", "Huyện Càng Long", true, ""},
		{"Cầu Ngan", "", false, "Huyện Cầu Ngang"},
		{"", "", false, ""},
	}
	for _, tc := range tests {
		got, sugg, ok := m.District(tc.name)
		if got != tc.want || ok != tc.ok || !strings.Contains(strings.Join(sugg, "|"), tc.suggest) {
			t.Errorf("District(%q) = %q, %v, %v; want %q, %v, suggesting %q", tc.name, got, sugg, ok, tc.want, tc.ok, tc.suggest)
		}
	}
}

func TestMatcherDistrictIn(t *testing.T) {
	m := NewMatcher(testkit.TestPlan)
	tests := map[string]string{
		"BC_ra_soat_Cang_Long_2025": "Huyện Càng Long",
		"Cau Ke - tinh Tra Vinh":    testkit.HuyenCauKe,
		"bao cao TX Duyen Hai":      testkit.TxDuyenHai,
		"Duyen Hai":                 "",
		"tong hop tinh Tra Vinh":    "",
		"Càng Long và Cầu Kè":       "",
	}
	for text, want := range tests {
		got, ok := m.DistrictIn(text)
		if got != want || ok != (want != "") {
			t.Errorf("DistrictIn(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"chau dien", "chau diem", 1}, {"kitten", "sitting", 3}}
	for _, tc := range tests {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
