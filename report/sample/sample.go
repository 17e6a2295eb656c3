package sample

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/outfile"
	"drugfree/report/template"
)

// SampleNote marks every sample workbook on its cover.
const SampleNote = "DỮ LIỆU MẪU – số liệu giả định để thử công cụ, không phải số liệu thật (SAMPLE DATA, invented figures)"

// Sample profiles: the category a sample commune is built to reach.
const (
	profType1 = iota
	profType2
	profType3
	profLess
	profFree
	profUndetermined
)

// SampleCommune is one commune's invented figures.
type SampleCommune struct {
	Commune criteria.Commune
	Status  string
	Figures classify.Figures
	// Baseline are the figures of the same commune in the review return, earlier and higher.
	Baseline classify.Figures
}

// SampleFigures invents plausible figures for every commune of the registry, seeded, so
// that every category is reached (undetermined included) and, among the communes in
// transformation or maintained, some pass the checklist, some fail and some lack data.
func SampleFigures(p *criteria.Plan, seed uint64) []SampleCommune {
	return sampleFigures(p.Registry.Communes, seed, false)
}

// sampleFigures invents figures for communes. complete leaves no figure blank: no
// undetermined commune and no checklist column left empty.
func sampleFigures(communes []criteria.Commune, seed uint64, complete bool) []SampleCommune {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]SampleCommune, 0, len(communes))
	for i, c := range communes {
		// A fixed share of each profile, shuffled by the seed.
		prof := []int{profFree, profLess, profLess, profType3, profFree, profLess, profType3, profType2, profLess, profFree, profType1, profUndetermined}[(i*7+int(rng.IntN(3)))%12]
		if complete && prof == profUndetermined {
			prof = profLess
		}
		sc := sampleCommune(rng, c, prof, complete)
		out = append(out, sc)
	}
	return out
}

func sampleCommune(rng *rand.Rand, c criteria.Commune, prof int, complete bool) SampleCommune {
	n := func(lo, hi int) float64 { return float64(lo + rng.IntN(hi-lo+1)) }
	pop := n(4000, 24000)
	f := classify.Figures{
		"population": pop, "addicts_total": 0, "addicts_managed": 0, "users": 0, "hotspots": 0,
		"plants": 0, "plant_area_m2": 0, "offenders": 0, "violations": 0, "on_route": 0,
	}
	switch prof {
	case profLess:
		f["addicts_total"] = n(2, 18)
		f["addicts_managed"] = f["addicts_total"] - n(0, 1)
		f["users"] = n(0, 6)
		f["violations"] = n(0, 2)
		f["on_route"] = n(0, 1)
	case profType3:
		switch rng.IntN(4) {
		case 0:
			f["addicts_total"] = n(25, 62)
			f["addicts_managed"] = min(f["addicts_total"], n(20, 59))
		case 1:
			f["hotspots"] = n(1, 2)
		case 2:
			f["plants"] = n(5, 480)
			f["plant_area_m2"] = float64(n(100, 90000)) / 100
		default:
			f["offenders"] = float64(int(pop)/1000 + 1) // just above 0.1 %
		}
		f["addicts_total"] = max(f["addicts_total"], n(5, 15))
		f["addicts_managed"] = max(f["addicts_managed"], f["addicts_total"]-n(0, 2))
		f["users"] = n(2, 12)
	case profType2:
		if rng.IntN(2) == 0 {
			f["addicts_total"] = n(65, 105)
			f["addicts_managed"] = min(f["addicts_total"], n(60, 99))
		} else {
			f["hotspots"] = n(1, 2)
			f["addicts_total"] = n(10, 30)
			f["addicts_managed"] = f["addicts_total"] - n(0, 3)
			f["on_route"] = 1
		}
		f["users"] = n(5, 20)
		f["offenders"] = n(1, 6)
	case profType1:
		if rng.IntN(2) == 0 {
			f["addicts_total"] = n(105, 160)
			f["addicts_managed"] = f["addicts_total"] - n(0, 5)
		} else {
			f["hotspots"] = n(3, 4)
			f["on_route"] = 1
			f["addicts_total"] = n(30, 50)
			f["addicts_managed"] = f["addicts_total"] - n(0, 4)
		}
		f["users"] = n(10, 30)
		f["offenders"] = n(5, 20)
		f["violations"] = n(1, 5)
	case profUndetermined:
		switch rng.IntN(3) {
		case 0: // a Type III indicator, route left blank: Type II or III
			f["hotspots"] = n(1, 2)
			delete(f, "on_route")
		case 1: // offenders but no population
			f["offenders"] = n(8, 30)
			delete(f, "population")
		default: // nothing reached, but violations left blank: drug-free or less complex
			delete(f, "violations")
		}
	}
	sc := SampleCommune{Commune: c, Figures: f}
	sampleChecklist(rng, &sc, prof, complete)
	return sc
}

// sampleChecklist fills the checklist's columns. Drug-free and less-complex communes are put
// in transformation or maintained; most of them meet every criterion, some miss one, and
// some leave a column blank.
func sampleChecklist(rng *rand.Rand, sc *SampleCommune, prof int, complete bool) {
	f := sc.Figures
	n := func(lo, hi int) float64 { return float64(lo + rng.IntN(hi-lo+1)) }
	get := func(k string) float64 { return f[k] }
	households := n(900, 6000)
	hamlets := n(4, 14)
	postRehab := n(0, 6)
	grounds := n(0, 5)
	f["groups"] = 0
	f["resident_crimes"] = 0
	f["addicts_in_treatment"] = get("addicts_total")
	f["users_managed"] = get("users")
	f["post_rehab"] = postRehab
	f["post_rehab_managed"] = postRehab
	f["managed_tested"] = get("users") + postRehab + n(0, 3)
	f["households"] = households
	f["households_committed"] = households
	f["hamlets"] = hamlets
	f["hamlets_hotline"] = hamlets
	f["user_crimes"] = 0
	f["serious_cases"] = 0
	f["psychosis_incidents"] = 0
	f["grounds_of_use"] = grounds
	f["grounds_tested"] = grounds
	f["models"] = n(1, 3)
	sc.Baseline = classify.Figures{}
	for k, v := range f {
		sc.Baseline[k] = v
	}
	sc.Baseline["addicts_total"] = get("addicts_total") + n(0, 6)
	sc.Baseline["addicts_managed"] = min(sc.Baseline["addicts_total"], get("addicts_managed")+n(0, 4))
	sc.Baseline["users"] = get("users") + n(0, 4)
	sc.Baseline["users_managed"] = sc.Baseline["users"]
	f["addicts_baseline"] = sc.Baseline["addicts_total"]
	f["users_baseline"] = sc.Baseline["users"]

	switch prof {
	case profFree:
		sc.Status = []string{"maintained", "transformation", "maintained", ""}[rng.IntN(4)]
	case profLess:
		sc.Status = []string{"transformation", "transformation", ""}[rng.IntN(3)]
	case profType3:
		sc.Status = []string{"transformation", ""}[rng.IntN(2)]
	}
	if sc.Status == "" {
		// Communes outside the programme keep realistic gaps.
		f["households_committed"] = households - n(0, 200)
		f["hamlets_hotline"] = hamlets - n(0, 2)
		return
	}
	switch rng.IntN(6) {
	case 0: // fails criterion 3: not every household committed
		f["households_committed"] = households - n(1, 120)
	case 1: // fails criterion 2: an addict without treatment, when there are addicts
		if get("addicts_total") > 0 {
			f["addicts_in_treatment"] = get("addicts_total") - 1
		} else {
			f["models"] = 0 // criterion 8
		}
	case 2: // lacks data: models and the hotline column left blank
		if complete {
			break
		}
		delete(f, "models")
		delete(f, "hamlets_hotline")
	}
}

// LaterFigures are the sample figures of the plan's communes formed by the reform of 1 July
// 2025 (none without one): each commune's figures are its former units' (communes, from
// SampleFigures) added up as the tool carries figures across the reform (classify.Aggregate),
// and so is its review baseline. It is in transformation when one of its former units was,
// else maintained when one was. Its return leaves criterion 4's baseline columns blank: a
// commune formed by the reform has no figures of its own from when it entered the
// programme, and the tool takes its former units' review figures added up.
func LaterFigures(p *criteria.Plan, communes []SampleCommune) []SampleCommune {
	if p.Reform == nil {
		return nil
	}
	byCode := make(map[string]SampleCommune, len(communes))
	for _, c := range communes {
		byCode[c.Commune.Code] = c
	}
	var out []SampleCommune
	for _, c := range p.PlanCommunes(&p.Reform.Registry) {
		var now, before []classify.Figures
		status := ""
		for _, o := range p.Predecessors(c.Code) {
			sc := byCode[o.Code]
			now, before = append(now, sc.Figures), append(before, sc.Baseline)
			switch {
			case sc.Status == "transformation":
				status = sc.Status
			case sc.Status == "maintained" && status == "":
				status = sc.Status
			}
		}
		fig := classify.Aggregate(p, now)
		for key := range p.Checklist.Baseline {
			delete(fig, key)
		}
		out = append(out, SampleCommune{Commune: c, Status: status, Figures: fig, Baseline: classify.Aggregate(p, before)})
	}
	return out
}

// SampleReturnSpec builds the canonical return of one district from sample figures.
func SampleReturnSpec(p *criteria.Plan, district, kind, number string, reported, received time.Time, communes []SampleCommune, baseline bool) template.ReturnSpec {
	spec := template.ReturnSpec{
		District: district, Kind: kind, Number: number, ReportDate: reported, ReceivedDate: received,
		Author: "Nguyễn Văn A (mẫu)", Phone: "0294.3.000.000", Note: SampleNote,
	}
	for _, c := range communes {
		if district != "" && c.Commune.Unit() != district {
			continue
		}
		fig := c.Figures
		if baseline {
			fig = c.Baseline
		}
		spec.Rows = append(spec.Rows, template.ReturnRow{Commune: c.Commune, Status: c.Status, Figures: fig})
	}
	return spec
}

// SampleFileName returns a file name for a district's return of kind, without diacritics.
func SampleFileName(kind, district string) string {
	return fmt.Sprintf("%s-%s.xlsx", kind, slug(district))
}

// slug writes s in lower case ASCII with dashes, for file names.
func slug(s string) string {
	var b []rune
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.Is(unicode.Mn, r):
			continue
		}
		r = unicode.ToLower(r)
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b = append(b, r)
			dash = false
		} else if !dash && len(b) > 0 {
			b = append(b, '-')
			dash = true
		}
	}
	return strings.TrimSuffix(string(b), "-")
}

// SampleFile is one file of a sample set, written by WriteSampleSet.
type SampleFile struct {
	Name string
	Spec *template.ReturnSpec // nil for the register
}

// SampleSet describes the sample data shipped in testdata/: one workbook with all the
// province's communes (the nine districts' phase 1, April 2025), and a round of returns of
// the year with a register of documents. The review comes from the districts (February);
// the implementation plans and phase 1 from the districts, in the register; after the
// reform of 1 July 2025 each commune formed by it sends its own phase 2 (in the register)
// and phase 3 return (December), and the plan's bodies their documents. Among the
// communes' phase 3 returns one is late, one was never sent, one was sent on the old
// template, listing its former units instead of itself, and one was replaced by a
// corrected one.
func SampleSet(p *criteria.Plan, seed uint64) (all template.ReturnSpec, files []SampleFile, register [][]string) {
	communes := SampleFigures(p, seed)
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	all = SampleReturnSpec(p, "", "phase1", "120/BC-CAT-MAU", day(4, 28), day(4, 29), communes, false)

	districts := p.Registry.Districts()
	for i, d := range districts {
		num := fmt.Sprintf("%02d/BC-CAH-MAU", 10+i)
		// Review (the baseline): all sent; the second district two days late.
		recv := day(2, 20+i%5)
		if i == 1 {
			recv = day(2, 28)
		}
		review := SampleReturnSpec(p, d, "review", num, recv.AddDate(0, 0, -1), recv, communes, true)
		files = append(files, SampleFile{Name: "review/" + SampleFileName("review", d), Spec: &review})
	}

	// Phase 3, from the communes formed by the reform: see the scenario above.
	later := LaterFigures(p, communes)
	for i, c := range later {
		unit := c.Commune.Unit()
		num := fmt.Sprintf("%02d/BC-CAX-MAU", 100+i)
		recv := day(12, 8+i%5)
		switch i {
		case 2: // late by 3 days
			recv = day(12, 16)
		case 3: // the old template: its former units listed instead of itself
			s := SampleReturnSpec(p, unit, "phase3", num, recv.AddDate(0, 0, -1), recv, nil, false)
			for _, o := range p.Predecessors(c.Commune.Code) {
				for _, sc := range communes {
					if sc.Commune.Code == o.Code {
						o.District, o.DistrictCode = "", "" // its own template has no district column
						s.Rows = append(s.Rows, template.ReturnRow{Commune: o, Status: sc.Status, Figures: sc.Figures})
					}
				}
			}
			files = append(files, SampleFile{Name: "phase3/" + SampleFileName("phase3", unit), Spec: &s})
			continue
		case 4: // an early return, replaced by a corrected one
			early := SampleReturnSpec(p, unit, "phase3", num, day(12, 4), day(12, 5), later, false)
			early.Rows[0].Figures = copyFigures(early.Rows[0].Figures)
			early.Rows[0].Figures["addicts_managed"] = early.Rows[0].Figures["addicts_total"] + 3
			files = append(files, SampleFile{Name: "phase3/" + SampleFileName("phase3", unit), Spec: &early})
			fixed := SampleReturnSpec(p, unit, "phase3", num+"-BS", day(12, 11), day(12, 12), later, false)
			files = append(files, SampleFile{Name: "phase3/" + SampleFileName("phase3", unit+" bo sung"), Spec: &fixed})
			continue
		case 6: // sent nothing
			continue
		}
		phase3 := SampleReturnSpec(p, unit, "phase3", num, recv.AddDate(0, 0, -1), recv, later, false)
		files = append(files, SampleFile{Name: "phase3/" + SampleFileName("phase3", unit), Spec: &phase3})
	}

	// The clerk's register of documents that are not data workbooks.
	register = [][]string{{"Đơn vị", "Loại báo cáo", "Số văn bản", "Ngày báo cáo", "Ngày nhận"}}
	for i, d := range districts {
		switch i {
		case 5: // no implementation plan received
		case 7: // the plan four days late
			register = append(register, []string{d, "Kế hoạch", fmt.Sprintf("%02d/KH-MAU", 30+i), "02/04/2025", "03/04/2025"})
		default:
			register = append(register, []string{d, "Kế hoạch", fmt.Sprintf("%02d/KH-MAU", 30+i), fmt.Sprintf("%02d/03/2025", 20+i), fmt.Sprintf("%02d/03/2025", 21+i)})
		}
		register = append(register, []string{d, "Giai đoạn 1", fmt.Sprintf("%02d/BC-GD1-MAU", 50+i), "28/04/2025", "29/04/2025"})
	}
	for i, c := range later {
		recv := "30/10/2025"
		if i == 2 { // five days late
			recv = "05/11/2025"
		}
		register = append(register, []string{c.Commune.Unit(), "Giai đoạn 2", fmt.Sprintf("%02d/BC-GD2-MAU", 100+i), "29/10/2025", recv})
	}
	// The bodies of section IV: their plans and reports. One sent its phase 3 report late,
	// one sent nothing after phase 1.
	bodies := 0
	for _, s := range p.Senders {
		if s.Units != "" {
			continue
		}
		for _, dl := range p.Calendar {
			if !s.Owes(dl.Kind) || bodies == 6 && (dl.Kind == "phase2" || dl.Kind == "phase3") {
				continue
			}
			reported, received := dl.Due.AddDate(0, 0, -3), dl.Due.AddDate(0, 0, -2)
			if bodies == 3 && dl.Kind == "phase3" {
				reported, received = dl.Due.AddDate(0, 0, 2), dl.Due.AddDate(0, 0, 4)
			}
			register = append(register, []string{s.Name, dl.Vi, fmt.Sprintf("%02d/BC-%s-MAU", 80+bodies, strings.ToUpper(dl.Kind)),
				reported.Format("02/01/2006"), received.Format("02/01/2006")})
		}
		bodies++
	}
	return all, files, register
}

func copyFigures(f classify.Figures) classify.Figures {
	out := classify.Figures{}
	for k, v := range f {
		out[k] = v
	}
	return out
}

// OfficialDir is where WriteSampleSet writes the official returns (OfficialSet).
const OfficialDir = "official"

// WriteSampleSet writes the sample set under dir: districts.xlsx, returns/review/*.xlsx,
// returns/phase3/*.xlsx, returns/register.csv, and official/*.xlsx, the same figures
// laid out as offices send them (OfficialSet). It returns the paths written.
func WriteSampleSet(dir string, p *criteria.Plan, seed uint64, force bool) ([]string, error) {
	all, files, register := SampleSet(p, seed)
	jobs := []job{{filepath.Join(dir, "districts.xlsx"), func(w io.Writer) error { return template.WriteReturn(w, p, all) }}}
	for _, f := range files {
		spec := f.Spec
		jobs = append(jobs, job{filepath.Join(dir, "returns", f.Name), func(w io.Writer) error { return template.WriteReturn(w, p, *spec) }})
	}
	for _, o := range OfficialSet(p, seed) {
		o := o
		jobs = append(jobs, job{filepath.Join(dir, OfficialDir, o.Name), func(w io.Writer) error { return WriteOfficial(w, p, o) }})
	}
	jobs = append(jobs, job{filepath.Join(dir, "returns", "register.csv"), func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(register); err != nil {
			return err
		}
		return cw.Error()
	}})
	return writeJobs(jobs, force)
}

// job is one file of a sample: where, and what writes it.
type job struct {
	path  string
	write func(io.Writer) error
}

// writeJobs writes every job's file, refusing before writing anything, so that a refusal
// leaves no half set behind; it returns the files written.
func writeJobs(jobs []job, force bool) ([]string, error) {
	for _, j := range jobs {
		if err := outfile.CheckOutput(j.path, nil, force); err != nil {
			return nil, err
		}
	}
	var written []string
	for _, j := range jobs {
		if err := os.MkdirAll(filepath.Dir(j.path), 0o755); err != nil {
			return written, err
		}
		if err := outfile.WriteFileAtomic(j.path, nil, force, j.write); err != nil {
			return written, err
		}
		written = append(written, j.path)
	}
	return written, nil
}
