package read

import (
	"strings"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/problem"
	"drugfree/report/read/header"
)

// A field may list parts (criteria.Part), whose sum it is when a return gives them
// instead of its own column. The field's column wins when the header has it (its parts,
// if given too, are read and held to it by the consistency check); else, with every
// part's column, each row's figure is the sum of its parts, blank when a part is blank or
// bad (the part's cell says why); with only some of them, the figure is blank for every
// row and partsProblems says which columns are missing.

// partSum is a field with parts: its index and its parts' in env.columns.
type partSum struct {
	whole int
	parts []int
}

// partSums lists the fields of columns that have parts, with the indexes of their parts.
func partSums(columns []criteria.Field) []partSum {
	at := make(map[string]int, len(columns))
	for i, f := range columns {
		at[f.Key] = i
	}
	var out []partSum
	for i, f := range columns {
		if len(f.Parts) == 0 {
			continue
		}
		ps := partSum{whole: i}
		for _, pt := range f.Parts {
			ps.parts = append(ps.parts, at[pt.Key])
		}
		out = append(out, ps)
	}
	return out
}

// summed reports whether a header with the columns cols (by index in env.columns, -1
// when absent) gives the field as the sum of its parts: not its own column, every part's.
func (ps partSum) summed(cols []int) bool {
	if cols[ps.whole] >= 0 {
		return false
	}
	for _, i := range ps.parts {
		if cols[i] < 0 {
			return false
		}
	}
	return true
}

// add sets the field's figure in fig to the sum of its parts', when every part has one.
func (ps partSum) add(columns []criteria.Field, fig classify.Figures) {
	sum := 0.0
	for _, i := range ps.parts {
		v, ok := fig[columns[i].Key]
		if !ok {
			return
		}
		sum += v
	}
	fig[columns[ps.whole].Key] = sum
}

// keys returns the keys of the parts.
func (ps partSum) keys(columns []criteria.Field) []string {
	out := make([]string, len(ps.parts))
	for j, i := range ps.parts {
		out[j] = columns[i].Key
	}
	return out
}

// partsGiven reports whether the header gives some part of field key without the field's
// own column: the field is then the sum of its parts, or partsProblems says what is
// missing for it.
func (r *reader) partsGiven(key string, hdr header.Header) bool {
	for _, ps := range r.sums {
		if r.columns[ps.whole].Key != key {
			continue
		}
		for _, i := range ps.parts {
			if _, ok := hdr.Cols[r.columns[i].Key]; ok {
				return true
			}
		}
	}
	return false
}

// partsProblems reports, for each field whose own column the header lacks, parts given
// without the others: the sum needs them all, so the figure is blank in every row. The
// problem is at the header of the first part given.
func (r *reader) partsProblems(sheet string, hdr header.Header) {
	for _, ps := range r.sums {
		whole := r.columns[ps.whole].Key
		if _, ok := hdr.Cols[whole]; ok {
			continue
		}
		var given, missing []string
		first := -1
		for _, i := range ps.parts {
			key := r.columns[i].Key
			label := `"` + r.plan.FieldLabel(key, r.lang) + `"`
			if col, ok := hdr.Cols[key]; ok {
				given = append(given, label)
				if first < 0 {
					first = col
				}
			} else {
				missing = append(missing, label)
			}
		}
		if len(given) == 0 || len(missing) == 0 {
			continue
		}
		at := loc{sheet: sheet, cell: grid.CellName(first, hdr.Last)}
		r.add(problem.Warning, problem.CodeMissingColumn, at, i18n.Msg(r.lang, "missing-column.parts",
			r.plan.FieldLabel(whole, r.lang), strings.Join(given, ", "), strings.Join(missing, ", ")))
	}
}
