package report

import (
	"slices"
	"testing"
	"time"

	"drugfree/classify"
	"drugfree/report/read"
)

// AsOf keeps what was submitted on or before the as-of day (received, else reported) and
// what is undated; the rest had not arrived yet.
func TestAsOfPointInTime(t *testing.T) {
	day := func(m, d int) time.Time { return time.Date(2025, time.Month(m), d, 15, 0, 0, 0, time.UTC) }
	asOf := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	returns := []*read.Return{
		{File: "on-the-day.xlsx", ReceivedDate: day(3, 1)},                             // the as-of day, in the afternoon: kept
		{File: "received-later.xlsx", ReceivedDate: day(3, 2), ReportDate: day(2, 20)}, // received decides
		{File: "reported-later.xlsx", ReportDate: day(12, 8)},                          // no received date: the report date
		{File: "undated.xlsx"}, // taken as submitted on the as-of day
		{File: "received-later.xlsx", Sheet: "2", ReceivedDate: day(3, 2)},
	}
	register := []classify.Submission{
		{File: "reg.csv", Kind: "plan", Received: day(2, 28)},
		{File: "reg.csv", Kind: "phase1", ReportDate: day(4, 28)},
	}
	kept, keptReg, laterFiles, laterLines := AsOf(returns, register, asOf)
	var files []string
	for _, r := range kept {
		files = append(files, r.File)
	}
	if !slices.Equal(files, []string{"on-the-day.xlsx", "undated.xlsx"}) {
		t.Errorf("kept %v", files)
	}
	if !slices.Equal(laterFiles, []string{"received-later.xlsx", "reported-later.xlsx"}) {
		t.Errorf("later files %v, want each once", laterFiles)
	}
	if len(keptReg) != 1 || keptReg[0].Kind != "plan" || laterLines != 1 {
		t.Errorf("register kept %v, %d later", keptReg, laterLines)
	}
	// The kinds given are those of everything read, whatever the as-of day.
	kinds := GivenKinds([]*read.Return{{Kind: "phase3"}, {Kind: ""}}, register)
	if len(kinds) != 3 || !kinds["phase3"] || !kinds["plan"] || !kinds["phase1"] {
		t.Errorf("GivenKinds = %v", kinds)
	}
}
