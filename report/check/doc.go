// Package check holds the checks of returns, one file each: consistency between figures,
// completeness against the registry, blank cells, superseded returns and returns late or
// missing.
package check
