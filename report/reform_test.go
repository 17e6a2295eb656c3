package report

import (
	"drugfree/i18n"
	"strings"
	"testing"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/read"
)

// Issue 15: across the reform of 1 July 2025. The review comes from the districts, phase 3
// from the communes formed by the reform (returns read against their registries).

func reformDay(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }

// communeReturn is the return of the commune code of the reform's registry, one row.
func communeReturn(p *criteria.Plan, code, kind string, received time.Time, fig classify.Figures, status string) *read.Return {
	c, _ := p.Reform.Registry.ByCode(code)
	return &read.Return{File: "phase3-" + code + ".xlsx", District: c.Unit(), Kind: kind, ReceivedDate: received, Registry: &p.Reform.Registry,
		Rows: []read.Row{{Commune: c, Figures: fig, Status: status, Line: 2}}}
}

// reviewOf is a review of district in the plan's registry, each commune's figures by fig.
func reviewOf(p *criteria.Plan, district string, fig func(criteria.Commune) classify.Figures) *read.Return {
	r := &read.Return{File: "review-" + district + ".xlsx", District: district, Kind: "review", ReceivedDate: reformDay(2, 20), Registry: &p.Registry}
	for _, c := range p.Registry.InDistrict(district) {
		r.Rows = append(r.Rows, read.Row{Commune: c, Figures: fig(c), Line: 2})
	}
	return r
}

// zeros are figures of a drug-free commune of population pop, every checklist figure met.
func zeros(p *criteria.Plan, pop float64) classify.Figures {
	f := classify.Figures{}
	for _, fd := range p.Fields {
		if fd.Numeric() {
			f[fd.Key] = 0
		}
	}
	f["population"], f["households"], f["households_committed"], f["hamlets"], f["hamlets_hotline"], f["models"] = pop, 100, 100, 5, 5, 1
	return f
}

func TestBaselinesAcrossTheReform(t *testing.T) {
	p := criteria.Default()
	// Thành phố Trà Vinh's review: Phường 1, 3 and 9 (now phường Trà Vinh) with 10, 20 and
	// 30 addicts; Phường 9 off the route, Phường 3 on it.
	review := reviewOf(p, "Thành phố Trà Vinh", func(c criteria.Commune) classify.Figures {
		f := zeros(p, 1000)
		switch c.Code {
		case "29239":
			f["addicts_total"] = 10
		case "29242":
			f["addicts_total"], f["on_route"] = 20, 1
		case "29260":
			f["addicts_total"] = 30
			delete(f, "users") // unknown
		}
		return f
	})
	b := NewBaselines(p, []*read.Return{review})
	tv, _ := p.Reform.Registry.ByCode("29242")
	got, ok := b.For(&p.Reform.Registry, tv)
	if !ok {
		t.Fatal("no baseline for phường Trà Vinh")
	}
	if got.figures["addicts_total"] != 60 || got.figures["population"] != 3000 || got.figures["on_route"] != 1 {
		t.Errorf("aggregated %v: want 60 addicts, 3000 people, on the route", got.figures)
	}
	if _, known := got.figures["users"]; known {
		t.Error("users is unknown in one former unit, so in the sum")
	}
	if strings.Join(got.of, ", ") != "Phường 1, Phường 3, Phường 9" || got.file != review.File {
		t.Errorf("labelled %v from %q", got.of, got.file)
	}
	// The same code read against the plan's registry is Phường 3 alone.
	if old, ok := b.For(&p.Registry, criteria.Commune{Code: "29242"}); !ok || old.figures["addicts_total"] != 20 || len(old.of) != 0 {
		t.Errorf("29242 before the reform: %v %v", old, ok)
	}
	// Phường Nguyệt Hoá takes Nguyệt Hóa from Châu Thành, whose review is missing: every
	// sum is unknown.
	nh, _ := p.Reform.Registry.ByCode("29254")
	if got, ok := b.For(&p.Reform.Registry, nh); !ok || len(got.figures) != 0 {
		t.Errorf("a former unit without a review leaves the sums unknown: %v %v", got.figures, ok)
	}
	// A commune none of whose former units has a review has no baseline.
	ck, _ := p.Reform.Registry.ByCode("29308")
	if _, ok := b.For(&p.Reform.Registry, ck); ok {
		t.Error("xã Cầu Kè has a baseline without any review of its former units")
	}
}

func TestConsolidationAcrossTheReform(t *testing.T) {
	p := criteria.Default()
	review := reviewOf(p, "Thành phố Trà Vinh", func(c criteria.Commune) classify.Figures {
		f := zeros(p, 5000)
		f["addicts_total"], f["addicts_managed"], f["addicts_in_treatment"] = 8, 8, 8 // less complex each
		return f
	})
	// Phường Trà Vinh (Phường 1, 3, 9: 8 addicts each then, 24 together: type III as one
	// unit, where each alone was less complex) sends phase 3 with 12 addicts and no baseline
	// columns: criterion 4 from the aggregated baseline passes, and it moves from type III
	// to less complex.
	now := zeros(p, 15000)
	now["addicts_total"], now["addicts_managed"], now["addicts_in_treatment"] = 12, 12, 12
	delete(now, "addicts_baseline")
	delete(now, "users_baseline")
	tv := communeReturn(p, "29242", "phase3", reformDay(12, 10), now, "transformation")
	// Phường Long Đức (Phường 4 of the city, xã Long Đức) sends nothing: Phường 4 stays
	// classified from the review, as a former unit.
	in := ConsolidateInput{Returns: []*read.Return{review, tv}, AsOf: reformDay(12, 20), Lang: i18n.Vi}
	c := BuildConsolidation(p, in)

	// Once a commune formed by the reform has reported, the picture is in the communes in
	// force: the city's review is the baseline, not classified again.
	var codes []string
	for _, r := range c.Classification {
		codes = append(codes, r.Code+" "+r.Kind)
	}
	if strings.Join(codes, " ") != "29242 phase3" {
		t.Errorf("classified %v, want phường Trà Vinh's phase 3 alone", codes)
	}
	for _, r := range c.Classification {
		if r.Code == "29242" && (r.District != "" || r.FormerDistrict != "Thành phố Trà Vinh") {
			t.Errorf("phường Trà Vinh in district %q, former %q", r.District, r.FormerDistrict)
		}
	}

	// Criterion 4 from the aggregated baseline.
	if len(c.Recognition) != 1 {
		t.Fatalf("%d recognition results, want phường Trà Vinh's", len(c.Recognition))
	}
	rec := c.Recognition[0]
	if strings.Join(rec.BaselineOf, ", ") != "Phường 1, Phường 3, Phường 9" || rec.Result != classify.Pass {
		t.Errorf("phường Trà Vinh: baseline of %v, %s", rec.BaselineOf, rec.Result)
	}
	for _, cr := range rec.Criteria {
		var texts []string
		for _, c := range cr.Conditions {
			texts = append(texts, c.Text)
		}
		if cr.ID == 4 && (cr.Result != classify.Pass || !strings.Contains(strings.Join(texts, " "), "ban đầu 24")) {
			t.Errorf("criterion 4: %s %v, want a pass against 24 addicts at baseline", cr.Result, texts)
		}
	}

	// The movement: phường Trà Vinh from its aggregated baseline (type III, 24 addicts).
	if c.MovementAggregated != 1 || c.Movement[criteria.Type3][criteria.LessComplex] != 1 || len(c.Movement) != 1 {
		t.Errorf("movement %v, %d aggregated; want phường Trà Vinh from type III to less complex", c.Movement, c.MovementAggregated)
	}

	// The target, in the 41: one passes, formed from three former units.
	if g := c.Progress; g.Passing != 1 || g.Target != 9 || g.Registry != 41 || g.Covers != 3 || g.InForceFrom != "2025-07-01" {
		t.Errorf("progress %+v", g)
	}

	// The notes speak of the communes in force.
	notes := strings.Join(c.DataNotes, "\n")
	if !strings.Contains(notes, "Phường Long Đức: chưa có báo cáo số liệu nào từ ngày 01/07/2025; số liệu trước đó của 2 đơn vị cũ của xã (Phường 4, Xã Long Đức): báo cáo Rà soát Thành phố Trà Vinh") {
		t.Errorf("no note on Phường Long Đức:\n%s", notes)
	}
	if strings.Contains(notes, "Phường Trà Vinh:") {
		t.Errorf("phường Trà Vinh sent phase 3 and needs no note:\n%s", notes)
	}

	// The review alone, as of December: no commune has reported since the reform, so the
	// picture is the review's, each former unit on its own, and the notes say so.
	alone := BuildConsolidation(p, ConsolidateInput{Returns: []*read.Return{review}, AsOf: reformDay(12, 20), Lang: i18n.Vi})
	if len(alone.Classification) != 8 || !strings.Contains(strings.Join(alone.DataNotes, "\n"),
		"Phường Trà Vinh: chưa có báo cáo số liệu nào từ ngày 01/07/2025; 3 đơn vị cũ của xã (Phường 1, Phường 3, Phường 9) được phân loại riêng theo báo cáo Rà soát") {
		t.Errorf("the review alone: %d communes classified, notes:\n%s", len(alone.Classification), strings.Join(alone.DataNotes, "\n"))
	}

	// The same returns as of May: the target in the 104, the picture the districts'.
	in.AsOf = reformDay(5, 20)
	if g := BuildConsolidation(p, in).Progress; g.Target != 21 || g.Registry != 104 || g.Passing != 0 || g.NotCounted != 1 {
		t.Errorf("as of May: %+v, want 0 of 21 of 104, phường Trà Vinh not counted", g)
	}
}

func TestCountByDistrictAfterTheReform(t *testing.T) {
	p := criteria.Default()
	now := zeros(p, 15000)
	rs := ClassifyReturns(p, []*read.Return{
		communeReturn(p, "29242", "phase3", reformDay(12, 10), now, ""),
		communeReturn(p, "29398", "phase3", reformDay(12, 10), now, ""), // Hoà Thuận: listed under Châu Thành
	}, i18n.Vi)
	counts := CountByDistrict(p, rs, reformDay(12, 20), i18n.Vi)
	byName := map[string]DistrictCounts{}
	for _, d := range counts {
		byName[d.District] = d
	}
	if d := byName["Thành phố Trà Vinh"]; d.Classified != 1 || d.Registry != 3 {
		t.Errorf("the city: %+v, want 1 of its 3 new communes", d)
	}
	if d := byName["Huyện Châu Thành"]; d.Classified != 1 || d.Registry != 6 {
		t.Errorf("Châu Thành: %+v, want 1 of its 6 new communes (Nguyệt Hoá is listed under the city)", d)
	}
	if d := counts[len(counts)-1]; d.Classified != 2 || d.Registry != 41 {
		t.Errorf("province: %+v, want 2 of 41", d)
	}
}
