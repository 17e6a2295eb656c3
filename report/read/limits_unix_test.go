//go:build unix

package read

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
)

// A FIFO is not opened (opening it would wait for a writer, forever): a clear message.
func TestReadFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe.xlsx")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip(err)
	}
	_, probs := ReadFile(path, ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En})
	p := testkit.WantProblem(t, probs, problem.CodeUnreadableFile, "")
	if !strings.Contains(p.Message, "FIFO") {
		t.Errorf("message %q", p.Message)
	}
}
