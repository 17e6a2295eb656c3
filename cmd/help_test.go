package cmd

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"drugfree/i18n"
)

// Every command's help, in both languages, has its texts from the catalogue (no id left
// as it is, Vietnamese and English different), fits a console's 80 columns, and has none
// of Cobra's English in Vietnamese.
func TestHelpInBothLanguages(t *testing.T) {
	texts := map[i18n.Lang]map[string]string{}
	for _, lang := range []i18n.Lang{i18n.Vi, i18n.En} {
		texts[lang] = map[string]string{}
		f := &Factory{Now: time.Now, Getenv: func(string) string { return "" }}
		f.IO, _, _ = TestIO()
		root := NewCmdRoot(f, lang)
		localize(root, lang)
		var paths [][]string
		var walk func(c *cobra.Command, path []string)
		walk = func(c *cobra.Command, path []string) {
			if c.Hidden {
				return
			}
			texts[lang][strings.Join(path, " ")+" use"] = c.Use
			texts[lang][strings.Join(path, " ")+" short"] = c.Short
			texts[lang][strings.Join(path, " ")+" long"] = c.Long
			c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
				texts[lang][strings.Join(path, " ")+" --"+fl.Name] = fl.Usage
			})
			paths = append(paths, path)
			for _, sub := range c.Commands() {
				walk(sub, append(append([]string{}, path...), sub.Name()))
			}
		}
		walk(root, nil)
		for _, path := range paths {
			ios, out, errOut := TestIO()
			f := &Factory{IO: ios, Now: time.Now, Getenv: func(string) string { return "" }}
			args := append([]string{"--lang", lang.String()}, path...)
			if code := Run(f, append(args, "--help")); code != ExitOK || errOut.Len() > 0 {
				t.Fatalf("%s --help: exit %d, stderr %s", path, code, errOut)
			}
			help := out.String()
			for _, line := range strings.Split(help, "\n") {
				if n := utf8.RuneCountInString(line); n > helpWidth {
					t.Errorf("%s --help in %s: a line of %d letters:\n%s", path, lang, n, line)
				}
			}
			if strings.Contains(help, "SPEC") {
				t.Errorf("%s --help in %s cites the SPEC", path, lang)
			}
			if lang == i18n.Vi {
				for _, en := range []string{"Usage:", "Flags:", "Examples:", "Available Commands", "for more information", "help for", "version for", "default", " string ", "[flags]", "[command]"} {
					if strings.Contains(help, en) {
						t.Errorf("%s --help in Vietnamese has %q:\n%s", path, en, help)
					}
				}
			}
		}
	}
	if len(texts[i18n.Vi]) < 80 {
		t.Fatalf("only %d texts walked", len(texts[i18n.Vi]))
	}
	for key, vi := range texts[i18n.Vi] {
		en := texts[i18n.En][key]
		if vi == "" && !strings.HasSuffix(key, " long") {
			t.Errorf("%s: empty", key)
		}
		for _, s := range []string{vi, en} {
			if strings.HasPrefix(s, "help.") || strings.HasPrefix(s, "flag.") {
				t.Errorf("%s: %q is not in the catalogue", key, s)
			}
		}
		if vi == en && vi != "" && !strings.HasSuffix(key, "--lang") {
			t.Errorf("%s: the same in both languages: %q", key, vi)
		}
	}
}
