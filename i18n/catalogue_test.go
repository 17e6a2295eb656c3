package i18n

import (
	"fmt"
	"strings"
	"testing"
)

// Append writes what Msg writes, for every message of the catalogue whose blanks are all
// %s, in both languages.
func TestAppendIsMsg(t *testing.T) {
	n := 0
	for id, m := range catalogue {
		for _, l := range []Lang{Vi, En} {
			f := m.In(l)
			if strings.Count(f, "%") != strings.Count(f, "%s")+2*strings.Count(f, "%%") {
				continue // other verbs: Msg only
			}
			var args []string
			var anys []any
			for i := range strings.Count(f, "%s") {
				args = append(args, fmt.Sprintf("«%d»", i))
				anys = append(anys, args[i])
			}
			if got, want := string(Append([]byte("x"), l, id, args...)), "x"+Msg(l, id, anys...); got != want {
				t.Errorf("%s in %s: Append %q, Msg %q", id, l, got, want)
			}
			n++
		}
	}
	if n < 20 {
		t.Errorf("only %d messages compared", n)
	}
	if got := string(Append(nil, En, "no-such-message")); got != "no-such-message" {
		t.Errorf("an unknown id gave %q", got)
	}
}

// Every message has both languages, with the same blanks in the same order.
func TestCatalogueHasBothLanguages(t *testing.T) {
	verbs := func(s string) string {
		var b strings.Builder
		for i := 0; i+1 < len(s); i++ {
			if s[i] == '%' {
				b.WriteString(s[i : i+2])
				i++
			}
		}
		return b.String()
	}
	for id, m := range catalogue {
		if m.Vi == "" || m.En == "" {
			t.Errorf("%s: vi %q, en %q", id, m.Vi, m.En)
		}
		if verbs(m.Vi) != verbs(m.En) {
			t.Errorf("%s: blanks %q in vi, %q in en", id, verbs(m.Vi), verbs(m.En))
		}
	}
}
