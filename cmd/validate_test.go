package cmd

import (
	"testing"
	"time"
)

func TestValidateFlags(t *testing.T) {
	table := OutputOptions{Format: "table"}
	testFlags(t, NewCmdValidate, []flagCase[ValidateOptions]{
		{name: "files, as of today", argv: []string{"validate", "a.xlsx", "b.xlsx"},
			want: ValidateOptions{Global: vi(), Files: []string{"a.xlsx", "b.xlsx"}, Out: table}},
		{name: "as of an ISO day", argv: []string{"validate", "a.xlsx", "--as-of", "2025-12-20"},
			want: ValidateOptions{Global: vi(), Files: []string{"a.xlsx"}, Calendar: CalendarOptions{AsOf: day(2025, time.December, 20)}, Out: table}},
		{name: "as of a clerk's day", argv: []string{"validate", "a.xlsx", "--as-of", "20/12/2025"},
			want: ValidateOptions{Global: vi(), Files: []string{"a.xlsx"}, Calendar: CalendarOptions{AsOf: day(2025, time.December, 20)}, Out: table}},
		{name: "as of a short clerk's day", argv: []string{"validate", "a.xlsx", "--as-of=2/1/2026"},
			want: ValidateOptions{Global: vi(), Files: []string{"a.xlsx"}, Calendar: CalendarOptions{AsOf: day(2026, time.January, 2)}, Out: table}},
		{name: "register, csv", argv: []string{"validate", "a.xlsx", "--register", "register.csv", "--format", "csv"},
			want: ValidateOptions{Global: vi(), Files: []string{"a.xlsx"}, Calendar: CalendarOptions{Register: "register.csv"}, Out: OutputOptions{Format: "csv"}}},
		{name: "workbook, replaced", argv: []string{"validate", "a.xlsx", "-o", "v.xlsx", "--force"},
			want: ValidateOptions{Global: vi(), Files: []string{"a.xlsx"}, Out: OutputOptions{Format: "table", Output: "v.xlsx", Force: true}}},
		{name: "marked copies", argv: []string{"validate", "a.xlsx", "--annotate", "tra-lai", "--as-of", "2025-12-20"},
			want: ValidateOptions{Global: vi(), Files: []string{"a.xlsx"}, Calendar: CalendarOptions{AsOf: day(2025, time.December, 20)}, Out: table, Annotate: "tra-lai"}},

		{name: "no file", argv: []string{"validate", "--register", "register.csv"},
			wantErr: "thiếu tệp: drugfree validate cần ít nhất 1 tệp báo cáo (hoặc thư mục, mẫu tên như *.xlsx)"},
		{name: "month 13", argv: []string{"validate", "a.xlsx", "--as-of", "2025-13-01"},
			wantErr: "--as-of: “2025-13-01” không phải là ngày; ghi dạng 2025-12-20 hoặc 20/12/2025"},
		{name: "American day", argv: []string{"validate", "a.xlsx", "--as-of", "12/20/2025"},
			wantErr: "--as-of: “12/20/2025” không phải là ngày; ghi dạng 2025-12-20 hoặc 20/12/2025"},
		{name: "output not xlsx in English", argv: []string{"validate", "--lang", "en", "a.xlsx", "-o", "v.xls"},
			wantErr: "-o must name an .xlsx file (for example -o result.xlsx), not “v.xls”"},
	})
}
