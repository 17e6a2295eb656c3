// Package par splits work in chunks over the cores.
package par
