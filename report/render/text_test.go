package render

import (
	"bytes"
	"strings"
	"testing"

	"drugfree/i18n"
	"drugfree/report/layout"
)

// A text cell a spreadsheet would run gets a leading apostrophe; the tool's own numbers,
// negative ones too, are written as they are.
func TestWriteCSVNeutralisesFormulas(t *testing.T) {
	minus := -2.5
	tbl := layout.Table{Columns: []layout.Column{{Key: "text"}, {Key: "number"}}, Rows: [][]any{
		{"=1+1", -5},
		{"+1", -0.5},
		{"-1", &minus},
		{"@SUM(1)", 0},
		{"\tx", 1},
		{"\rx", 1},
		{"Phường 1", 1},
		{layout.Tag{Key: "=tag", Text: "x"}, 1},
	}}
	var b bytes.Buffer
	if err := WriteCSV(&b, tbl); err != nil {
		t.Fatal(err)
	}
	want := "\ufefftext,number\n'=1+1,-5\n'+1,-0.5\n'-1,-2.5\n'@SUM(1),0\n'\tx,1\n\"'\rx\",1\nPhường 1,1\n'=tag,1\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestTerminalSafe(t *testing.T) {
	tests := []struct {
		in       string
		newlines bool
		want     string
	}{
		{"Phường 4", false, "Phường 4"},
		{"a\x1b[2Jb\x07", false, `a\x1b[2Jb\x07`},
		{"a\nb\r\tc", false, `a\nb\r\tc`},
		{"Hạn\n(ngày)", true, "Hạn\n(ngày)"},
		{"a\u009bb\x7f", true, `a\x9bb\x7f`},
	}
	for _, tc := range tests {
		if got := terminalSafe(tc.in, tc.newlines); got != tc.want {
			t.Errorf("terminalSafe(%q, %v) = %q, want %q", tc.in, tc.newlines, got, tc.want)
		}
	}
	var b bytes.Buffer
	if err := WriteText(&b, layout.Table{Columns: []layout.Column{{Key: "x", Header: "X"}}, Rows: [][]any{{"a\x1bb"}}}, i18n.En); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b") || !strings.Contains(b.String(), `a\x1bb`) {
		t.Errorf("table:\n%q", b.String())
	}
}
