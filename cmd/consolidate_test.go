package cmd

import (
	"errors"
	"runtime/debug"
	"testing"
	"time"

	"drugfree/i18n"
)

func TestConsolidateFlags(t *testing.T) {
	testFlags(t, NewCmdConsolidate, []flagCase[ConsolidateOptions]{
		{name: "returns to a workbook", argv: []string{"consolidate", "a.xlsx", "b.xlsx", "-o", "tong-hop.xlsx"},
			want: ConsolidateOptions{Global: vi(), Files: []string{"a.xlsx", "b.xlsx"}, Output: "tong-hop.xlsx"}},
		{name: "every flag", argv: []string{"--lang", "en", "--password", "pw", "consolidate", "a.xlsx", "--output", "t.xlsx", "--baseline", "review.xlsx",
			"--as-of", "20/12/2025", "--register", "register.csv", "--partial", "--force"},
			want: ConsolidateOptions{Global: &GlobalOptions{Lang: i18n.En, Password: "pw"}, Files: []string{"a.xlsx"}, Output: "t.xlsx", Baseline: "review.xlsx",
				Calendar: CalendarOptions{AsOf: day(2025, time.December, 20), Register: "register.csv"}, Partial: true, Force: true}},

		{name: "no output", argv: []string{"consolidate", "a.xlsx"},
			wantErr: "thiếu -o: cần tên tệp .xlsx để ghi, ví dụ -o ket-qua.xlsx"},
		{name: "no output in English", argv: []string{"--lang", "en", "consolidate", "a.xlsx", "--partial"},
			wantErr: "-o is missing: give the .xlsx file to write, for example -o result.xlsx"},
		{name: "output not xlsx", argv: []string{"consolidate", "a.xlsx", "-o", "t.ods"},
			wantErr: "-o phải là tên tệp .xlsx (ví dụ -o ket-qua.xlsx), không phải “t.ods”"},
		{name: "no file", argv: []string{"consolidate", "-o", "t.xlsx"},
			wantErr: "thiếu tệp: drugfree consolidate cần ít nhất 1 tệp báo cáo (hoặc thư mục, mẫu tên như *.xlsx)"},
		{name: "no format", argv: []string{"consolidate", "a.xlsx", "-o", "t.xlsx", "--format", "json"},
			wantErr: "không có tùy chọn --format"},
		{name: "bad day", argv: []string{"consolidate", "a.xlsx", "-o", "t.xlsx", "--as-of", "2025-02-30"},
			wantErr: "--as-of: “2025-02-30” không phải là ngày; ghi dạng 2025-12-20 hoặc 20/12/2025"},
	})
}

// gcPercent reads the garbage collector's current target.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// The collector's target is tightened while the workbook is written, unless it is lower
// already or off, and restored after, also when writing fails.
func TestWithGCPercent(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	failed := errors.New("disk full")
	for _, c := range []struct{ before, during int }{{100, 50}, {400, 50}, {50, 50}, {20, 20}, {-1, -1}} {
		for _, result := range []error{nil, failed} {
			debug.SetGCPercent(c.before)
			during := 0
			err := withGCPercent(50, func() error {
				during = gcPercent()
				return result
			})
			if err != result {
				t.Errorf("GOGC %d: error %v, want %v", c.before, err, result)
			}
			if during != c.during {
				t.Errorf("GOGC %d: %d while writing, want %d", c.before, during, c.during)
			}
			if after := gcPercent(); after != c.before {
				t.Errorf("GOGC %d: %d after writing (error %v)", c.before, after, result)
			}
		}
	}
}
