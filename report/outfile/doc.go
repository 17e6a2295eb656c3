// Package outfile writes an output file whole or not at all, never over an input and over
// an existing file only when asked.
package outfile
