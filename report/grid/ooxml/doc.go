// Package ooxml is the fast path of package grid: a one-pass scanner of plain
// SpreadsheetML worksheets, with excelize behind it for everything it does not take.
package ooxml
