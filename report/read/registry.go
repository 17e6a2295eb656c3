package read

import (
	"time"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/naming"
	"drugfree/report/problem"
)

// A return is read against the registry in force on its date (SPEC §9): its report date,
// else its received date, else the as-of day. Codes and names were reused by the reform of
// 1 July 2025 (29242 was Phường 3 and is phường Trà Vinh; "Cầu Kè" was a district and is a
// xã), so when what a return read against the reform's registry names would designate
// another unit in the registry before it, a warning (registry-date) says which registry
// was used and what it would have been: a clerk may have written from the old list. A
// return dated before the reform cannot mean units that did not exist yet; one that names
// them is told so in the error (unknownElsewhere, communeUnknownElsewhere).

// returnDay is the day that chooses a return's registry, and which date it is: "report"
// (its report date), "received" or "as-of".
func (r *reader) returnDay(meta coverInfo) (time.Time, string) {
	switch {
	case !meta.reportDate.IsZero():
		return meta.reportDate, "report"
	case !meta.receivedDate.IsZero():
		return meta.receivedDate, "received"
	}
	return r.opt.AsOf, "as-of"
}

// useRegistryOf makes r read against the registry in force on the date of a return with
// metadata meta.
func (r *reader) useRegistryOf(meta coverInfo) {
	r.day, r.dayIs = r.returnDay(meta)
	r.m = r.ms.On(r.day)
}

// dayPhrase says which date chose the registry: "ngày báo cáo 12/12/2025".
func (r *reader) dayPhrase() string {
	if r.day.IsZero() {
		return i18n.Msg(r.lang, "registry-date.undated")
	}
	return i18n.Msg(r.lang, "registry-date.day."+r.dayIs, i18n.ClerkDate(r.day, r.lang))
}

// registryName is "the registry in force from 01/07/2025".
func (r *reader) registryName(reg *criteria.Registry) string {
	return naming.RegistryName(r.lang, reg)
}

// unitElsewhere warns when text, read as the reporting unit unit, names another unit in
// another registry of the plan ("Cầu Kè": Huyện Cầu Kè before the reform, xã Cầu Kè after).
func (r *reader) unitElsewhere(at loc, text, unit string) {
	if !r.plan.Later(r.m.Registry()) {
		return
	}
	for _, o := range r.ms.UnitElsewhere(r.m, text, unit) {
		at.district = unit
		r.add(problem.Warning, problem.CodeRegistryDate, at, i18n.Msg(r.lang, "registry-date.unit",
			text, r.registryName(r.m.Registry()), r.dayPhrase(), unit, r.registryName(o.Registry), o.Unit))
	}
}

// unknownUnitMessage says that r.m's registry knows no reporting unit text, with the
// nearest names; or, when another registry of the plan knows it (a district named in a
// return dated after the reform, when each commune reports for itself), which registry and
// why, without names of the other kind of unit to suggest.
func (r *reader) unknownUnitMessage(text string) string {
	_, sugg, _ := r.m.District(text)
	if r.m.Ambiguous(text) {
		return naming.DistrictMessage(r.plan, r.lang, text, sugg, r.m)
	}
	for _, o := range r.ms.UnitElsewhere(r.m, text, "") {
		return naming.DistrictMessage(r.plan, r.lang, text, nil, r.m) + naming.UnitNote(r.lang, o, r.m.Registry(), r.dayPhrase())
	}
	return naming.DistrictMessage(r.plan, r.lang, text, sugg, r.m)
}

// communeElsewhere warns when a row's commune, written name and code and read as got,
// would be another unit by another registry of the plan.
func (r *reader) communeElsewhere(at loc, name, code string, got criteria.Commune) {
	if !r.plan.Later(r.m.Registry()) {
		return
	}
	for _, msg := range r.elsewhere(name, code, got) {
		r.add(problem.Warning, problem.CodeRegistryDate, at, msg)
	}
}

// elsewhere says, for communeElsewhere, what the commune would be by each other registry.
func (r *reader) elsewhere(name, code string, got criteria.Commune) []string {
	var out []string
	for _, o := range r.ms.Elsewhere(r.m, name, code, got) {
		other := o.Commune.FullName()
		if o.Commune.District != "" {
			other += " (" + o.Commune.District + ")"
		}
		id := "registry-date.name"
		what := name
		if o.ByCode {
			id, what = "registry-date.code", naming.NormCode(code)
		}
		out = append(out, i18n.Msg(r.lang, id,
			what, r.registryName(r.m.Registry()), r.dayPhrase(), got.FullName(), got.Code, r.registryName(o.Registry), other, o.Commune.Code))
	}
	return out
}

// outsidePlan is the message of a row naming a commune of the registry that is not one of
// the plan's (a unit of the new province formed from another province's communes), and
// what the name or code was before; "" for one of the plan's communes.
func (r *reader) outsidePlan(name, code string, got criteria.Commune) string {
	reg := r.m.Registry()
	if r.plan.InPlan(reg, got) {
		return ""
	}
	msg := i18n.Msg(r.lang, "outside-plan", got.FullName(), got.Code, got.FormerProvince, r.plan.Province)
	for _, e := range r.elsewhere(name, code, got) {
		msg += " " + i18n.Capitalise(e)
	}
	return msg
}

// communeUnknownElsewhere is what is added to the message of a commune that r.m's
// registry does not know when another registry of the plan does: a commune formed by the
// reform named in a return dated before it.
func (r *reader) communeUnknownElsewhere(name, code string) string {
	for _, o := range r.ms.Elsewhere(r.m, name, code, criteria.Commune{}) {
		return i18n.Msg(r.lang, "registry-date.unknown-commune", o.Commune.FullName(), o.Commune.Code, r.registryName(o.Registry), r.dayPhrase(), r.registryName(r.m.Registry()))
	}
	return ""
}
