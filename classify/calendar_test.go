package classify

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"drugfree/criteria"
)

func calDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

const calCangLong = "Huyện Càng Long"

// statusOf returns the status of district and kind in sts.
func timelinessOf(t *testing.T, sts []SubmissionStatus, district, kind string) SubmissionStatus {
	t.Helper()
	for _, s := range sts {
		if s.District == district && s.Kind == kind {
			return s
		}
	}
	t.Fatalf("no status for %s / %s", district, kind)
	return SubmissionStatus{}
}

// At each due day of the default plan: on the day is on time, the day after is late by 1,
// two days before is on time; with nothing sent, not-due on the day and missing the day after.
func TestTimelinessAtEachDueDay(t *testing.T) {
	p := criteria.Default()
	want := map[string]string{
		"review": "2025-02-26", "plan": "2025-03-30", "phase1": "2025-04-30",
		"phase2": "2025-10-31", "phase3": "2025-12-13",
	}
	if len(p.Calendar) != len(want) {
		t.Fatalf("calendar has %d kinds, want %d", len(p.Calendar), len(want))
	}
	for _, dl := range p.Calendar {
		due := dl.Due.Time
		if got := dl.Due.Format(time.DateOnly); got != want[dl.Kind] {
			t.Errorf("%s is due %s, want %s", dl.Kind, got, want[dl.Kind])
		}
		tests := []struct {
			name      string
			submitted time.Time // zero: nothing sent
			asOf      time.Time
			status    string
			daysLate  int
		}{
			{"on the due day", due, due.AddDate(0, 1, 0), SubmissionOnTime, 0},
			{"the day after", due.AddDate(0, 0, 1), due.AddDate(0, 1, 0), SubmissionLate, 1},
			{"two days before", due.AddDate(0, 0, -2), due.AddDate(0, 1, 0), SubmissionOnTime, 0},
			{"nothing sent, as of the due day", time.Time{}, due, SubmissionNotDue, 0},
			{"nothing sent, as of two days before", time.Time{}, due.AddDate(0, 0, -2), SubmissionNotDue, 0},
			{"nothing sent, as of the day after", time.Time{}, due.AddDate(0, 0, 1), SubmissionMissing, 1},
			{"nothing sent, as of ten days after", time.Time{}, due.AddDate(0, 0, 10), SubmissionMissing, 10},
		}
		for _, tt := range tests {
			t.Run(dl.Kind+"/"+tt.name, func(t *testing.T) {
				var subs []Submission
				if !tt.submitted.IsZero() {
					subs = []Submission{{District: calCangLong, Kind: dl.Kind, File: "a.xlsx", Received: tt.submitted}}
				}
				got := timelinessOf(t, Timeliness(p, EveryKind(p, calCangLong), subs, tt.asOf), calCangLong, dl.Kind)
				if got.Status != tt.status || got.DaysLate != tt.daysLate {
					t.Errorf("status %s, %d days late; want %s, %d", got.Status, got.DaysLate, tt.status, tt.daysLate)
				}
				if got.Due != want[dl.Kind] {
					t.Errorf("due %s, want %s", got.Due, want[dl.Kind])
				}
				wantSubmitted := ""
				if !tt.submitted.IsZero() {
					wantSubmitted = tt.submitted.Format(time.DateOnly)
				}
				if got.Submitted != wantSubmitted {
					t.Errorf("submitted %q, want %q", got.Submitted, wantSubmitted)
				}
			})
		}
	}
}

func TestTimelinessSubmissions(t *testing.T) {
	p := criteria.Default()
	asOf := calDay("2025-03-15")
	tests := []struct {
		name       string
		subs       []Submission
		want       SubmissionStatus
		superseded []string
	}{
		{
			name: "received date preferred over report date",
			subs: []Submission{{District: calCangLong, Kind: "review", File: "a.xlsx", ReportDate: calDay("2025-02-25"), Received: calDay("2025-02-28")}},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Submitted: "2025-02-28", Status: SubmissionLate, DaysLate: 2, File: "a.xlsx"},
		},
		{
			name: "report date when nothing was received",
			subs: []Submission{{District: calCangLong, Kind: "review", File: "a.xlsx", ReportDate: calDay("2025-02-25")}},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Submitted: "2025-02-25", Status: SubmissionOnTime, File: "a.xlsx"},
		},
		{
			name: "the later of two counts, even when it is late",
			subs: []Submission{
				{District: calCangLong, Kind: "review", File: "first.xlsx", Received: calDay("2025-02-20")},
				{District: calCangLong, Kind: "review", File: "second.xlsx", Received: calDay("2025-03-03")},
			},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Submitted: "2025-03-03", Status: SubmissionLate, DaysLate: 5, File: "second.xlsx", Superseded: []string{"first.xlsx"}},
		},
		{
			name: "the later counts whatever the input order",
			subs: []Submission{
				{District: calCangLong, Kind: "review", File: "second.xlsx", Received: calDay("2025-03-03")},
				{District: calCangLong, Kind: "review", File: "first.xlsx", Received: calDay("2025-02-20")},
			},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Submitted: "2025-03-03", Status: SubmissionLate, DaysLate: 5, File: "second.xlsx", Superseded: []string{"first.xlsx"}},
		},
		{
			name: "same day: a report date over none, the others listed in the order given",
			subs: []Submission{
				{District: calCangLong, Kind: "review", File: "a.xlsx", Received: calDay("2025-02-20")},
				{District: calCangLong, Kind: "review", File: "b.xlsx", Received: time.Date(2025, 2, 20, 8, 0, 0, 0, time.UTC)},
				{District: calCangLong, Kind: "review", File: "c.xlsx", ReportDate: calDay("2025-02-20")},
			},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Submitted: "2025-02-20", Status: SubmissionOnTime, File: "c.xlsx", Superseded: []string{"a.xlsx", "b.xlsx"}},
		},
		{
			name: "undated: taken as submitted on the as-of day",
			subs: []Submission{{District: calCangLong, Kind: "review", File: "u.xlsx"}},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Submitted: "2025-03-15", Status: SubmissionLate, DaysLate: 17, Undated: true, File: "u.xlsx"},
		},
		{
			name: "undated before the due day: on time",
			subs: []Submission{{District: calCangLong, Kind: "plan", File: "u.docx"}},
			want: SubmissionStatus{District: calCangLong, Kind: "plan", Due: "2025-03-30", Submitted: "2025-03-15", Status: SubmissionOnTime, Undated: true, File: "u.docx"},
		},
		{
			name: "a dated submission after an undated one supersedes it only when later than as-of",
			subs: []Submission{
				{District: calCangLong, Kind: "review", File: "dated.xlsx", Received: calDay("2025-02-20")},
				{District: calCangLong, Kind: "review", File: "undated.xlsx"},
			},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Submitted: "2025-03-15", Status: SubmissionLate, DaysLate: 17, Undated: true, File: "undated.xlsx", Superseded: []string{"dated.xlsx"}},
		},
		{
			name: "time of day and zone do not matter",
			subs: []Submission{{District: calCangLong, Kind: "review", File: "a.xlsx", Received: time.Date(2025, 2, 26, 23, 59, 0, 0, time.FixedZone("ICT", 7*3600))}},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Submitted: "2025-02-26", Status: SubmissionOnTime, File: "a.xlsx"},
		},
		{
			name: "another district's return does not count",
			subs: []Submission{{District: "Huyện Cầu Kè", Kind: "review", File: "ck.xlsx", Received: calDay("2025-02-20")}},
			want: SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Status: SubmissionMissing, DaysLate: 17},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := timelinessOf(t, Timeliness(p, EveryKind(p, calCangLong), tt.subs, asOf), tt.want.District, tt.want.Kind)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// Every sender owes its kinds, in the order of the plan's obligations then the calendar's:
// the districts those due before the reform of 1 July 2025, the communes formed by it those
// due after, the bodies theirs. A sender that sent nothing is missing what is past due and
// not-due for the rest.
func TestTimelinessEverySenderAndKind(t *testing.T) {
	p := criteria.Default()
	asOf := calDay("2025-04-01")
	subs := []Submission{
		{District: calCangLong, Kind: "review", File: "cl-review.xlsx", Received: calDay("2025-02-25")},
		{District: calCangLong, Kind: "plan", File: "cl-plan.pdf", ReportDate: calDay("2025-03-29")},
		{District: "Nowhere", Kind: "review", File: "x.xlsx", Received: calDay("2025-02-25")},
		{District: calCangLong, Kind: "unknown-kind", File: "y.xlsx", Received: calDay("2025-02-25")},
		{District: calCangLong, Kind: "phase3", File: "z.xlsx", Received: calDay("2025-02-25")}, // not owed after the reform
	}
	got := Timeliness(p, nil, subs, asOf)
	var want [][2]string
	for _, o := range p.Obligations() {
		for _, k := range o.Kinds {
			want = append(want, [2]string{o.Sender, k})
		}
	}
	if len(want) != 9*3+41*2+12*4 || len(got) != len(want) {
		t.Fatalf("got %d statuses, want %d (9 districts × 3 kinds, 41 communes × 2, 12 bodies × 4)", len(got), len(want))
	}
	for i, s := range got {
		if s.District != want[i][0] || s.Kind != want[i][1] {
			t.Fatalf("status %d is %s/%s, want %s/%s", i, s.District, s.Kind, want[i][0], want[i][1])
		}
	}
	// Huyện Cầu Kè sent nothing.
	for kind, want := range map[string]SubmissionStatus{
		"review": {Status: SubmissionMissing, DaysLate: 34},
		"plan":   {Status: SubmissionMissing, DaysLate: 2},
		"phase1": {Status: SubmissionNotDue},
	} {
		s := timelinessOf(t, got, "Huyện Cầu Kè", kind)
		if s.Status != want.Status || s.DaysLate != want.DaysLate || s.Submitted != "" || s.File != "" {
			t.Errorf("Cầu Kè %s: %+v, want %s %d days", kind, s, want.Status, want.DaysLate)
		}
	}
	if s := timelinessOf(t, got, calCangLong, "plan"); s.Status != SubmissionOnTime || s.File != "cl-plan.pdf" {
		t.Errorf("Càng Long plan: %+v", s)
	}
	if s := timelinessOf(t, got, "Xã Cầu Kè", "phase3"); s.Status != SubmissionNotDue || s.FormerDistrict != "Huyện Cầu Kè" || s.Body {
		t.Errorf("xã Cầu Kè phase 3: %+v", s)
	}
	if s := timelinessOf(t, got, "Sở Y tế", "phase1"); s.Status != SubmissionNotDue || !s.Body {
		t.Errorf("Sở Y tế phase 1: %+v", s)
	}
	for _, s := range got {
		if s.District == calCangLong && (s.Kind == "phase2" || s.Kind == "phase3") {
			t.Errorf("%s owes %s after the reform: %+v", calCangLong, s.Kind, s)
		}
	}
}

func TestTimelinessSenderOrder(t *testing.T) {
	p := criteria.Default()
	got := Timeliness(p, EveryKind(p, "Huyện Trà Cú", "Somewhere else", calCangLong, "Huyện Trà Cú"), nil, calDay("2025-01-01"))
	var order []string
	for i := 0; i < len(got); i += len(p.Calendar) {
		order = append(order, got[i].District)
	}
	want := []string{"Huyện Trà Cú", "Somewhere else", calCangLong}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
}

func TestSubmissionStatusJSON(t *testing.T) {
	b, err := json.Marshal(SubmissionStatus{District: calCangLong, Kind: "review", Due: "2025-02-26", Status: SubmissionMissing, DaysLate: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"district":"Huyện Càng Long","kind":"review","due":"2025-02-26","submitted":"","status":"missing","days_late":3}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	b, _ = json.Marshal(SubmissionStatus{Status: SubmissionOnTime, Submitted: "2025-02-20", File: "a.xlsx", Superseded: []string{"b.xlsx"}})
	for _, k := range []string{`"submitted":"2025-02-20"`, `"days_late":0`, `"file":"a.xlsx"`, `"superseded":["b.xlsx"]`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("%s lacks %s", b, k)
		}
	}
}

func TestNextDue(t *testing.T) {
	p := criteria.Default()
	tests := []struct {
		asOf string
		kind string
		days int
		ok   bool
	}{
		{"2025-01-01", "review", 56, true},
		{"2025-02-26", "review", 0, true},
		{"2025-02-27", "plan", 31, true},
		{"2025-03-30", "plan", 0, true},
		{"2025-05-01", "phase2", 183, true},
		{"2025-12-13", "phase3", 0, true},
		{"2025-12-14", "", 0, false},
		{"2026-06-01", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			asOf := calDay(tt.asOf).Add(15 * time.Hour) // the time of day does not count
			dl, days, ok := NextDue(p, asOf)
			if ok != tt.ok || dl.Kind != tt.kind || days != tt.days {
				t.Errorf("NextDue = %q, %d, %v; want %q, %d, %v", dl.Kind, days, ok, tt.kind, tt.days, tt.ok)
			}
		})
	}
}

func TestSubmissionSubmitted(t *testing.T) {
	s := Submission{ReportDate: calDay("2025-02-20")}
	if !s.Submitted().Equal(calDay("2025-02-20")) {
		t.Errorf("report date only: %v", s.Submitted())
	}
	s.Received = calDay("2025-02-22")
	if !s.Submitted().Equal(calDay("2025-02-22")) {
		t.Errorf("received date: %v", s.Submitted())
	}
	if !(Submission{}).Submitted().IsZero() {
		t.Error("undated submission has a date")
	}
}

func TestTimelinessSameDayTieDoesNotDependOnTheOrderOfTheFiles(t *testing.T) {
	p := criteria.Default()
	early := Submission{District: calCangLong, Kind: "review", File: "z-early.xlsx", ReportDate: calDay("2025-02-20"), Received: calDay("2025-02-25")}
	later := Submission{District: calCangLong, Kind: "review", File: "a-later.xlsx", ReportDate: calDay("2025-02-24"), Received: calDay("2025-02-25")}
	for _, subs := range [][]Submission{{early, later}, {later, early}} {
		st := Timeliness(p, EveryKind(p, calCangLong), subs, calDay("2025-03-01"))[0]
		if st.File != "a-later.xlsx" || len(st.Superseded) != 1 || st.Superseded[0] != "z-early.xlsx" {
			t.Errorf("same received day: counted %s, superseded %v; want the later report date (a-later.xlsx) whatever the order", st.File, st.Superseded)
		}
	}
}
