// Package cell reads what a cell's text means, as Excel shows it: numbers (finite decimals in
// the forms of SPEC §5), dates, yes/no, statuses and kinds of return.
package cell
