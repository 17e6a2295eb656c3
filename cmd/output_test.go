package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drugfree/i18n"
	"drugfree/report/layout"
)

// OutputOptions.write gives the form of the result that the flags ask for, and only that.
func TestOutputWritesTheFormAskedFor(t *testing.T) {
	cols := []layout.Column{{Key: "commune", Header: "Xã"}, {Key: "n", Header: "Số"}}
	r := result{
		Text:   []textBlock{textTable(layout.Table{Columns: cols, Rows: [][]any{{"Hoà Ân", 3}}}), textLine(""), textLine("dòng cuối")},
		CSV:    layout.Table{Columns: cols, Rows: [][]any{{"An Trường", 7}}},
		JSON:   map[string]int{"communes": 1},
		Sheets: []layout.Table{{Name: "Một", Columns: cols, Rows: [][]any{{"Tân An", 1}}}, {Name: "Hai", Columns: cols[:1]}},
	}
	for _, c := range []struct {
		format, want string
	}{
		{"json", "{\n  \"communes\": 1\n}\n"},
		{"csv", "\ufeffcommune,n\nAn Trường,7\n"}, // with the BOM Excel needs
		{"table", "┌────────┬────┐\n│ Xã     │ Số │\n├────────┼────┤\n│ Hoà Ân │ 3  │\n└────────┴────┘\n\ndòng cuối\n"},
	} {
		ios, out, errOut := TestIO()
		o := OutputOptions{Format: c.format}
		if err := o.write(&Factory{IO: ios, Getenv: func(string) string { return "" }}, &GlobalOptions{Lang: i18n.Vi}, r); err != nil {
			t.Fatalf("%s: %v", c.format, err)
		}
		if out.String() != c.want || errOut.Len() > 0 {
			t.Errorf("--format %s: stdout\n%s\nwant\n%s\nstderr %q", c.format, out, c.want, errOut)
		}
	}

	// -o writes the sheets, whatever the format, and says so on stderr.
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	writeText(t, in, "a return")
	r.Inputs = []string{in, ""}
	path := filepath.Join(dir, "out.xlsx")
	ios, out, errOut := TestIO()
	o := OutputOptions{Format: "json", Output: path}
	if err := o.write(&Factory{IO: ios, Getenv: func(string) string { return "" }}, &GlobalOptions{Lang: i18n.En}, r); err != nil {
		t.Fatal(err)
	}
	if out.Len() > 0 || errOut.String() != "Wrote "+path+"\n" {
		t.Errorf("-o: stdout %q, stderr %q", out, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Một,Hai" {
		t.Errorf("sheets %s, want Một,Hai", got)
	}
	if rows := sheetRows(t, path, "Một"); len(rows) != 2 || strings.Join(rows[1], ",") != "Tân An,1" {
		t.Errorf("sheet Một: %q", rows)
	}

	// Never over an input.
	o.Output, o.Force = in, true
	if err := o.write(&Factory{IO: ios, Getenv: func(string) string { return "" }}, &GlobalOptions{Lang: i18n.En}, r); err == nil || !strings.Contains(err.Error(), "is an input") {
		t.Errorf("-o over an input: %v", err)
	}
	if b, _ := os.ReadFile(in); string(b) != "a return" {
		t.Errorf("the input was replaced: %q", b)
	}

	// A format that the flag would have refused is an error, not a table.
	ios, out, _ = TestIO()
	if err := (&OutputOptions{Format: "yaml"}).write(&Factory{IO: ios, Getenv: func(string) string { return "" }}, &GlobalOptions{Lang: i18n.Vi}, r); err == nil || out.Len() > 0 {
		t.Errorf("--format yaml: error %v, stdout %q", err, out)
	}
}
