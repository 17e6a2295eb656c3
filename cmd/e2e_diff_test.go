package cmd

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drugfree/criteria"
	"drugfree/report/read"
)

// Issue 18: an official one-sheet return (SPEC §8) sent twice. The second version corrects
// Xã Châu Điền's managed addicts from 65 to 55 (of 70), which moves it from Loại II to Loại
// III, and is dated three days later in its letterhead. diff names both, each at its cell
// of the sheet the clerk opens, and nothing else.
func TestE2EDiffOfficialResubmission(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "testdata", "official", "phase1-huyen-cau-ke-302.xlsx")
	oldPath, newPath := filepath.Join(dir, "lan-1.xlsx"), filepath.Join(dir, "lan-2.xlsx")
	copyFile(t, src, oldPath)
	copyFile(t, src, newPath)

	// Where the figures and the date are, as the reader finds them.
	rets, probs := read.ReadFiles([]string{oldPath}, read.ReadOptions{Plan: criteria.Default()})
	if len(rets) != 1 {
		t.Fatalf("%d returns read, want 1 (%v)", len(rets), probs)
	}
	r := rets[0]
	line := 0
	for _, row := range r.Rows {
		if row.Commune.Code == "29314" { // Xã Châu Điền
			line = row.Line
		}
	}
	totalCol, managedCol, dateCell := r.Columns["addicts_total"], r.Columns["addicts_managed"], r.CoverCells["report_date"]
	if line == 0 || totalCol == "" || managedCol == "" || dateCell == "" {
		t.Fatalf("Châu Điền at line %d, columns %q %q, date at %q", line, totalCol, managedCol, dateCell)
	}
	edit := func(path string, managed int, date string) {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for cell, v := range map[string]any{totalCol + itoa(line): 70, managedCol + itoa(line): managed} {
			if err := f.SetCellValue(r.Sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
		// The sender's totals rows follow (Châu Điền had none before).
		rows, err := f.GetRows(r.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		communeAt, _ := excelize.ColumnNameToNumber(r.Columns["commune"])
		totals := 0
		for i, row := range rows {
			if len(row) < communeAt || !strings.HasPrefix(strings.ToLower(row[communeAt-1]), "tổng") && !strings.HasPrefix(strings.ToLower(row[communeAt-1]), "toàn") {
				continue
			}
			totals++
			for col, add := range map[string]int{totalCol: 70, managedCol: managed} {
				cell := col + itoa(i+1)
				v, err := f.GetCellValue(r.Sheet, cell)
				n, convErr := strconv.Atoi(v)
				if err != nil || convErr != nil {
					t.Fatalf("totals %s: %q %v %v", cell, v, err, convErr)
				}
				if err := f.SetCellValue(r.Sheet, cell, n+add); err != nil {
					t.Fatal(err)
				}
			}
		}
		if totals == 0 {
			t.Fatal("no totals row found")
		}
		if date != "" {
			old, _ := f.GetCellValue(r.Sheet, dateCell)
			if !strings.Contains(old, "ngày 25 tháng 04 năm 2025") {
				t.Fatalf("date line %q", old)
			}
			if err := f.SetCellValue(r.Sheet, dateCell, strings.Replace(old, "ngày 25", date, 1)); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
	}
	edit(oldPath, 65, "")
	edit(newPath, 55, "ngày 28")

	code, out, errOut := bin(t, dir, "diff", "lan-1.xlsx", "lan-2.xlsx", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d, want 0\n%s", code, errOut)
	}
	var got struct {
		Changes []struct {
			Change, Commune, Field string
			Old, New               any
			OldCell                string `json:"old_cell"`
			NewCell                string `json:"new_cell"`
			Because                []string
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range got.Changes {
		lines = append(lines, strings.Join([]string{c.Change, c.Commune, c.Field, jsonText(c.Old), jsonText(c.New), c.OldCell, c.NewCell, strings.Join(c.Because, "+")}, " | "))
	}
	at := r.Sheet + "!"
	want := []string{
		"cover |  | report_date | 2025-04-25 | 2025-04-28 | " + at + dateCell + " | " + at + dateCell + " | ",
		"figure | Xã Châu Điền | addicts_managed | 65 | 55 | " + at + managedCol + itoa(line) + " | " + at + managedCol + itoa(line) + " | ",
		"category | Xã Châu Điền |  | type-2 | type-3 |  |  | addicts_managed",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// jsonText is a value of the JSON output as text: a number without decimals, null as "".
func jsonText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}
