package classify

import "testing"

// BenchmarkReachWorst classifies a commune whose search tries the most fillings a realistic
// return gives: residents known, five of the six other figures of the types blank.
func BenchmarkReachWorst(b *testing.B) {
	f := qz(Figures{"residents": 16584}, "addicts_users_managed", "offenders_arrested", "points", "plants_destroyed", "plant_area_destroyed_m2")
	e := NewEvaluator(qd28)
	for b.Loop() {
		if r := e.Classify(f); r.Category != "undetermined" {
			b.Fatal(r)
		}
	}
}
