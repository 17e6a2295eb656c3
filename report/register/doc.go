// Package register reads the register of documents received (CSV or xlsx): which sender
// sent which kind of return, and when.
package register
