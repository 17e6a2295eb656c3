package cmd

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite golden files and scripts with the current output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"drugfree": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script with the real binary.
// DRUGFREE_UPDATE_SCRIPTS=1 (or -update) rewrites their expected output.
func TestScripts(t *testing.T) {
	testdata, _ := filepath.Abs("../testdata")
	testscript.Run(t, testscript.Params{
		Dir:                 "../testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update || os.Getenv("DRUGFREE_UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", testdata)
			env.Setenv("DRUGFREE_PASSWORD", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkxlsx":   cmdMkxlsx,
			"dumpxlsx": cmdDumpxlsx,
			"mkbytes":  cmdMkbytes,
		},
	})
}

// mkxlsx in.csv out.xlsx [sheet]: builds a workbook from CSV text in the archive. Cells
// that read as numbers become numbers, cells starting with = become formulas (with no
// cached value, as scripts write them), and a leading ' keeps a cell as text.
func cmdMkxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: mkxlsx in.csv out.xlsx [sheet]")
	}
	sheet := "Số liệu"
	if len(args) == 3 {
		sheet = args[2]
	}
	rd := csv.NewReader(strings.NewReader(ts.ReadFile(args[0])))
	rd.FieldsPerRecord = -1
	recs, err := rd.ReadAll()
	ts.Check(err)
	out := ts.MkAbs(args[1])
	f := excelize.NewFile()
	if _, err := os.Stat(out); err == nil {
		f, err = excelize.OpenFile(out)
		ts.Check(err)
		if _, err := f.NewSheet(sheet); err != nil {
			ts.Fatalf("%v", err)
		}
	} else {
		ts.Check(f.SetSheetName("Sheet1", sheet))
	}
	for r, rec := range recs {
		for c, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			switch {
			case v == "":
			case strings.HasPrefix(v, "="):
				ts.Check(f.SetCellFormula(sheet, cell, v[1:]))
			case strings.HasPrefix(v, "'"):
				ts.Check(f.SetCellStr(sheet, cell, v[1:]))
			default:
				if n, err := strconv.ParseFloat(v, 64); err == nil {
					ts.Check(f.SetCellValue(sheet, cell, n))
				} else {
					ts.Check(f.SetCellStr(sheet, cell, v))
				}
			}
		}
	}
	ts.Check(f.SaveAs(out))
}

// dumpxlsx file.xlsx [sheet]: prints the cells as TSV, each sheet under "# name".
func cmdDumpxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: dumpxlsx file.xlsx [sheet]")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	sheets := f.GetSheetList()
	if len(args) == 2 {
		sheets = []string{args[1]}
	}
	var b strings.Builder
	for _, s := range sheets {
		rows, err := f.GetRows(s)
		ts.Check(err)
		fmt.Fprintf(&b, "# %s\n", s)
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t"))
			b.WriteByte('\n')
		}
	}
	ts.Stdout().Write([]byte(b.String()))
}

// mkbytes out n [zip]: writes n pseudo-random bytes (always the same ones) to out, for files
// that only look like workbooks; with "zip" they start with a zip signature, as a workbook
// cut short in transfer does.
func cmdMkbytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: mkbytes out n [zip]")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	var b []byte
	if len(args) == 3 && args[2] == "zip" {
		b = append(b, 'P', 'K', 3, 4)
	}
	r := rand.New(rand.NewPCG(16, 2025))
	for len(b) < n {
		b = append(b, byte(r.Uint32()))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
}
