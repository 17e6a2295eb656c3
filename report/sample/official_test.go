package sample

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drugfree/internal/testkit"
)

// dumpBook writes what a clerk sees and what a reader reads of a workbook, sheet by
// sheet: the sheet's visibility, hidden columns, merged ranges, and every cell's value
// and formula. Two workbooks with the same dump hold the same return, whatever bytes.
func dumpBook(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		visible, _ := f.GetSheetVisible(sheet)
		fmt.Fprintf(&b, "sheet %q visible=%v\n", sheet, visible)
		for c := 1; c <= 32; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			if v, _ := f.GetColVisible(sheet, name); !v {
				fmt.Fprintf(&b, "hidden column %s\n", name)
			}
		}
		merges, _ := f.GetMergeCells(sheet)
		for _, m := range merges {
			fmt.Fprintf(&b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fm, _ := f.GetCellFormula(sheet, cell)
				if v != "" || fm != "" {
					fmt.Fprintf(&b, "%s %q =%s\n", cell, v, fm)
				}
			}
		}
	}
	return b.String()
}

// The official returns of testdata are what the generator writes, and the set has each
// layout of SPEC §8 somewhere.
func TestOfficialTestdataIsTheGenerated(t *testing.T) {
	set := OfficialSet(testkit.TestPlan, 2025)
	td := filepath.Join(testkit.Testdata(t), OfficialDir)
	files, _ := filepath.Glob(filepath.Join(td, "*.xlsx"))
	if len(files) != len(set) {
		t.Errorf("%d workbooks in %s, the generator writes %d: run drugfree sample testdata --force", len(files), td, len(set))
	}
	for _, o := range set {
		var buf bytes.Buffer
		if err := WriteOfficial(&buf, testkit.TestPlan, o); err != nil {
			t.Fatal(err)
		}
		want := dumpBook(t, buf.Bytes())
		if got := dumpBook(t, testkit.MustRead(t, filepath.Join(td, o.Name))); got != want {
			t.Errorf("%s is not what the generator writes: run drugfree sample testdata --force", o.Name)
		}
	}
	var has = map[string]bool{}
	for _, o := range set {
		f := o.Form
		for name, ok := range map[string]bool{
			"header below row 15": f.Citations >= 6, "column numbers": f.NumberRow, "group rows": f.GroupRows,
			"totals first": f.TotalsFirst, "totals last": f.TotalsLast, "repeated header": f.RepeatHeader > 0,
			"hidden column": f.HiddenColumn, "hidden old sheet": f.HiddenOldSheet, "hidden list sheet": f.ListSheet == "hidden",
			"visible list sheet": f.ListSheet == "visible", "merged commune header": f.MergedCommune, "float noise": f.FloatNoise,
			"apostrophes": f.Apostrophes, "formula totals": f.FormulaTotals, "preparer": f.Preparer != "",
			"review": o.Spec.Kind == "review", "phase 1": o.Spec.Kind == "phase1",
			"a commune's phase 3, after the reform": o.Spec.Kind == "phase3" && len(o.Spec.Rows) == 1 && o.Spec.Rows[0].Commune.District == "",
		} {
			has[name] = has[name] || ok
		}
	}
	for name, ok := range has {
		if !ok {
			t.Errorf("no official return of the set has %s", name)
		}
	}
	districts := map[string]bool{}
	for _, o := range set {
		if len(testkit.TestPlan.Registry.InDistrict(o.Spec.District)) > 0 {
			districts[o.Spec.District] = true
		}
	}
	if len(districts) != len(testkit.TestPlan.Registry.Districts()) {
		t.Errorf("the set covers %d districts, want every one", len(districts))
	}
}
