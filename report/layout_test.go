package report

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// README's layout table names every package of the tree, in an order in which each package
// imports only packages below it: the table is the map a newcomer reads, and it stays true.
func TestReadmeLayoutMatchesTheTree(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(readme), "## Layout")
	if start < 0 {
		t.Fatal("README has no Layout section")
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z0-9/.]+)` \\|")
	rank := map[string]int{} // module-relative directory -> place in the table
	for i, m := range row.FindAllStringSubmatch(string(readme[start:]), -1) {
		rank[strings.TrimSuffix(m[1], "/")] = i
	}
	under := func(dir string) (int, bool) {
		r, ok := rank[dir]
		return r, ok
	}
	const module = "drugfree/"
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != ".." {
			return filepath.SkipDir
		}
		dir, _ := filepath.Rel("..", path)
		files, _ := filepath.Glob(filepath.Join(path, "*.go"))
		var imports []string
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, im := range af.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				if strings.HasPrefix(p, module) {
					imports = append(imports, strings.TrimPrefix(p, module))
				}
			}
		}
		if len(files) == 0 || dir == "." {
			return nil
		}
		mine, ok := under(dir)
		if !ok {
			t.Errorf("package %s is not in README's layout table", dir)
			return nil
		}
		for _, im := range imports {
			theirs, ok := under(im)
			if !ok {
				t.Errorf("%s imports %s, which is not in README's layout table", dir, im)
			} else if theirs <= mine {
				t.Errorf("%s imports %s, listed above it in README's layout table", dir, im)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rank) < 10 {
		t.Fatalf("README's layout table has only %d rows", len(rank))
	}
}
