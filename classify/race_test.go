//go:build race

package classify

// raceDetector is set when the tests run with -race, which makes this package's
// generated checks some ten times slower. The package is pure, one goroutine, with
// nothing for the detector to find: those checks then take a sample.
const raceDetector = true
