package ooxml

import (
	"math/rand/v2"
	"testing"

	"drugfree/report/grid"
)

// overlap finds two merged ranges sharing a cell exactly when a check of every pair does.
func TestOverlapAgreesWithEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var found, clear int
	for range 20000 {
		ms := make([]grid.Merge, 1+rng.IntN(6))
		for i := range ms {
			top, left := 1+rng.IntN(8), rng.IntN(8)
			ms[i] = grid.Merge{Top: top, Left: left, Bottom: top + rng.IntN(3), Right: left + rng.IntN(3)}
		}
		want := false
		for i := range ms {
			for j := range i {
				a, b := ms[i], ms[j]
				if a.Top <= b.Bottom && b.Top <= a.Bottom && a.Left <= b.Right && b.Left <= a.Right {
					want = true
				}
			}
		}
		if got := overlap(ms); got != want {
			t.Fatalf("overlap(%v) = %v, want %v", ms, got, want)
		}
		if want {
			found++
		} else {
			clear++
		}
	}
	if found < 1000 || clear < 1000 {
		t.Fatalf("cases: %d overlapping, %d not: want many of both", found, clear)
	}
}
