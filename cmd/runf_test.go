package cmd

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"drugfree/i18n"
)

// The tests of each command's flags (classify_test.go and the others) run argv through
// the root command and the command, built with a runF that keeps the options the command
// would run with instead of running it, as gh's command tests do.

// flagCase is one command line: the options it gives, or the usage error it exits 2 with.
type flagCase[T any] struct {
	name string
	argv []string // after "drugfree"
	// want are the options the command would run with; IO and Factory are left out (they
	// are checked to be the factory's).
	want T
	// wantErr, when set, is the usage error: the first line of stderr after "drugfree: ".
	wantErr string
}

// testFlags runs each case through newRoot and the command newCmd builds.
func testFlags[T any](t *testing.T, newCmd func(*Factory, *GlobalOptions, func(*T) error) *cobra.Command, cases []flagCase[T]) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ios, out, errOut := TestIO()
			f := &Factory{IO: ios, Now: func() time.Time { return time.Date(2025, 12, 20, 9, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }}
			lang, _ := i18n.Detect(c.argv, f.Getenv)
			root, g := newRoot(lang)
			var got *T
			root.AddCommand(newCmd(f, g, func(opts *T) error {
				got = opts
				return nil
			}))
			code := execute(f, root, c.argv)
			if out.Len() > 0 {
				t.Errorf("stdout: %q", out)
			}
			if c.wantErr != "" {
				if code != ExitUsage || got != nil {
					t.Errorf("exit %d (want %d), ran: %v", code, ExitUsage, got != nil)
				}
				first, rest, _ := strings.Cut(errOut.String(), "\n")
				if first != "drugfree: "+c.wantErr || !(strings.HasPrefix(rest, "Xem hướng dẫn: drugfree ") || strings.HasPrefix(rest, "For help: drugfree ")) || strings.Count(rest, "\n") != 1 {
					t.Errorf("stderr:\n%s\nwant its first line\ndrugfree: %s\nthen one line on how to see help", errOut, c.wantErr)
				}
				return
			}
			if code != ExitOK || got == nil || errOut.Len() > 0 {
				t.Fatalf("exit %d, ran: %v, stderr:\n%s", code, got != nil, errOut)
			}
			detach(t, got, f)
			if !reflect.DeepEqual(*got, c.want) {
				t.Errorf("options\n%s\nwant\n%s", show(*got), show(c.want))
			}
		})
	}
}

// detach checks that opts, a pointer to a command's options, carries f's streams and
// factory, and clears them, so that opts can be compared with the options a case wants.
func detach(t *testing.T, opts any, f *Factory) {
	t.Helper()
	v := reflect.ValueOf(opts).Elem()
	for name, want := range map[string]any{"IO": f.IO, "Factory": f} {
		field := v.FieldByName(name)
		if !field.IsValid() {
			continue
		}
		if field.Interface() != want {
			t.Errorf("%s is not the factory's", name)
		}
		field.SetZero()
	}
}

func show(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// vi and en are the global options of a command line with no global flag but --lang.
func vi() *GlobalOptions { return &GlobalOptions{Lang: i18n.Vi} }
func en() *GlobalOptions { return &GlobalOptions{Lang: i18n.En} }

// day is a date as --as-of gives it.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
