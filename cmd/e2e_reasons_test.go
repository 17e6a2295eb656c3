package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/template"
)

// The reasons in JSON are data a machine can use — rule, field, figure, threshold as the
// plan writes it, category — with their text in the user's language, read back from the
// binary's output on a return built here. The communes sit on the plan's edges (SPEC §2):
// 19 and 20 managed addicts, 3 offenders in 3000 and 3001 people, a route step, a blank
// route.
func TestE2EReasonsInJSONAreData(t *testing.T) {
	p := criteria.Default()
	dir := t.TempDir()
	communes := p.Registry.InDistrict("Huyện Cầu Kè")
	if len(communes) < 6 {
		t.Fatalf("%d communes in Huyện Cầu Kè", len(communes))
	}
	zero := func(set classify.Figures, blank ...string) classify.Figures {
		f := classify.Figures{"population": 10000}
		for _, k := range []string{"addicts_total", "addicts_managed", "users", "hotspots", "plants", "plant_area_m2", "offenders", "violations", "on_route"} {
			f[k] = 0
		}
		for k, v := range set {
			f[k] = v
		}
		for _, k := range blank {
			delete(f, k)
		}
		return f
	}
	figures := []classify.Figures{
		zero(classify.Figures{"addicts_managed": 19, "addicts_total": 19}),
		zero(classify.Figures{"addicts_managed": 20, "addicts_total": 20}),
		zero(classify.Figures{"offenders": 3, "population": 3000}),
		zero(classify.Figures{"offenders": 3, "population": 3001}),
		zero(classify.Figures{"hotspots": 3, "on_route": 1}),
		zero(classify.Figures{"addicts_managed": 30, "addicts_total": 30}, "on_route"),
	}
	// a district's phase 1, before the reform of 1 July 2025
	spec := template.ReturnSpec{District: "Huyện Cầu Kè", Kind: "phase1", Number: "1/BC",
		ReportDate: time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC), ReceivedDate: time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)}
	for i, c := range communes {
		f := zero(nil)
		if i < len(figures) {
			f = figures[i]
		}
		spec.Rows = append(spec.Rows, template.ReturnRow{Commune: c, Figures: f})
	}
	fh, err := os.Create(filepath.Join(dir, "cau-ke.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := template.WriteReturn(fh, p, spec); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}

	// The JSON as a machine reads it: no Go types of the tool.
	type reason map[string]any
	classifyJSON := func(lang string) map[string][]reason {
		t.Helper()
		code, out, errOut := bin(t, dir, "--lang", lang, "classify", "cau-ke.xlsx", "--format", "json")
		if code != ExitOK {
			t.Fatalf("classify: exit %d\n%s", code, errOut)
		}
		var got struct {
			Communes []struct {
				Code    string   `json:"code"`
				Reasons []reason `json:"reasons"`
			} `json:"communes"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		byCode := map[string][]reason{}
		for _, c := range got.Communes {
			byCode[c.Code] = c.Reasons
		}
		return byCode
	}
	vi, en := classifyJSON("vi"), classifyJSON("en")
	cases := []struct {
		name string
		at   int // the commune, by place in the return
		want []reason
	}{
		{"19 managed addicts reach no band", 0, []reason{
			{"rule": "less-complex", "category": "less-complex",
				"figures": []any{map[string]any{"field": "addicts_managed", "value": 19.0}, map[string]any{"field": "addicts_total", "value": 19.0}},
				"vi":      "không đạt tiêu chí loại III nào nhưng khác 0: người nghiện có hồ sơ quản lý 19, tổng số người nghiện 19 → Ít phức tạp",
				"en":      "no Type III indicator reached but not zero: managed addicts 19, total addicts 19 → Less complex"}}},
		{"20 managed addicts reach Type III", 1, []reason{
			{"rule": "band", "field": "addicts_managed", "value": 20.0, "op": ">=", "threshold": 20.0, "level": 3.0, "category": "type-3",
				"vi": "20 người nghiện có hồ sơ quản lý ≥ 20 → Loại III",
				"en": "20 managed addicts ≥ 20 → Type III"}}},
		{"3 offenders in 3000 people reach 0.1 %", 2, []reason{
			{"rule": "band", "field": "offenders", "value": 3.0, "per": "population", "per_value": 3000.0, "op": ">=", "threshold": "0.1%", "level": 3.0, "category": "type-3",
				"vi": "đối tượng phạm tội về ma túy trên dân số 3/3.000 = 0,10% ≥ 0,1% → Loại III",
				"en": "drug offenders per population 3/3,000 = 0.10% ≥ 0.1% → Type III"}}},
		{"3 offenders in 3001 people do not", 3, []reason{
			{"rule": "less-complex", "category": "less-complex", "figures": []any{map[string]any{"field": "offenders", "value": 3.0}},
				"vi": "không đạt tiêu chí loại III nào nhưng khác 0: đối tượng phạm tội về ma túy 3 → Ít phức tạp",
				"en": "no Type III indicator reached but not zero: drug offenders 3 → Less complex"}}},
		{"3 hotspots on a route step up to Type I", 4, []reason{
			{"rule": "band", "field": "hotspots", "value": 3.0, "op": ">=", "threshold": 3.0, "level": 2.0, "category": "type-2",
				"vi": "3 tụ điểm, điểm phức tạp, bán lẻ ma túy ≥ 3 → Loại II",
				"en": "3 hotspots ≥ 3 → Type II"},
			{"rule": "route", "field": "on_route", "value": 1.0, "from": "type-2", "level": 1.0, "category": "type-1",
				"vi": "nằm trên tuyến trọng điểm mua bán, vận chuyển trái phép chất ma túy: Loại II → Loại I",
				"en": "on a key drug trafficking route: Type II → Type I"}}},
		{"the route blank leaves Type II or III", 5, []reason{
			{"rule": "band", "field": "addicts_managed", "value": 30.0, "op": ">=", "threshold": 20.0, "level": 3.0, "category": "type-3",
				"vi": "30 người nghiện có hồ sơ quản lý ≥ 20 → Loại III",
				"en": "30 managed addicts ≥ 20 → Type III"},
			{"rule": "undetermined", "category": "undetermined", "missing": []any{"on_route"}, "possible": []any{"type-2", "type-3"},
				"vi": "thiếu số liệu: Nằm trên tuyến trọng điểm (Có/Không); có thể là Loại II, Loại III",
				"en": "missing: On a key route (yes/no); could be Type II, Type III"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code := communes[c.at].Code
			for _, l := range []struct {
				name string
				got  []reason
			}{{"vi", vi[code]}, {"en", en[code]}} {
				if len(l.got) != len(c.want) {
					t.Fatalf("%s: reasons %v, want %d", l.name, l.got, len(c.want))
				}
				for i, w := range c.want {
					want := reason{"text": w[l.name]}
					for k, v := range w {
						if k != "vi" && k != "en" {
							want[k] = v
						}
					}
					if got := l.got[i]; !jsonEqual(got, want) {
						t.Errorf("%s: reason %d\n got %v\nwant %v", l.name, i, got, want)
					}
				}
			}
		})
	}

	// The checklist likewise: each condition with the figures it compared.
	code, out, errOut := bin(t, dir, "recognize", "cau-ke.xlsx", "--all", "--format", "json")
	if code != ExitOK {
		t.Fatalf("recognize: exit %d\n%s", code, errOut)
	}
	var rec struct {
		Communes []struct {
			Code     string `json:"code"`
			Criteria []struct {
				ID         int              `json:"id"`
				Result     string           `json:"result"`
				Conditions []map[string]any `json:"conditions"`
			} `json:"criteria"`
		} `json:"communes"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	for _, c := range rec.Communes {
		if c.Code != communes[1].Code {
			continue
		}
		// Criterion 1's first condition holds (no hotspots), the criterion is missing (the
		// return has no groups); criterion 8 is missing: the return has no models.
		got1, got8 := c.Criteria[0], c.Criteria[7]
		want1 := map[string]any{"field": "hotspots", "value": 0.0, "op": "=", "right": "0", "threshold": 0.0, "result": "pass", "text": "0 tụ điểm, điểm phức tạp"}
		want8 := map[string]any{"field": "models", "op": ">=", "right": "1", "threshold": 1.0, "result": "missing", "text": "? mô hình"}
		if got1.ID != 1 || got1.Result != "missing" || !jsonEqual(got1.Conditions[0], want1) {
			t.Errorf("criterion 1: %+v, want its first condition %v", got1, want1)
		}
		if got8.ID != 8 || got8.Result != "missing" || len(got8.Conditions) != 1 || !jsonEqual(got8.Conditions[0], want8) {
			t.Errorf("criterion 8: %+v, want %v", got8, want8)
		}
		return
	}
	t.Fatalf("commune %s not in the checklist's JSON:\n%s", communes[1].Code, out)
}

// jsonEqual compares two values decoded from JSON.
func jsonEqual(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}
