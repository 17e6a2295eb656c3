// Package sample writes sample returns with invented figures, and synthetic national
// corpora for benchmarks.
package sample
