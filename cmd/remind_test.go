package cmd

import (
	"testing"
	"time"
)

func TestRemindFlags(t *testing.T) {
	table := OutputOptions{Format: "table"}
	testFlags(t, NewCmdRemind, []flagCase[RemindOptions]{
		{name: "returns and register", argv: []string{"remind", "a.xlsx", "--register", "r.csv", "--as-of", "2025-12-20", "--letters", "cong-van"},
			want: RemindOptions{Global: vi(), Files: []string{"a.xlsx"}, Calendar: CalendarOptions{Register: "r.csv", AsOf: day(2025, time.December, 20)}, Out: table, Letters: "cong-van"}},
		{name: "register only, json", argv: []string{"remind", "--register", "r.csv", "--letters", "cv", "--format", "json"},
			want: RemindOptions{Global: vi(), Files: []string{}, Calendar: CalendarOptions{Register: "r.csv"}, Out: OutputOptions{Format: "json"}, Letters: "cv"}},
		{name: "list as a workbook, letters replaced", argv: []string{"--lang", "en", "remind", "a.xlsx", "--letters", "cv", "-o", "list.xlsx", "--force"},
			want: RemindOptions{Global: en(), Files: []string{"a.xlsx"}, Out: OutputOptions{Format: "table", Output: "list.xlsx", Force: true}, Letters: "cv"}},

		{name: "nothing to read", argv: []string{"remind", "--letters", "cv"},
			wantErr: "cần báo cáo, --register, hoặc cả hai"},
		{name: "no folder for the letters", argv: []string{"remind", "a.xlsx"},
			wantErr: "cần --letters <thư mục>: nơi ghi các công văn"},
		{name: "no folder, in English", argv: []string{"--lang", "en", "remind", "a.xlsx"},
			wantErr: "--letters <folder> is required: where the letters are written"},
	})
}
