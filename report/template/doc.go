// Package template writes the canonical return: the workbook a district fills, with its
// cover, its communes and the notes and validations of every column.
package template
