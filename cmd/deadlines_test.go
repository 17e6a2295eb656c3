package cmd

import (
	"testing"
	"time"
)

func TestDeadlinesFlags(t *testing.T) {
	table := OutputOptions{Format: "table"}
	testFlags(t, NewCmdDeadlines, []flagCase[DeadlinesOptions]{
		{name: "returns only", argv: []string{"deadlines", "a.xlsx"},
			want: DeadlinesOptions{Global: vi(), Files: []string{"a.xlsx"}, Out: table}},
		{name: "register only", argv: []string{"deadlines", "--register", "register.xlsx", "--format", "json"},
			want: DeadlinesOptions{Global: vi(), Files: []string{}, Calendar: CalendarOptions{Register: "register.xlsx"}, Out: OutputOptions{Format: "json"}}},
		{name: "both, as of a day", argv: []string{"deadlines", "a.xlsx", "b.xlsx", "--register", "r.csv", "--as-of", "2025-12-20"},
			want: DeadlinesOptions{Global: vi(), Files: []string{"a.xlsx", "b.xlsx"}, Calendar: CalendarOptions{AsOf: day(2025, time.December, 20), Register: "r.csv"}, Out: table}},
		{name: "workbook in English", argv: []string{"--lang", "en", "deadlines", "a.xlsx", "-o", "d.xlsx"},
			want: DeadlinesOptions{Global: en(), Files: []string{"a.xlsx"}, Out: OutputOptions{Format: "table", Output: "d.xlsx"}}},

		{name: "neither returns nor register", argv: []string{"deadlines", "--as-of", "2025-12-20"},
			wantErr: "cần báo cáo, --register, hoặc cả hai"},
		{name: "bad day", argv: []string{"deadlines", "a.xlsx", "--as-of", "yesterday"},
			wantErr: "--as-of: “yesterday” không phải là ngày; ghi dạng 2025-12-20 hoặc 20/12/2025"},
		{name: "output not xlsx", argv: []string{"deadlines", "a.xlsx", "-o", "d"},
			wantErr: "-o phải là tên tệp .xlsx (ví dụ -o ket-qua.xlsx), không phải “d”"},
		{name: "unknown format", argv: []string{"deadlines", "a.xlsx", "--format", "xlsx"},
			wantErr: "--format phải là một trong: table, csv, json; không phải “xlsx”"},
	})
}
