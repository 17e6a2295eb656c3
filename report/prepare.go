package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/check"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// Prepared is what every command works from once the returns are read: which returns
// count, which figures each commune is judged on, and every problem found in them.
type Prepared struct {
	// Latest is the latest return of each district and kind (returns whose district or
	// kind is unknown are kept as they are); the others are superseded.
	Latest []*read.Return
	// Current holds, of Latest, each district's returns of its latest data kind: the
	// figures its communes are classified and checked on, each commune once. Across the
	// reform of 1 July 2025, once communes formed by it have sent returns the picture is
	// theirs: the returns of the districts before it are not here (acrossReform), they are
	// the baseline.
	Current []*read.Return
	// Baseline holds the review returns among Latest, the default baseline of criterion 4
	// and of the movement between categories.
	Baseline []*read.Return
	// Problems are the reader's, then superseded returns, then the consistency and
	// completeness of the returns that count; not sorted. Blank cells are left to
	// Holes: classify and recognize state them in each verdict.
	Problems []problem.Problem
}

// Prepare applies SPEC §6 to the returns read: of two returns of one kind from one
// district the later counts (the earlier is superseded, by the rule of classify.Latest,
// where an undated return is taken as submitted on the as-of day); the returns that count
// are checked for consistency and completeness; and each district is judged on its latest
// data kind, so a commune sent in the review and in phase 3 is classified once, on phase 3.
func Prepare(p *criteria.Plan, returns []*read.Return, readProblems []problem.Problem, asOf time.Time, lang i18n.Lang) Prepared {
	return prepare(p, returns, readProblems, newUnitCommunes(p), asOf, lang)
}

// prepare is Prepare given the registries' communes by reporting unit (newUnitCommunes),
// for BuildConsolidation, which needs them again.
func prepare(p *criteria.Plan, returns []*read.Return, readProblems []problem.Problem, units unitCommunes, asOf time.Time, lang i18n.Lang) Prepared {
	latest, superseded := check.Latest(p, returns, asOf, lang)
	prep := Prepared{Latest: latest, Problems: append(append([]problem.Problem{}, readProblems...), superseded...)}
	for _, r := range latest {
		prep.Problems = append(prep.Problems, check.CheckConsistency(p, r, lang)...)
		prep.Problems = append(prep.Problems, check.CheckCompletenessOf(p, r, units.of(r), lang)...)
		if r.Kind == "review" {
			prep.Baseline = append(prep.Baseline, r)
		}
	}
	var unused []problem.Problem
	prep.Current, unused = latestDataKind(p, latest, lang)
	prep.Current = acrossReform(p, prep.Current)
	prep.Problems = append(prep.Problems, unused...)
	return prep
}

// unitCommunes are the communes of each reporting unit, for each registry of the plan.
type unitCommunes struct {
	first *criteria.Registry // the plan's own, for a return that names no registry
	by    map[*criteria.Registry]map[string][]criteria.Commune
}

// newUnitCommunes indexes the plan's registries by reporting unit: the plan's own by
// district (communesByDistrict), a registry without districts by commune.
func newUnitCommunes(p *criteria.Plan) unitCommunes {
	u := unitCommunes{first: &p.Registry, by: map[*criteria.Registry]map[string][]criteria.Commune{}}
	for _, reg := range p.Registries() {
		if reg.HasDistricts() {
			u.by[reg] = communesByDistrict(*reg)
			continue
		}
		m := make(map[string][]criteria.Commune, len(reg.Communes))
		for i, c := range reg.Communes {
			m[c.Unit()] = reg.Communes[i : i+1 : i+1]
		}
		u.by[reg] = m
	}
	return u
}

// of is the communes of r's reporting unit in r's registry.
func (u unitCommunes) of(r *read.Return) []criteria.Commune {
	reg := r.Registry
	if reg == nil {
		reg = u.first
	}
	return u.by[reg][r.District]
}

// districts is the communes of each district of the plan's own registry.
func (u unitCommunes) districts() map[string][]criteria.Commune { return u.by[u.first] }

// acrossReform keeps, once current holds returns read against the reform's registry (the
// communes formed on 1 July 2025 reporting for themselves), only those: the picture is in
// the communes in force, each once, and the districts' earlier returns are the baseline
// (SPEC §9); the notes of a consolidation say which communes have sent nothing since
// (laterNotes). current is returned as it is when it holds none.
func acrossReform(p *criteria.Plan, current []*read.Return) []*read.Return {
	if p.Reform == nil {
		return current
	}
	later := &p.Reform.Registry
	var out []*read.Return
	for _, r := range current {
		if r.Registry == later {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return current
	}
	return out
}

// communesByDistrict is reg.ByDistrict(), the communes of each district in registry order,
// without a slice grown by appending for each district (a national registry has 10,000
// communes): pieces of the registry's list when each district's communes follow one
// another, else one array sized at once.
func communesByDistrict(reg criteria.Registry) map[string][]criteria.Commune {
	n := map[string]int{}
	grouped := true // each district's communes follow one another, as registries list them
	for i, c := range reg.Communes {
		if _, seen := n[c.District]; seen && reg.Communes[i-1].District != c.District {
			grouped = false
		}
		n[c.District]++
	}
	if grouped {
		// Each district's communes are a piece of the registry's own list, capped so that
		// an append cannot run into the next district's: nothing is copied.
		out := make(map[string][]criteria.Commune, len(n))
		for i := 0; i < len(reg.Communes); {
			d, k := reg.Communes[i].District, n[reg.Communes[i].District]
			out[d] = reg.Communes[i : i+k : i+k]
			i += k
		}
		return out
	}
	all := make([]criteria.Commune, len(reg.Communes))
	out := make(map[string][]criteria.Commune, len(n))
	next := 0
	for _, c := range reg.Communes {
		s, ok := out[c.District]
		if !ok { // the district's place: exactly its communes, so no append runs into the next
			k := n[c.District]
			s, next = all[next:next:next+k], next+k
		}
		out[c.District] = append(s, c)
	}
	return out
}

// kindOrder numbers the calendar's kinds in their order.
func kindOrder(p *criteria.Plan) map[string]int {
	order := map[string]int{}
	for i, d := range p.Calendar {
		order[d.Kind] = i
	}
	return order
}

// latestDataKind keeps, for each district, the returns of its latest data kind. A return
// whose kind is unknown is kept only for a district that sent no return of a known kind:
// otherwise its communes would be counted twice, and it is reported as not used.
func latestDataKind(p *criteria.Plan, returns []*read.Return, lang i18n.Lang) ([]*read.Return, []problem.Problem) {
	order := kindOrder(p)
	best := map[string]int{}
	for _, r := range returns {
		if k, ok := order[r.Kind]; ok {
			if cur, seen := best[r.District]; !seen || k > cur {
				best[r.District] = k
			}
		}
	}
	var out []*read.Return
	var unused []problem.Problem
	for _, r := range returns {
		k, known := order[r.Kind]
		b, districtHasKnown := best[r.District]
		switch {
		case known && k == b, !known && !districtHasKnown:
			out = append(out, r)
		case !known:
			d := p.Calendar[b]
			unused = append(unused, problem.Problem{Severity: problem.Warning, Code: problem.CodeSuperseded, File: r.File, Sheet: r.Sheet, District: r.District,
				Message: fmt.Sprintf(i18n.Tr(lang, "Báo cáo không rõ loại này không được dùng: %s đã có báo cáo %s, các xã chỉ tính một lần theo báo cáo đó.",
					"This return of unknown kind is not used: %s sent a %s return, and each commune counts once, from that one."), r.District, d.Label(lang))})
		}
	}
	return out, unused
}

// Holes reports the blank cells (CheckBlanks) of every latest return of each district and
// kind — the review as well as phase 3, since each is a return the district owes — for
// validate and the consolidated workbook's list of problems.
func (prep Prepared) Holes(p *criteria.Plan, lang i18n.Lang) []problem.Problem {
	var out []problem.Problem
	fields := check.NewBlankFields(p)
	for _, r := range prep.Latest {
		out = append(out, fields.Check(p, r, lang)...)
	}
	return out
}

// ProblemsToFix are the problems of file that its sender can fix in it, in the order
// given: all but those about when it came (late-submission, superseded) and the note on
// which registry of communes it was read against (registry-date), which no edit of the file
// changes. They are what validate --annotate marks on the copy sent back.
func ProblemsToFix(problems []problem.Problem, file string) []problem.Problem {
	var out []problem.Problem
	for _, p := range problems {
		if p.File != file || p.Code == problem.CodeLateSubmission || p.Code == problem.CodeSuperseded || p.Code == problem.CodeRegistryDate {
			continue
		}
		out = append(out, p)
	}
	return out
}

// ReturnCopy is the marked copy of one return file that validate --annotate writes for its
// sender: the file, the name of the copy (the file's, with " (2)" and so on when two inputs
// share a name), the problems to mark and the return read from it (its cover and data
// sheet).
type ReturnCopy struct {
	File     string
	Name     string
	Problems []problem.Problem
	Return   *read.Return
}

// Unmarkable is a file with problems to fix that validate --annotate cannot mark, with the
// catalogue key of the message saying what to do instead: "annotate.csv" (a CSV file),
// "annotate.unread" (a file that could not be read).
type Unmarkable struct {
	File string
	Why  string
}

// ReturnCopies chooses, in the order of files, the returns validate --annotate marks: each
// file with problems to fix (ProblemsToFix). A file with such problems that cannot be
// marked, a CSV or a file that could not be read, is in unmarkable with the key of the
// message that says what to do instead.
func ReturnCopies(files []string, returns []*read.Return, problems []problem.Problem) (copies []ReturnCopy, unmarkable []Unmarkable) {
	first := map[string]*read.Return{} // each file's first return: its cover and data sheet
	for _, r := range returns {
		if first[r.File] == nil {
			first[r.File] = r
		}
	}
	names := map[string]int{} // copies by name, for two inputs of the same name
	for _, file := range files {
		toFix := ProblemsToFix(problems, file)
		if len(toFix) == 0 {
			continue
		}
		r := first[file]
		switch {
		case r == nil:
			unmarkable = append(unmarkable, Unmarkable{File: file, Why: "annotate.unread"})
			continue
		case r.Format != "xlsx":
			unmarkable = append(unmarkable, Unmarkable{File: file, Why: "annotate.csv"})
			continue
		}
		base := filepath.Base(file)
		n := names[strings.ToLower(base)] + 1
		names[strings.ToLower(base)] = n
		if n > 1 {
			ext := filepath.Ext(base)
			base = fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(base, ext), n, ext)
		}
		copies = append(copies, ReturnCopy{File: file, Name: base, Problems: toFix, Return: r})
	}
	return copies, unmarkable
}
