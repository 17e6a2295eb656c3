package cmd

import (
	"testing"

	"drugfree/i18n"
)

func TestClassifyFlags(t *testing.T) {
	table := OutputOptions{Format: "table"}
	testFlags(t, NewCmdClassify, []flagCase[ClassifyOptions]{
		{name: "files", argv: []string{"classify", "a.xlsx", "b.csv"},
			want: ClassifyOptions{Global: vi(), Files: []string{"a.xlsx", "b.csv"}, Out: table}},
		{name: "json in English", argv: []string{"--lang", "en", "classify", "a.xlsx", "--format", "json"},
			want: ClassifyOptions{Global: en(), Files: []string{"a.xlsx"}, Out: OutputOptions{Format: "json"}}},
		{name: "csv", argv: []string{"classify", "--format=csv", "a.xlsx"},
			want: ClassifyOptions{Global: vi(), Files: []string{"a.xlsx"}, Out: OutputOptions{Format: "csv"}}},
		{name: "workbook", argv: []string{"classify", "a.xlsx", "-o", "Out.XLSX", "--force"},
			want: ClassifyOptions{Global: vi(), Files: []string{"a.xlsx"}, Out: OutputOptions{Format: "table", Output: "Out.XLSX", Force: true}}},
		{name: "global flags", argv: []string{"--plan", "p.yaml", "--registry", "r.csv", "--password", "pw", "classify", "a.xlsx"},
			want: ClassifyOptions{Global: &GlobalOptions{Lang: i18n.Vi, PlanFile: "p.yaml", Registry: "r.csv", Password: "pw"}, Files: []string{"a.xlsx"}, Out: table}},

		{name: "no file", argv: []string{"classify"},
			wantErr: "requires at least 1 arg(s), only received 0"},
		{name: "unknown format", argv: []string{"classify", "a.xlsx", "--format", "yaml"},
			wantErr: `invalid argument "yaml" for "--format" flag: must be one of table, csv, json`},
		{name: "output not xlsx", argv: []string{"classify", "a.xlsx", "-o", "out.csv"},
			wantErr: `-o phải là tệp .xlsx, không phải "out.csv"`},
		{name: "output not xlsx in English", argv: []string{"--lang", "en", "classify", "a.xlsx", "-o", "out.csv"},
			wantErr: `-o must name an .xlsx file, not "out.csv"`},
		{name: "unknown language", argv: []string{"--lang", "fr", "classify", "a.xlsx"},
			wantErr: `invalid argument "fr" for "--lang" flag: must be one of vi, en`},
		{name: "flag of another command", argv: []string{"classify", "a.xlsx", "--all"},
			wantErr: "unknown flag: --all"},
	})
}
