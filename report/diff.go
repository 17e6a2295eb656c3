package report

import (
	"strconv"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/read"
)

// Kinds of Change, the "change" of each (drugfree diff).
const (
	ChangeCover     = "cover"     // a field of the cover (or letterhead) differs
	ChangeAdded     = "added"     // a commune only the new version lists
	ChangeRemoved   = "removed"   // a commune only the old version lists
	ChangeMoved     = "moved"     // a commune listed in another place among the others
	ChangeStatus    = "status"    // a commune's status (Chuyển hóa, Duy trì) differs
	ChangeFigure    = "figure"    // a figure differs, or is blank in one version only
	ChangeCategory  = "category"  // the commune's category differs (because of the figures)
	ChangeChecklist = "checklist" // the commune's checklist verdict differs
)

// ReturnDiff is what changed between two versions of a sender's return: the changes in
// the order a clerk reads them, the cover first, then each commune in the new version's
// order (a removed commune where the old version had it).
type ReturnDiff struct {
	Old     string   `json:"old"`
	New     string   `json:"new"`
	Changes []Change `json:"changes"`
}

// Change is one difference between two versions of a return. Old and New are the values
// of each version: a figure (float64, nil when blank), a cover field's text (a date as
// criteria.Date), a status, category or verdict key, a row number for a moved commune.
type Change struct {
	Change   string `json:"change"`
	District string `json:"district,omitempty"`
	Commune  string `json:"commune,omitempty"`
	Code     string `json:"code,omitempty"`
	// Field is the key of the figure, status or cover field that changed.
	Field string `json:"field,omitempty"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
	// OldCell and NewCell are where the value is in each file: "Số liệu!F7". A figure read
	// as the sum of its parts (read.Return.Summed) is at its first part's cell, and
	// OldParts and NewParts list every part's.
	OldCell  string   `json:"old_cell,omitempty"`
	NewCell  string   `json:"new_cell,omitempty"`
	OldParts []string `json:"old_parts,omitempty"`
	NewParts []string `json:"new_parts,omitempty"`
	// Because lists, for a category or checklist change, the fields of the commune whose
	// change made it, in the plan's order.
	Because []string `json:"because,omitempty"`
	// Reasons are, for a category change, the reasons of the new category.
	Reasons []*Reason `json:"reasons,omitempty"`
	// Criteria are, for a checklist change, the criteria whose verdict changed.
	Criteria []CriterionChange `json:"criteria,omitempty"`
}

// CriterionChange is a criterion of the checklist whose verdict changed.
type CriterionChange struct {
	ID  int              `json:"id"`
	Old classify.Verdict `json:"old"`
	New classify.Verdict `json:"new"`
}

// Diff compares two versions of a sender's return, each the returns read from one file:
// their covers, the communes each lists and each figure of the communes both list, and
// each commune's category and checklist verdict, both versions classified and checked as
// classify and recognize do (criterion 4 on the returns' own baseline columns).
func Diff(p *criteria.Plan, oldFile string, oldRets []*read.Return, newFile string, newRets []*read.Return, lang i18n.Lang) ReturnDiff {
	d := ReturnDiff{Old: oldFile, New: newFile, Changes: []Change{}}
	d.Changes = append(d.Changes, coverChanges(p, oldRets, newRets)...)

	olds, news := diffRows(p, oldRets, lang), diffRows(p, newRets, lang)
	oldAt := map[string]int{}
	for i, r := range olds {
		oldAt[r.key] = i
	}
	newKeys := map[string]bool{}
	for _, r := range news {
		newKeys[r.key] = true
	}
	moved := movedKeys(olds, news, oldAt, newKeys)

	// The removed communes come where the old version had them: before the first
	// commune that follows them in the old version and is still listed.
	oi := 0
	removedUpTo := func(stop int) {
		for ; oi < stop; oi++ {
			if o := olds[oi]; !newKeys[o.key] {
				d.Changes = append(d.Changes, Change{Change: ChangeRemoved, District: o.row.Commune.District, Commune: o.row.Commune.FullName(),
					Code: o.row.Commune.Code, Old: o.class.Category, New: nil, OldCell: o.cell("commune")})
			}
		}
	}
	for _, n := range news {
		j, ok := oldAt[n.key]
		if !ok {
			d.Changes = append(d.Changes, Change{Change: ChangeAdded, District: n.row.Commune.District, Commune: n.row.Commune.FullName(),
				Code: n.row.Commune.Code, Old: nil, New: n.class.Category, NewCell: n.cell("commune")})
			continue
		}
		if j >= oi {
			removedUpTo(j + 1)
		}
		d.Changes = append(d.Changes, communeChanges(p, olds[j], n, moved[n.key])...)
	}
	removedUpTo(len(olds))
	return d
}

// diffRow is a commune of one version with its verdicts.
type diffRow struct {
	key   string
	ret   *read.Return
	row   *read.Row
	class CommuneResult
	check *RecognitionResult // nil when the checklist does not apply (status)
}

// cell is where field key of the row is, "Sheet!F7", or "" when the return has no such
// column.
func (r diffRow) cell(key string) string {
	col, ok := r.ret.Columns[key]
	if !ok {
		return ""
	}
	return sheetCell(r.ret.Sheet, col+strconv.Itoa(r.row.Line))
}

// parts are the cells of the parts field key was summed from, nil when it was read from
// its own column.
func (r diffRow) parts(key string) []string {
	var out []string
	for _, k := range r.ret.Summed[key] {
		out = append(out, r.cell(k))
	}
	return out
}

func sheetCell(sheet, cell string) string {
	if sheet == "" || cell == "" {
		return cell
	}
	return sheet + "!" + cell
}

// diffRows classifies and checks the communes of returns, each once (the first row of a
// commune listed twice; the reader reports the other).
func diffRows(p *criteria.Plan, rets []*read.Return, lang i18n.Lang) []diffRow {
	classified := ClassifyReturns(p, rets, lang)
	checked := RecognizeReturns(p, rets, Baselines{}, true, lang)
	var out []diffRow
	seen := map[string]bool{}
	i := 0
	for _, r := range rets {
		for k := range r.Rows {
			row := &r.Rows[k]
			key := communeKey(r, row)
			if !seen[key] {
				seen[key] = true
				dr := diffRow{key: key, ret: r, row: row, class: classified[i]}
				if p.Checklist.Applies(row.Status) {
					dr.check = &checked[i]
				}
				out = append(out, dr)
			}
			i++
		}
	}
	return out
}

// communeKey identifies a commune across the two versions: its registry code, or its
// district and name where the registry gives no code.
func communeKey(r *read.Return, row *read.Row) string {
	if row.Commune.Code != "" {
		return row.Commune.Code
	}
	return row.Commune.District + "\x00" + row.Commune.FullName()
}

// movedKeys are the communes both versions list that are not in the same order among
// the others: those outside a longest sequence of communes listed in the same order by
// both. A commune added or removed moves no other.
func movedKeys(olds, news []diffRow, oldAt map[string]int, newKeys map[string]bool) map[string]bool {
	var a, b []string // the communes both list, in each version's order
	for _, o := range olds {
		if newKeys[o.key] {
			a = append(a, o.key)
		}
	}
	for _, n := range news {
		if _, ok := oldAt[n.key]; ok {
			b = append(b, n.key)
		}
	}
	// lcs[i][j] is the length of a longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	moved := map[string]bool{}
	for _, k := range a {
		moved[k] = true
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			delete(moved, a[i])
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return moved
}

// communeChanges are the changes of a commune both versions list: its place, status and
// figures, then its category and checklist verdict with the fields that changed them.
func communeChanges(p *criteria.Plan, o, n diffRow, moved bool) []Change {
	c := n.row.Commune
	at := func(kind, field string, old, new any) Change {
		return Change{Change: kind, District: c.District, Commune: c.FullName(), Code: c.Code, Field: field,
			Old: old, New: new, OldCell: o.cell(field), NewCell: n.cell(field)}
	}
	var out []Change
	if moved {
		ch := at(ChangeMoved, "", o.row.Line, n.row.Line)
		ch.OldCell, ch.NewCell = o.cell("commune"), n.cell("commune")
		out = append(out, ch)
	}
	if o.row.Status != n.row.Status {
		out = append(out, at(ChangeStatus, "status", o.row.Status, n.row.Status))
	}
	var because []string
	for _, f := range p.Fields {
		if !f.Numeric() {
			continue
		}
		ov, oOK := o.row.Figures[f.Key]
		nv, nOK := n.row.Figures[f.Key]
		if oOK == nOK && ov == nv {
			continue
		}
		because = append(because, f.Key)
		ch := at(ChangeFigure, f.Key, figure(ov, oOK), figure(nv, nOK))
		ch.OldParts, ch.NewParts = o.parts(f.Key), n.parts(f.Key)
		out = append(out, ch)
	}
	if o.row.Status != n.row.Status {
		because = append([]string{"status"}, because...)
	}
	if o.class.Category != n.class.Category {
		ch := at(ChangeCategory, "", o.class.Category, n.class.Category)
		ch.OldCell, ch.NewCell = "", ""
		ch.Because, ch.Reasons = because, n.class.Reasons
		out = append(out, ch)
	}
	if ov, nv := verdictOf(o.check), verdictOf(n.check); ov != nv {
		ch := at(ChangeChecklist, "", ov, nv)
		ch.OldCell, ch.NewCell = "", ""
		ch.Because = because
		if o.check != nil && n.check != nil {
			for i, oc := range o.check.Criteria {
				if i < len(n.check.Criteria) && oc.Result != n.check.Criteria[i].Result {
					ch.Criteria = append(ch.Criteria, CriterionChange{ID: oc.ID, Old: oc.Result, New: n.check.Criteria[i].Result})
				}
			}
		}
		out = append(out, ch)
	}
	return out
}

// figure is a figure as a Change holds it: nil when blank.
func figure(v float64, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

// verdictOf is the checklist's verdict, "" when it does not apply.
func verdictOf(r *RecognitionResult) classify.Verdict {
	if r == nil {
		return ""
	}
	return r.Result
}

// coverChanges compares the covers of the two versions: return by return when each file
// holds one, else the returns of the same reporting unit.
func coverChanges(p *criteria.Plan, olds, news []*read.Return) []Change {
	var out []Change
	if len(olds) == 1 && len(news) == 1 {
		return coverPair(p, olds[0], news[0])
	}
	for _, n := range news {
		for _, o := range olds {
			if o.District == n.District {
				out = append(out, coverPair(p, o, n)...)
				break
			}
		}
	}
	return out
}

// coverPair compares the cover fields of two returns, in the plan's order of the cover.
func coverPair(p *criteria.Plan, o, n *read.Return) []Change {
	var out []Change
	for _, f := range p.Cover {
		ov, nv := coverValue(o, f.Key), coverValue(n, f.Key)
		if ov == nv {
			continue
		}
		out = append(out, Change{Change: ChangeCover, District: n.District, Field: f.Key, Old: ov, New: nv,
			OldCell: coverCell(o, f.Key), NewCell: coverCell(n, f.Key)})
	}
	return out
}

// coverValue is a cover field of r as read: a date as YYYY-MM-DD, nil when absent.
func coverValue(r *read.Return, key string) any {
	s := ""
	switch key {
	case "district":
		s = r.District
	case "kind":
		s = r.Kind
	case "number":
		s = r.Number
	case "author":
		s = r.Author
	case "phone":
		s = r.Phone
	case "report_date", "received_date":
		t := r.ReportDate
		if key == "received_date" {
			t = r.ReceivedDate
		}
		if t.IsZero() {
			return nil
		}
		return t.Format(time.DateOnly)
	}
	if s == "" {
		return nil
	}
	return s
}

// coverCell is where cover field key of r was read: on the cover sheet, or above the
// table of the data sheet in a return without a cover (the letterhead, SPEC §8).
func coverCell(r *read.Return, key string) string {
	sheet := r.CoverSheet
	if sheet == "" {
		sheet = r.Sheet
	}
	return sheetCell(sheet, r.CoverCells[key])
}
