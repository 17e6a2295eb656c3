package classify

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// standingOf runs Latest and describes each submission's standing by file and sheet, so
// that the description does not depend on the order the submissions were given in.
func standingOf(subs []Submission, asOf time.Time) map[string]string {
	out := map[string]string{}
	for i, st := range Latest(subs, asOf) {
		if st.Counts() {
			if st.By != i {
				out[name(subs[i])] = fmt.Sprintf("counts, but By = %d, not its own index %d", st.By, i)
				continue
			}
			out[name(subs[i])] = "counts"
			continue
		}
		by := subs[st.By]
		out[name(subs[i])] = fmt.Sprintf("superseded by %s: %s (same day %v)", name(by), st.Reason, st.Reason.SameDay())
	}
	return out
}

func name(s Submission) string {
	if s.Sheet != "" {
		return s.File + "/" + s.Sheet
	}
	return s.File
}

// permutations returns every order of subs (up to 4 of them: 24 orders).
func permutations(subs []Submission) [][]Submission {
	if len(subs) <= 1 {
		return [][]Submission{append([]Submission{}, subs...)}
	}
	var out [][]Submission
	for i := range subs {
		rest := append(append([]Submission{}, subs[:i]...), subs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]Submission{subs[i]}, p...))
		}
	}
	return out
}

// Each step of the rule, and the order of the arguments never decides: every case is run
// in every order of its submissions.
func TestLatestRule(t *testing.T) {
	const cl, ck = "Huyện Càng Long", "Huyện Cầu Kè"
	asOf := calDay("2025-12-20")
	sub := func(file string, received, reported string, communes int) Submission {
		s := Submission{District: cl, Kind: "phase3", File: file, Communes: communes}
		if received != "" {
			s.Received = calDay(received)
		}
		if reported != "" {
			s.ReportDate = calDay(reported)
		}
		return s
	}
	tests := []struct {
		name string
		subs []Submission
		want map[string]string
	}{
		{
			name: "one return counts",
			subs: []Submission{sub("a.xlsx", "2025-12-10", "", 5)},
			want: map[string]string{"a.xlsx": "counts"},
		},
		{
			name: "the later received day, whatever the report dates and communes",
			subs: []Submission{sub("a.xlsx", "2025-12-10", "2025-12-09", 5), sub("b.xlsx", "2025-12-11", "2025-12-01", 3)},
			want: map[string]string{"b.xlsx": "counts", "a.xlsx": "superseded by b.xlsx: later-submitted (same day false)"},
		},
		{
			name: "the report date stands for a received date not given",
			subs: []Submission{sub("a.xlsx", "2025-12-10", "", 5), sub("b.xlsx", "", "2025-12-11", 3)},
			want: map[string]string{"b.xlsx": "counts", "a.xlsx": "superseded by b.xlsx: later-submitted (same day false)"},
		},
		{
			name: "the received date wins over a later report date",
			subs: []Submission{sub("a.xlsx", "2025-12-10", "2025-12-12", 5), sub("b.xlsx", "2025-12-11", "2025-12-01", 3)},
			want: map[string]string{"b.xlsx": "counts", "a.xlsx": "superseded by b.xlsx: later-submitted (same day false)"},
		},
		{
			name: "same day: the later report date",
			subs: []Submission{sub("a.xlsx", "2025-12-10", "2025-12-09", 5), sub("b.xlsx", "2025-12-10", "2025-12-10", 3)},
			want: map[string]string{"b.xlsx": "counts", "a.xlsx": "superseded by b.xlsx: later-report-date (same day true)"},
		},
		{
			name: "same day: a report date over none",
			subs: []Submission{sub("a.xlsx", "2025-12-10", "", 5), sub("b.xlsx", "2025-12-10", "2025-12-01", 3)},
			want: map[string]string{"b.xlsx": "counts", "a.xlsx": "superseded by b.xlsx: later-report-date (same day true)"},
		},
		{
			name: "same dates: more communes (the issue's a.xlsx of 5 and b.xlsx of 3)",
			subs: []Submission{sub("a.xlsx", "2025-12-10", "2025-12-09", 5), sub("b.xlsx", "2025-12-10", "2025-12-09", 3)},
			want: map[string]string{"a.xlsx": "counts", "b.xlsx": "superseded by a.xlsx: more-communes (same day true)"},
		},
		{
			name: "same dates and communes: the later file name",
			subs: []Submission{sub("a.xlsx", "2025-12-10", "2025-12-09", 5), sub("b.xlsx", "2025-12-10", "2025-12-09", 5)},
			want: map[string]string{"b.xlsx": "counts", "a.xlsx": "superseded by b.xlsx: file-name (same day true)"},
		},
		{
			name: "one workbook, two sheets: the later sheet name",
			subs: []Submission{
				{District: cl, Kind: "phase3", File: "all.xlsx", Sheet: "CL", Received: calDay("2025-12-10"), Communes: 5},
				{District: cl, Kind: "phase3", File: "all.xlsx", Sheet: "CL (2)", Received: calDay("2025-12-10"), Communes: 5},
			},
			want: map[string]string{"all.xlsx/CL (2)": "counts", "all.xlsx/CL": "superseded by all.xlsx/CL (2): sheet-name (same day true)"},
		},
		{
			name: "time of day and zone do not matter: the same day",
			subs: []Submission{
				{District: cl, Kind: "phase3", File: "a.xlsx", Received: time.Date(2025, 12, 10, 23, 59, 0, 0, time.FixedZone("ICT", 7*3600)), Communes: 5},
				{District: cl, Kind: "phase3", File: "b.xlsx", Received: time.Date(2025, 12, 10, 1, 0, 0, 0, time.UTC), Communes: 3},
			},
			want: map[string]string{"a.xlsx": "counts", "b.xlsx": "superseded by a.xlsx: more-communes (same day true)"},
		},
		{
			name: "undated: taken as submitted on the as-of day, after a return received before it",
			subs: []Submission{sub("a.xlsx", "", "", 3), sub("b.xlsx", "2025-12-19", "2025-12-19", 5)},
			want: map[string]string{"a.xlsx": "counts", "b.xlsx": "superseded by a.xlsx: later-submitted (same day false)"},
		},
		{
			name: "undated: before a return received after the as-of day",
			subs: []Submission{sub("a.xlsx", "", "", 5), sub("b.xlsx", "2025-12-21", "", 3)},
			want: map[string]string{"b.xlsx": "counts", "a.xlsx": "superseded by b.xlsx: later-submitted (same day false)"},
		},
		{
			name: "undated and a return received on the as-of day: the same day, and a report date over none",
			subs: []Submission{sub("a.xlsx", "", "", 5), sub("b.xlsx", "2025-12-20", "2025-12-01", 3)},
			want: map[string]string{"b.xlsx": "counts", "a.xlsx": "superseded by b.xlsx: later-report-date (same day true)"},
		},
		{
			name: "undated and a return received on the as-of day without a report date: more communes",
			subs: []Submission{sub("a.xlsx", "", "", 5), sub("b.xlsx", "2025-12-20", "", 3)},
			want: map[string]string{"a.xlsx": "counts", "b.xlsx": "superseded by a.xlsx: more-communes (same day true)"},
		},
		{
			name: "two undated: more communes",
			subs: []Submission{sub("a.xlsx", "", "", 5), sub("b.xlsx", "", "", 3)},
			want: map[string]string{"a.xlsx": "counts", "b.xlsx": "superseded by a.xlsx: more-communes (same day true)"},
		},
		{
			name: "a data return over the register's line of the same day",
			subs: []Submission{sub("register.csv:4", "2025-12-10", "2025-12-09", 0), sub("a.xlsx", "2025-12-10", "2025-12-09", 5)},
			want: map[string]string{"a.xlsx": "counts", "register.csv:4": "superseded by a.xlsx: more-communes (same day true)"},
		},
		{
			name: "three returns: each superseded one names the one that counts, and why against it",
			subs: []Submission{
				sub("a.xlsx", "2025-12-08", "", 9),
				sub("b.xlsx", "2025-12-10", "2025-12-09", 3),
				sub("c.xlsx", "2025-12-10", "2025-12-09", 5),
			},
			want: map[string]string{
				"c.xlsx": "counts",
				"b.xlsx": "superseded by c.xlsx: more-communes (same day true)",
				"a.xlsx": "superseded by c.xlsx: later-submitted (same day false)",
			},
		},
		{
			name: "other districts and kinds are apart; without a district or kind, each counts on its own",
			subs: []Submission{
				sub("a.xlsx", "2025-12-08", "", 5),
				{District: ck, Kind: "phase3", File: "ck.xlsx", Received: calDay("2025-12-12")},
				{District: cl, Kind: "review", File: "review.xlsx", Received: calDay("2025-12-12")},
				{District: cl, File: "nokind.xlsx", Received: calDay("2025-12-12"), Communes: 9},
			},
			want: map[string]string{"a.xlsx": "counts", "ck.xlsx": "counts", "review.xlsx": "counts", "nokind.xlsx": "counts"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range permutations(tt.subs) {
				got := standingOf(order, asOf)
				if fmt.Sprint(got) != fmt.Sprint(tt.want) {
					t.Errorf("in the order %v:\ngot  %v\nwant %v", files(order), got, tt.want)
				}
			}
		})
	}
}

func files(subs []Submission) []string {
	var out []string
	for _, s := range subs {
		out = append(out, name(s))
	}
	return out
}

// The same return given twice (the same file and sheet): the first given counts and the
// other is the same return; nothing else tells them apart.
func TestLatestSameReturnGivenTwice(t *testing.T) {
	s := Submission{District: "Huyện Càng Long", Kind: "phase3", File: "a.xlsx", Sheet: "Số liệu", Received: calDay("2025-12-10"), Communes: 5}
	got := Latest([]Submission{s, s}, calDay("2025-12-20"))
	want := []Standing{{By: 0}, {By: 0, Reason: SupersedeSameReturn}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if !SupersedeSameReturn.SameDay() || SupersedeLaterSubmitted.SameDay() {
		t.Error("SameDay: only later-submitted is not a tie of the same day")
	}
}

// Over many generated rounds, whatever the order of the submissions: one submission counts
// for each district and kind, each other one names it, and the standings do not change
// when the submissions are shuffled.
func TestLatestInvariants(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	asOf := calDay("2025-12-20")
	day := func() time.Time {
		if rng.Intn(5) == 0 {
			return time.Time{}
		}
		return calDay("2025-12-17").AddDate(0, 0, rng.Intn(5)) // some after the as-of day
	}
	for round := 0; round < 500; round++ {
		var subs []Submission
		for i, n := 0, 1+rng.Intn(8); i < n; i++ {
			subs = append(subs, Submission{
				District: []string{"A", "B"}[rng.Intn(2)], Kind: []string{"review", "phase3"}[rng.Intn(2)],
				File: fmt.Sprintf("f%d.xlsx", rng.Intn(3)), Sheet: []string{"", "S"}[rng.Intn(2)],
				Received: day(), ReportDate: day(), Communes: rng.Intn(3),
			})
		}
		st := Latest(subs, asOf)
		counted := map[[2]string]int{}
		for i, s := range st {
			if s.Counts() {
				counted[[2]string{subs[i].District, subs[i].Kind}]++
			}
		}
		for i, s := range st {
			k := [2]string{subs[i].District, subs[i].Kind}
			if counted[k] != 1 {
				t.Fatalf("round %d: %d submissions count for %v", round, counted[k], k)
			}
			by := subs[s.By]
			if !st[s.By].Counts() || by.District != k[0] || by.Kind != k[1] {
				t.Fatalf("round %d: %s is superseded by %s, which does not count for its district and kind", round, name(subs[i]), name(by))
			}
			if s.Counts() != (s.By == i) {
				t.Fatalf("round %d: %+v at %d", round, s, i)
			}
		}
		// Shuffled, every submission keeps its standing (the copies of one return aside,
		// which are the same return whichever counts).
		want := describe(subs, st)
		perm := rng.Perm(len(subs))
		shuffled := make([]Submission, len(subs))
		for i, j := range perm {
			shuffled[i] = subs[j]
		}
		if got := describe(shuffled, Latest(shuffled, asOf)); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("round %d: the order decided:\n%v\n%v", round, want, got)
		}
	}
}

// describe counts, for each distinct submission, its standings.
func describe(subs []Submission, st []Standing) map[string]int {
	out := map[string]int{}
	for i, s := range st {
		out[fmt.Sprintf("%+v -> %+v %s", subs[i], subs[s.By], s.Reason)]++
	}
	return out
}
