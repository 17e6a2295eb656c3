//go:build !windows

package cmd

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/creack/pty"

	"drugfree/internal/testkit"
	"drugfree/report/textfit"
)

// runTerminal runs the real drugfree binary with its stdout on a pseudo-terminal cols
// columns wide (stderr apart, in a buffer), as a clerk's console runs it, and returns what
// the terminal shows. COLUMNS is unset unless env sets it.
func runTerminal(t *testing.T, cols int, env []string, args ...string) string {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 50, Cols: uint16(cols)}); err != nil {
		t.Fatal(err)
	}
	c := exec.Command("drugfree", args...)
	c.Env = append(slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "COLUMNS=") }), "DRUGFREE_PASSWORD=", "DRUGFREE_LANG=vi")
	c.Env = append(c.Env, env...)
	var errOut bytes.Buffer
	c.Stdin, c.Stdout, c.Stderr = tty, tty, &errOut
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	var out bytes.Buffer
	_, err = io.Copy(&out, ptmx) // ends in EIO on Linux once the child has gone
	var pe *os.PathError
	if err != nil && !errors.As(err, &pe) {
		t.Fatal(err)
	}
	if err := c.Wait(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatal(err)
		}
	}
	// The terminal writes each newline as CR LF.
	return strings.ReplaceAll(out.String(), "\r\n", "\n")
}

// terminalCommands are the commands whose tables were too wide for a console (issue 13).
func terminalCommands(t *testing.T) map[string][]string {
	returns, err := filepath.Glob("../testdata/returns/*/*.xlsx")
	if err != nil || len(returns) == 0 {
		t.Fatalf("no returns: %v", err)
	}
	timed := append(append([]string{}, returns...), "--register", "../testdata/returns/register.csv", "--as-of", "2025-12-20")
	return map[string][]string{
		"classify":    {"classify", "../testdata/districts.xlsx"},
		"classify-en": {"--lang", "en", "classify", "../testdata/districts.xlsx"},
		"recognize":   {"recognize", "../testdata/districts.xlsx"},
		"validate":    append([]string{"validate"}, timed...),
		"deadlines":   append([]string{"deadlines"}, timed...),
		"plan":        {"plan"},
		"plan-en":     {"--lang", "en", "plan"},
	}
}

var hiddenRange = regexp.MustCompile(`“([^”]*)”–“([^”]*)”`)

// On a terminal of 80 and of 120 columns every line fits, and every table shows each
// commune and every word of the columns it shows, in order, as the whole (piped) table
// does; a column it hides is named in the note under it; --wide shows the whole table.
func TestTerminalTablesFit(t *testing.T) {
	for name, args := range terminalCommands(t) {
		_, piped, _ := bin(t, ".", args...)
		whole := testkit.Grids(piped)
		if len(whole) == 0 {
			t.Fatalf("%s: no table piped:\n%s", name, piped)
		}
		for _, width := range []int{80, 120} {
			out := runTerminal(t, width, nil, args...)
			for _, line := range strings.Split(out, "\n") {
				if w := textfit.Cells(line); w > width {
					t.Errorf("%s at %d: a line %d wide: %q", name, width, w, line)
				}
			}
			grids := testkit.Grids(out)
			if len(grids) != len(whole) {
				t.Fatalf("%s at %d: %d tables, piped %d:\n%s", name, width, len(grids), len(whole), out)
			}
			note := strings.Join(strings.Fields(out), " ")
			for k, g := range grids {
				w := whole[k]
				for i, h := range g.Head {
					j := slices.Index(w.Head, h)
					if j < 0 {
						t.Errorf("%s at %d: table %d: column %q not among %q", name, width, k, h, w.Head)
						continue
					}
					if got, want := strings.ReplaceAll(g.Cells[i], " ", ""), strings.ReplaceAll(w.Cells[j], " ", ""); got != want {
						t.Errorf("%s at %d: table %d: column %q holds\n%s\nwant\n%s", name, width, k, h, got, want)
					}
				}
				for j, h := range w.Head {
					if slices.Contains(g.Head, h) {
						continue
					}
					if strings.HasPrefix(h, "Xã") || strings.HasPrefix(h, "Commune") {
						t.Errorf("%s at %d: table %d: the communes hidden", name, width, k)
					}
					if !strings.Contains(note, "“"+h+"”") && !inHiddenRange(note, w.Head, j) {
						t.Errorf("%s at %d: table %d: column %q hidden and not named:\n%s", name, width, k, h, out)
					}
				}
			}
			if t.Failed() {
				t.Logf("%s at %d:\n%s", name, width, out)
			}
		}
		// --wide: the whole table.
		wide := testkit.Grids(runTerminal(t, 80, nil, append(args, "--wide")...))
		for k := range whole {
			if k >= len(wide) || !slices.Equal(wide[k].Lines, whole[k].Lines) {
				t.Errorf("%s --wide at 80: table %d is not the whole table", name, k)
			}
		}
	}
}

// inHiddenRange reports whether column j is within a range “a”–“b” that note names.
func inHiddenRange(note string, head []string, j int) bool {
	for _, m := range hiddenRange.FindAllStringSubmatch(note, -1) {
		a, b := slices.Index(head, m[1]), slices.Index(head, m[2])
		if a >= 0 && a <= j && j <= b {
			return true
		}
	}
	return false
}

// COLUMNS, when set, is the width, whatever the terminal's.
func TestTerminalColumnsOverride(t *testing.T) {
	out := runTerminal(t, 120, []string{"COLUMNS=60"}, "classify", "../testdata/districts.xlsx")
	widest := 0
	for _, line := range strings.Split(out, "\n") {
		widest = max(widest, textfit.Cells(line))
	}
	if widest > 60 || widest < 50 {
		t.Errorf("COLUMNS=60 on a terminal of 120: the widest line is %d cells:\n%s", widest, out)
	}
}
