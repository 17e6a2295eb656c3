package report

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/check"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/sample"
)

// district returns a return of kind with every commune of district, all figures zero.
func districtReturn(p *criteria.Plan, district, kind string, received time.Time) *read.Return {
	r := &read.Return{File: kind + ".xlsx", District: district, Kind: kind, ReceivedDate: received}
	for _, c := range p.Registry.InDistrict(district) {
		fig := classify.Figures{}
		for _, f := range p.Fields {
			if f.Numeric() {
				fig[f.Key] = 0
			}
		}
		fig["population"] = 5000
		r.Rows = append(r.Rows, read.Row{Commune: c, Figures: fig, Line: 2})
	}
	return r
}

func TestConsolidationSaysWhichDistrictsHaveOlderFiguresOrNone(t *testing.T) {
	p := criteria.Default()
	ds := p.Registry.Districts()
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	// Before the reform of 1 July 2025, when the districts report (after it:
	// TestConsolidationAcrossTheReform).
	in := ConsolidateInput{
		Returns: []*read.Return{
			districtReturn(p, ds[0], "phase1", day(4, 28)),
			districtReturn(p, ds[1], "review", day(2, 21)),
			districtReturn(p, ds[1], "review", day(2, 24)),
		},
		AsOf: day(5, 20), Lang: i18n.Vi,
	}
	c := BuildConsolidation(p, in)
	notes := strings.Join(c.DataNotes, "\n")
	if !strings.Contains(notes, ds[1]+": chưa có báo cáo Giai đoạn 1; phân loại theo báo cáo Rà soát (nhận 24/02/2025).") {
		t.Errorf("no note that %s is classified from its review return:\n%s", ds[1], notes)
	}
	if strings.Contains(notes, ds[0]+":") {
		t.Errorf("%s sent the latest kind and needs no note:\n%s", ds[0], notes)
	}
	if !strings.Contains(notes, ds[2]+": chưa có báo cáo số liệu nào") {
		t.Errorf("no note that %s sent no data return:\n%s", ds[2], notes)
	}
	// The later review of the second district is classified, once per commune.
	n := 0
	for _, r := range c.Classification {
		if r.District == ds[1] {
			n++
			if r.Kind != "review" || r.File != "review.xlsx" {
				t.Errorf("%s classified from %s, want its latest data return (review)", r.Commune, r.Kind)
			}
		}
	}
	if want := len(p.Registry.InDistrict(ds[1])); n != want {
		t.Errorf("%s: %d communes classified, want %d", ds[1], n, want)
	}
}

func TestPrepareCountsEachCommuneOnceFromTheReturnThatCounts(t *testing.T) {
	p := criteria.Default()
	ds := p.Registry.Districts()
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	early := districtReturn(p, ds[1], "phase3", day(12, 5))
	early.File = "early.xlsx"
	later := districtReturn(p, ds[1], "phase3", day(12, 12))
	later.File = "later.xlsx"
	review := districtReturn(p, ds[1], "review", day(2, 20))
	review.File = "review.xlsx"
	kindless := districtReturn(p, ds[1], "", time.Time{})
	kindless.File = "a.csv"

	prep := Prepare(p, []*read.Return{kindless, later, review, early}, nil, time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), i18n.Vi)
	if len(prep.Current) != 1 || prep.Current[0] != later {
		var files []string
		for _, r := range prep.Current {
			files = append(files, r.File)
		}
		t.Fatalf("current returns %v, want only later.xlsx: the latest of the latest kind", files)
	}
	if len(prep.Baseline) != 1 || prep.Baseline[0] != review {
		t.Errorf("baseline %d returns, want the review return", len(prep.Baseline))
	}
	var superseded []string
	for _, pr := range prep.Problems {
		if pr.Code == problem.CodeSuperseded {
			superseded = append(superseded, pr.File)
		}
	}
	if strings.Join(superseded, ",") != "early.xlsx,a.csv" {
		t.Errorf("superseded %v, want early.xlsx (replaced by later.xlsx) and a.csv (a return of unknown kind next to a phase 3 one)", superseded)
	}
	results := ClassifyReturns(p, prep.Current, i18n.Vi)
	if want := len(p.Registry.InDistrict(ds[1])); len(results) != want {
		t.Errorf("%d communes classified, want each of the %d once", len(results), want)
	}
}

func TestPrepareKeepsAReturnOfUnknownKindWhenItIsTheDistrictsOnly(t *testing.T) {
	p := criteria.Default()
	ds := p.Registry.Districts()
	kindless := districtReturn(p, ds[2], "", time.Time{})
	prep := Prepare(p, []*read.Return{kindless}, nil, time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), i18n.Vi)
	if len(prep.Current) != 1 {
		t.Fatalf("current %d returns, want the district's only return", len(prep.Current))
	}
	for _, pr := range prep.Problems {
		if pr.Code == problem.CodeSuperseded {
			t.Errorf("unexpected %+v", pr)
		}
	}
}

func TestPrepareChecksConsistencyOfTheReturnsThatCount(t *testing.T) {
	p := criteria.Default()
	ds := p.Registry.Districts()
	r := districtReturn(p, ds[0], "phase3", time.Date(2025, 12, 10, 0, 0, 0, 0, time.UTC))
	r.Columns = map[string]string{"population": "E", "offenders": "L"}
	r.Rows[0].Figures["population"] = 0
	r.Rows[0].Figures["offenders"] = 1
	prep := Prepare(p, []*read.Return{r}, nil, time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), i18n.Vi)
	rules := map[string]bool{}
	for _, pr := range prep.Problems {
		if pr.Code == problem.CodeInconsistent {
			rules[pr.Rule] = true
		}
	}
	if !rules["population-positive"] || !rules["offenders-le-population"] {
		t.Errorf("rules broken %v, want population-positive and offenders-le-population", rules)
	}
}

func TestCheckBlanksNamesTheHolesOfEachRowOnce(t *testing.T) {
	p := criteria.Default()
	ds := p.Registry.Districts()
	r := districtReturn(p, ds[0], "phase3", time.Date(2025, 12, 10, 0, 0, 0, 0, time.UTC))
	r.Columns = map[string]string{"violations": "M", "on_route": "N", "models": "AG", "population": "E"}
	delete(r.Rows[0].Figures, "violations")
	delete(r.Rows[0].Figures, "on_route")
	r.Rows[0].Line = 7
	delete(r.Rows[1].Figures, "models") // no status: the checklist is not needed
	r.Rows[2].Status = "transformation"
	r.Rows[2].Line = 9
	delete(r.Rows[2].Figures, "models")
	delete(r.Rows[3].Figures, "hotspots") // its column is absent: the reader's missing-column
	got := check.NewBlankFields(p).Check(p, r, i18n.Vi)
	if len(got) != 2 {
		t.Fatalf("%d problems, want 2 (rows 1 and 3): %+v", len(got), got)
	}
	if got[0].Code != problem.CodeMissingValue || got[0].Severity != problem.Warning || got[0].Cell != "M7" ||
		!strings.Contains(got[0].Message, "Vụ vi phạm khác về ma túy; Nằm trên tuyến trọng điểm") {
		t.Errorf("first row: %+v", got[0])
	}
	if got[1].Cell != "AG9" || !strings.Contains(got[1].Message, "Mô hình phòng, chống ma túy hiệu quả") {
		t.Errorf("the commune in transformation without models: %+v", got[1])
	}
}

// TestParallelEvaluationEqualsOneByOne classifies and checks enough communes for the work
// to be split across cores (parallelChunks), and compares every result with classify's
// own functions called one commune at a time.
func TestParallelEvaluationEqualsOneByOne(t *testing.T) {
	p := criteria.Default()
	rets := manyReturns(p)
	results := ClassifyReturns(p, rets, i18n.Vi)
	checks := RecognizeReturns(p, rets, Baselines{}, true, i18n.Vi)
	n := 0
	ex := newExplainer(p, i18n.Vi)
	for _, r := range rets {
		for _, row := range r.Rows {
			want := classify.Classify(p, row.Figures)
			got := results[n]
			if got.Code != row.Commune.Code || got.Category != want.Category || len(got.Reasons) != len(want.Reasons) {
				t.Fatalf("result %d: %s %s, want %s %s", n, got.Code, got.Category, row.Commune.Code, want.Category)
			}
			for j, x := range want.Reasons {
				if !reflect.DeepEqual(got.Reasons[j].Reason, x) || got.Reasons[j].Text != ex.reason(x).Text {
					t.Fatalf("result %d, reason %d: %+v, want %+v", n, j, got.Reasons[j], x)
				}
			}
			wantCheck := classify.Check(p, row.Figures)
			gotCheck := checks[n]
			if gotCheck.Code != row.Commune.Code || gotCheck.Result != wantCheck.Result {
				t.Fatalf("checklist %d: %s %s, want %s %s", n, gotCheck.Code, gotCheck.Result, row.Commune.Code, wantCheck.Result)
			}
			if want := ex.check(wantCheck); !reflect.DeepEqual(gotCheck.Criteria, want) {
				t.Fatalf("checklist %d: %+v, want %+v", n, gotCheck.Criteria, want)
			}
			n++
		}
	}
	if n < 1024 {
		t.Fatalf("only %d communes: the parallel path needs at least 512 per core", n)
	}
}

// manyReturns repeats the sample communes over returns until there are at least 1,200
// rows: enough for the evaluation to be split across cores (parallelChunks).
func manyReturns(p *criteria.Plan) []*read.Return {
	communes := sample.SampleFigures(p, 7)
	var rets []*read.Return
	for len(rets)*len(communes) < 1200 {
		r := &read.Return{File: "r.xlsx", Kind: "phase3"}
		for i, c := range communes {
			r.Rows = append(r.Rows, read.Row{Commune: c.Commune, Status: c.Status, Figures: c.Figures, Line: i + 2})
		}
		rets = append(rets, r)
	}
	return rets
}
