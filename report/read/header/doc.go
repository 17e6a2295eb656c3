// Package header finds the header of a return's table (in the first rows, over one or two
// rows, merged or not) and maps its columns to the plan's fields; it also knows the words of
// an official document's layout (group rows, totals, notes, signatures).
package header
