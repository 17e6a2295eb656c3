// Package report holds what each command computes from the returns it is given: which
// returns count (Prepare), the classification and checklist of every commune, the
// timeliness of returns and the consolidation. It reads with package read, checks with
// package check and leaves laying out and writing to packages layout and render. The
// reasons classify gives as data are written in the user's language here (explain.go),
// from i18n's catalogue and the plan's labels.
package report
