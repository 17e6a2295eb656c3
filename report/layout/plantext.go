package layout

import (
	"fmt"
	"strconv"
	"strings"

	"drugfree/criteria"
	"drugfree/i18n"
)

// PlanTables lays the plan in effect out as tables: classification bands, checklist,
// calendar, who owes which return, the registry by district and, after a reform, its
// communes with the former units each was formed from.
func PlanTables(p *criteria.Plan, lang i18n.Lang) []Table {
	classification := planBands(p, lang)
	if p.Classification.ByTypes() {
		classification = planTypes(p, lang)
	}
	out := []Table{classification, planChecklist(p, lang), planCalendar(p, lang), planSenders(p, lang), planRegistry(p, lang)}
	if p.Reform != nil {
		out = append(out, planReform(p, lang))
	}
	return out
}

// PlanHeader is the plan's name, source, target and route, a few lines for the top.
func PlanHeader(p *criteria.Plan, lang i18n.Lang) string {
	n := len(p.Registry.Communes)
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s) — %s\n", p.Name, i18n.ClerkDate(p.Issued.Time, lang), p.Title.In(lang))
	src := i18n.Msg(lang, "plan.built-in")
	if p.Source != "embedded" {
		src = i18n.Msg(lang, "plan.file", p.Source)
	}
	if p.RegistrySource != "" {
		src += "; " + i18n.Tr(lang, "danh mục xã: ", "registry: ") + p.RegistrySource
	}
	fmt.Fprintf(&b, "%s: %s\n", i18n.Tr(lang, "Nguồn", "Source"), src)
	fmt.Fprintf(&b, "%s: %s — %s %d/%d %s", i18n.Tr(lang, "Mục tiêu", "Target"), criteria.Text{Vi: p.Target.Vi, En: p.Target.En}.In(lang),
		i18n.Tr(lang, "cần", "needs"), p.Target.Count(n), n, p.Units(lang))
	if r := p.Reform; r != nil {
		later := len(p.PlanCommunes(&r.Registry))
		fmt.Fprintf(&b, i18n.Tr(lang, "; từ %s: %d/%d xã, phường hình thành từ các xã của kế hoạch", "; from %s: %d/%d communes formed from the plan's"),
			i18n.ClerkDate(r.Registry.Effective.Time, lang), p.Target.Count(later), later)
	}
	b.WriteString("\n")
	if r := p.Reform; r != nil {
		province := r.Registry.Province
		if province == "" {
			province = p.Province
		}
		fmt.Fprintf(&b, i18n.Tr(lang, "%s (%s): từ %s, %d đơn vị cấp xã của tỉnh %s, không có cấp huyện; %d xã của kế hoạch thành %d xã, phường, mỗi xã tự gửi báo cáo\n",
			"%s (%s): from %s, %d communes of %s province and no districts; the plan's %d communes became %d, each reporting for itself\n"),
			r.Label(lang), r.Plan, i18n.ClerkDate(r.Registry.Effective.Time, lang), len(r.Registry.Communes), province, len(p.Registry.Communes), len(p.PlanCommunes(&r.Registry)))
	}
	route := p.Classification.Route
	if route.Field != "" {
		var steps []string
		for _, s := range route.Steps {
			steps = append(steps, p.CategoryLabel(p.LevelCategory(s.From), lang)+" → "+p.CategoryLabel(p.LevelCategory(s.To), lang))
		}
		fmt.Fprintf(&b, "%s: %s (%s)\n", i18n.Tr(lang, "Tuyến trọng điểm", "Key route"), route.Label(lang), strings.Join(steps, ", "))
	}
	if p.Classification.ByTypes() {
		typeRulesText(&b, p, lang)
	} else {
		var df []string
		for _, k := range p.Classification.DrugFreeFields {
			df = append(df, p.FieldName(k, lang))
		}
		fmt.Fprintf(&b, "%s: %s\n", p.CategoryLabel(criteria.DrugFree, lang), i18n.Msg(lang, "plan.drug-free", strings.Join(df, "; ")))
	}
	for _, m := range p.Milestones {
		fmt.Fprintf(&b, "%s: %s %s (%s)\n", i18n.Tr(lang, "Mốc của tỉnh (không kiểm tra)", "Province milestone (not checked)"), criteria.Text{Vi: m.Vi, En: m.En}.In(lang), i18n.Tr(lang, "trước", "before")+" "+i18n.ClerkDate(m.Before.Time, lang), m.Plan)
	}
	return b.String()
}

func planBands(p *criteria.Plan, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Tiêu chí phân loại", "Classification"), Columns: []Column{
		{Key: "field", Header: i18n.Tr(lang, "Chỉ số", "Indicator")},
	}}
	levels := []int{}
	for _, c := range p.Categories {
		if c.Level > 0 {
			levels = append(levels, c.Level)
			t.Columns = append(t.Columns, Column{Key: c.Key, Header: c.Label(lang)})
		}
	}
	for _, in := range p.Classification.Indicators {
		// The field's header, as the returns have it; a ratio says what it is per.
		name := p.FieldLabel(in.Field, lang)
		if in.Per != "" {
			name = i18n.Capitalise(in.Label(lang))
		}
		row := []any{name}
		for _, l := range levels {
			cell := ""
			for _, b := range in.Bands {
				if b.Level == l {
					cell = bandText(b, lang)
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func bandText(b criteria.Band, lang i18n.Lang) string {
	var parts []string
	if b.Min != nil {
		parts = append(parts, "≥ "+criteria.FormatDecimal(*b.Min, lang))
	}
	if b.Above != nil {
		parts = append(parts, "> "+criteria.FormatDecimal(*b.Above, lang))
	}
	if b.Below != nil {
		parts = append(parts, "< "+criteria.FormatDecimal(*b.Below, lang))
	}
	return strings.Join(parts, i18n.Tr(lang, " và ", " and "))
}

func planChecklist(p *criteria.Plan, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Tiêu chí công nhận", "Checklist"), Columns: []Column{
		{Key: "id", Header: "#"},
		{Key: "criterion", Header: i18n.Tr(lang, "Tiêu chí", "Criterion"), Width: 60, Wrap: true},
		{Key: "holds_when", Header: i18n.Tr(lang, "Đạt khi", "Holds when"), Width: 60, Wrap: true},
	}}
	for _, c := range p.Checklist.Criteria {
		var conds []string
		for _, k := range c.Conditions {
			op := map[string]string{"<=": "≤", ">=": "≥"}[k.Op]
			if op == "" {
				op = k.Op
			}
			conds = append(conds, fmt.Sprintf("%s %s %s", exprText(p, k.Left, lang), op, exprText(p, k.Right, lang)))
		}
		t.Rows = append(t.Rows, []any{c.ID, c.Label(lang), strings.Join(conds, "; ")})
	}
	return t
}

// exprText writes a condition's right side in the fields' names: "người sử dụng + người
// sau cai", "0".
func exprText(p *criteria.Plan, e criteria.Expr, lang i18n.Lang) string {
	var terms []string
	for _, f := range e.Fields {
		terms = append(terms, p.FieldName(f, lang))
	}
	if e.Const != 0 || len(terms) == 0 {
		terms = append(terms, strconv.FormatInt(e.Const, 10))
	}
	s := strings.Join(terms, " + ")
	for _, f := range e.Minus { // a left side less some fields
		s += " − " + p.FieldName(f, lang)
	}
	return s
}

func planCalendar(p *criteria.Plan, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Lịch báo cáo", "Calendar"), Columns: []Column{
		{Key: "kind", Header: i18n.Tr(lang, "Loại báo cáo", "Kind"), Drop: 1}, // the machine name of Name
		{Key: "label", Header: i18n.Tr(lang, "Tên", "Name")},
		{Key: "due", Header: i18n.Tr(lang, "Hạn (tính cả ngày)", "Due (inclusive)")},
		{Key: "plan", Header: i18n.Tr(lang, "Lời văn kế hoạch", "The plan's words"), Width: 60, Wrap: true},
	}}
	for _, d := range p.Calendar {
		t.Rows = append(t.Rows, []any{d.Kind, d.Label(lang), d.Due.Time, d.Plan})
	}
	// The period a return covers, for a plan that gives one.
	for _, d := range p.Calendar {
		if !d.From.IsZero() {
			t.Columns = append(t.Columns[:2:2], append([]Column{{Key: "period", Header: i18n.Tr(lang, "Kỳ đánh giá", "Period")}}, t.Columns[2:]...)...)
			for i, d := range p.Calendar {
				period := ""
				if !d.From.IsZero() {
					period = i18n.ClerkDate(d.From.Time, lang) + " – " + i18n.ClerkDate(d.To.Time, lang)
				}
				t.Rows[i] = append(t.Rows[i][:2:2], append([]any{period}, t.Rows[i][2:]...)...)
			}
			break
		}
	}
	return t
}

// planRegistry counts the communes of the plan's registry per district, or for a registry
// without districts (QĐ 28) per province.
func planRegistry(p *criteria.Plan, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Danh mục", "Registry"), Columns: []Column{
		{Key: "district", Header: i18n.Tr(lang, "Huyện, thị xã, thành phố", "District")},
		{Key: "communes", Header: i18n.Tr(lang, "Số xã", "Communes")},
	}}
	if !p.Registry.HasDistricts() {
		t.Columns[0] = Column{Key: "province", Header: i18n.Tr(lang, "Tỉnh, thành phố", "Province")}
		n := map[string]int{}
		var provinces []string
		for _, c := range p.Registry.Communes {
			if n[c.Province] == 0 && c.Province != "" {
				provinces = append(provinces, c.Province)
			}
			n[c.Province]++
		}
		for _, pr := range provinces {
			t.Rows = append(t.Rows, []any{pr, n[pr]})
		}
	}
	byDistrict := p.Registry.ByDistrict()
	for _, d := range p.Registry.Districts() {
		t.Rows = append(t.Rows, []any{d, len(byDistrict[d])})
	}
	t.Rows = append(t.Rows, []any{i18n.Tr(lang, "Tổng cộng", "Total"), len(p.Registry.Communes)})
	return t
}

// planSenders lists who owes which kinds of return: the districts, then each commune
// formed by a reform under the district it is listed under, then the plan's bodies.
func planSenders(p *criteria.Plan, lang i18n.Lang) Table {
	t := Table{Name: i18n.Tr(lang, "Đơn vị gửi báo cáo", "Senders"), Columns: []Column{
		{Key: "sender", Header: i18n.Tr(lang, "Đơn vị", "Sender")},
		{Key: "kinds", Header: i18n.Tr(lang, "Phải gửi", "Owes"), Width: 60, Wrap: true},
	}}
	for _, o := range p.Obligations() {
		var kinds []string
		for _, k := range o.Kinds {
			d, _ := p.Deadline(k)
			kinds = append(kinds, d.Label(lang))
		}
		name := o.Sender
		if o.Group != "" {
			name = "└ " + name
		}
		t.Rows = append(t.Rows, []any{name, strings.Join(kinds, ", ")})
	}
	return t
}

// planReform lists the plan's communes in the reform's registry, each with the district it
// is listed under and the plan's communes it was formed from.
func planReform(p *criteria.Plan, lang i18n.Lang) Table {
	r := p.Reform
	t := Table{Name: fmt.Sprintf(i18n.Tr(lang, "Xã, phường từ %s", "Communes from %s"), i18n.ClerkDate(r.Registry.Effective.Time, lang)), Columns: []Column{
		{Key: "former_district", Header: i18n.Tr(lang, "Huyện cũ", "Former district")},
		{Key: "commune", Header: i18n.Tr(lang, "Xã, phường", "Commune")},
		{Key: "code", Header: i18n.Tr(lang, "Mã", "Code")},
		{Key: "formed_from", Header: i18n.Tr(lang, "Hình thành từ", "Formed from"), Width: 70, Wrap: true},
	}}
	for _, o := range p.Obligations() {
		if o.Group == "" {
			continue
		}
		for _, c := range p.PlanCommunes(&r.Registry) {
			if c.Unit() != o.Sender {
				continue
			}
			var from []string
			for _, f := range p.Predecessors(c.Code) {
				name := f.FullName() + " (" + f.Code + ")"
				if f.District != o.Group {
					name += ", " + f.District
				}
				from = append(from, name)
			}
			t.Rows = append(t.Rows, []any{o.Group, c.FullName(), c.Code, strings.Join(from, "; ")})
		}
	}
	return t
}
