//go:build !race

package classify

// raceDetector: see race_test.go.
const raceDetector = false
