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
			wantErr: "thiếu tệp: drugfree classify cần ít nhất 1 tệp báo cáo (hoặc thư mục, mẫu tên như *.xlsx)"},
		{name: "unknown format", argv: []string{"classify", "a.xlsx", "--format", "yaml"},
			wantErr: "--format phải là một trong: table, csv, json; không phải “yaml”"},
		{name: "output not xlsx", argv: []string{"classify", "a.xlsx", "-o", "out.csv"},
			wantErr: "-o phải là tên tệp .xlsx (ví dụ -o ket-qua.xlsx), không phải “out.csv”"},
		{name: "output not xlsx in English", argv: []string{"--lang", "en", "classify", "a.xlsx", "-o", "out.csv"},
			wantErr: "-o must name an .xlsx file (for example -o result.xlsx), not “out.csv”"},
		{name: "unknown language", argv: []string{"--lang", "fr", "classify", "a.xlsx"},
			wantErr: "--lang phải là một trong: vi, en; không phải “fr”"},
		{name: "flag of another command", argv: []string{"classify", "a.xlsx", "--all"},
			wantErr: "không có tùy chọn --all"},
	})
}
