package naming

import (
	"strings"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
)

// Message says what went wrong with the match in lang, without a cell: for unknown,
// former, ambiguous and wrong-district communes; "" when the match is OK. The communes are
// named in p's words (Plan.Unit); a district is spoken of only under a plan with districts.
func (cm CommuneMatch) Message(p *criteria.Plan, lang i18n.Lang) string {
	if cm.OK {
		return ""
	}
	switch {
	case cm.Former != nil:
		f := cm.Former
		into := cm.Commune.FullName()
		if into == "" {
			into = f.MergedInto
		}
		full := criteria.Commune{Name: f.Name, Type: f.Type}.FullName()
		return i18n.Msg(lang, "former-unit", full, f.District, into, i18n.FormatDate(f.Effective.Time), into)
	case cm.Code != "":
		named := ""
		if len(cm.Candidates) > 0 {
			named = i18n.Msg(lang, "name-is", communeList(cm.Candidates, true))
		}
		return i18n.Msg(lang, "name-code-mismatch", strings.TrimSpace(cm.Name), cm.Code, cm.Commune.FullName(), named)
	case cm.Problem == problem.CodeAmbiguousCommune && !p.HasDistricts():
		return i18n.Msg(lang, "ambiguous-commune.no-district", cm.Name, communeList(cm.Candidates, true), p.Units(i18n.Vi))
	case cm.Problem == problem.CodeAmbiguousCommune:
		return i18n.Msg(lang, "ambiguous-commune", cm.Name, communeList(cm.Candidates, true))
	case cm.Problem == problem.CodeWrongDistrict && cm.Commune.District == "":
		return i18n.Msg(lang, "wrong-unit", cm.Commune.FullName(), cm.District)
	case cm.Problem == problem.CodeWrongDistrict:
		return i18n.Msg(lang, "wrong-district", cm.Commune.FullName(), cm.Commune.District, cm.District)
	}
	where := ""
	if cm.District != "" && p.HasDistricts() { // else District is the sender, the commune itself
		where = i18n.Msg(lang, "in-district", cm.District)
	}
	return i18n.Msg(lang, "unknown-commune", p.Unit(lang), cm.Name, where) + i18n.Suggest(lang, cm.Suggestions)
}

// DistrictMessage says why the name of a return's sender did not resolve: a district, or
// under a plan without districts (p) the reporting unit.
func DistrictMessage(p *criteria.Plan, lang i18n.Lang, name string, suggestions []string, m *Matcher) string {
	if !p.HasDistricts() {
		return i18n.Msg(lang, "unknown-sender", p.SenderName(lang), name) + i18n.Suggest(lang, suggestions)
	}
	if m.Ambiguous(name) {
		return i18n.Msg(lang, "ambiguous-district", name, strings.Join(suggestions, ", "))
	}
	return i18n.Msg(lang, "unknown-district", name) + i18n.Suggest(lang, suggestions)
}

// communeList writes communes as "Phường 1 (Thành phố Trà Vinh, 29239); …", with their
// codes when withCode is set.
func communeList(cs []criteria.Commune, withCode bool) string {
	var parts []string
	for _, c := range cs {
		var s string
		switch {
		case c.District == "" && withCode: // a commune of a registry without districts
			s = c.FullName() + " (" + c.Code
		case c.District == "":
			parts = append(parts, c.FullName())
			continue
		default:
			s = c.FullName() + " (" + c.District
			if withCode {
				s += ", " + c.Code
			}
		}
		parts = append(parts, s+")")
	}
	return strings.Join(parts, "; ")
}

// RegistryName names a registry of the plan in a message: "có hiệu lực từ 01/07/2025".
func RegistryName(lang i18n.Lang, reg *criteria.Registry) string {
	if reg.Effective.IsZero() {
		return i18n.Msg(lang, "registry-date.plan")
	}
	return i18n.Msg(lang, "registry-date.from", i18n.ClerkDate(reg.Effective.Time, lang))
}

// UnitNote is added to the message of a sender that the registry read does not know when
// another registry of the plan does (o): a district named in a return dated after the
// reform of 1 July 2025, when each commune reports for itself. day says which date chose
// the registry ("ngày báo cáo 12/12/2025").
func UnitNote(lang i18n.Lang, o Meaning, read *criteria.Registry, day string) string {
	msg := i18n.Msg(lang, "registry-date.unknown-unit", o.Unit, RegistryName(lang, o.Registry), day, RegistryName(lang, read))
	if o.Registry.HasDistricts() && !read.HasDistricts() {
		msg += i18n.Msg(lang, "registry-date.no-districts")
	}
	return msg
}

// Ambiguous reports whether name fits several reporting units ("Duyên Hải": the huyện and
// the thị xã).
func (m *Matcher) Ambiguous(name string) bool {
	return len(m.distByKey[splitName(name, m.unitPrefixes).key]) > 1
}
