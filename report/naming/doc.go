// Package naming matches the names and codes of districts and communes that returns
// write against the registry: tone marks, prefixes, abbreviations, aliases, former units,
// ambiguity and suggestions.
package naming
