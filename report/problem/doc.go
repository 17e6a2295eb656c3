// Package problem holds a Problem (what is wrong with the input and where), the codes of
// SPEC §6 and the order problems are listed in.
package problem
