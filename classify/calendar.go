package classify

import (
	"time"

	"drugfree/criteria"
)

// Submission statuses, as in SPEC §7.
const (
	SubmissionOnTime  = "on-time"
	SubmissionLate    = "late"
	SubmissionMissing = "missing"
	SubmissionNotDue  = "not-due"
	// SubmissionNotChecked is a kind the run was given nothing of (no return, no line of
	// the register) and not asked to judge (--all-kinds): it says nothing of whether the
	// district sent it. Set by the caller, which knows what the run was given.
	SubmissionNotChecked = "not-checked"
)

// Submission is one document a district sent: a return, or a line of the register of
// documents received.
type Submission struct {
	District string
	Kind     string
	File     string
	// Sheet is a return's data sheet ("" for a CSV return and a line of the register).
	Sheet  string
	Number string
	// ReportDate and ReceivedDate are zero when not known.
	ReportDate time.Time
	Received   time.Time
	// Communes is how many communes a return lists (0 for a line of the register): of two
	// returns sent the same day with the same report date, the fuller counts (Latest).
	Communes int
}

// Submitted returns the day the submission counts as submitted: its received date, or its
// report date when none was given; zero when neither is known.
func (s Submission) Submitted() time.Time {
	if !s.Received.IsZero() {
		return s.Received
	}
	return s.ReportDate
}

// Day returns the calendar day the submission counts as submitted as of the as-of day:
// Submitted's day, or, for an undated submission (neither date known), the as-of day,
// the latest day it can have arrived.
func (s Submission) Day(asOf time.Time) (day time.Time, undated bool) {
	if t := s.Submitted(); !t.IsZero() {
		return CalendarDay(t), false
	}
	return CalendarDay(asOf), true
}

// SubmissionStatus is where one sender stands with one kind of return.
type SubmissionStatus struct {
	// District is the sender: a district, after the reform of 1 July 2025 a commune, or a
	// body named in the plan's senders (an agency).
	District string `json:"district"`
	// FormerDistrict is, for a commune formed by the reform, the district of the plan's
	// registry it is listed under (criteria.Plan.FormerDistrict).
	FormerDistrict string `json:"former_district,omitempty"`
	// Body is set for a body named in the plan's senders (an agency).
	Body bool   `json:"body,omitempty"`
	Kind string `json:"kind"`
	// Due is the due day (inclusive), YYYY-MM-DD.
	Due string `json:"due"`
	// Submitted is the day the counted submission was submitted, YYYY-MM-DD; empty when
	// nothing was sent (the key is always present, as SPEC §7 lists it).
	Submitted string `json:"submitted"`
	// Status is SubmissionOnTime, SubmissionLate, SubmissionMissing, SubmissionNotDue or
	// SubmissionNotChecked.
	Status string `json:"status"`
	// DaysLate is Submitted − Due for a late return, and as-of − Due for a missing one
	// (how long it is overdue so far); 0 otherwise.
	DaysLate int `json:"days_late"`
	// Undated is set when the counted submission gave neither a received nor a report
	// date: it is then taken as submitted on the as-of day.
	Undated bool `json:"undated,omitempty"`
	// File is the counted submission's file.
	File string `json:"file,omitempty"`
	// Superseded lists the files of earlier submissions of the same kind from the same
	// district, which no longer count.
	Superseded []string `json:"superseded,omitempty"`
}

// Timeliness returns the status of every kind each sender owes (owed, in its order, each
// sender's kinds in calendar order). With owed nil, the plan's obligations are used
// (criteria.Plan.Obligations: the districts owe the kinds due before the reform of 1 July
// 2025, the communes formed by it those due after, and the bodies of the plan theirs).
//
// Dates are compared as calendar days, whatever their time of day or zone. Of several
// submissions of one kind from one district, the one Latest says counts is judged, and the
// others are listed as superseded, in the order given. Submissions of a district or kind
// outside districts and the calendar are not counted: resolving names is the caller's job,
// and it reports what it could not resolve.
//
// A submission with neither a received nor a report date was nevertheless sent: the clerk
// has it in hand. It is taken as submitted on the as-of day (and marked Undated), which is
// the latest day it can have arrived; so it is on time only if the as-of day is not past
// the due day. Nothing sent is not-due up to and including the due day, missing after it.
func Timeliness(p *criteria.Plan, owed []criteria.Obligation, subs []Submission, asOf time.Time) []SubmissionStatus {
	today := CalendarDay(asOf)
	if owed == nil {
		owed = p.Obligations()
	}

	type key struct{ district, kind string }
	standing := Latest(subs, asOf)
	counted := make(map[key]int, len(subs))
	var superseded map[int][]string // by the index of the submission that counts instead
	for i, st := range standing {
		if st.Counts() {
			counted[key{subs[i].District, subs[i].Kind}] = i
			continue
		}
		if superseded == nil {
			superseded = map[int][]string{}
		}
		superseded[st.By] = append(superseded[st.By], subs[i].File)
	}

	// The due days, and the days submitted (a round's returns come in on a few days), are
	// written once each and shared by the statuses rather than once per status.
	dues := make([]time.Time, len(p.Calendar))
	dueText := make([]string, len(p.Calendar))
	for i, dl := range p.Calendar {
		dues[i] = CalendarDay(dl.Due.Time)
		dueText[i] = dues[i].Format(time.DateOnly)
	}
	dayText := map[time.Time]string{}
	n := 0
	for _, o := range owed {
		n += len(o.Kinds)
	}
	out := make([]SubmissionStatus, 0, n)
	seen := make(map[string]bool, len(owed))
	for _, o := range owed {
		d := o.Sender
		if seen[d] {
			continue
		}
		seen[d] = true
		for i, dl := range p.Calendar {
			if !owes(o, dl.Kind) {
				continue
			}
			due := dues[i]
			st := SubmissionStatus{District: d, FormerDistrict: o.Group, Body: o.Body, Kind: dl.Kind, Due: dueText[i]}
			if c, ok := counted[key{d, dl.Kind}]; ok {
				day, undated := subs[c].Day(asOf)
				text, ok := dayText[day]
				if !ok {
					text = day.Format(time.DateOnly)
					dayText[day] = text
				}
				st.Submitted = text
				st.Undated = undated
				st.File = subs[c].File
				st.Superseded = superseded[c]
				if n := daysBetween(due, day); n > 0 {
					st.Status, st.DaysLate = SubmissionLate, n
				} else {
					st.Status = SubmissionOnTime
				}
			} else if n := daysBetween(due, today); n > 0 {
				st.Status, st.DaysLate = SubmissionMissing, n
			} else {
				st.Status = SubmissionNotDue
			}
			out = append(out, st)
		}
	}
	if len(out) == 0 {
		return nil // as before it was sized: nothing is null in JSON, not []
	}
	return out
}

// NextDue returns the calendar's next kind due on or after the as-of day and the days
// until it (0 on the due day itself); false when every due day has passed. Kinds due on the
// same day come in calendar order.
func NextDue(p *criteria.Plan, asOf time.Time) (criteria.Deadline, int, bool) {
	today := CalendarDay(asOf)
	var next criteria.Deadline
	days, found := 0, false
	for _, dl := range p.Calendar {
		n := daysBetween(today, CalendarDay(dl.Due.Time))
		if n >= 0 && (!found || n < days) {
			next, days, found = dl, n, true
		}
	}
	return next, days, found
}

// CalendarDay returns t's date (as written in t's own zone) at midnight UTC; zero stays
// zero. Every comparison of days (submitted, due, as-of, report dates) is between
// calendar days, whatever the time of day or zone of the dates read.
func CalendarDay(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// daysBetween returns to − from in whole days; both are calendar days at midnight UTC.
func daysBetween(from, to time.Time) int {
	return int(to.Sub(from).Hours() / 24)
}

// owes reports whether o owes kind.
func owes(o criteria.Obligation, kind string) bool {
	for _, k := range o.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// EveryKind is the obligations of senders each owing every kind of the calendar, in the
// order given (for a caller that names its own senders).
func EveryKind(p *criteria.Plan, senders ...string) []criteria.Obligation {
	var kinds []string
	for _, d := range p.Calendar {
		kinds = append(kinds, d.Kind)
	}
	out := make([]criteria.Obligation, len(senders))
	for i, s := range senders {
		out[i] = criteria.Obligation{Sender: s, Kinds: kinds}
	}
	return out
}
