package cmd

import (
	"strings"
	"testing"
	"time"

	"drugfree/report/textfit"
)

func TestTerminalWidth(t *testing.T) {
	ios, _, _ := TestIO()
	if w := ios.TerminalWidth(); w != 0 {
		t.Errorf("not a terminal: width %d, want 0 (no limit)", w)
	}
	ios.SetStdoutTTY(true, 0)
	if w := ios.TerminalWidth(); w != 80 {
		t.Errorf("a terminal that does not say its width: %d, want 80", w)
	}
	ios.SetStdoutTTY(true, 132)
	if w := ios.TerminalWidth(); w != 132 {
		t.Errorf("a terminal of 132: %d", w)
	}
}

// The commands fit their tables to the terminal the Factory's IOStreams says, and print them
// whole with --wide (in process: the pseudo-terminal test runs the binary).
func TestTablesFitTheFactorysTerminal(t *testing.T) {
	widest := func(wide bool) int {
		ios, out, _ := TestIO()
		ios.SetStdoutTTY(true, 80)
		f := &Factory{IO: ios, Now: func() time.Time { return testClock }, Getenv: func(string) string { return "" }}
		args := []string{"classify", "../testdata/districts.xlsx"}
		if wide {
			args = append(args, "--wide")
		}
		if code := Run(f, args); code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		w := 0
		for _, line := range strings.Split(out.String(), "\n") {
			w = max(w, textfit.Cells(line))
		}
		return w
	}
	if w := widest(false); w > 80 || w < 70 {
		t.Errorf("on a terminal of 80: the widest line is %d", w)
	}
	if w := widest(true); w <= 80 {
		t.Errorf("--wide on a terminal of 80: the widest line is %d, want the whole table", w)
	}
}
