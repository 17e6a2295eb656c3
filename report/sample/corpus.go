package sample

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"drugfree/criteria"
	"drugfree/report/outfile"
	"drugfree/report/template"
)

// CorpusOptions describe a synthetic national corpus: one canonical phase 3 return per
// district, for benchmarks and demonstrations at the scale of the Ministry's round.
type CorpusOptions struct {
	// Districts is the number of districts (and returns); Communes the mean number of
	// communes per district (each district has between Communes-2 and Communes+2).
	Districts int
	Communes  int
	Seed      uint64
	Force     bool
	// Workers is how many returns are written at once; 0 means runtime.GOMAXPROCS.
	Workers int
}

// Corpus file names, under the corpus directory.
const (
	CorpusRegistry = "registry.csv" // the communes, for --registry
	CorpusRegister = "register.csv" // the earlier documents, for --register
	CorpusReturns  = "returns"      // the returns, one per district
)

// corpusSyllables make the invented place names: every pair is a distinct name once
// diacritics are folded, and none is a type word (huyện, thị xã, thành phố, xã…).
var corpusSyllables = []string{
	"An", "Bình", "Châu", "Đông", "Hòa", "Hưng", "Khánh", "Lộc", "Long", "Mỹ",
	"Nghĩa", "Ninh", "Phú", "Phước", "Quang", "Sơn", "Tân", "Thạnh", "Thuận", "Tiến",
	"Trung", "Vĩnh", "Xuân", "Yên", "Đức", "Hiệp", "Lợi", "Thắng", "Lạc", "Hải",
	"Giang", "Bắc", "Nam", "Tây", "Hậu", "Kiên", "Lâm", "Minh", "Phong", "Tường",
}

// CorpusRegistryFor invents the registry of a corpus: districts named "Huyện X Y" (three
// syllables past the pairs), each with a "thị trấn" and "xã" whose names recur across
// districts as real ones do. Codes are unique; the same options give the same registry.
func CorpusRegistryFor(opt CorpusOptions) criteria.Registry {
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5851f42d4c957f2d))
	var pairs []string
	for _, a := range corpusSyllables {
		for _, b := range corpusSyllables {
			if a != b {
				pairs = append(pairs, a+" "+b)
			}
		}
	}
	names := append([]string{}, pairs...)
	rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	for i := 0; len(names) < opt.Districts; i++ {
		names = append(names, pairs[i%len(pairs)]+" "+corpusSyllables[(i/len(pairs)+i)%len(corpusSyllables)])
	}
	per := max(opt.Communes, 1)
	var reg criteria.Registry
	code := 10000
	for d := range opt.Districts {
		district := "Huyện " + names[d]
		dcode := strconv.Itoa(100 + d)
		n := max(per-2+rng.IntN(5), 1)
		if per < 3 {
			n = per
		}
		for c, k := range rng.Perm(len(pairs))[:n] {
			code++
			typ, name := "xã", pairs[k]
			if c == 0 {
				typ = "thị trấn"
			}
			reg.Communes = append(reg.Communes, criteria.Commune{DistrictCode: dcode, District: district, Code: strconv.Itoa(code), Name: name, Type: typ})
		}
	}
	return reg
}

// WriteRegistryCSV writes a registry in the columns ParseRegistryCSV reads.
func WriteRegistryCSV(w io.Writer, reg criteria.Registry) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(registryHeader)
	for _, c := range reg.Communes {
		_ = cw.Write([]string{c.DistrictCode, c.District, c.Code, c.Name, c.Type})
	}
	cw.Flush()
	return cw.Error()
}

var registryHeader = []string{"district_code", "district", "commune_code", "commune", "type"}

// CorpusSpecs returns the returns of a corpus: for each district of reg, in order, a
// complete and consistent phase 3 return sent on time, with invented figures.
func CorpusSpecs(p *criteria.Plan, reg criteria.Registry, seed uint64) []template.ReturnSpec {
	figures := sampleFigures(reg.Communes, seed, true)
	day := func(d int) time.Time { return time.Date(2025, 12, d, 0, 0, 0, 0, time.UTC) }
	var specs []template.ReturnSpec
	for i := 0; i < len(figures); {
		d := figures[i].Commune.District
		n := len(specs)
		spec := template.ReturnSpec{
			District: d, Kind: "phase3", Number: fmt.Sprintf("%d/BC-CAH-MAU", 10+n),
			ReportDate: day(8 + n%4), ReceivedDate: day(9 + n%4),
			Author: "Nguyễn Văn A (mẫu)", Phone: "0294.3.000.000", Note: SampleNote,
		}
		for ; i < len(figures) && figures[i].Commune.District == d; i++ {
			c := figures[i]
			spec.Rows = append(spec.Rows, template.ReturnRow{Commune: c.Commune, Status: c.Status, Figures: c.Figures})
		}
		specs = append(specs, spec)
	}
	return specs
}

// corpusRegister lists every district's earlier documents, all on time, so that the
// corpus's timeliness is clean as of the phase 3 deadline.
func corpusRegister(p *criteria.Plan, districts []string) [][]string {
	out := [][]string{{"Đơn vị", "Loại báo cáo", "Số văn bản", "Ngày báo cáo", "Ngày nhận"}}
	for i, d := range districts {
		for _, dl := range p.Calendar {
			if dl.Kind == "phase3" {
				continue
			}
			due := dl.Due.Time
			out = append(out, []string{d, dl.Vi, fmt.Sprintf("%d/%s-MAU", 10+i, dl.Kind),
				due.AddDate(0, 0, -3).Format("02/01/2006"), due.AddDate(0, 0, -2).Format("02/01/2006")})
		}
	}
	// The bodies of the plan's senders send their documents on time too.
	for i, s := range p.Senders {
		if s.Units != "" {
			continue
		}
		for _, dl := range p.Calendar {
			if !s.Owes(dl.Kind) {
				continue
			}
			due := dl.Due.Time
			out = append(out, []string{s.Name, dl.Vi, fmt.Sprintf("%d/%s-SO-MAU", 10+i, dl.Kind),
				due.AddDate(0, 0, -3).Format("02/01/2006"), due.AddDate(0, 0, -2).Format("02/01/2006")})
		}
	}
	return out
}

// WriteCorpus writes a synthetic national corpus under dir: registry.csv (for
// --registry), register.csv (the earlier documents, for --register) and returns/ with
// one phase 3 return per district. It returns the paths of the returns written, in
// district order. The same options give the same CSV files byte for byte and the same
// cells in every workbook.
func WriteCorpus(dir string, p *criteria.Plan, opt CorpusOptions) ([]string, error) {
	if opt.Districts < 1 || opt.Communes < 1 {
		return nil, fmt.Errorf("a corpus needs at least one district and one commune per district")
	}
	reg := CorpusRegistryFor(opt)
	specs := CorpusSpecs(p, reg, opt.Seed)
	// Refuse before writing anything, so that a refusal leaves no half corpus behind.
	targets := []string{filepath.Join(dir, CorpusRegistry), filepath.Join(dir, CorpusRegister)}
	for _, s := range specs {
		targets = append(targets, filepath.Join(dir, CorpusReturns, SampleFileName("phase3", s.District)))
	}
	returns := targets[2:]
	for _, t := range targets {
		if err := outfile.CheckOutput(t, nil, opt.Force); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, CorpusReturns), 0o755); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := WriteRegistryCSV(&buf, reg); err != nil {
		return nil, err
	}
	if err := outfile.WriteFileAtomic(filepath.Join(dir, CorpusRegistry), nil, opt.Force, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		return nil, err
	}
	if err := outfile.WriteFileAtomic(filepath.Join(dir, CorpusRegister), nil, opt.Force, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(corpusRegister(p, reg.Districts())); err != nil {
			return err
		}
		return cw.Error()
	}); err != nil {
		return nil, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, len(specs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(specs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				errs[i] = outfile.WriteFileAtomic(returns[i], nil, opt.Force, func(w io.Writer) error { return template.WriteReturn(w, p, specs[i]) })
			}
		}()
	}
	for i := range specs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return returns, nil
}
