// Package ooxml is the fast path of package grid: it reads a plain .xlsx straight from
// its parts with a one-pass scanner of their XML, and gives what excelize gives for the
// same file (cell values as Rows and Columns give them with RawCellValue, cell types,
// formulas, merged cells) without excelize's cost of opening a workbook (it parses
// every part) and of asking a cell's type or the merged cells (it parses the worksheet
// again).
//
// What it reads, it reads as excelize does (on well-formed XML: the fuzz targets hold it
// to that), or not at all: Open declines a workbook it does not read plainly, and a
// Book keeps the first thing it fails on (Err); either way the caller reads the file
// again with excelize, from the start. A failure of the scanner is therefore never the
// file's: only what excelize cannot read is.
//
// The files, in the order a workbook is read:
//
//   - book.go: Book, Open and what the reader asks of a workbook (grid.Book).
//   - part.go: the zip's parts, and the memo of small parts a round's returns share.
//   - workbook.go: workbook.xml (the sheets) and the relationship parts (where they are).
//   - markup.go: what is not data (comments, processing instructions), what the
//     scanners decline (CDATA, DOCTYPE, namespace prefixes on what they look for), and
//     tags read as encoding/xml reads them.
//   - sheet.go: the worksheet scanner, row by row and cell by cell.
//   - source.go: a sheet's rows as a grid.Source.
//   - text.go: character data, shared strings and rich text.
//
// The fuzz targets (fuzz_test.go) hold each scanner to an encoding/xml reading of the
// same bytes (oracle_test.go).
package ooxml
