package render

import (
	"runtime/debug"
	"testing"
)

// gcPercent reads the garbage collector's current target.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestTightenGCRestoresWhateverTheOrder(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	a := tightenGC(50)
	b := tightenGC(50)
	if got := gcPercent(); got != 50 {
		t.Fatalf("while writing: GOGC %d, want 50", got)
	}
	a() // the first in ends first: the second is still writing
	if got := gcPercent(); got != 50 {
		t.Fatalf("one writer left: GOGC %d, want 50", got)
	}
	b()
	if got := gcPercent(); got != 100 {
		t.Fatalf("after: GOGC %d, want 100", got)
	}

	debug.SetGCPercent(20) // lower already: left alone
	tightenGC(50)()
	if got := gcPercent(); got != 20 {
		t.Fatalf("GOGC 20 became %d", got)
	}
	debug.SetGCPercent(-1) // off: left off
	r := tightenGC(50)
	if got := gcPercent(); got != -1 {
		t.Fatalf("GOGC off became %d while writing", got)
	}
	r()
}
