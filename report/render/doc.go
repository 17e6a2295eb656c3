// Package render writes tables and results out: text for the terminal, CSV, and xlsx
// workbooks, the consolidated workbook among them.
package render
