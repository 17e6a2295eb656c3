package cmd

import (
	"testing"
	"time"
)

func TestDiffFlags(t *testing.T) {
	table := OutputOptions{Format: "table"}
	testFlags(t, NewCmdDiff, []flagCase[DiffOptions]{
		{name: "two files", argv: []string{"diff", "lan-1.xlsx", "lan-2.xlsx"},
			want: DiffOptions{Global: vi(), Old: "lan-1.xlsx", New: "lan-2.xlsx", Out: table}},
		{name: "json in English, as of", argv: []string{"--lang", "en", "diff", "a.csv", "b.csv", "--format", "json", "--as-of", "2025-04-30"},
			want: DiffOptions{Global: en(), Old: "a.csv", New: "b.csv", AsOf: time.Date(2025, 4, 30, 0, 0, 0, 0, time.UTC), Out: OutputOptions{Format: "json"}}},
		{name: "workbook", argv: []string{"diff", "a.xlsx", "b.xlsx", "-o", "thay-doi.xlsx", "--force"},
			want: DiffOptions{Global: vi(), Old: "a.xlsx", New: "b.xlsx", Out: OutputOptions{Format: "table", Output: "thay-doi.xlsx", Force: true}}},

		{name: "one file", argv: []string{"diff", "a.xlsx"},
			wantErr: "drugfree diff cần đúng 2 đối số (bản cũ, rồi bản mới), không phải 1"},
		{name: "three files", argv: []string{"diff", "a.xlsx", "b.xlsx", "c.xlsx"},
			wantErr: "drugfree diff cần đúng 2 đối số (bản cũ, rồi bản mới), không phải 3"},
		{name: "output not xlsx", argv: []string{"diff", "a.xlsx", "b.xlsx", "-o", "out.csv"},
			wantErr: `-o phải là tên tệp .xlsx (ví dụ -o ket-qua.xlsx), không phải “out.csv”`},
		{name: "bad date", argv: []string{"diff", "a.xlsx", "b.xlsx", "--as-of", "hôm qua"},
			wantErr: `--as-of: “hôm qua” không phải là ngày; ghi dạng 2025-12-20 hoặc 20/12/2025`},
	})
}
