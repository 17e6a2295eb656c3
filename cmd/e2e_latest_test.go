package cmd

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/problem"
	"drugfree/report/template"
)

// writeRound writes a phase 1 return of district listing its first n communes, received
// and reported on the days given (zero: not given), at dir/file. (A district's return is
// of a kind due before the reform of 1 July 2025: after it the communes report.)
func writeRound(t *testing.T, p *criteria.Plan, dir, file, district string, n int, received, reported time.Time) {
	t.Helper()
	communes := p.Registry.InDistrict(district)
	if len(communes) < n {
		t.Fatalf("%s has %d communes, want %d", district, len(communes), n)
	}
	spec := template.ReturnSpec{District: district, Kind: "phase1", Number: "9/BC-" + file, ReceivedDate: received, ReportDate: reported}
	for _, c := range communes[:n] {
		spec.Rows = append(spec.Rows, template.ReturnRow{Commune: c, Status: "transformation",
			Figures: classify.Figures{"population": 5000, "addicts_total": 0, "hotspots": 0}})
	}
	fh, err := os.Create(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	if err := template.WriteReturn(fh, p, spec); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

// Issue 11: two returns of one district and kind. Whichever command a user runs, the same
// return counts and the other is superseded: the consolidated workbook's sources, its
// timeliness and its problems; validate's problems and submissions; deadlines as JSON and
// as a table (CSV); the communes classify and recognize judge. Ties of the same day were
// decided one way by the sources and another by the timeliness; an undated return too.
func TestE2EOneReturnCountsEverywhere(t *testing.T) {
	p := criteria.Default()
	district := "Huyện Càng Long"
	day := func(d int) time.Time { return time.Date(2025, 4, d, 0, 0, 0, 0, time.UTC) }
	clock := day(20).Add(9 * time.Hour) // the in-process clock: the as-of day of classify and recognize
	none := time.Time{}
	tests := []struct {
		name                 string
		aReceived, aReported time.Time // a.xlsx lists 5 communes
		bReceived, bReported time.Time // b.xlsx lists 3
		counted, superseded  string
		sameDay              bool   // the warning says both came the same day
		reason               string // and gives this reason
		// leftOut is a return submitted after the as-of day: the commands given --as-of
		// leave it out (it did not exist yet on that day), so the other counts and none is
		// superseded; classify and recognize, which take no as-of day, still count it.
		leftOut string
	}{
		{
			name:      "the same received and report dates: the return listing more communes",
			aReceived: day(10), aReported: day(9), bReceived: day(10), bReported: day(9),
			counted: "a.xlsx", superseded: "b.xlsx", sameDay: true, reason: "more communes (5 against 3)",
		},
		{
			name:      "undated, and a return received on the as-of day without a report date: the same day, more communes",
			aReceived: none, aReported: none, bReceived: day(20), bReported: none,
			counted: "a.xlsx", superseded: "b.xlsx", sameDay: true, reason: "more communes (5 against 3)",
		},
		{
			name:      "undated, and a return received after the as-of day: the later, except where it did not exist yet",
			aReceived: none, aReported: none, bReceived: day(22), bReported: none,
			counted: "b.xlsx", superseded: "a.xlsx", sameDay: false, reason: "undated, taken as submitted on 2025-04-20",
			leftOut: "b.xlsx",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeRound(t, p, dir, "a.xlsx", district, 5, tt.aReceived, tt.aReported)
			writeRound(t, p, dir, "b.xlsx", district, 3, tt.bReceived, tt.bReported)
			files := []string{"a.xlsx", "b.xlsx"}
			asOf := []string{"--as-of", "2025-04-20"} // the in-process clock's day too
			runIn := func(t *testing.T, dir string, args ...string) (int, string, string) {
				t.Helper()
				return runInAt(t, dir, clock, args...)
			}
			counted, superseded, wantSup := tt.counted, tt.superseded, []string{tt.superseded}
			if tt.leftOut != "" {
				counted, superseded, wantSup = tt.superseded, "", nil
			}

			// Both orders of the files: the order never decides.
			for _, order := range [][]string{files, {files[1], files[0]}} {
				// consolidate: the sources, timeliness and problems sheets.
				out := filepath.Join(dir, "tong-hop.xlsx")
				args := append(append(append([]string{"--lang", "en", "consolidate"}, order...), asOf...), "--partial", "-o", out, "--force")
				if code, _, errOut := runIn(t, dir, args...); code != ExitData || !exists(out) { // partial: missing communes
					t.Fatalf("consolidate: exit %d\n%s", code, errOut)
				}
				sources := sheetRows(t, out, "Sources")
				sh, fileCol := headerIndex(t, sources, "File")
				usedCol := slices.Index(sources[sh], "Used")
				used := map[string]string{}
				for _, r := range sources[sh+1:] {
					if len(r) > usedCol {
						used[r[fileCol]] = r[usedCol]
					}
				}
				if used[counted] != "Yes" || superseded != "" && used[superseded] != "Superseded" || tt.leftOut != "" && used[tt.leftOut] != "" {
					t.Errorf("%v: consolidate's sources sheet: %v; want %s used and %s superseded", order, used, counted, superseded)
				}
				timeliness := sheetRows(t, out, "Timeliness")
				th, dCol := headerIndex(t, timeliness, "Sender")
				kCol, fCol, sCol := slices.Index(timeliness[th], "Kind"), slices.Index(timeliness[th], "File or document"), slices.Index(timeliness[th], "Superseded")
				found := false
				for _, r := range timeliness[th+1:] {
					if len(r) > fCol && r[dCol] == district && r[kCol] == "Phase 1" {
						found = true
						sup := "" // an empty last cell is not read back
						if len(r) > sCol {
							sup = r[sCol]
						}
						if r[fCol] != counted || sup != superseded {
							t.Errorf("%v: consolidate's timeliness sheet counts %q and supersedes %q; want %s and %s", order, r[fCol], sup, counted, superseded)
						}
					}
				}
				if !found {
					t.Errorf("%v: no phase 1 row of %s in the timeliness sheet", order, district)
				}
				probs := sheetRows(t, out, "Problems")
				ph, pFile := headerIndex(t, probs, "File")
				pCode, pMsg := slices.Index(probs[ph], "Code"), slices.Index(probs[ph], "Message")
				var sup []string
				for _, r := range probs[ph+1:] {
					if len(r) > pMsg && r[pCode] == problem.CodeSuperseded {
						sup = append(sup, r[pFile])
						checkSupersededMessage(t, "consolidate", r[pMsg], counted, tt.sameDay, tt.reason)
					}
				}
				if !slices.Equal(sup, wantSup) {
					t.Errorf("%v: consolidate's problems sheet supersedes %v, want %s", order, sup, superseded)
				}

				// validate: its problems and submissions.
				code, stdout, errOut := runIn(t, dir, append(append(append([]string{"--lang", "en", "validate"}, order...), asOf...), "--format", "json")...)
				if code != ExitData { // missing communes: the returns list a few of the district's
					t.Fatalf("validate: exit %d\n%s", code, errOut)
				}
				var v struct {
					Problems    []problem.Problem           `json:"problems"`
					Submissions []classify.SubmissionStatus `json:"submissions"`
				}
				if err := json.Unmarshal([]byte(stdout), &v); err != nil {
					t.Fatal(err)
				}
				sup = nil
				for _, pr := range v.Problems {
					if pr.Code == problem.CodeSuperseded {
						sup = append(sup, pr.File)
						checkSupersededMessage(t, "validate", pr.Message, counted, tt.sameDay, tt.reason)
					}
				}
				if !slices.Equal(sup, wantSup) {
					t.Errorf("%v: validate supersedes %v, want %s", order, sup, superseded)
				}
				checkStatus(t, "validate", v.Submissions, district, counted, superseded)

				// deadlines, as JSON and as a table.
				code, stdout, errOut = runIn(t, dir, append(append(append([]string{"--lang", "en", "deadlines"}, order...), asOf...), "--format", "json")...)
				if code != 0 {
					t.Fatalf("deadlines: exit %d\n%s", code, errOut)
				}
				var d struct {
					Submissions []classify.SubmissionStatus `json:"submissions"`
				}
				if err := json.Unmarshal([]byte(stdout), &d); err != nil {
					t.Fatal(err)
				}
				checkStatus(t, "deadlines --format json", d.Submissions, district, counted, superseded)
				code, stdout, errOut = runIn(t, dir, append(append(append([]string{"--lang", "en", "deadlines"}, order...), asOf...), "--format", "csv")...)
				if code != 0 {
					t.Fatalf("deadlines --format csv: exit %d\n%s", code, errOut)
				}
				table, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				kCol, fCol, sCol = slices.Index(table[0], "kind"), slices.Index(table[0], "file"), slices.Index(table[0], "superseded")
				found = false
				for _, r := range table[1:] {
					if r[0] == district && r[kCol] == "phase1" {
						found = true
						if r[fCol] != counted || r[sCol] != superseded {
							t.Errorf("%v: deadlines' table counts %q and supersedes %q; want %s and %s", order, r[fCol], r[sCol], counted, superseded)
						}
					}
				}
				if !found {
					t.Errorf("%v: no phase 1 row of %s in deadlines' table:\n%s", order, district, stdout)
				}

				// classify and recognize judge the communes of the return that counts.
				for _, command := range []string{"classify", "recognize"} {
					_, stdout, _ = runIn(t, dir, append(append([]string{"--lang", "en", command}, order...), "--format", "json")...)
					var c struct {
						Communes []struct {
							File string `json:"file"`
						} `json:"communes"`
					}
					if err := json.Unmarshal([]byte(stdout), &c); err != nil {
						t.Fatalf("%s: %v\n%s", command, err, stdout)
					}
					want := map[string]int{"a.xlsx": 5, "b.xlsx": 3}[tt.counted]
					if len(c.Communes) != want {
						t.Errorf("%v: %s judges %d communes, want the %d of %s", order, command, len(c.Communes), want, tt.counted)
					}
					for _, com := range c.Communes {
						if com.File != tt.counted {
							t.Errorf("%v: %s judges a commune of %s, want only %s's", order, command, com.File, tt.counted)
						}
					}
				}
			}
		})
	}
}

// checkStatus checks that the district's phase 1 status counts the return counted and
// lists the other as superseded.
func checkStatus(t *testing.T, what string, sts []classify.SubmissionStatus, district, counted, superseded string) {
	t.Helper()
	for _, s := range sts {
		if s.District == district && s.Kind == "phase1" {
			want := []string{superseded}
			if superseded == "" {
				want = nil
			}
			if s.File != counted || !slices.Equal(s.Superseded, want) {
				t.Errorf("%s counts %q and supersedes %v; want %s and %s", what, s.File, s.Superseded, counted, superseded)
			}
			return
		}
	}
	t.Errorf("%s: no phase 1 status of %s", what, district)
}

// checkSupersededMessage checks that a superseded warning names the return that counts,
// says whether the two were submitted the same day, and gives the reason.
func checkSupersededMessage(t *testing.T, what, msg, counted string, sameDay bool, reason string) {
	t.Helper()
	if !strings.Contains(msg, "is replaced by "+counted+" (") {
		t.Errorf("%s: the superseded warning does not name %s: %q", what, counted, msg)
	}
	if got := strings.Contains(msg, "submitted the same day"); got != sameDay {
		t.Errorf("%s: the superseded warning says the same day: %v, want %v: %q", what, got, sameDay, msg)
	}
	if !strings.Contains(msg, reason) {
		t.Errorf("%s: the superseded warning does not say %q: %q", what, reason, msg)
	}
}
