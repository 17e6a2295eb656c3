package layout

import (
	"fmt"
	"strings"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report"
)

// DiffTable lays out what changed between two versions of a return (report.Diff), one
// change a row: what changed, where, the value in each version and its cell in each
// file, and for a commune whose category or checklist verdict changed, which of its
// fields changed it and the new reasons.
func DiffTable(p *criteria.Plan, d report.ReturnDiff, lang i18n.Lang) Table {
	// A terminal too narrow hides the district first, then the code, then the cells
	// (Column.Drop; --wide shows them, as CSV, JSON and -o always do).
	col := func(key string, width float64, wrap bool, drop int) Column {
		return Column{Key: key, Header: i18n.Msg(lang, "diff.col."+key), Width: width, Wrap: wrap, Drop: drop}
	}
	sender := col("district", 0, false, 1)
	sender.Header = p.Sender(lang)
	t := Table{Name: i18n.Msg(lang, "diff.sheet"), Columns: []Column{
		col("change", 0, false, 0), sender, col("commune", 0, false, 0), col("code", 0, false, 2),
		col("item", 40, true, 0), col("old", 0, false, 0), col("new", 0, false, 0), col("old_cell", 0, false, 3), col("new_cell", 0, false, 3),
		col("note", 70, true, 0),
	}}
	for _, c := range d.Changes {
		item, note := "", ""
		switch c.Change {
		case report.ChangeCover:
			item = coverLabel(p, c.Field, lang)
		case report.ChangeStatus, report.ChangeFigure:
			item = p.FieldLabel(c.Field, lang)
			note = partsNote(c, lang)
		case report.ChangeMoved:
			item, note = i18n.Msg(lang, "diff.item.row"), i18n.Msg(lang, "diff.moved")
		case report.ChangeAdded, report.ChangeRemoved, report.ChangeCategory:
			item = i18n.Msg(lang, "diff.item.category")
			note = diffNote(p, c, lang)
		case report.ChangeChecklist:
			item = i18n.Msg(lang, "diff.item.checklist", len(p.Checklist.Criteria))
			note = diffNote(p, c, lang)
		}
		t.Rows = append(t.Rows, []any{
			Tag{Key: c.Change, Text: i18n.Msg(lang, "diff.change."+c.Change), Style: "plain"},
			c.District, c.Commune, c.Code, item,
			diffValue(p, c, c.Old, lang), diffValue(p, c, c.New, lang), c.OldCell, c.NewCell, note,
		})
	}
	return t
}

// DiffSummary is the line above the changes: the two files and how many changes.
func DiffSummary(d report.ReturnDiff, lang i18n.Lang) string {
	if len(d.Changes) == 0 {
		return i18n.Msg(lang, "diff.none", d.Old, d.New)
	}
	return i18n.Msg(lang, "diff.summary", d.Old, d.New, len(d.Changes))
}

// diffValue is a value of a change as a cell: a category, status, verdict or kind as a
// tag, a date as a date, a blank as "(trống)".
func diffValue(p *criteria.Plan, c report.Change, v any, lang i18n.Lang) any {
	if v == nil {
		if c.Change == report.ChangeAdded || c.Change == report.ChangeRemoved {
			return ""
		}
		return Tag{Key: "", Text: i18n.Msg(lang, "diff.blank"), Style: "plain"}
	}
	switch c.Change {
	case report.ChangeAdded, report.ChangeRemoved, report.ChangeCategory:
		key := v.(string)
		return Tag{Key: key, Text: p.CategoryLabel(key, lang)}
	case report.ChangeChecklist:
		key := v.(classify.Verdict)
		if key == "" {
			return ""
		}
		return Tag{Key: string(key), Text: report.VerdictLabel(key, lang)}
	case report.ChangeStatus:
		key := v.(string)
		return Tag{Key: key, Text: p.StatusLabel(key, lang), Style: "plain"}
	case report.ChangeCover:
		s, _ := v.(string)
		switch c.Field {
		case "kind":
			if dl, ok := p.Deadline(s); ok {
				return Tag{Key: s, Text: dl.Label(lang), Style: "plain"}
			}
		case "report_date", "received_date":
			if t, err := time.Parse(time.DateOnly, s); err == nil {
				return t
			}
		}
	}
	return v
}

// diffNote says why a commune's category or verdict changed: the fields that changed,
// the criteria whose verdict changed, the new reasons.
func diffNote(p *criteria.Plan, c report.Change, lang i18n.Lang) string {
	var parts []string
	if len(c.Because) > 0 {
		names := make([]string, len(c.Because))
		for i, k := range c.Because {
			names[i] = p.FieldName(k, lang)
		}
		parts = append(parts, i18n.Msg(lang, "diff.because", strings.Join(names, ", ")))
	}
	for _, cc := range c.Criteria {
		parts = append(parts, i18n.Msg(lang, "diff.criterion", fmt.Sprint(cc.ID), report.VerdictLabel(cc.Old, lang), report.VerdictLabel(cc.New, lang)))
	}
	for _, r := range c.Reasons {
		parts = append(parts, r.Text)
	}
	return strings.Join(parts, "; ")
}

// coverLabel is the label of cover field key in lang.
func coverLabel(p *criteria.Plan, key string, lang i18n.Lang) string {
	for _, f := range p.Cover {
		if f.Key == key {
			return i18n.Text{Vi: f.Vi, En: f.En}.In(lang)
		}
	}
	return key
}

// partsNote says, for a figure read as the sum of its parts, which cells were added up:
// "bản mới: tổng các ô Số liệu!D2 + Số liệu!E2".
func partsNote(c report.Change, lang i18n.Lang) string {
	var notes []string
	for _, v := range []struct {
		which string
		cells []string
	}{{"diff.old", c.OldParts}, {"diff.new", c.NewParts}} {
		if len(v.cells) > 0 {
			notes = append(notes, i18n.Msg(lang, "diff.parts", i18n.Msg(lang, v.which), strings.Join(v.cells, " + ")))
		}
	}
	return strings.Join(notes, "; ")
}
