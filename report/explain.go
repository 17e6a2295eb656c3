package report

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
)

// Reason is a reason of a classification with its text in the user's language.
type Reason struct {
	classify.Reason
	Text string `json:"text"`
}

// CriterionResult is the verdict on one criterion of the checklist, each condition with
// its figures and their text. The conditions are shared by the communes whose conditions
// are the same (see explainer): read them, do not change them.
type CriterionResult struct {
	ID         int              `json:"id"`
	Result     classify.Verdict `json:"result"`
	Conditions []*Condition     `json:"conditions"`
	// Missing lists the blank fields the criterion uses, in the plan's field order.
	Missing []string `json:"missing,omitempty"`
}

// Condition is one condition of a criterion with its figures and its text in the user's
// language: the plan's figure text filled in, "3/5 người nghiện có hồ sơ quản lý", a
// blank figure written "?".
type Condition struct {
	classify.ConditionResult
	Text string `json:"text"`
}

// VerdictLabel returns the verdict's name in lang: Đạt, Không đạt, Thiếu dữ liệu.
func VerdictLabel(v classify.Verdict, lang i18n.Lang) string {
	switch v {
	case classify.Pass:
		return i18n.Msg(lang, "verdict.pass")
	case classify.Fail:
		return i18n.Msg(lang, "verdict.fail")
	case classify.Missing:
		return i18n.Msg(lang, "verdict.missing")
	}
	return string(v)
}

// explainer writes the reasons of classify and the conditions of the checklist in one
// language: the sentences from i18n's catalogue, the words (labels, categories, the
// checklist's figure texts) from the plan. It gives communes with the same reason or
// condition one Reason or Condition, text and all (a condition such as "0 tụ điểm, điểm
// phức tạp" comes back for most communes), so that the results of a round hold each once
// rather than once per commune; it is therefore not safe for concurrent use: one per
// goroutine. The plan must not change while it is in use.
type explainer struct {
	p    *criteria.Plan
	lang i18n.Lang

	// fields and categories hold the labels of the plan's fields and categories in lang
	// (the first of a key listed twice, as Plan.FieldLabel and Plan.CategoryLabel find);
	// fieldsLower the fields' in lower case, as they read inside a sentence.
	fields, fieldsLower, categories map[string]string
	// route is the wording of the route's condition.
	route string
	// indicators holds the indicators' labels by field and denominator; tests the labels
	// of a plan's criteria by id (a plan of type rules).
	indicators map[[2]string]string
	tests      map[string]string
	// testType is the category of the type whose criteria list each criterion (a plan of
	// type rules), to tell apart two criteria of one letter counted together.
	testType map[string]string
	// reasons holds the reasons explained so far by their data (reasonKey), conditions
	// the conditions: each is written once, and every commune with the same one shares it.
	reasons    map[string]*Reason
	conditions map[conditionKey]*Condition
	// templates holds each criterion's conditions' figure texts, cut around their
	// blanks, in the plan's order.
	templates [][][]textPart
	// numbers and thresholds hold the figures and bounds written so far.
	numbers    map[float64]string
	thresholds map[*criteria.Decimal]string
	// key, buf and scratch are where keys, texts and parts of texts are written.
	key, buf, scratch []byte
}

// conditionKey is all a condition depends on: the criterion and condition (by place in
// the plan), the figures and the verdict. It holds no string, so that hashing it is cheap.
type conditionKey struct {
	criterion, condition uint16
	known                uint8 // 1: the value is known, 2: the threshold is
	result               uint8 // the place of the verdict in verdicts
	value, threshold     uint64
}

// verdicts are the verdicts a conditionKey tells apart.
var verdicts = [...]classify.Verdict{classify.Pass, classify.Fail, classify.Missing}

// maxShared bounds the maps of reasons and conditions: past it, new ones are no longer
// remembered (but still written).
const maxShared = 1 << 16

// textPart is a piece of literal text followed by a blank (or by nothing).
type textPart struct {
	lit  string
	hole hole
}

type hole uint8

const (
	noHole hole = iota
	leftHole
	rightHole
)

func newExplainer(p *criteria.Plan, lang i18n.Lang) *explainer {
	x := &explainer{p: p, lang: lang, fields: map[string]string{}, fieldsLower: map[string]string{}, categories: map[string]string{},
		route: p.Classification.Route.Label(lang), indicators: map[[2]string]string{},
		reasons: map[string]*Reason{}, conditions: map[conditionKey]*Condition{},
		numbers: map[float64]string{}, thresholds: map[*criteria.Decimal]string{}}
	for _, f := range p.Fields {
		if _, seen := x.fields[f.Key]; !seen {
			x.fields[f.Key] = f.Header(lang)
			x.fieldsLower[f.Key] = strings.ToLower(f.Header(lang))
		}
	}
	for _, c := range p.Categories {
		if _, seen := x.categories[c.Key]; !seen {
			x.categories[c.Key] = c.Label(lang)
		}
	}
	for _, in := range p.Classification.Indicators {
		k := [2]string{in.Field, in.Per}
		if _, seen := x.indicators[k]; !seen {
			x.indicators[k] = in.Label(lang)
		}
	}
	x.tests = map[string]string{}
	for _, t := range p.Classification.Criteria {
		x.tests[t.ID] = t.Label(lang)
	}
	x.testType = map[string]string{}
	for _, r := range p.Classification.Types {
		for _, id := range r.Of {
			if _, seen := x.testType[id]; !seen {
				x.testType[id] = x.categories[p.LevelCategory(r.Level)]
			}
		}
	}
	for _, c := range p.Checklist.Criteria {
		var conds [][]textPart
		for _, cond := range c.Conditions {
			conds = append(conds, cutTemplate(cond.Figure(lang)))
		}
		x.templates = append(x.templates, conds)
	}
	return x
}

// category is the label of category key, or key itself when the plan lacks it.
func (x *explainer) category(key string) string { return x.label(key, x.categories) }

// explain returns rs with their texts, or nil without reasons.
func (x *explainer) explain(rs []classify.Reason) []*Reason {
	if len(rs) == 0 {
		return nil
	}
	out := make([]*Reason, len(rs))
	for i, r := range rs {
		out[i] = x.reason(r)
	}
	return out
}

// reason returns r with its text in the explainer's language: the one given before for
// the same data, or a new one.
func (x *explainer) reason(r classify.Reason) *Reason {
	x.key = reasonKey(x.key[:0], r)
	if s, ok := x.reasons[string(x.key)]; ok { // the compiler makes no string to look it up
		return s
	}
	s := &Reason{r, x.write(r)}
	if len(x.reasons) < maxShared {
		x.reasons[string(x.key)] = s
	}
	return s
}

// reasonKey appends to b all the data of r, to tell reasons apart.
func reasonKey(b []byte, r classify.Reason) []byte {
	str := func(s string) { b = append(append(b, s...), 0) }
	fig := func(f classify.Figure) {
		if f.Known {
			b = binary.LittleEndian.AppendUint64(append(b, 1), math.Float64bits(f.V))
		} else {
			b = append(b, 0)
		}
	}
	list := func(ss []string) {
		for _, s := range ss {
			str(s)
		}
		b = append(b, 1)
	}
	str(string(r.Rule))
	str(r.Field)
	fig(r.Value)
	str(r.Per)
	fig(r.PerValue)
	str(r.Op)
	if r.Threshold != nil {
		str(r.Threshold.String())
	} else {
		b = append(b, 1)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(r.Level))
	str(r.Category)
	str(r.From)
	list(r.Fields)
	for _, f := range r.Figures {
		str(f.Field)
		fig(classify.Figure{V: f.Value, Known: true})
	}
	b = append(b, 1)
	list(r.Missing)
	list(r.Possible)
	if r.Criterion != "" || r.Need > 0 || len(r.Met) > 0 {
		str(r.Criterion)
		list(r.Met)
		b = binary.LittleEndian.AppendUint64(b, uint64(r.Count))
		b = binary.LittleEndian.AppendUint64(b, uint64(r.Need))
		b = binary.LittleEndian.AppendUint64(b, uint64(r.Of))
	}
	return b
}

// write writes r in the explainer's language, from the catalogue's sentence for its rule.
func (x *explainer) write(r classify.Reason) string {
	l := x.lang
	b := x.buf[:0]
	switch r.Rule {
	case classify.RuleBand:
		label := x.indicators[[2]string{r.Field, r.Per}]
		op, th := "", ""
		if r.Threshold != nil {
			op, th = opSymbol(r.Op), x.threshold(r.Threshold)
		}
		category := x.category(r.Category)
		if r.Per == "" {
			b = i18n.Append(b, l, "reason.band", x.number(r.Value.V), label, op, th, category)
		} else {
			ratio := criteria.FormatRatio(int64(r.Value.V), int64(r.PerValue.V), l)
			b = i18n.Append(b, l, "reason.band.ratio", label, x.number(r.Value.V), x.number(r.PerValue.V), ratio, op, th, category)
		}
	case classify.RuleRoute:
		b = i18n.Append(b, l, "reason.route", x.route, x.category(r.From), x.category(r.Category))
	case classify.RuleDrugFree:
		b = i18n.Append(b, l, "reason.drug-free", x.join(r.Fields, x.fieldsLower), x.category(r.Category))
	case classify.RuleLessComplex:
		if len(r.Figures) == 0 {
			b = i18n.Append(b, l, "reason.less-complex.none", x.category(r.Category))
			break
		}
		figs := x.scratch[:0]
		for j, f := range r.Figures {
			if j > 0 {
				figs = append(figs, ", "...)
			}
			figs = append(figs, x.label(f.Field, x.fieldsLower)...)
			figs = append(figs, ' ')
			figs = appendNumber(figs, f.Value, l)
		}
		x.scratch = figs
		b = i18n.Append(b, l, "reason.less-complex", string(figs), x.category(r.Category))
	case classify.RuleMissing:
		b = i18n.Append(b, l, "reason.missing", x.join(r.Missing, x.fields))
	case classify.RuleUndetermined:
		possible := x.join(r.Possible, x.categories)
		if len(r.Missing) == 0 {
			b = i18n.Append(b, l, "reason.undetermined.error", possible)
		} else {
			b = i18n.Append(b, l, "reason.undetermined", x.join(r.Missing, x.fields), possible)
		}
	case classify.RuleInputError:
		b = i18n.Append(b, l, "reason.input-error", x.number(r.Value.V), x.label(r.Field, x.fieldsLower), x.label(r.Per, x.fieldsLower))
	case classify.RuleCriterion:
		b = i18n.Append(b, l, "reason.criterion", x.category(r.Category), x.label(r.Criterion, x.tests), x.criterionFigures(r))
	case classify.RuleType:
		b = i18n.Append(b, l, "reason.type", strconv.Itoa(r.Count), strconv.Itoa(r.Of), x.category(r.Category), strconv.Itoa(r.Need), x.category(r.Category))
	case classify.RuleTypeShort:
		b = i18n.Append(b, l, "reason.type-short", x.category(r.Category), strconv.Itoa(r.Count), strconv.Itoa(r.Of), x.letters(r.Met), strconv.Itoa(r.Need))
	case classify.RuleRest:
		if len(r.Met) == 0 {
			b = i18n.Append(b, l, "reason.rest", x.category(r.Category))
		} else {
			b = i18n.Append(b, l, "reason.rest.met", x.joinSep(r.Met, x.tests, "; "), x.category(r.Category))
		}
	default:
		return r.String()
	}
	x.buf = b
	return string(b)
}

// criterionFigures writes what made a criterion hold: the criteria it counted, then the
// comparison's figures ("50/10.000 = 0,50%", "3.000", "nằm trên tuyến trọng điểm 1").
func (x *explainer) criterionFigures(r classify.Reason) string {
	var parts []string
	if len(r.Met) > 0 {
		// Criteria of two types counted together (đ of Type II counts Type II's b) beside
		// Type III's a) and b)) are each named with their type: "Loại III – b) …".
		mixed := false
		for _, id := range r.Met {
			mixed = mixed || x.testType[id] != x.testType[r.Met[0]]
		}
		if mixed {
			var met []string
			for _, id := range r.Met {
				met = append(met, x.testType[id]+" – "+x.tests[id])
			}
			parts = append(parts, strings.Join(met, "; "))
		} else {
			parts = append(parts, x.joinSep(r.Met, x.tests, "; "))
		}
	}
	switch {
	case r.Field == "":
	case r.Per != "" && r.Value.Known && r.PerValue.Known:
		parts = append(parts, x.number(r.Value.V)+"/"+x.number(r.PerValue.V)+" = "+criteria.FormatRatio(int64(r.Value.V), int64(r.PerValue.V), x.lang))
	case r.Per != "" && r.Value.Known:
		parts = append(parts, x.label(r.Field, x.fieldsLower)+" "+x.number(r.Value.V))
	case r.Value.Known && x.yesNo(r.Field):
		parts = append(parts, x.label(r.Field, x.fieldsLower)+": "+i18n.Tr(x.lang, map[bool]string{true: "có", false: "không"}[r.Value.V != 0], map[bool]string{true: "yes", false: "no"}[r.Value.V != 0]))
	case len(r.Met) > 0:
		parts = append(parts, x.label(r.Field, x.fieldsLower)+" "+r.Value.String())
	default:
		parts = append(parts, r.Value.String())
		if r.Value.Known {
			parts[len(parts)-1] = x.number(r.Value.V)
		}
		parts[len(parts)-1] = x.label(r.Field, x.fieldsLower) + " " + parts[len(parts)-1]
	}
	return strings.Join(parts, "; ")
}

// letters names criteria by the letter their labels begin with ("a" of "a) …", "đ"), or by
// their whole labels where one has none.
func (x *explainer) letters(ids []string) string {
	var out []string
	for _, id := range ids {
		l := x.tests[id]
		if i := strings.Index(l, ")"); i > 0 && i <= len("đ") {
			l = l[:i]
		}
		out = append(out, l)
	}
	return strings.Join(out, ", ")
}

// yesNo reports whether key is a yes/no field of the plan.
func (x *explainer) yesNo(key string) bool {
	f, ok := x.p.Field(key)
	return ok && f.Kind == criteria.KindYesNo
}

// joinSep writes the labels of keys in labels, separated by sep.
func (x *explainer) joinSep(keys []string, labels map[string]string, sep string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = x.label(k, labels)
	}
	return strings.Join(out, sep)
}

// number writes v in the explainer's language, once for each number.
func (x *explainer) number(v float64) string {
	if s, ok := x.numbers[v]; ok {
		return s
	}
	s := criteria.FormatNumber(v, x.lang)
	if len(x.numbers) < maxShared {
		x.numbers[v] = s
	}
	return s
}

// threshold writes a band's bound in the explainer's language, once for each bound.
func (x *explainer) threshold(d *criteria.Decimal) string {
	if s, ok := x.thresholds[d]; ok {
		return s
	}
	s := criteria.FormatDecimal(*d, x.lang)
	x.thresholds[d] = s // the plan's bounds: a few
	return s
}

// label is the label of key in labels (fields, fieldsLower or categories), or key
// itself when the plan lacks it.
func (x *explainer) label(key string, labels map[string]string) string {
	if s, ok := labels[key]; ok {
		return s
	}
	return key
}

// join writes the labels of keys in labels, separated by commas.
func (x *explainer) join(keys []string, labels map[string]string) string {
	b := x.scratch[:0]
	for j, k := range keys {
		if j > 0 {
			b = append(b, ", "...)
		}
		b = append(b, x.label(k, labels)...)
	}
	x.scratch = b
	return string(b)
}

// opSymbol writes a band's comparison as the reasons show it.
func opSymbol(op string) string {
	if op == ">=" {
		return "≥"
	}
	return op
}

// check returns the criteria of r with their conditions and texts. r.Criteria are in the
// plan's order, as Check gives them.
func (x *explainer) check(r classify.CheckResult) []CriterionResult {
	n := 0
	for _, c := range r.Criteria {
		n += len(c.Conditions)
	}
	out := make([]CriterionResult, len(r.Criteria))
	conds := make([]*Condition, 0, n) // every criterion's conditions in one allocation
	for i, c := range r.Criteria {
		at := len(conds)
		for j, cond := range c.Conditions {
			conds = append(conds, x.condition(i, j, cond))
		}
		out[i] = CriterionResult{ID: c.ID, Result: c.Result, Conditions: conds[at:len(conds):len(conds)], Missing: c.Missing}
	}
	return out
}

// condition returns the j-th condition of the plan's i-th criterion with its text: the
// plan's figure text with the figures in the blanks, "?" for a blank figure. The one given
// before for the same condition, figures and verdict is given again.
func (x *explainer) condition(i, j int, c classify.ConditionResult) *Condition {
	k, ok := keyOf(i, j, c)
	if s, seen := x.conditions[k]; ok && seen {
		return s
	}
	s := &Condition{c, x.conditionText(i, j, c)}
	if ok && len(x.conditions) < maxShared {
		x.conditions[k] = s
	}
	return s
}

// keyOf returns the key of the j-th condition of the i-th criterion, c, and whether it
// has one (a verdict of its own or a plan of 65,536 criteria has none).
func keyOf(i, j int, c classify.ConditionResult) (conditionKey, bool) {
	k := conditionKey{criterion: uint16(i), condition: uint16(j),
		value: math.Float64bits(c.Value.V), threshold: math.Float64bits(c.Threshold.V)}
	if c.Value.Known {
		k.known |= 1
	}
	if c.Threshold.Known {
		k.known |= 2
	}
	known := false
	for n, v := range verdicts {
		if c.Result == v {
			k.result, known = uint8(n), true
		}
	}
	return k, known && i < 1<<16 && j < 1<<16
}

// conditionText writes the j-th condition of the plan's i-th criterion.
func (x *explainer) conditionText(i, j int, c classify.ConditionResult) string {
	if i >= len(x.templates) || j >= len(x.templates[i]) {
		return c.String()
	}
	b := x.buf[:0]
	for _, part := range x.templates[i][j] {
		b = append(b, part.lit...)
		switch {
		case part.hole == leftHole && c.Value.Known:
			b = appendNumber(b, c.Value.V, x.lang)
		case part.hole == rightHole && c.Threshold.Known:
			b = appendNumber(b, c.Threshold.V, x.lang)
		case part.hole != noHole:
			b = append(b, '?')
		}
	}
	x.buf = b
	return string(b)
}

// cutTemplate cuts a figure template at its "{left}" and "{right}". Filling the pieces in
// is what strings.ReplaceAll of "{left}" then of "{right}" gave: the figures filled in are
// numbers or "?", never empty and without braces, so that filling "{left}" can neither
// make nor break a "{right}", and the two markers cannot overlap.
func cutTemplate(t string) []textPart {
	var parts []textPart
	for i, piece := range strings.Split(t, "{left}") {
		if i > 0 {
			parts[len(parts)-1].hole = leftHole
		}
		for j, lit := range strings.Split(piece, "{right}") {
			if j > 0 {
				parts[len(parts)-1].hole = rightHole
			}
			parts = append(parts, textPart{lit: lit})
		}
	}
	return parts
}

// appendNumber appends criteria.FormatNumber(v, lang) to b. Whole numbers, nearly every
// figure, are written here without allocating; anything else by FormatNumber.
func appendNumber(b []byte, v float64, lang i18n.Lang) []byte {
	if v != math.Trunc(v) || math.Abs(v) >= 1e15 {
		return append(b, criteria.FormatNumber(v, lang)...)
	}
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(v), 10)
	group := byte('.')
	if lang == i18n.En {
		group = ','
	}
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b = append(b, group)
		}
		b = append(b, c)
	}
	return b
}
