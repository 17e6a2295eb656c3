package criteria

import (
	"fmt"
	"strings"

	"drugfree/i18n"
)

// Part is one of the columns a return may give instead of a field's own, the field then
// being their sum (SPEC §10: "one number, or the sum of two columns"): "Người nghiện có hồ
// sơ quản lý" and "Người sử dụng trái phép có hồ sơ quản lý" for "Người nghiện, người sử
// dụng trái phép có hồ sơ quản lý". A part is read as a column of the field's kind; it is
// not a field of its own, and no rule of the plan reads it.
type Part struct {
	Key string `yaml:"key"`
	// Kind is the whole's; it may be left out, and may not be another.
	Kind     string   `yaml:"kind,omitempty"`
	Vi       string   `yaml:"vi"`
	En       string   `yaml:"en"`
	Variants []string `yaml:"variants,omitempty"`
	HelpVi   string   `yaml:"help_vi"`
	HelpEn   string   `yaml:"help_en"`
}

// PartFields returns the field's parts as columns to read: each with its own key and
// words, and the field's kind.
func (f Field) PartFields() []Field {
	out := make([]Field, len(f.Parts))
	for i, pt := range f.Parts {
		out[i] = Field{Key: pt.Key, Kind: f.Kind, Vi: pt.Vi, En: pt.En, Variants: pt.Variants, HelpVi: pt.HelpVi, HelpEn: pt.HelpEn}
	}
	return out
}

// PartKeys returns the keys of the field's parts, in order.
func (f Field) PartKeys() []string {
	out := make([]string, len(f.Parts))
	for i, pt := range f.Parts {
		out[i] = pt.Key
	}
	return out
}

// Columns returns what a return's columns may hold: the plan's fields, then the parts of
// those that have some, each as a field of its whole's kind. Without parts it is Fields.
func (p *Plan) Columns() []Field {
	out := p.Fields
	for _, f := range p.Fields {
		if len(f.Parts) > 0 {
			if len(out) == len(p.Fields) {
				out = append([]Field(nil), p.Fields...)
			}
			out = append(out, f.PartFields()...)
		}
	}
	return out
}

// Part returns the field whose part key is, and the part.
func (p *Plan) Part(key string) (whole Field, part Part, ok bool) {
	for _, f := range p.Fields {
		for _, pt := range f.Parts {
			if pt.Key == key {
				return f, pt, true
			}
		}
	}
	return Field{}, Part{}, false
}

// PartRules are the rules that hold a field given with its parts to their sum: named
// "KEY-sum-of-parts", KEY = part + part. A return that gives both the field's column and
// its parts' is read from the field's, and where it differs from the parts' sum this rule
// says so.
func (p *Plan) PartRules() []Rule {
	if p.partRules != nil {
		return p.partRules // Parse's
	}
	return p.makePartRules()
}

// makePartRules makes the rules of PartRules.
func (p *Plan) makePartRules() []Rule {
	var out []Rule
	for _, f := range p.Fields {
		if len(f.Parts) == 0 {
			continue
		}
		right, err := ParseExpr(strings.Join(f.PartKeys(), " + "))
		if err != nil {
			continue // refused by validate
		}
		out = append(out, Rule{Name: f.Key + "-sum-of-parts", Left: f.Key, Op: "=", Right: right})
	}
	return out
}

// partLabel returns the header of the part key in lang, and whether key is a part.
func (p *Plan) partLabel(key string, lang i18n.Lang) (string, bool) {
	if _, pt, ok := p.Part(key); ok {
		return Text{Vi: pt.Vi, En: pt.En}.In(lang), true
	}
	return "", false
}

// validateParts checks the fields' parts: at least two to a field, on a count or an
// area, each with a key no field or other part has, its words and help, and the field's
// kind. It returns the parts' keys.
func (p *Plan) validateParts(add func(string, ...any)) map[string]bool {
	keys := map[string]bool{}
	for _, f := range p.Fields {
		keys[f.Key] = true
	}
	parts := map[string]bool{}
	for i, f := range p.Fields {
		if len(f.Parts) == 0 {
			continue
		}
		path := []any{"fields", i, "parts"}
		if f.Kind != KindCount && f.Kind != KindArea {
			add(fmt.Sprintf("field %q: parts add up to a count or an area; the field is %s", f.Key, f.Kind), path...)
		}
		if len(f.Parts) < 2 {
			add(fmt.Sprintf("field %q: give at least 2 parts (a sum of one column is that column: give it as a variant of the field's header)", f.Key), path...)
		}
		for j, pt := range f.Parts {
			at := append(append([]any{}, path...), j)
			switch {
			case !isKey(pt.Key):
				add(fmt.Sprintf("field %q: part key %q: lower-case letters, digits and _ only", f.Key, pt.Key), append(at, "key")...)
			case keys[pt.Key]:
				add(fmt.Sprintf("field %q: part key %q is the key of a field", f.Key, pt.Key), append(at, "key")...)
			case parts[pt.Key]:
				add(fmt.Sprintf("field %q: part key %q is the key of another part", f.Key, pt.Key), append(at, "key")...)
			}
			parts[pt.Key] = true
			if pt.Kind != "" && pt.Kind != f.Kind {
				add(fmt.Sprintf("field %q: part %q is %s, but the field is %s: a part is of its field's kind", f.Key, pt.Key, pt.Kind, f.Kind), append(at, "kind")...)
			}
			if pt.Vi == "" || pt.En == "" || pt.HelpVi == "" || pt.HelpEn == "" {
				add(fmt.Sprintf("field %q: part %q: vi, en, help_vi and help_en are required", f.Key, pt.Key), at...)
			}
		}
	}
	return parts
}
