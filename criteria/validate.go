package criteria

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// validate checks what the YAML decoder cannot: every reference resolves, every ID is
// unique, bands neither overlap nor leave gaps between levels, the calendar is complete.
func (p *Plan) validate() []planError {
	var errs []planError
	add := func(msg string, path ...any) { errs = append(errs, planError{path, msg}) }

	if p.Name == "" {
		add("name: the plan needs a name", "name")
	}
	// Fields.
	fields := map[string]Field{}
	for i, f := range p.Fields {
		switch f.Kind {
		case KindText, KindCode, KindStatus, KindCount, KindArea, KindYesNo:
		default:
			add(fmt.Sprintf("field %q: kind %q is not one of text, code, status, count, area, yesno", f.Key, f.Kind), "fields", i, "kind")
		}
		if f.Key == "" || f.Vi == "" || f.En == "" {
			add("field: key, vi and en are required", "fields", i)
		}
		if f.HelpVi == "" || f.HelpEn == "" {
			add(fmt.Sprintf("field %q: help_vi and help_en are required (the template shows them)", f.Key), "fields", i)
		}
		if _, dup := fields[f.Key]; dup {
			add(fmt.Sprintf("field %q is defined twice", f.Key), "fields", i, "key")
		}
		fields[f.Key] = f
	}
	parts := p.validateParts(add)
	for _, k := range []string{"commune"} {
		if _, ok := fields[k]; !ok {
			add(fmt.Sprintf("fields: the field %q is required", k), "fields")
		}
	}
	numeric := func(key string, path ...any) {
		f, ok := fields[key]
		if !ok {
			add(fmt.Sprintf("%q is not a field of the return (see fields:)", key), path...)
		} else if !f.Numeric() {
			add(fmt.Sprintf("field %q is %s, not a number", key, f.Kind), path...)
		}
	}

	// Categories.
	cats := map[string]bool{}
	for i, c := range p.Categories {
		if cats[c.Key] {
			add(fmt.Sprintf("category %q is defined twice", c.Key), "categories", i)
		}
		cats[c.Key] = true
		if c.Vi == "" || c.En == "" {
			add(fmt.Sprintf("category %q: vi and en labels are required", c.Key), "categories", i)
		}
	}
	// Bands need the categories of the plan's rules; type rules name their own (types.go).
	required := []string{Undetermined}
	if !p.Classification.ByTypes() {
		required = []string{Type1, Type2, Type3, LessComplex, DrugFree, Undetermined}
	}
	for _, k := range required {
		if !cats[k] {
			add(fmt.Sprintf("categories: %q is missing", k), "categories")
		}
	}
	levels := map[int]bool{}
	for _, c := range p.Categories {
		if c.Level > 0 {
			levels[c.Level] = true
		}
	}

	// Indicators and bands, or type rules.
	if p.Classification.ByTypes() {
		p.validateTypes(numeric, add, cats, levels)
	} else if len(p.Classification.Indicators) == 0 {
		add("classification: no indicators", "classification")
	} else if len(p.Classification.Criteria) > 0 || p.Classification.Rest != "" {
		add("classification: criteria and rest need types (at least k of n criteria)", "classification")
	}
	seenInd := map[string]bool{}
	for i, in := range p.Classification.Indicators {
		path := []any{"classification", "indicators", i}
		numeric(in.Field, append(path, "field")...)
		if in.Per != "" {
			numeric(in.Per, append(path, "per")...)
		}
		if seenInd[in.Field] {
			add(fmt.Sprintf("indicator %q is defined twice", in.Field), path...)
		}
		seenInd[in.Field] = true
		if in.Vi == "" || in.En == "" {
			add(fmt.Sprintf("indicator %q: vi and en are required", in.Field), path...)
		}
		errs = append(errs, checkBands(in, levels, path)...)
	}
	route := p.Classification.Route
	if route.Field != "" {
		numeric(route.Field, "classification", "route", "field")
		for j, s := range route.Steps {
			if !levels[s.From] || !levels[s.To] || s.To >= s.From {
				add(fmt.Sprintf("route step %d→%d: both must be levels of the categories, and the step must go up (to a lower number)", s.From, s.To), "classification", "route", "steps", j)
			}
		}
	}
	for j, f := range p.Classification.DrugFreeFields {
		numeric(f, "classification", "drug_free_fields", j)
	}

	// Statuses and checklist.
	statuses := map[string]bool{}
	for i, s := range p.Statuses {
		if s.Key == "" || s.Vi == "" {
			add("status: key and vi are required", "statuses", i)
		}
		statuses[s.Key] = true
	}
	for j, s := range p.Checklist.AppliesTo {
		if !statuses[s] && s != AppliesToAll {
			add(fmt.Sprintf("checklist applies to %q, which is not a status (see statuses:)", s), "checklist", "applies_to", j)
		}
	}
	ids := map[int]bool{}
	for i, c := range p.Checklist.Criteria {
		path := []any{"checklist", "criteria", i}
		if c.ID <= 0 || ids[c.ID] {
			add(fmt.Sprintf("criterion id %d: ids must be positive and unique", c.ID), append(path, "id")...)
		}
		ids[c.ID] = true
		if c.Vi == "" || c.En == "" || c.Plan == "" {
			add(fmt.Sprintf("criterion %d: vi, en and plan (the plan's words) are required", c.ID), path...)
		}
		if len(c.Conditions) == 0 {
			add(fmt.Sprintf("criterion %d has no conditions", c.ID), path...)
		}
		for j, cond := range c.Conditions {
			cp := append(append([]any{}, path...), "conditions", j)
			for _, f := range cond.Left.AllFields() {
				numeric(f, append(cp, "left")...)
			}
			if len(cond.Left.Fields) == 0 || cond.Left.Const != 0 {
				add(fmt.Sprintf("criterion %d: left is a field, or a field less others", c.ID), append(cp, "left")...)
			}
			if len(cond.Right.Minus) > 0 {
				add(fmt.Sprintf("criterion %d: right is a number or a sum of fields; write a difference on the left", c.ID), append(cp, "right")...)
			}
			for _, f := range cond.Right.Fields {
				numeric(f, append(cp, "right")...)
			}
			switch cond.Op {
			case "=", "<=", ">=", "<", ">":
			default:
				add(fmt.Sprintf("criterion %d: op %q is not one of =, <=, >=, <, >", c.ID, cond.Op), append(cp, "op")...)
			}
			if cond.Vi == "" || cond.En == "" {
				add(fmt.Sprintf("criterion %d: each condition needs vi and en figures", c.ID), cp...)
			}
		}
	}
	baseKeys := make([]string, 0, len(p.Checklist.Baseline))
	for k := range p.Checklist.Baseline {
		baseKeys = append(baseKeys, k)
	}
	sort.Strings(baseKeys)
	for _, k := range baseKeys {
		numeric(k, "checklist", "baseline", k)
		numeric(p.Checklist.Baseline[k], "checklist", "baseline", k)
	}
	for i := 1; i <= len(p.Checklist.Criteria); i++ {
		if !ids[i] {
			add(fmt.Sprintf("checklist: criteria must be numbered 1 to %d; %d is missing", len(p.Checklist.Criteria), i), "checklist", "criteria")
			break
		}
	}

	// Target.
	if n, d := p.Target.Share.Rat(); d == 0 || n <= 0 || n > d {
		add("target share must be above 0% and at most 100%", "target", "share")
	}

	// Calendar.
	kinds := map[string]bool{}
	for i, d := range p.Calendar {
		if d.Kind == "" || d.Vi == "" || d.En == "" {
			add("calendar: kind, vi and en are required", "calendar", i)
		}
		if kinds[d.Kind] {
			add(fmt.Sprintf("calendar: kind %q is listed twice", d.Kind), "calendar", i, "kind")
		}
		kinds[d.Kind] = true
		if d.Due.IsZero() {
			add(fmt.Sprintf("calendar: kind %q has no due date", d.Kind), "calendar", i)
		}
		if d.From.IsZero() != d.To.IsZero() {
			add(fmt.Sprintf("calendar: kind %q: a period needs both from and to", d.Kind), "calendar", i)
		} else if !d.From.IsZero() && (d.To.Before(d.From.Time) || d.Due.Before(d.To.Time)) {
			add(fmt.Sprintf("calendar: kind %q: the period %s to %s must end on or before its due date %s", d.Kind, d.From, d.To, d.Due), "calendar", i, "to")
		}
	}
	if len(p.Calendar) == 0 {
		add("calendar: no kinds of return", "calendar")
	}

	// Consistency rules.
	rules := map[string]bool{}
	for i, r := range p.Consistency {
		if r.Name == "" || rules[r.Name] {
			add(fmt.Sprintf("consistency rule %q: names must be given and unique", r.Name), "consistency", i, "name")
		}
		rules[r.Name] = true
		numeric(r.Left, "consistency", i, "left")
		if r.Right.String() == "" {
			add(fmt.Sprintf("consistency rule %q: right is required (a field key, a whole number or a sum)", r.Name), "consistency", i)
		}
		for _, f := range r.Right.Fields {
			numeric(f, "consistency", i, "right")
		}
		if len(r.Right.Minus) > 0 {
			add(fmt.Sprintf("consistency rule %q: right is a field key, a whole number or a sum, without -", r.Name), "consistency", i, "right")
		}
		switch r.Op {
		case "=", "<=", ">=", "<", ">":
		default:
			add(fmt.Sprintf("consistency rule %q: op %q is not one of =, <=, >=, <, >", r.Name, r.Op), "consistency", i, "op")
		}
	}

	// Layout: every group names fields of the return, each sub-header once.
	for i, g := range p.Layout.HeaderGroups {
		path := []any{"layout", "header_groups", i}
		if len(g.Names) == 0 || len(g.Columns) == 0 {
			add("layout: a header group needs names and columns", path...)
		}
		subs := map[string]string{}
		for j, c := range g.Columns {
			if _, ok := fields[c.Field]; !ok && !parts[c.Field] {
				add(fmt.Sprintf("layout: header group column %q is not a field of the return, nor a part of one (see fields:)", c.Field), append(path, "columns", j, "field")...)
			}
			if len(c.Headers) == 0 {
				add(fmt.Sprintf("layout: header group column %q needs headers", c.Field), append(path, "columns", j)...)
			}
			for _, h := range c.Headers {
				k := foldKey(h)
				if prev, dup := subs[k]; dup && prev != c.Field {
					add(fmt.Sprintf("layout: sub-header %q names both %q and %q in one group", h, prev, c.Field), append(path, "columns", j)...)
				}
				subs[k] = c.Field
			}
		}
	}
	for _, l := range []struct {
		name  string
		words []string
	}{{"group_rows", p.Layout.GroupRows}, {"totals", p.Layout.Totals}, {"footer", p.Layout.Footer}, {"issuers", p.Layout.Issuers}, {"citations", p.Layout.Citations}} {
		for j, w := range l.words {
			if foldKey(w) == "" {
				add(fmt.Sprintf("layout: %s: %q has no letter or digit", l.name, w), "layout", l.name, j)
			}
		}
	}

	// Issuer (a plan file without the section is issued by the province's police: Parse).
	if !p.Issuer.empty() {
		p.Issuer.validate(add)
	}

	// Registries, the reform's crosswalk and the senders.
	errs = append(errs, checkRegistry(&p.Registry, "registry")...)
	if has, consistent := p.Registry.nationalList(); !consistent {
		add("registry: give every commune its province, or none", "registry", "communes")
	} else if has && p.Reform != nil {
		add("reform: a national registry (communes with their province) has no reform", "reform")
	} else if has {
		found := false
		for _, name := range p.Registry.Provinces() {
			found = found || name == p.Province || ProvinceName(name) == p.Province
		}
		if !found {
			add(fmt.Sprintf("province %q is not in the registry; its provinces are: %s", p.Province, strings.Join(p.Registry.Provinces(), ", ")), "province")
		}
	}
	if r := p.Reform; r != nil {
		errs = append(errs, p.checkReform(r)...)
	}
	errs = append(errs, p.checkSenders()...)
	return errs
}

// checkRegistry checks one registry, at path in the plan file: communes with code and
// name, each code once, every commune with a district or none, aliases and former units
// naming its codes.
func checkRegistry(reg *Registry, path ...any) []planError {
	var errs []planError
	at := func(more ...any) []any { return append(append([]any{}, path...), more...) }
	add := func(msg string, where []any) { errs = append(errs, planError{where, msg}) }
	name := path[len(path)-1].(string)
	if len(reg.Communes) == 0 {
		add(name+": no communes", at())
	}
	codes := map[string]bool{}
	withDistrict := reg.HasDistricts()
	for i, c := range reg.Communes {
		if c.Code == "" || c.Name == "" || (c.District != "") != withDistrict {
			add(name+": each commune needs code, name and district (a registry without districts gives none to any)", at("communes", i))
		}
		if codes[c.Code] {
			add(fmt.Sprintf("%s: code %s is listed twice", name, c.Code), at("communes", i, "code"))
		}
		codes[c.Code] = true
	}
	for i, a := range reg.Aliases {
		if !codes[a.Code] {
			add(fmt.Sprintf("%s alias %q: code %s is not in the registry", name, a.Alias, a.Code), at("aliases", i))
		}
	}
	for i, f := range reg.Former {
		if !codes[f.MergedInto] {
			add(fmt.Sprintf("%s former unit %q: merged_into %s is not in the registry", name, f.Name, f.MergedInto), at("former", i))
		}
	}
	return errs
}

// checkReform checks the reform: its registry, in force after the plan's, and a crosswalk
// that sends every commune of the plan's registry, once, to a commune of the reform's.
func (p *Plan) checkReform(r *Reform) []planError {
	errs := checkRegistry(&r.Registry, "reform", "registry")
	add := func(msg string, path ...any) { errs = append(errs, planError{path, msg}) }
	if r.Registry.Effective.IsZero() {
		add("reform: the registry needs the day it came into force (effective: YYYY-MM-DD)", "reform", "registry")
	} else if !p.Registry.Effective.IsZero() && !r.Registry.Effective.After(p.Registry.Effective.Time) {
		add(fmt.Sprintf("reform: its registry comes into force on %s, not after the plan's registry (%s)", r.Registry.Effective, p.Registry.Effective), "reform", "registry", "effective")
	}
	old := map[string]bool{}
	for _, c := range p.Registry.Communes {
		old[c.Code] = true
	}
	now := map[string]bool{}
	for _, c := range r.Registry.Communes {
		now[c.Code] = true
	}
	seen := map[string]bool{}
	for i, l := range r.Crosswalk {
		switch {
		case !old[l.Old]:
			add(fmt.Sprintf("reform: crosswalk: %s is not a code of the plan's registry", l.Old), "reform", "crosswalk", i, "old")
		case seen[l.Old]:
			add(fmt.Sprintf("reform: crosswalk: %s is listed twice (a unit goes whole into one new unit)", l.Old), "reform", "crosswalk", i, "old")
		}
		if !now[l.New] {
			add(fmt.Sprintf("reform: crosswalk: %s is not a code of the reform's registry", l.New), "reform", "crosswalk", i, "new")
		}
		seen[l.Old] = true
	}
	for _, c := range p.Registry.Communes {
		if !seen[c.Code] {
			add(fmt.Sprintf("reform: crosswalk: %s (%s) of the plan's registry is not in the crosswalk: say which unit it went into", c.FullName(), c.Code), "reform", "crosswalk")
		}
	}
	return errs
}

// checkSenders checks who owes what: the registry's units once at most, named bodies
// named once, every kind a kind of the calendar.
func (p *Plan) checkSenders() []planError {
	var errs []planError
	add := func(msg string, path ...any) { errs = append(errs, planError{path, msg}) }
	units, names := false, map[string]bool{}
	for i, s := range p.Senders {
		switch {
		case s.Units == UnitsRegistry && s.Name == "":
			if units {
				add("senders: units: registry is listed twice", "senders", i)
			}
			units = true
		case s.Units == "" && s.Name != "":
			if names[s.Name] {
				add(fmt.Sprintf("senders: %q is listed twice", s.Name), "senders", i)
			}
			names[s.Name] = true
		default:
			add("senders: each entry is either units: registry or a name", "senders", i)
		}
		for j, k := range s.Kinds {
			if _, ok := p.Deadline(k); !ok {
				add(fmt.Sprintf("senders: %q is not a kind of the calendar", k), "senders", i, "kinds", j)
			}
		}
	}
	return errs
}

// foldKey is s in lower case with its letters and digits only, for telling words apart
// in validation (the reader compares them folded further, diacritics dropped).
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkBands makes sure an indicator's bands are well formed, one per level, and adjacent:
// each band's lower bound is the next-higher band's upper bound, so no value falls between.
func checkBands(in Indicator, levels map[int]bool, path []any) []planError {
	var errs []planError
	add := func(msg string, i int) {
		errs = append(errs, planError{append(append([]any{}, path...), "bands", i), fmt.Sprintf("indicator %q: %s", in.Field, msg)})
	}
	if len(in.Bands) == 0 {
		return []planError{{path, fmt.Sprintf("indicator %q has no bands", in.Field)}}
	}
	order := make([]int, len(in.Bands))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return in.Bands[order[a]].Level < in.Bands[order[b]].Level })
	seen := map[int]bool{}
	for _, i := range order {
		b := in.Bands[i]
		if !levels[b.Level] {
			add(fmt.Sprintf("band level %d is not the level of a category", b.Level), i)
		}
		if seen[b.Level] {
			add(fmt.Sprintf("level %d has two bands", b.Level), i)
		}
		seen[b.Level] = true
		if (b.Min == nil) == (b.Above == nil) {
			add(fmt.Sprintf("level %d: give exactly one lower bound, min (≥) or above (>)", b.Level), i)
			continue
		}
		if b.Below != nil && !less(lower(b), *b.Below) {
			add(fmt.Sprintf("level %d: the lower bound %s is not below the upper bound %s", b.Level, lower(b), b.Below), i)
		}
	}
	// Adjacent levels: level n's lower bound equals level n+1's upper bound, and the
	// top level is open.
	for k := 0; k+1 < len(order); k++ {
		hi, lo := in.Bands[order[k]], in.Bands[order[k+1]]
		if hi.Min == nil && hi.Above == nil {
			continue
		}
		if lo.Below == nil {
			add(fmt.Sprintf("level %d needs an upper bound (below: %s)", lo.Level, lower(hi)), order[k+1])
			continue
		}
		if !equal(*lo.Below, lower(hi)) || hi.Above != nil {
			add(fmt.Sprintf("level %d ends below %s but level %d starts at %s: the bands overlap or leave a gap", lo.Level, lo.Below, hi.Level, lower(hi)), order[k+1])
		}
	}
	if top := in.Bands[order[0]]; top.Below != nil {
		add(fmt.Sprintf("the highest level %d must have no upper bound", top.Level), order[0])
	}
	return errs
}

func lower(b Band) Decimal {
	if b.Min != nil {
		return *b.Min
	}
	if b.Above != nil {
		return *b.Above
	}
	return Decimal{Den: 1}
}

func less(a, b Decimal) bool  { return a.Num*b.Den < b.Num*a.Den }
func equal(a, b Decimal) bool { return a.Num*b.Den == b.Num*a.Den }
