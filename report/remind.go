package report

import (
	"slices"

	"drugfree/classify"
)

// Reminder is one sender to urge (drugfree remind): the returns it owes, each missing or
// sent late, in the order of the calendar.
type Reminder struct {
	Sender string `json:"sender"`
	// FormerDistrict is, for a commune formed by the reform, the district it is listed under.
	FormerDistrict string `json:"former_district,omitempty"`
	// Body is set for a body named in the plan's senders (an agency).
	Body bool                        `json:"body,omitempty"`
	Owed []classify.SubmissionStatus `json:"owed"`
}

// Missing reports whether the sender has a return still not sent.
func (r Reminder) Missing() bool {
	return slices.ContainsFunc(r.Owed, func(s classify.SubmissionStatus) bool { return s.Status == classify.SubmissionMissing })
}

// Reminders groups the returns that are missing or were sent late (Timeliness) by sender,
// in the order of statuses: one reminder for each sender with any.
func Reminders(statuses []classify.SubmissionStatus) []Reminder {
	var out []Reminder
	at := map[string]int{}
	for _, s := range statuses {
		if s.Status != classify.SubmissionMissing && s.Status != classify.SubmissionLate {
			continue
		}
		i, ok := at[s.District]
		if !ok {
			i = len(out)
			at[s.District] = i
			out = append(out, Reminder{Sender: s.District, FormerDistrict: s.FormerDistrict, Body: s.Body})
		}
		out[i].Owed = append(out[i].Owed, s)
	}
	return out
}
