package criteria

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"drugfree/i18n"
)

// A plan classifies communes in one of two ways. Plan 16 gives each indicator bands and
// takes the highest band any indicator reaches (Classification.Indicators). A plan such as
// the national criteria of Decision 28/2025/QĐ-TTg instead names criteria (Test) and
// reaches a type when at least k of a list of them hold (TypeRule); a commune that
// reaches none is in the plan's Rest category.

// Test is one criterion of a type rule, or a part of one. It is exactly one of:
//   - a comparison: Expr Op Value, where Expr is a field, a sum or difference of fields,
//     or such a sum over another (a ratio), and Value an exact number or percentage;
//   - Any: at least one of its parts holds ("plants ≥ 3000 or area ≥ 750 m²");
//   - All: every one of its parts holds;
//   - AtLeast k Of the plan's criteria named by id ("at least 2 of the Type II criteria").
//
// Only the plan's top-level criteria have an ID and words; their parts do not.
type Test struct {
	ID string `yaml:"id,omitempty"`
	Vi string `yaml:"vi,omitempty"`
	En string `yaml:"en,omitempty"`
	// Words are the decision's own words for the criterion.
	Words string `yaml:"words,omitempty"`
	// Readings name the plan's readings (Plan.Readings) the criterion applies.
	Readings []string `yaml:"readings,omitempty"`

	Expr  *Formula `yaml:"expr,omitempty"`
	Op    string   `yaml:"op,omitempty"`
	Value *Decimal `yaml:"value,omitempty"`

	Any     []Test   `yaml:"any,omitempty"`
	All     []Test   `yaml:"all,omitempty"`
	AtLeast int      `yaml:"at_least,omitempty"`
	Of      []string `yaml:"of,omitempty"`
}

// Label returns the criterion's short wording in lang.
func (t Test) Label(lang i18n.Lang) string { return Text{Vi: t.Vi, En: t.En}.In(lang) }

// IsComparison reports whether the test compares a figure with a number.
func (t Test) IsComparison() bool { return t.Expr != nil }

// TypeRule reaches the category of Level when at least AtLeast of the criteria Of hold.
type TypeRule struct {
	Level   int      `yaml:"level"`
	AtLeast int      `yaml:"at_least"`
	Of      []string `yaml:"of"`
	// Words are the decision's own words for the rule.
	Words string `yaml:"words,omitempty"`
}

// Reading is how the plan reads wording of its source that is loose or silent.
type Reading struct {
	ID string `yaml:"id"`
	Vi string `yaml:"vi"`
	En string `yaml:"en"`
}

// Text returns the reading in lang.
func (r Reading) Text(lang i18n.Lang) string { return Text{Vi: r.Vi, En: r.En}.In(lang) }

// ByTypes reports whether the plan classifies by type rules rather than by bands.
func (c Classification) ByTypes() bool { return len(c.Types) > 0 }

// Test returns the plan's criterion with id.
func (c Classification) Test(id string) (*Test, bool) {
	for i := range c.Criteria {
		if c.Criteria[i].ID == id {
			return &c.Criteria[i], true
		}
	}
	return nil, false
}

// Term is one field of a sum, added or (Minus) subtracted.
type Term struct {
	Field string
	Minus bool
}

// Sum is a sum of fields, some perhaps subtracted, and a whole number.
type Sum struct {
	Terms []Term
	Const int64
}

// Fields returns the fields of the sum, in order.
func (s Sum) Fields() []string {
	out := make([]string, len(s.Terms))
	for i, t := range s.Terms {
		out[i] = t.Field
	}
	return out
}

// Formula is the figure a comparison reads: a sum of fields (Num), or a ratio of such a
// sum to another (Den): "addicts_users_managed / residents", "plants_destroyed",
// "resident_users - resident_users_excluded".
type Formula struct {
	Num Sum
	Den *Sum
	// text is the formula as written; num and den its two sides.
	text, num, den string
}

// NumText and DenText return the numerator and the denominator as written ("" without).
func (f Formula) NumText() string { return f.num }

// DenText returns the denominator as written, "" when the formula is no ratio.
func (f Formula) DenText() string { return f.den }

// IsRatio reports whether the formula is a ratio.
func (f Formula) IsRatio() bool { return f.Den != nil }

// String returns the formula as written.
func (f Formula) String() string { return f.text }

// ParseFormula reads "sum" or "sum / sum", where a sum is field keys and whole numbers
// joined by + and -.
func ParseFormula(s string) (Formula, error) {
	f := Formula{text: strings.TrimSpace(s)}
	if strings.Count(f.text, "/") > 1 {
		return f, fmt.Errorf("%q: one / at most", s)
	}
	num, den, isRatio := strings.Cut(f.text, "/")
	f.num, f.den = strings.TrimSpace(num), strings.TrimSpace(den)
	var err error
	if f.Num, err = parseSum(num); err != nil {
		return f, fmt.Errorf("%q: %v", s, err)
	}
	if isRatio {
		d, err := parseSum(den)
		if err != nil {
			return f, fmt.Errorf("%q: after /: %v", s, err)
		}
		f.Den = &d
	}
	return f, nil
}

// parseSum reads field keys and whole numbers joined by + and -.
func parseSum(s string) (Sum, error) {
	var sum Sum
	s = strings.TrimSpace(s)
	if s == "" {
		return sum, fmt.Errorf("empty expression")
	}
	minus := false
	start := 0
	flush := func(end int) error {
		term := strings.TrimSpace(s[start:end])
		if term == "" {
			return fmt.Errorf("empty term")
		}
		if n, err := strconv.ParseInt(term, 10, 64); err == nil && n >= 0 {
			if minus {
				n = -n
			}
			sum.Const += n
			return nil
		}
		if !isKey(term) {
			return fmt.Errorf("%q is neither a field key nor a whole number", term)
		}
		sum.Terms = append(sum.Terms, Term{Field: term, Minus: minus})
		return nil
	}
	for i, r := range s {
		if r == '+' || r == '-' || r == '−' {
			if err := flush(i); err != nil {
				return sum, err
			}
			minus = r != '+'
			start = i + len(string(r))
		}
	}
	return sum, flush(len(s))
}

// UnmarshalYAML reads the formula, with the line on error.
func (f *Formula) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseFormula(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %v", n.Line, err)
	}
	*f = v
	return nil
}

// MarshalYAML writes the formula as written.
func (f Formula) MarshalYAML() (any, error) { return f.text, nil }

// validateTypes checks the type rules and their criteria: every criterion has a unique
// id and words, each part is exactly one kind of test with its pieces well formed, every
// reference names a criterion without going round in a circle, every level is a
// category's, and the rest is a category.
func (p *Plan) validateTypes(numeric func(string, ...any), add func(string, ...any), cats map[string]bool, levels map[int]bool) {
	cl := p.Classification
	readings := map[string]bool{}
	for i, r := range p.Readings {
		if r.ID == "" || r.Vi == "" || r.En == "" {
			add("readings: id, vi and en are required", "readings", i)
		}
		if readings[r.ID] {
			add(fmt.Sprintf("reading %q is listed twice", r.ID), "readings", i, "id")
		}
		readings[r.ID] = true
	}
	if len(cl.Indicators) > 0 {
		add("classification: give either indicators (bands) or types (at least k of n criteria), not both", "classification", "types")
	}
	ids := map[string]int{}
	for i, t := range cl.Criteria {
		path := []any{"classification", "criteria", i}
		if t.ID == "" {
			add("criterion: id is required", path...)
		} else if _, dup := ids[t.ID]; dup {
			add(fmt.Sprintf("criterion %q is defined twice", t.ID), append(path, "id")...)
		}
		ids[t.ID] = i
		if t.Vi == "" || t.En == "" {
			add(fmt.Sprintf("criterion %q: vi and en are required", t.ID), path...)
		}
		for j, r := range t.Readings {
			if !readings[r] {
				add(fmt.Sprintf("criterion %q: reading %q is not one of the plan's readings (see readings:)", t.ID, r), append(path, "readings", j)...)
			}
		}
	}
	var check func(t Test, top bool, path []any)
	check = func(t Test, top bool, path []any) {
		at := func(more ...any) []any { return append(append([]any{}, path...), more...) }
		name := t.ID
		if name == "" {
			name = "part"
		}
		kinds := 0
		for _, has := range []bool{t.Expr != nil || t.Op != "" || t.Value != nil, len(t.Any) > 0, len(t.All) > 0, t.AtLeast != 0 || len(t.Of) > 0} {
			if has {
				kinds++
			}
		}
		if kinds != 1 {
			add(fmt.Sprintf("criterion %s: give exactly one of expr/op/value, any, all, or at_least/of", name), path...)
			return
		}
		if !top && (t.ID != "" || t.Vi != "" || t.En != "") {
			add("a part of a criterion has no id, vi or en of its own: name it as a criterion and refer to it with at_least/of", path...)
		}
		switch {
		case t.Expr != nil || t.Op != "" || t.Value != nil:
			if t.Expr == nil || t.Value == nil {
				add(fmt.Sprintf("criterion %s: a comparison needs expr, op and value", name), path...)
				return
			}
			for _, term := range t.Expr.Num.Terms {
				numeric(term.Field, at("expr")...)
			}
			if t.Expr.Den != nil {
				if len(t.Expr.Den.Terms) == 0 {
					add(fmt.Sprintf("criterion %s: the ratio's denominator needs a field", name), at("expr")...)
				}
				for _, term := range t.Expr.Den.Terms {
					numeric(term.Field, at("expr")...)
					if term.Minus {
						add(fmt.Sprintf("criterion %s: the ratio's denominator is a sum, without -", name), at("expr")...)
					}
				}
			}
			switch t.Op {
			case "=", "<=", ">=", "<", ">":
			default:
				add(fmt.Sprintf("criterion %s: op %q is not one of =, <=, >=, <, >", name, t.Op), at("op")...)
			}
			if t.Value.IsPercent() && t.Expr.Den == nil {
				add(fmt.Sprintf("criterion %s: a percentage compares a ratio (expr: a / b)", name), at("value")...)
			}
		case len(t.Any) > 0 || len(t.All) > 0:
			list, key := t.Any, "any"
			if len(t.All) > 0 {
				list, key = t.All, "all"
			}
			for j, part := range list {
				check(part, false, at(key, j))
			}
		default:
			if len(t.Of) == 0 || t.AtLeast < 1 || t.AtLeast > len(t.Of) {
				add(fmt.Sprintf("criterion %s: at_least must be from 1 to the number of criteria in of (%d)", name, len(t.Of)), at("at_least")...)
			}
			for j, ref := range t.Of {
				if _, ok := ids[ref]; !ok {
					add(fmt.Sprintf("criterion %s: %q is not a criterion of the plan (see classification: criteria:)", name, ref), at("of", j)...)
				}
			}
		}
	}
	for i, t := range cl.Criteria {
		check(t, true, []any{"classification", "criteria", i})
	}
	// No criterion may refer to itself, directly or through others.
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(id string) bool
	visit = func(id string) bool {
		switch state[id] {
		case 1:
			return false
		case 2:
			return true
		}
		state[id] = 1
		i, ok := ids[id]
		if ok {
			for _, ref := range refs(cl.Criteria[i]) {
				if !visit(ref) {
					add(fmt.Sprintf("criterion %q refers to itself through %q", id, ref), "classification", "criteria", i)
					state[id] = 2
					return true
				}
			}
		}
		state[id] = 2
		return true
	}
	for _, t := range cl.Criteria {
		visit(t.ID)
	}
	seen := map[int]bool{}
	for i, r := range cl.Types {
		path := []any{"classification", "types", i}
		if !levels[r.Level] {
			add(fmt.Sprintf("type level %d is not the level of a category", r.Level), append(path, "level")...)
		}
		if seen[r.Level] {
			add(fmt.Sprintf("type level %d has two rules", r.Level), append(path, "level")...)
		}
		seen[r.Level] = true
		if len(r.Of) == 0 || r.AtLeast < 1 || r.AtLeast > len(r.Of) {
			add(fmt.Sprintf("type level %d: at_least must be from 1 to the number of criteria in of (%d)", r.Level, len(r.Of)), append(path, "at_least")...)
		}
		for j, ref := range r.Of {
			if _, ok := ids[ref]; !ok {
				add(fmt.Sprintf("type level %d: %q is not a criterion of the plan (see classification: criteria:)", r.Level, ref), append(path, "of", j)...)
			}
		}
	}
	for l := range levels {
		if !seen[l] {
			add(fmt.Sprintf("classification: the category of level %d has no type rule", l), "classification", "types")
		}
	}
	if cl.Rest == "" {
		add("classification: rest (the category of a commune that reaches no type) is required", "classification")
	} else if !cats[cl.Rest] {
		add(fmt.Sprintf("classification: rest %q is not a category (see categories:)", cl.Rest), "classification", "rest")
	}
	if cl.Route.Field != "" || len(cl.DrugFreeFields) > 0 {
		add("classification: route and drug_free_fields belong to bands; with types, write the route as a criterion and the drug-free test as the checklist", "classification")
	}
}

// refs returns the criteria t refers to, in it and its parts.
func refs(t Test) []string {
	out := append([]string(nil), t.Of...)
	for _, part := range append(append([]Test(nil), t.Any...), t.All...) {
		out = append(out, refs(part)...)
	}
	return out
}

// TestFields returns the fields the type rules' criteria read, each once, in the order
// the criteria name them.
func (c Classification) TestFields() []string {
	var out []string
	add := func(s *Sum) {
		for _, t := range s.Terms {
			if !slices.Contains(out, t.Field) {
				out = append(out, t.Field)
			}
		}
	}
	var walk func(t *Test)
	walk = func(t *Test) {
		if t.Expr != nil {
			add(&t.Expr.Num)
			if t.Expr.Den != nil {
				add(t.Expr.Den)
			}
		}
		for i := range t.Any {
			walk(&t.Any[i])
		}
		for i := range t.All {
			walk(&t.All[i])
		}
	}
	for i := range c.Criteria {
		walk(&c.Criteria[i])
	}
	return out
}
