package cmd

import (
	"testing"
	"time"
)

func TestConsolidateFlags(t *testing.T) {
	testFlags(t, NewCmdConsolidate, []flagCase[ConsolidateOptions]{
		{name: "returns to a workbook", argv: []string{"consolidate", "a.xlsx", "b.xlsx", "-o", "tong-hop.xlsx"},
			want: ConsolidateOptions{Global: vi(), Files: []string{"a.xlsx", "b.xlsx"}, Output: "tong-hop.xlsx"}},
		{name: "every flag", argv: []string{"--lang", "en", "--password", "pw", "consolidate", "a.xlsx", "--output", "t.xlsx", "--baseline", "review.xlsx",
			"--as-of", "20/12/2025", "--register", "register.csv", "--partial", "--force"},
			want: ConsolidateOptions{Global: &GlobalOptions{Lang: "en", Password: "pw"}, Files: []string{"a.xlsx"}, Output: "t.xlsx", Baseline: "review.xlsx",
				Calendar: CalendarOptions{AsOf: day(2025, time.December, 20), Register: "register.csv"}, Partial: true, Force: true}},

		{name: "no output", argv: []string{"consolidate", "a.xlsx"},
			wantErr: `-o phải là tệp .xlsx, không phải ""`},
		{name: "no output in English", argv: []string{"--lang", "en", "consolidate", "a.xlsx", "--partial"},
			wantErr: `-o must name an .xlsx file, not ""`},
		{name: "output not xlsx", argv: []string{"consolidate", "a.xlsx", "-o", "t.ods"},
			wantErr: `-o phải là tệp .xlsx, không phải "t.ods"`},
		{name: "no file", argv: []string{"consolidate", "-o", "t.xlsx"},
			wantErr: "requires at least 1 arg(s), only received 0"},
		{name: "no format", argv: []string{"consolidate", "a.xlsx", "-o", "t.xlsx", "--format", "json"},
			wantErr: "unknown flag: --format"},
		{name: "bad day", argv: []string{"consolidate", "a.xlsx", "-o", "t.xlsx", "--as-of", "2025-02-30"},
			wantErr: `invalid argument "2025-02-30" for "--as-of" flag: want a day as YYYY-MM-DD or DD/MM/YYYY`},
	})
}

