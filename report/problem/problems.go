package problem

import (
	"strings"
)

// CountErrors returns the number of problems of severity error.
func CountErrors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Where returns "file, sheet!cell" for a problem, leaving out what is unknown.
func (p Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" || p.Cell != "" {
		b.WriteString(": ")
		if p.Sheet != "" {
			b.WriteString(p.Sheet)
			if p.Cell != "" {
				b.WriteString("!")
			}
		}
		b.WriteString(p.Cell)
	}
	return b.String()
}
