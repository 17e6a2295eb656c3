package register

import (
	"drugfree/i18n"
	"strings"
	"testing"
	"time"

	"drugfree/internal/testkit"
	"drugfree/report/naming"
	"drugfree/report/problem"
)

// The register's lines are read against the registry in force on their date too, and
// name the plan's bodies.
func TestRegisterAcrossTheReform(t *testing.T) {
	p := testkit.TestPlan
	path := writeRegisterFile(t, "so.csv", strings.Join([]string{
		"Đơn vị,Loại báo cáo,Số văn bản,Ngày báo cáo,Ngày nhận",
		"Huyện Càng Long,Kế hoạch,1/KH,20/03/2025,21/03/2025",
		"Huyện Càng Long,Giai đoạn 2,2/BC,29/10/2025,30/10/2025",
		"Xã Càng Long,Giai đoạn 2,3/BC,29/10/2025,30/10/2025",
		"Sở TT&TT,Giai đoạn 1,4/BC,28/04/2025,29/04/2025",
		"Càng Long,Giai đoạn 2,5/BC,,",
	}, "\n"))
	subs, probs := ReadRegister(path, naming.NewMatchers(p), p, time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), i18n.Vi)
	var got []string
	for _, s := range subs {
		got = append(got, s.District+"/"+s.Kind)
	}
	want := []string{"Huyện Càng Long/plan", "Xã Càng Long/phase2", "Sở Thông tin và Truyền thông/phase1", "Xã Càng Long/phase2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("submissions %v, want %v", got, want)
	}
	d := testkit.WantProblem(t, probs, problem.CodeUnknownDistrict, "A3")
	if !strings.Contains(d.Message, "01/07/2025") || !strings.Contains(d.Message, "mỗi xã, phường tự gửi") {
		t.Errorf("%q does not say the districts were abolished on 01/07/2025", d.Message)
	}
}
