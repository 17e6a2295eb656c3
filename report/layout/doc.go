// Package layout lays out the results as tables (Table): the columns, rows, tags and
// notes that every output shows, whatever it is written to.
package layout
