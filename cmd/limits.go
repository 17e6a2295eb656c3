package cmd

import (
	"fmt"
	"strconv"
	"strings"

	"drugfree/report/grid"
)

// limitsValue is --limits: what reading one file may cost (grid.Limits), as
// comma-separated key=value pairs: file and inflated in MB, parts a count; a key not
// given keeps its default. Any other key or value fails at parse time.
type limitsValue struct{ target *grid.Limits }

func (l limitsValue) Type() string { return "limits" }

func (l limitsValue) String() string {
	v := l.target.WithDefaults()
	return fmt.Sprintf("file=%d,inflated=%d,parts=%d,cells=%d", v.File>>20, v.Inflated>>20, v.Parts, v.Cells)
}

func (l limitsValue) Set(s string) error {
	for _, kv := range strings.Split(s, ",") {
		key, val, ok := strings.Cut(strings.TrimSpace(kv), "=")
		n, err := strconv.ParseInt(strings.TrimSpace(val), 10, 64)
		if !ok || err != nil || n <= 0 || n > 1<<30 {
			return &limitsError{kv}
		}
		switch key {
		case "file":
			l.target.File = n << 20
		case "inflated":
			l.target.Inflated = n << 20
		case "parts":
			l.target.Parts = int(n)
		case "cells":
			l.target.Cells = n
		default:
			return &limitsError{kv}
		}
	}
	return nil
}
