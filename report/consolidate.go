package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/check"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// Consolidation is everything the provincial workbook shows. BuildConsolidation fills it
// from the returns read; WriteConsolidation lays it out.
type Consolidation struct {
	Plan *criteria.Plan
	Lang i18n.Lang
	// AsOf is the day timeliness is judged on; Generated the time of the run.
	AsOf      time.Time
	Generated time.Time
	// Version is the tool's version.
	Version string

	// Inputs are the files given, in order, with what was read from each.
	Inputs []InputFile
	// Classification is the latest data return's category of every commune read.
	Classification []CommuneResult
	// Recognition is the checklist of every commune in transformation or maintained.
	Recognition []RecognitionResult
	Progress    classify.Progress
	// Movement counts communes by baseline category (rows) and latest category (columns);
	// MovementFrom names where the baseline came from ("" when there is none).
	// MovementAggregated counts the communes formed by the reform of 1 July 2025 whose
	// baseline is their former units' figures added up and classified as one unit.
	Movement           map[string]map[string]int
	MovementFrom       string
	MovementAggregated int
	// DataNotes say which districts are classified from older figures than the others,
	// or not at all, so that the totals are not read as more current than they are.
	DataNotes []string
	// Timeliness is every district × kind.
	Timeliness []classify.SubmissionStatus
	// Problems are all the problems found, sorted for a clerk.
	Problems []problem.Problem
}

// InputFile is one input with its digest and what was read from it.
type InputFile struct {
	Path     string
	SHA256   string
	Role     string // "return", "baseline" or "register"
	Returns  []InputReturn
	Problems int
}

// InputReturn is one return found in an input file.
type InputReturn struct {
	District     string
	Kind         string
	Number       string
	ReportDate   time.Time
	ReceivedDate time.Time
	Rows         int
	// Used is false when a later return of the same district and kind superseded it.
	Used bool
}

// ConsolidateInput is what BuildConsolidation works from.
type ConsolidateInput struct {
	Files    []string
	Returns  []*read.Return
	Baseline []*read.Return // from --baseline; nil to take review returns as the baseline
	BaseFile string
	Register []classify.Submission
	RegFile  string
	Problems []problem.Problem
	// Kinds are the kinds whose timeliness is judged (GivenKinds); nil: every kind.
	Kinds   Kinds
	AsOf    time.Time
	Now     time.Time
	Version string
	Lang    i18n.Lang
}

// BuildConsolidation computes the provincial picture: the latest return of each district
// for each kind is used and the earlier ones are listed as superseded; the classification
// uses each commune's latest data return; the movement runs from the baseline (the review
// returns, or --baseline) to that latest return.
func BuildConsolidation(p *criteria.Plan, in ConsolidateInput) *Consolidation {
	lang := in.Lang
	c := &Consolidation{Plan: p, Lang: lang, AsOf: in.AsOf, Generated: in.Now, Version: in.Version}
	units := newUnitCommunes(p) // for the completeness and the notes
	prep := prepare(p, in.Returns, in.Problems, units, in.AsOf, lang)
	problems := append(prep.Problems, prep.Holes(p, lang)...)
	latest, current := prep.Latest, prep.Current
	c.Classification = ClassifyReturns(p, current, lang)
	c.DataNotes = dataNotes(p, current, latest, kindOrder(p), units, in.AsOf, lang)

	// Baseline for the movement and criterion 4: --baseline, else the review returns.
	base := in.Baseline
	c.MovementFrom = in.BaseFile
	if base == nil && len(prep.Baseline) > 0 {
		base, c.MovementFrom = prep.Baseline, "review"
	}
	baselines := NewBaselines(p, base)
	if len(base) > 0 {
		c.Movement, c.MovementAggregated = movement(p, baselines, c.Classification)
	}
	// The checklist, with criterion 4's baseline from the same returns where a commune's
	// own return lacks the baseline columns.
	c.Recognition = recognizeReturns(p, current, baselines, false, c.Classification, lang)
	c.Progress = TargetProgress(p, c.Recognition, in.AsOf)

	// Timeliness from the returns and the register.
	var late []problem.Problem
	c.Timeliness, late = Timeliness(p, in.Returns, in.Register, in.Kinds, in.AsOf, lang)
	problems = append(problems, late...)

	problem.SortProblems(problems)
	c.Problems = problems
	c.Inputs = inputFiles(in, latest, problems)
	return c
}

// movement counts communes by their baseline and current categories. The baseline of a
// commune formed by the reform of 1 July 2025 that no baseline return lists is its former
// units' figures added up, classified as one unit (Baselines.For); aggregated counts them.
func movement(p *criteria.Plan, base Baselines, now []CommuneResult) (m map[string]map[string]int, aggregated int) {
	ev := classify.NewEvaluator(p)
	m = map[string]map[string]int{}
	for _, r := range now {
		from := "" // no baseline for this commune
		if b, ok := base.For(r.registry, criteria.Commune{Code: r.Code}); ok {
			from = ev.Classify(b.figures).Category
			if len(b.of) > 0 {
				aggregated++
			}
		}
		if m[from] == nil {
			m[from] = map[string]int{}
		}
		m[from][r.Category]++
	}
	return m, aggregated
}

// inputFiles lists the inputs with what was read from each and how many of problems
// (all of them: reading, consistency, completeness, timeliness) point at each.
func inputFiles(in ConsolidateInput, latest []*read.Return, problems []problem.Problem) []InputFile {
	used := map[*read.Return]bool{}
	for _, r := range latest {
		used[r] = true
	}
	byFile := map[string]*InputFile{}
	var out []*InputFile
	add := func(path, role string) *InputFile {
		if f, ok := byFile[path]; ok {
			return f
		}
		f := &InputFile{Path: path, Role: role}
		byFile[path] = f
		out = append(out, f)
		return f
	}
	for _, path := range in.Files {
		add(path, "return")
	}
	if in.BaseFile != "" {
		add(in.BaseFile, "baseline")
	}
	if in.RegFile != "" {
		add(in.RegFile, "register")
	}
	for _, r := range append(append([]*read.Return{}, in.Returns...), in.Baseline...) {
		f := add(r.File, "return")
		if f.SHA256 == "" {
			f.SHA256 = r.SHA256
		}
		f.Returns = append(f.Returns, InputReturn{District: r.District, Kind: r.Kind, Number: r.Number,
			ReportDate: r.ReportDate, ReceivedDate: r.ReceivedDate, Rows: len(r.Rows), Used: used[r] || f.Role == "baseline"})
	}
	for _, p := range problems {
		if f, ok := byFile[problemFile(p.File)]; ok {
			f.Problems++
		}
	}
	res := make([]InputFile, len(out))
	for i, f := range out {
		if f.SHA256 == "" {
			f.SHA256 = FileSHA256(f.Path) // a file that could not be read is still listed
		}
		res[i] = *f
	}
	return res
}

// problemFile returns the file a problem's File names: register problems give
// "register.csv:10", the file and its line.
func problemFile(file string) string {
	if i := strings.LastIndexByte(file, ':'); i > 0 {
		if _, err := strconv.Atoi(file[i+1:]); err == nil {
			return file[:i]
		}
	}
	return file
}

// FileSHA256 returns the hex SHA-256 of the file at path, or "" if it cannot be read.
func FileSHA256(path string) string {
	fh, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// dataNotes names the reporting units whose latest data return is of an earlier kind than
// the latest kind any unit sent, and those that sent no data return at all: the districts,
// or as of a day after the reform of 1 July 2025 the plan's communes in force (laterNotes).
// units are the registries' communes by reporting unit (newUnitCommunes).
func dataNotes(p *criteria.Plan, current, latest []*read.Return, order map[string]int, units unitCommunes, asOf time.Time, lang i18n.Lang) []string {
	if reg := p.RegistryOn(asOf); p.Later(reg) {
		return laterNotes(p, reg, current, latest, order, lang)
	}
	communes := units.districts()
	latestKind, newest := -1, ""
	byDistrict := map[string]*read.Return{}
	for _, r := range current {
		k, ok := order[r.Kind]
		if !ok || r.District == "" {
			continue
		}
		if k > latestKind {
			latestKind, newest = k, r.Kind
		}
		byDistrict[r.District] = r
	}
	if latestKind < 0 {
		return nil
	}
	label := func(kind string) string {
		d, _ := p.Deadline(kind)
		return d.Label(lang)
	}
	var notes []string
	for _, d := range p.Registry.Districts() {
		r, ok := byDistrict[d]
		switch {
		case !ok:
			notes = append(notes, fmt.Sprintf(i18n.Tr(lang, "%s: chưa có báo cáo số liệu nào; %d xã chưa được phân loại.", "%s: no data return at all; %d communes are not classified."), d, len(communes[d])))
		case order[r.Kind] < latestKind:
			notes = append(notes, fmt.Sprintf(i18n.Tr(lang, "%s: chưa có báo cáo %s; phân loại theo báo cáo %s (%s).", "%s: no %s return yet; classified from its %s return (%s)."),
				d, label(newest), label(r.Kind), check.SubmittedPhrase(r, lang)))
		}
	}
	return notes
}

// laterNotes are dataNotes as of a day when reg, a reform's registry, is in force: for each
// of the plan's communes in it, in the order of the deadlines, what its figures are when
// they are not the newest kind of return: an earlier kind of its own; none since the
// reform, its former units' being in the districts' latest data returns before it (the
// current picture when no commune has reported yet, the baseline otherwise); or none.
func laterNotes(p *criteria.Plan, reg *criteria.Registry, current, latest []*read.Return, order map[string]int, lang i18n.Lang) []string {
	latestKind, newest := -1, ""
	own := map[string]*read.Return{}      // commune code → its current return
	formerly := map[string]*read.Return{} // code of the plan's registry → its latest data return
	for _, r := range current {
		k, ok := order[r.Kind]
		if !ok {
			continue
		}
		if k > latestKind {
			latestKind, newest = k, r.Kind
		}
		if r.Registry == reg {
			for _, row := range r.Rows {
				own[row.Commune.Code] = r
			}
		}
	}
	for _, r := range latest {
		k, ok := order[r.Kind]
		if !ok || r.Registry == reg {
			continue
		}
		if d, _ := p.Deadline(r.Kind); !d.Data {
			continue
		}
		for _, row := range r.Rows {
			if prev, seen := formerly[row.Commune.Code]; !seen || order[prev.Kind] < k {
				formerly[row.Commune.Code] = r
			}
		}
	}
	figuresOf := i18n.Tr(lang, "số liệu trước đó của %d đơn vị cũ của xã (%s): báo cáo %s.", "the earlier figures of %d of its former units (%s): the %s return.")
	if len(own) == 0 {
		figuresOf = i18n.Tr(lang, "%d đơn vị cũ của xã (%s) được phân loại riêng theo báo cáo %s.", "%d of its former units (%s) are classified on their own from the %s return.")
	}
	if latestKind < 0 {
		return nil
	}
	label := func(kind string) string {
		d, _ := p.Deadline(kind)
		return d.Label(lang)
	}
	since := i18n.ClerkDate(reg.Effective.Time, lang)
	var notes []string
	for _, o := range p.Obligations() {
		if o.Group == "" {
			continue
		}
		var c criteria.Commune
		for _, x := range p.PlanCommunes(reg) {
			if x.Unit() == o.Sender {
				c = x
			}
		}
		if r, ok := own[c.Code]; ok {
			if order[r.Kind] < latestKind {
				notes = append(notes, fmt.Sprintf(i18n.Tr(lang, "%s: chưa có báo cáo %s; phân loại theo báo cáo %s (%s).", "%s: no %s return yet; classified from its %s return (%s)."),
					o.Sender, label(newest), label(r.Kind), check.SubmittedPhrase(r, lang)))
			}
			continue
		}
		var names, from []string
		for _, f := range p.Predecessors(c.Code) {
			if r, ok := formerly[f.Code]; ok {
				names = append(names, f.FullName())
				if src := fmt.Sprintf("%s %s (%s)", label(r.Kind), r.District, check.SubmittedPhrase(r, lang)); !contains(from, src) {
					from = append(from, src)
				}
			}
		}
		if len(names) == 0 {
			notes = append(notes, fmt.Sprintf(i18n.Tr(lang, "%s: chưa có báo cáo số liệu nào từ ngày %s; chưa được phân loại.", "%s: no data return since %s; not classified."), o.Sender, since))
			continue
		}
		notes = append(notes, fmt.Sprintf(i18n.Tr(lang, "%s: chưa có báo cáo số liệu nào từ ngày %s; ", "%s: no data return since %s; ")+figuresOf,
			o.Sender, since, len(names), strings.Join(names, ", "), strings.Join(from, "; ")))
	}
	return notes
}
