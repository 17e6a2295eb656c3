package testkit

import "strings"

// Grid is a table as a terminal shows it (tablewriter's box drawing), read back: each
// column's header and its cells as a stream of words, in order, whatever the lines they
// were wrapped onto.
type Grid struct {
	// Head is each column's header, its words joined by one space.
	Head []string
	// Cells is each column's cells from the first row to the last, their words joined
	// by one space.
	Cells []string
	// Lines are the lines of the grid, borders included.
	Lines []string
}

// Grids reads the tables of a terminal's output, in order. A line that is not part of a
// table is skipped.
func Grids(out string) []Grid {
	var grids []Grid
	var g *Grid
	var head, cells [][]string
	inHead := false
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case strings.HasPrefix(line, "┌"):
			grids = append(grids, Grid{})
			g = &grids[len(grids)-1]
			head, cells, inHead = nil, nil, true
		case g == nil:
			continue
		case strings.HasPrefix(line, "├"):
			inHead = false
		case strings.HasPrefix(line, "└"):
			g.Lines = append(g.Lines, line)
			g.Head, g.Cells = join(head), join(cells)
			g = nil
			continue
		case strings.HasPrefix(line, "│"):
			parts := strings.Split(strings.Trim(line, "│"), "│")
			dst := &cells
			if inHead {
				dst = &head
			}
			for len(*dst) < len(parts) {
				*dst = append(*dst, nil)
			}
			for i, p := range parts {
				(*dst)[i] = append((*dst)[i], strings.Fields(p)...)
			}
		}
		if g != nil {
			g.Lines = append(g.Lines, line)
		}
	}
	return grids
}

func join(cols [][]string) []string {
	out := make([]string, len(cols))
	for i, words := range cols {
		out[i] = strings.Join(words, " ")
	}
	return out
}
