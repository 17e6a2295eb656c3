// Package criteria holds the plan as data: the classification bands, the recognition
// checklist, the calendar of returns, the target and the registry of communes.
//
// The default plan is Plan 16/KH-UBND of Trà Vinh province (2025), embedded from plan.yaml.
// Another plan is a YAML file in the same form, loaded with Parse; nothing in this package
// reads files or the clock.
package criteria

import (
	_ "embed"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"drugfree/i18n"
)

//go:embed plan.yaml
var defaultPlan []byte

// DefaultYAML returns the text of the embedded plan, as `drugfree plan --export` writes it.
func DefaultYAML() []byte { return append([]byte(nil), defaultPlan...) }

// Default returns the embedded plan. It panics only if the embedded file is broken, which
// the package's tests rule out.
func Default() *Plan {
	p, err := Parse("plan.yaml", defaultPlan)
	if err != nil {
		panic("criteria: embedded plan: " + err.Error())
	}
	return p
}

// Text is a phrase of the plan in the two languages of the tool; its In picks one.
type Text = i18n.Text

// Plan is one province's plan for one year.
type Plan struct {
	Name       string     `yaml:"name"`
	Title      Text       `yaml:"title"`
	Issued     Date       `yaml:"issued"`
	Province   string     `yaml:"province"`
	Year       int        `yaml:"year"`
	Categories []Category `yaml:"categories"`
	// Readings are how the plan reads its source where the wording is loose or silent.
	Readings       []Reading      `yaml:"readings,omitempty"`
	Classification Classification `yaml:"classification"`
	Statuses       []Status       `yaml:"statuses"`
	Checklist      Checklist      `yaml:"checklist"`
	Target         Target         `yaml:"target"`
	Calendar       []Deadline     `yaml:"calendar"`
	Milestones     []Milestone    `yaml:"milestones"`
	Consistency    []Rule         `yaml:"consistency,omitempty"`
	Fields         []Field        `yaml:"fields"`
	Cover          []CoverField   `yaml:"cover"`
	Layout         Layout         `yaml:"layout"`
	Issuer         Issuer         `yaml:"issuer"`
	Registry       Registry       `yaml:"registry"`
	// Reform is the reorganisation of the communes during the year, if any: its registry
	// is in force from its effective day (SPEC §9).
	Reform *Reform `yaml:"reform,omitempty"`
	// Senders are who owes which kinds of return (SPEC §4); a plan without them has every
	// reporting unit owe every kind.
	Senders []Sender `yaml:"senders,omitempty"`
	// Reminder is what a letter urging a late sender (drugfree remind) cites.
	Reminder Reminder `yaml:"reminder,omitempty"`

	// reform indexes the crosswalk (Plan.index).
	reform *reformIndex
	// partRules are PartRules, made once by Parse: the checks ask for them per return.
	partRules []Rule

	// Source names where the plan came from: "embedded" or a file name.
	Source string `yaml:"-"`
	// RegistrySource names where the registry came from when --registry replaced it.
	RegistrySource string `yaml:"-"`
}

// Category keys, as in SPEC §2.
const (
	Type1        = "type-1"
	Type2        = "type-2"
	Type3        = "type-3"
	LessComplex  = "less-complex"
	DrugFree     = "drug-free"
	Undetermined = "undetermined"
)

// Category is one outcome of the classification.
type Category struct {
	Key   string `yaml:"key"`
	Level int    `yaml:"level,omitempty"` // 1–3 for the risk types, 0 otherwise
	Vi    string `yaml:"vi"`
	En    string `yaml:"en"`
}

// Label returns the category's name in lang.
func (c Category) Label(lang i18n.Lang) string { return Text{Vi: c.Vi, En: c.En}.In(lang) }

// Category returns the category with key, and whether it exists.
func (p *Plan) Category(key string) (Category, bool) {
	for _, c := range p.Categories {
		if c.Key == key {
			return c, true
		}
	}
	return Category{}, false
}

// CategoryLabel returns the label of key in lang, or key itself if the plan lacks it.
func (p *Plan) CategoryLabel(key string, lang i18n.Lang) string {
	if c, ok := p.Category(key); ok {
		return c.Label(lang)
	}
	return key
}

// LevelCategory returns the key of the risk type of level (1–3).
func (p *Plan) LevelCategory(level int) string {
	for _, c := range p.Categories {
		if c.Level == level && level > 0 {
			return c.Key
		}
	}
	return ""
}

// Classification holds the Appendix's bands, route step and drug-free fields.
type Classification struct {
	Indicators     []Indicator `yaml:"indicators,omitempty"`
	Route          Route       `yaml:"route,omitempty"`
	DrugFreeFields []string    `yaml:"drug_free_fields,omitempty"`
	// Criteria, Types and Rest classify by type rules instead of bands (types.go): a type
	// is reached when at least k of its criteria hold; a commune that reaches none is Rest.
	Criteria []Test     `yaml:"criteria,omitempty"`
	Types    []TypeRule `yaml:"types,omitempty"`
	Rest     string     `yaml:"rest,omitempty"`
}

// Indicator is one figure (or ratio of two) with its bands.
type Indicator struct {
	Field string `yaml:"field"`
	// Per names the denominator when the indicator is a ratio (offenders per population).
	Per   string `yaml:"per,omitempty"`
	Vi    string `yaml:"vi"`
	En    string `yaml:"en"`
	Bands []Band `yaml:"bands"`
}

// Label returns the indicator's name in lang.
func (in Indicator) Label(lang i18n.Lang) string { return Text{Vi: in.Vi, En: in.En}.In(lang) }

// Band is one level of one indicator: Min ≤ v (or Above < v) and v < Below.
type Band struct {
	Level int      `yaml:"level"`
	Min   *Decimal `yaml:"min,omitempty"`
	Above *Decimal `yaml:"above,omitempty"`
	Below *Decimal `yaml:"below,omitempty"`
}

// Route is the one-step promotion for communes on a key trafficking route.
type Route struct {
	Field string      `yaml:"field"`
	Vi    string      `yaml:"vi"`
	En    string      `yaml:"en"`
	Steps []RouteStep `yaml:"steps"`
}

// Label returns the route condition's wording in lang.
func (r Route) Label(lang i18n.Lang) string { return Text{Vi: r.Vi, En: r.En}.In(lang) }

// RouteStep moves a commune at level From to level To.
type RouteStep struct {
	From int `yaml:"from"`
	To   int `yaml:"to"`
}

// Status is a commune's status in the programme (column "Tình trạng").
type Status struct {
	Key      string   `yaml:"key"`
	Vi       string   `yaml:"vi"`
	En       string   `yaml:"en"`
	Variants []string `yaml:"variants,omitempty"`
}

// StatusLabel returns the label of the status key in lang ("" for no status).
func (p *Plan) StatusLabel(key string, lang i18n.Lang) string {
	for _, s := range p.Statuses {
		if s.Key == key {
			return Text{Vi: s.Vi, En: s.En}.In(lang)
		}
	}
	return key
}

// Checklist is the recognition checklist of section III.3.
type Checklist struct {
	AppliesTo []string    `yaml:"applies_to"`
	Criteria  []Criterion `yaml:"criteria"`
	// Baseline maps a baseline field of the return (addicts_baseline) to the field of an
	// earlier return that supplies it when the current return leaves it blank (addicts_total).
	Baseline map[string]string `yaml:"baseline,omitempty"`
}

// AppliesToAll in Checklist.AppliesTo applies the checklist to every commune, whatever
// its status.
const AppliesToAll = "all"

// Applies reports whether the checklist applies to a commune with status.
func (c Checklist) Applies(status string) bool {
	for _, s := range c.AppliesTo {
		if s == status || s == AppliesToAll {
			return true
		}
	}
	return false
}

// Criterion is one of the checklist's points; it holds when all its conditions hold.
type Criterion struct {
	ID         int         `yaml:"id"`
	Vi         string      `yaml:"vi"`
	En         string      `yaml:"en"`
	Plan       string      `yaml:"plan"`
	Conditions []Condition `yaml:"conditions"`
}

// Label returns the criterion's short wording in lang.
func (c Criterion) Label(lang i18n.Lang) string { return Text{Vi: c.Vi, En: c.En}.In(lang) }

// Condition compares a field, or a difference of fields (Left), with a number or a sum of
// fields (Right).
type Condition struct {
	Left  Expr   `yaml:"left"`
	Op    string `yaml:"op"`
	Right Expr   `yaml:"right"`
	Vi    string `yaml:"vi"`
	En    string `yaml:"en"`
}

// Figure returns the condition's figure template in lang, with {left} and {right}.
func (c Condition) Figure(lang i18n.Lang) string { return Text{Vi: c.Vi, En: c.En}.In(lang) }

// Target is the share of the registry's communes to be recognised drug-free.
type Target struct {
	Share Decimal `yaml:"share"`
	Vi    string  `yaml:"vi"`
	En    string  `yaml:"en"`
	Plan  string  `yaml:"plan"`
}

// Count returns the number of communes the target asks for out of n: ceil(share × n),
// computed in integers.
func (t Target) Count(n int) int {
	num, den := t.Share.Rat() // share = num/den (as a fraction, 20% = 1/5)
	q := (int64(n)*num + den - 1) / den
	return int(q)
}

// Deadline is one kind of return with its due day (inclusive).
type Deadline struct {
	Kind string `yaml:"kind"`
	Vi   string `yaml:"vi"`
	En   string `yaml:"en"`
	// From and To are the period the return covers, when the plan gives one (a yearly
	// assessment from 15/12 to 14/12).
	From     Date     `yaml:"from,omitempty"`
	To       Date     `yaml:"to,omitempty"`
	Due      Date     `yaml:"due"`
	Data     bool     `yaml:"data"`
	Variants []string `yaml:"variants,omitempty"`
	Plan     string   `yaml:"plan"`
}

// Label returns the kind's name in lang.
func (d Deadline) Label(lang i18n.Lang) string { return Text{Vi: d.Vi, En: d.En}.In(lang) }

// Deadline returns the calendar entry of kind.
func (p *Plan) Deadline(kind string) (Deadline, bool) {
	for _, d := range p.Calendar {
		if d.Kind == kind {
			return d, true
		}
	}
	return Deadline{}, false
}

// Milestone is a date of the province's own, shown and not checked.
type Milestone struct {
	Vi     string `yaml:"vi"`
	En     string `yaml:"en"`
	Before Date   `yaml:"before"`
	Plan   string `yaml:"plan"`
}

// Rule is a consistency rule between two figures of one row of a return (SPEC §6), such
// as addicts_managed <= addicts_total. A rule with a blank figure is not checked.
type Rule struct {
	Name  string `yaml:"name"`
	Left  string `yaml:"left"`
	Op    string `yaml:"op"`
	Right Expr   `yaml:"right"`
}

// Holds reports whether left op right holds; an unknown op never holds.
func (r Rule) Holds(left, right float64) bool {
	switch r.Op {
	case "=":
		return left == right
	case "<=":
		return left <= right
	case ">=":
		return left >= right
	case "<":
		return left < right
	case ">":
		return left > right
	}
	return false
}

// Field kinds.
const (
	KindText   = "text"
	KindCode   = "code"
	KindStatus = "status"
	KindCount  = "count"
	KindArea   = "area"
	KindYesNo  = "yesno"
)

// Field is one column of a return.
type Field struct {
	Key      string   `yaml:"key"`
	Kind     string   `yaml:"kind"`
	Vi       string   `yaml:"vi"`
	En       string   `yaml:"en"`
	Variants []string `yaml:"variants,omitempty"`
	HelpVi   string   `yaml:"help_vi"`
	HelpEn   string   `yaml:"help_en"`
	// Parts are the columns a return may give instead of this one, the field being their
	// sum (parts.go).
	Parts []Part `yaml:"parts,omitempty"`
}

// Header returns the column header in lang.
func (f Field) Header(lang i18n.Lang) string { return Text{Vi: f.Vi, En: f.En}.In(lang) }

// Help returns what to count in the column, in lang.
func (f Field) Help(lang i18n.Lang) string { return Text{Vi: f.HelpVi, En: f.HelpEn}.In(lang) }

// Numeric reports whether the field holds a number (count, area or yes/no as 1/0).
func (f Field) Numeric() bool {
	return f.Kind == KindCount || f.Kind == KindArea || f.Kind == KindYesNo
}

// Field returns the field with key.
func (p *Plan) Field(key string) (Field, bool) {
	for _, f := range p.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// FieldLabel returns the header of field key, or of the part key, in lang; else key
// itself.
func (p *Plan) FieldLabel(key string, lang i18n.Lang) string {
	if f, ok := p.Field(key); ok {
		return f.Header(lang)
	}
	if l, ok := p.partLabel(key, lang); ok {
		return l
	}
	return key
}

// Units names the plan's communes in a sentence, in lang: in Vietnamese the header of its
// commune column in lower case ("xã, phường, thị trấn" for Plan 16, "xã, phường, đặc khu"
// for QĐ 28), in English "communes".
func (p *Plan) Units(lang i18n.Lang) string {
	if lang == i18n.En {
		return "communes"
	}
	return p.FieldName("commune", lang)
}

// Unit names one of the plan's communes in a sentence, in lang: in Vietnamese as Units
// does ("xã, phường, đặc khu"), in English "commune".
func (p *Plan) Unit(lang i18n.Lang) string {
	if lang == i18n.En {
		return "commune"
	}
	return p.Units(lang)
}

// HasDistricts reports whether any registry of the plan groups its communes into
// districts that send their returns (Plan 16's, before the reform of 1 July 2025). Under a
// plan without (QĐ 28) each commune sends its own return, and nothing is said or shown of
// districts: no district or former-district column, no "huyện" in a message.
func (p *Plan) HasDistricts() bool {
	for _, r := range p.Registries() {
		if r.HasDistricts() {
			return true
		}
	}
	return false
}

// Sender names the unit that sends a return (what a return's, a problem's or a
// submission's District holds), in lang, as a column header: "Huyện" ("District") under a
// plan with districts, else the plan's cover label of that unit ("Đơn vị báo cáo",
// "Reporting unit"), each commune reporting for itself.
func (p *Plan) Sender(lang i18n.Lang) string {
	if !p.HasDistricts() {
		for _, c := range p.Cover {
			if c.Key == "district" {
				return Text{Vi: c.Vi, En: c.En}.In(lang)
			}
		}
	}
	return i18n.Msg(lang, "sender.district")
}

// SenderName is Sender as it reads inside a sentence: "huyện", "đơn vị báo cáo".
func (p *Plan) SenderName(lang i18n.Lang) string { return i18n.LowerFirst(p.Sender(lang)) }

// National reports whether the plan's registry is the whole country's list (QĐ 28): the
// plan is then the nation's act, applied to the province read (SelectProvince), not that
// province's own as Plan 16 is Trà Vinh's.
func (p *Plan) National() bool { return len(p.Registry.Provinces()) > 0 }

// Area names where the plan is applied, in lang: "tỉnh Vĩnh Long" ("Vĩnh Long province"),
// or "cả nước" ("the whole country") for every province of a national registry.
func (p *Plan) Area(lang i18n.Lang) string {
	if p.Province == Nation {
		return i18n.Msg(lang, "area.nation")
	}
	return i18n.Msg(lang, "area.province", p.Province)
}

// FieldName returns the header of field key in lang as it reads inside a sentence: its
// first letter in lower case.
func (p *Plan) FieldName(key string, lang i18n.Lang) string {
	return i18n.LowerFirst(p.FieldLabel(key, lang))
}

// CoverField is one label of the cover sheet.
type CoverField struct {
	Key      string   `yaml:"key"`
	Vi       string   `yaml:"vi"`
	En       string   `yaml:"en"`
	Variants []string `yaml:"variants,omitempty"`
}

// Layout is the reader's vocabulary for returns laid out as offices send them: one sheet
// of an official document, with a letterhead, a title, group and totals rows, notes and a
// signature (SPEC §8). Its words are compared folded: without case, diacritics, spacing or
// punctuation. A plan file without a layout section takes the embedded plan's.
type Layout struct {
	// HeaderGroups are group headers over sub-headers that name a field only under them:
	// "Người nghiện ma túy" over "Tổng số" and "Trong đó: có hồ sơ quản lý".
	HeaderGroups []HeaderGroup `yaml:"header_groups"`
	// GroupRows label the rows that group the communes ("Thị trấn", "Các xã"), after an
	// item number perhaps ("I.", "II"); such rows are not communes.
	GroupRows []string `yaml:"group_rows"`
	// Totals begin the label of a totals row ("Tổng cộng", "Toàn huyện", "Cộng").
	Totals []string `yaml:"totals"`
	// Footer begin the lines below the table: notes, recipients, signatures ("Ghi chú",
	// "Nơi nhận", "Người lập biểu", "KT. Trưởng Công an huyện"). From such a line on,
	// rows without figures (names, ranks, "(Ký, đóng dấu)") are not communes.
	Footer []string `yaml:"footer"`
	// Issuers begin a letterhead line naming the issuing body, before its district:
	// "UBND huyện Cầu Kè", "Công an huyện Cầu Kè".
	Issuers []string `yaml:"issuers"`
	// Citations begin the lines above the table that cite other documents ("Căn cứ …",
	// "Thực hiện …", "Kèm theo …"): neither the kind, the district nor the date is read
	// from them.
	Citations []string `yaml:"citations"`
}

// HeaderGroup is a group header and the fields its sub-headers name.
type HeaderGroup struct {
	Names   []string      `yaml:"names"`
	Columns []GroupColumn `yaml:"columns"`
}

// GroupColumn is a field as a sub-header names it under a group.
type GroupColumn struct {
	Field   string   `yaml:"field"`
	Headers []string `yaml:"headers"`
}

// empty reports whether the layout section was left out.
func (l Layout) empty() bool {
	return len(l.HeaderGroups) == 0 && len(l.GroupRows) == 0 && len(l.Totals) == 0 &&
		len(l.Footer) == 0 && len(l.Issuers) == 0 && len(l.Citations) == 0
}

// Date is a calendar day written 2006-01-02.
type Date struct{ time.Time }

// UnmarshalText reads 2006-01-02.
func (d *Date) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(string(b)))
	if err != nil {
		return fmt.Errorf("date %q: want YYYY-MM-DD", string(b))
	}
	d.Time = t
	return nil
}

// UnmarshalYAML reads 2006-01-02, with the line on error (the decoder gives none for
// UnmarshalText).
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if err := d.UnmarshalText([]byte(n.Value)); err != nil {
		return fmt.Errorf("line %d: %v", n.Line, err)
	}
	return nil
}

// MarshalText writes 2006-01-02.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.Format(time.DateOnly)), nil }

// String writes 2006-01-02.
func (d Date) String() string { return d.Format(time.DateOnly) }
