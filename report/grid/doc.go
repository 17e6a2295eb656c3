// Package grid sees a workbook as sheets of rows of cell text: the Book and Source
// interfaces the reader works with, and their implementation over excelize.
package grid
