package criteria

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// The registry in force from 1 July 2025 and the crosswalk are the reference files of
// testdata/2025-07 (copied from ../shared/reference/2025-07/), row for row.
func TestTheEmbeddedReformIsTheReferenceFiles(t *testing.T) {
	p := Default()
	if p.Reform == nil {
		t.Fatal("the embedded plan has no reform")
	}
	reg := p.Reform.Registry
	if got := reg.Effective.String(); got != "2025-07-01" {
		t.Errorf("the reform's registry is in force from %s, want 2025-07-01", got)
	}
	if got := p.Registry.Effective.String(); got != "2025-01-01" {
		t.Errorf("the plan's registry is in force from %s, want 2025-01-01", got)
	}
	t.Run("new-units.csv", func(t *testing.T) {
		rows := readCSV(t, "testdata/2025-07/new-units.csv")
		if len(rows) != 124 || len(reg.Communes) != 124 {
			t.Fatalf("%d rows in the reference file and %d communes embedded, want 124", len(rows), len(reg.Communes))
		}
		for i, row := range rows {
			c := reg.Communes[i]
			got := []string{c.Code, c.Name, c.Type, c.FormerProvince}
			if !slices.Equal(got, row) {
				t.Errorf("row %d: embedded %v, reference %v", i+2, got, row)
			}
			if c.District != "" || c.DistrictCode != "" {
				t.Errorf("row %d: %s has a district (%s); the reform abolished them", i+2, c.Code, c.District)
			}
		}
		if reg.HasDistricts() || len(reg.Districts()) != 0 {
			t.Errorf("the reform's registry has districts: %v", reg.Districts())
		}
	})
	t.Run("crosswalk.csv", func(t *testing.T) {
		rows := readCSV(t, "testdata/2025-07/crosswalk.csv")
		if len(rows) != 104 || len(p.Reform.Crosswalk) != 104 {
			t.Fatalf("%d rows in the reference file and %d links embedded, want 104", len(rows), len(p.Reform.Crosswalk))
		}
		for i, row := range rows {
			l := p.Reform.Crosswalk[i]
			old, okOld := p.Registry.ByCode(l.Old)
			now, okNew := reg.ByCode(l.New)
			if !okOld || !okNew {
				t.Errorf("row %d: %s → %s: not both codes are in their registries", i+2, l.Old, l.New)
				continue
			}
			// share is "whole" for every row: the crosswalk has no other
			got := []string{old.Code, old.Name, old.Type, old.District, now.Code, now.Name, now.Type, "whole"}
			if !slices.Equal(got, row) {
				t.Errorf("row %d: embedded %v, reference %v", i+2, got, row)
			}
		}
	})
	t.Run("new-name-variants.csv", func(t *testing.T) {
		rows := readCSV(t, "testdata/2025-07/new-name-variants.csv")
		var got [][]string
		for _, a := range reg.Aliases {
			c, _ := reg.ByCode(a.Code)
			got = append(got, []string{a.Code, c.Name, a.Alias, a.Note})
		}
		if !reflect.DeepEqual(got, rows) {
			t.Errorf("aliases\n%v\nwant\n%v", got, rows)
		}
	})
}

func TestTheCrosswalk(t *testing.T) {
	p := Default()
	t.Run("every one of the 104 old codes goes into one of the 41 new communes", func(t *testing.T) {
		into := map[string]int{}
		for _, c := range p.Registry.Communes {
			n, ok := p.Successor(c.Code)
			if !ok {
				t.Errorf("%s %s has no successor", c.Code, c.FullName())
				continue
			}
			if n.FormerProvince != "Trà Vinh" {
				t.Errorf("%s went into %s, formed from %s", c.Code, n.FullName(), n.FormerProvince)
			}
			into[n.Code]++
		}
		plan := p.PlanCommunes(&p.Reform.Registry)
		if len(into) != 41 || len(plan) != 41 {
			t.Fatalf("%d new communes reached, %d in the plan, want 41", len(into), len(plan))
		}
		total, xa, phuong := 0, 0, 0
		for _, c := range plan {
			pred := p.Predecessors(c.Code)
			if len(pred) != into[c.Code] {
				t.Errorf("%s: %d predecessors, %d links into it", c.Code, len(pred), into[c.Code])
			}
			total += len(pred)
			switch c.Type {
			case "xã":
				xa++
			case "phường":
				phuong++
			}
		}
		if total != 104 || xa != 35 || phuong != 6 {
			t.Errorf("%d predecessors, %d xã, %d phường; want 104, 35, 6", total, xa, phuong)
		}
		if n := len(p.Reform.Registry.Communes) - len(plan); n != 83 {
			t.Errorf("%d units of the new province are outside the plan, want 83 (from Bến Tre and Vĩnh Long)", n)
		}
	})

	tests := []struct {
		name    string
		old     string   // an old code
		newCode string   // the commune it went into
		newName string   // its full name
		formers []string // the codes that went into it
		seat    string   // the district it is listed under
	}{
		{"a reused code: 29242 was Phường 3 and is phường Trà Vinh", "29242", "29242", "Phường Trà Vinh", []string{"29239", "29242", "29260"}, "Thành phố Trà Vinh"},
		{"Phường 1 of the city went into phường Trà Vinh", "29239", "29242", "Phường Trà Vinh", []string{"29239", "29242", "29260"}, "Thành phố Trà Vinh"},
		{"a reused code: 29386 was Lương Hòa A and is Song Lộc", "29386", "29386", "Xã Song Lộc", []string{"29386", "29389", "29392"}, "Huyện Châu Thành"},
		{"Song Lộc kept its name under another code", "29392", "29386", "Xã Song Lộc", []string{"29386", "29389", "29392"}, "Huyện Châu Thành"},
		{"the same name: thị trấn Cầu Kè is xã Cầu Kè", "29308", "29308", "Xã Cầu Kè", []string{"29308", "29311", "29314"}, "Huyện Cầu Kè"},
		{"a tone mark: xã Nguyệt Hóa went into phường Nguyệt Hoá", "29395", "29254", "Phường Nguyệt Hoá", []string{"29254", "29257", "29395"}, "Thành phố Trà Vinh"},
		{"two districts: Hoà Thuận is listed under the district whose code it kept", "29248", "29398", "Phường Hoà Thuận", []string{"29248", "29398"}, "Huyện Châu Thành"},
		{"two districts: Ngũ Lạc", "29458", "29530", "Xã Ngũ Lạc", []string{"29458", "29530"}, "Huyện Duyên Hải"},
		{"unchanged: Long Hòa", "29413", "29413", "Xã Long Hòa", []string{"29413"}, "Huyện Châu Thành"},
		{"Phường 1 of the town went into phường Duyên Hải", "29512", "29512", "Phường Duyên Hải", []string{"29512", "29515", "29524"}, "Thị xã Duyên Hải"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := p.Successor(tt.old)
			if !ok || n.Code != tt.newCode || n.FullName() != tt.newName {
				t.Fatalf("Successor(%s) = %s %s, %v; want %s %s", tt.old, n.Code, n.FullName(), ok, tt.newCode, tt.newName)
			}
			var codes []string
			for _, o := range p.Predecessors(n.Code) {
				codes = append(codes, o.Code)
			}
			slices.Sort(codes)
			if !slices.Equal(codes, tt.formers) {
				t.Errorf("Predecessors(%s) = %v, want %v", n.Code, codes, tt.formers)
			}
			if got := p.FormerDistrict(n); got != tt.seat {
				t.Errorf("FormerDistrict(%s) = %q, want %q", n.FullName(), got, tt.seat)
			}
		})
	}

	t.Run("the same names in both registries", func(t *testing.T) {
		// "Cầu Kè" is a district and a thị trấn before, a xã after; Lương Hòa went into
		// Song Lộc but the name is now a commune formed from Bến Tre's units.
		oldCK := p.Registry.InDistrict("Huyện Cầu Kè")
		if len(oldCK) != 11 {
			t.Fatalf("Huyện Cầu Kè has %d communes, want 11", len(oldCK))
		}
		var after []string
		for _, c := range p.Reform.Registry.Communes {
			if c.Name == "Cầu Kè" || c.Name == "Lương Hòa" || c.Name == "Thạnh Phú" {
				after = append(after, c.Code+" "+c.FullName()+" "+c.FormerProvince)
			}
		}
		want := []string{"29308 Xã Cầu Kè Trà Vinh", "28987 Xã Lương Hòa Bến Tre", "29182 Xã Thạnh Phú Bến Tre"}
		slices.Sort(after)
		slices.Sort(want)
		if !slices.Equal(after, want) {
			t.Errorf("after the reform: %v, want %v", after, want)
		}
		if n, _ := p.Successor("29389"); n.Name != "Song Lộc" {
			t.Errorf("old Lương Hòa went into %s, want Song Lộc", n.Name)
		}
	})

	t.Run("the units merged by the reform are former units of its registry", func(t *testing.T) {
		formers := p.Reform.Registry.FormerUnits()
		if len(formers) != 106 {
			t.Fatalf("%d former units, want 104 plus Phường 2 and 6 of the city", len(formers))
		}
		for _, f := range formers {
			if f.Effective.String() != "2025-07-01" {
				t.Errorf("%s merged on %s", f.Code, f.Effective)
			}
			if f.Code == "29245" && f.MergedInto != "29242" {
				t.Errorf("Phường 2 (merged into Phường 3 on 2025-01-01) now belongs to %s, want 29242", f.MergedInto)
			}
		}
		if len(p.Registry.FormerUnits()) != 2 {
			t.Errorf("the plan's registry has %d former units, want 2", len(p.Registry.FormerUnits()))
		}
	})
}

func TestRegistryOn(t *testing.T) {
	p := Default()
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, tt := range []struct {
		day   string
		later bool
	}{{"2024-12-31", false}, {"2025-02-20", false}, {"2025-06-30", false}, {"2025-07-01", true}, {"2025-12-12", true}} {
		reg := p.RegistryOn(day(tt.day))
		if p.Later(reg) != tt.later {
			t.Errorf("RegistryOn(%s) later = %v, want %v", tt.day, p.Later(reg), tt.later)
		}
	}
	// A time late in the day (in another zone) is still that day.
	if reg := p.RegistryOn(time.Date(2025, 6, 30, 23, 30, 0, 0, time.FixedZone("ICT", 7*3600))); p.Later(reg) {
		t.Error("30 June at 23:30 is before the reform")
	}
	if reg := p.RegistryOn(time.Time{}); p.Later(reg) {
		t.Error("no day: the first registry")
	}
}

func TestObligations(t *testing.T) {
	p := Default()
	obs := p.Obligations()
	var districts, communes, bodies int
	for _, o := range obs {
		switch {
		case o.Body:
			bodies++
			if !slices.Equal(o.Kinds, []string{"plan", "phase1", "phase2", "phase3"}) {
				t.Errorf("%s owes %v", o.Sender, o.Kinds)
			}
		case o.Group != "":
			communes++
			if !slices.Equal(o.Kinds, []string{"phase2", "phase3"}) {
				t.Errorf("%s owes %v, want the kinds due after 1 July 2025", o.Sender, o.Kinds)
			}
		default:
			districts++
			if !slices.Equal(o.Kinds, []string{"review", "plan", "phase1"}) {
				t.Errorf("%s owes %v, want the kinds due before 1 July 2025", o.Sender, o.Kinds)
			}
		}
	}
	if districts != 9 || communes != 41 || bodies != 12 {
		t.Errorf("%d districts, %d communes, %d bodies; want 9, 41, 12", districts, communes, bodies)
	}
	// Each district is followed by the communes listed under it.
	var order []string
	for _, o := range obs[:4] {
		order = append(order, o.Sender)
	}
	if want := []string{"Thành phố Trà Vinh", "Phường Trà Vinh", "Phường Nguyệt Hoá", "Phường Long Đức"}; !slices.Equal(order, want) {
		t.Errorf("first obligations %v, want %v", order, want)
	}

	t.Run("a plan without senders: every unit owes every kind", func(t *testing.T) {
		q := Default()
		q.Senders, q.Reform = nil, nil
		obs := q.Obligations()
		if len(obs) != 9 || len(obs[0].Kinds) != 5 {
			t.Errorf("%d obligations, the first owing %v", len(obs), obs[0].Kinds)
		}
	})
	t.Run("--registry replaces both registries: no reform", func(t *testing.T) {
		q := Default()
		q.SetRegistry(Registry{Communes: []Commune{{District: "Huyện A", Code: "1", Name: "X", Type: "xã"}}}, "r.csv")
		if q.Reform != nil {
			t.Fatal("the reform stays")
		}
		var units []string
		for _, o := range q.Obligations() {
			if !o.Body {
				units = append(units, o.Sender+" "+strings.Join(o.Kinds, ","))
			}
		}
		if !slices.Equal(units, []string{"Huyện A review,plan,phase1,phase2,phase3"}) {
			t.Errorf("units owe %v", units)
		}
	})
}

// --registry replaces the plan's registries, for the whole year: new-units.csv reads as a
// registry without districts, each commune reporting for itself.
func TestARegistryWithoutDistricts(t *testing.T) {
	f, err := os.Open("testdata/2025-07/new-units.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reg, err := ParseRegistryCSV("new-units.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	p := Default()
	if !reflect.DeepEqual(reg.Communes, p.Reform.Registry.Communes) {
		t.Error("new-units.csv reads to other communes than the reform's registry")
	}
	p.SetRegistry(reg, "new-units.csv")
	if p.Reform != nil || p.Later(p.RegistryOn(time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC))) || p.Registry.HasDistricts() {
		t.Fatal("the registry does not replace both, for the whole year")
	}
	units := 0
	for _, o := range p.Obligations() {
		if !o.Body {
			units++
			if len(o.Kinds) != 5 {
				t.Errorf("%s owes %v", o.Sender, o.Kinds)
			}
		}
	}
	if units != 124 {
		t.Errorf("%d communes owe returns, want 124", units)
	}
	if _, err := ParseRegistryCSV("x.csv", strings.NewReader("code,name,type\n1,,xã\n")); err == nil || !strings.Contains(err.Error(), "x.csv: line 2: code and name") {
		t.Errorf("an empty name: %v", err)
	}
}
