package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"drugfree/internal/testkit"

	"github.com/xuri/excelize/v2"
)

// A commune's QĐ 28 return protected with a password (SPEC §5: "password-protected workbooks
// (password from a flag or an environment variable, never echoed)"), sent with an unprotected
// one: without the password the protected file is a password-required error naming it and the
// other is still classified; with DRUGFREE_PASSWORD both are read and the password is never
// printed. Hiếu Phụng P=5000 n=25 points 2 k=0: Type I a1 (200·25 ≥ 5000), b1 → 2 of 3; Type II
// a2, b2 → 2 of 3; Type III a3 → Loại III (by hand from SPEC §10). Tân Quới all zero → not-key.
func TestQD28Unseen2ProtectedReturn(t *testing.T) {
	dir := t.TempDir()
	header := []any{"Xã, phường, đặc khu", "Mã đơn vị", "Nhân khẩu hiện đang cư trú",
		"Người nghiện, người sử dụng trái phép có hồ sơ quản lý",
		"Điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy",
		"Đối tượng phạm tội về ma túy bị bắt giữ trên địa bàn",
		"Số cây có chứa chất ma túy bị phát hiện, triệt phá",
		"Diện tích cây có chứa chất ma túy bị phát hiện, triệt phá (m²)",
		"Nằm trên tuyến trọng điểm (Có/Không)"}
	testkit.NewBook(t).
		Sheet("Thông tin", [][]any{{"Đơn vị báo cáo", "Xã Hiếu Phụng"}, {"Loại báo cáo", "Năm 2026"}, {"Ngày báo cáo", "15/12/2026"}}).
		Sheet("Số liệu", [][]any{header, {"Hiếu Phụng", "29701", 5000, 25, 2, 0, 0, 0, "Không"}}).
		Save(dir, "hieu-phung.xlsx", excelize.Options{Password: testPassword})
	testkit.NewBook(t).
		Sheet("Thông tin", [][]any{{"Đơn vị báo cáo", "Xã Tân Quới"}, {"Loại báo cáo", "Năm 2026"}, {"Ngày báo cáo", "15/12/2026"}}).
		Sheet("Số liệu", [][]any{header, {"Tân Quới", "29800", 5000, 0, 0, 0, 0, 0, "Không"}}).
		Save(dir, "tan-quoi.xlsx")
	if f, err := excelize.OpenFile(filepath.Join(dir, "hieu-phung.xlsx")); err == nil {
		f.Close()
		t.Fatal("the protected return opens without a password: the test would prove nothing")
	}
	args := []string{"--plan", "qd28", "classify", "hieu-phung.xlsx", "tan-quoi.xlsx", "--format", "csv"}

	code, out, errOut := runEnv(t, dir, "", args...)
	if code != 1 {
		t.Errorf("without the password: exit %d, want 1\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "password-required: hieu-phung.xlsx:") || !strings.Contains(errOut, "DRUGFREE_PASSWORD") {
		t.Errorf("without the password: want password-required naming hieu-phung.xlsx and DRUGFREE_PASSWORD, got\n%s", errOut)
	}
	if !strings.Contains(out, "\nXã Tân Quới,29800,not-key,") || strings.Contains(out, "Hiếu Phụng") {
		t.Errorf("without the password: want Tân Quới alone classified, got\n%s", out)
	}
	code, out, errOut = runEnv(t, dir, testPassword, args...)
	if code != 0 {
		t.Errorf("with DRUGFREE_PASSWORD: exit %d, want 0\n%s", code, errOut)
	}
	if strings.Contains(errOut+out, testPassword) {
		t.Errorf("the password is echoed:\n%s", errOut)
	}
	for _, want := range []string{"\nXã Hiếu Phụng,29701,type-3,", "\nXã Tân Quới,29800,not-key,"} {
		if !strings.Contains(out, want) {
			t.Errorf("with DRUGFREE_PASSWORD: want %q in\n%s", want, out)
		}
	}
}

// runEnv runs drugfree in-process in dir with DRUGFREE_PASSWORD set to env (stdin not a
// terminal) and returns the exit code, stdout and stderr.
func runEnv(t *testing.T, dir, env string, args ...string) (int, string, string) {
	t.Helper()
	old, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(old)
	ios, out, errOut := TestIO()
	f := &Factory{IO: ios, Now: func() time.Time { return testClock },
		Getenv: func(k string) string {
			if k == "DRUGFREE_PASSWORD" {
				return env
			}
			return ""
		}}
	code := Run(f, args)
	return code, out.String(), errOut.String()
}
