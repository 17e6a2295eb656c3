// Package read reads district returns (.xlsx and .csv) and registers of documents into
// typed records (Return, Row), with every problem met on the way, named by file, sheet and
// cell: it finds the cover and the data sheet, the header, each commune and each figure.
package read
