// Package report holds what each command computes from the returns it is given: which
// returns count (Prepare), the classification and checklist of every commune, the
// timeliness of returns and the consolidation. It reads with package read, checks with
// package check and leaves laying out and writing to packages layout and render.
package report
