package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

const testPassword = "Kh0ng-Ma-Tuy"

// protectedReturns copies the two returns of phase 3 into a fresh folder, encrypted with
// testPassword, and returns the folder and their names.
func protectedReturns(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for _, name := range []string{"phase3-phuong-duyen-hai.xlsx", "phase3-phuong-hoa-thuan.xlsx"} {
		f, err := excelize.OpenFile(filepath.Join("..", "testdata", "returns", "phase3", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SaveAs(filepath.Join(dir, name), excelize.Options{Password: testPassword}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		names = append(names, name)
	}
	return dir, names
}

// runWith runs drugfree in-process in dir with DRUGFREE_PASSWORD set to env and
// readPassword as the terminal's prompt (nil: stdin is not a terminal).
func runWith(t *testing.T, dir, env string, readPassword func(string) (string, error), args ...string) (int, string) {
	t.Helper()
	old, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(old)
	ios, _, errOut := TestIO()
	f := &Factory{IO: ios, Now: func() time.Time { return testClock }, ReadPassword: readPassword,
		Getenv: func(k string) string {
			if k == "DRUGFREE_PASSWORD" {
				return env
			}
			return ""
		}}
	return Run(f, args), errOut.String()
}

// wantEncrypted checks that path opens only with testPassword.
func wantEncrypted(t *testing.T, path string) {
	t.Helper()
	if f, err := excelize.OpenFile(path); err == nil {
		f.Close()
		t.Errorf("%s opens without a password", path)
	}
	f, err := excelize.OpenFile(path, excelize.Options{Password: testPassword})
	if err != nil {
		t.Errorf("%s does not open with the password: %v", path, err)
		return
	}
	if len(f.GetSheetList()) == 0 {
		t.Errorf("%s has no sheet", path)
	}
	f.Close()
}

// On a terminal, protected returns met without a password make one prompt, in the
// user's language, whose answer opens them all; the workbook written from them is
// encrypted with it.
func TestE2EPasswordPromptedOnce(t *testing.T) {
	dir, names := protectedReturns(t)
	var prompts []string
	ask := func(prompt string) (string, error) {
		prompts = append(prompts, prompt)
		return testPassword, nil
	}
	code, errOut := runWith(t, dir, "", ask, append([]string{"classify", "-o", "out.xlsx"}, names...)...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	if len(prompts) != 1 || !strings.Contains(prompts[0], "Mật khẩu") {
		t.Errorf("prompts %q: want one, in Vietnamese", prompts)
	}
	if strings.Contains(errOut, testPassword) {
		t.Errorf("the password is printed:\n%s", errOut)
	}
	wantEncrypted(t, filepath.Join(dir, "out.xlsx"))

	// unprotected returns: no prompt
	prompts = nil
	plain := filepath.Join("..", "testdata", "returns", "phase3", names[0])
	abs, _ := filepath.Abs(plain)
	if code, errOut := runWith(t, dir, "", ask, "--lang", "en", "classify", abs); code != 0 || len(prompts) != 0 {
		t.Errorf("unprotected return: exit %d, prompts %q\n%s", code, prompts, errOut)
	}
}

// Without a terminal, no one is asked: the problem says to give the password in
// DRUGFREE_PASSWORD.
func TestE2EPasswordNoTerminal(t *testing.T) {
	dir, names := protectedReturns(t)
	code, errOut := runWith(t, dir, "", nil, append([]string{"--lang", "en", "classify"}, names...)...)
	if code != ExitData || strings.Count(errOut, "password-required") != 2 || !strings.Contains(errOut, "DRUGFREE_PASSWORD") {
		t.Errorf("exit %d, want 1 and two password-required problems naming DRUGFREE_PASSWORD:\n%s", code, errOut)
	}
}

// Every -o workbook made from protected returns is encrypted with their password, and
// template --password encrypts the template.
func TestE2EPasswordEncryptsEveryOutput(t *testing.T) {
	dir, names := protectedReturns(t)
	for _, args := range [][]string{
		{"classify"}, {"validate"}, {"recognize"}, {"deadlines", "--as-of", "2025-12-20"},
		{"consolidate", "--as-of", "2025-12-20", "--partial"},
	} {
		out := args[0] + ".xlsx"
		code, errOut := runWith(t, dir, testPassword, nil, append(append(args, "-o", out), names...)...)
		if !exists(filepath.Join(dir, out)) {
			t.Errorf("%s: exit %d, nothing written:\n%s", args[0], code, errOut)
			continue
		}
		wantEncrypted(t, filepath.Join(dir, out))
	}
	code, errOut := runWith(t, dir, "", nil, "--password", testPassword, "template", "--district", "Càng Long", "-o", "template.xlsx")
	if code != 0 {
		t.Fatalf("template: exit %d:\n%s", code, errOut)
	}
	wantEncrypted(t, filepath.Join(dir, "template.xlsx"))
}
