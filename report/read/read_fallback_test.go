package read

import (
	"path/filepath"
	"reflect"
	"testing"

	"drugfree/internal/testkit"
	"drugfree/report/grid"
	"drugfree/report/grid/ooxml"
	"drugfree/report/problem"
	"drugfree/report/sample"
)

// The reader reads a workbook with the scanner of package ooxml, and with excelize when
// the scanner declines it or fails in it. These tests patch a return of testdata
// (15 rows: a header and 14 communes, on sheet2.xml) and read it end to end.

const sampleReturn = "review-huyen-cang-long.xlsx"

// copyReturn copies the sample return into a directory of its own.
func copyReturn(t *testing.T) string {
	t.Helper()
	data := testkit.MustRead(t, filepath.Join(testkit.Testdata(t), "returns", "review", sampleReturn))
	return testkit.WriteFile(t, t.TempDir(), sampleReturn, data)
}

// readNormalized reads a file, leaving out its path and digest, so that files of other
// bytes compare.
func readNormalized(path string, o ReadOptions) ([]*Return, []problem.Problem) {
	rets, probs := ReadFile(path, o)
	for _, r := range rets {
		r.File, r.SHA256 = "", ""
	}
	for i := range probs {
		probs[i].File = ""
	}
	return rets, probs
}

// excelizeOnly is o reading with excelize alone.
func excelizeOnly(o ReadOptions) ReadOptions {
	o.excelizeOnly = true
	return o
}

// checkSame fails unless a and b read alike.
func checkSame(t *testing.T, what string, gotRets []*Return, gotProbs []problem.Problem, wantRets []*Return, wantProbs []problem.Problem) {
	t.Helper()
	if len(wantRets) == 0 || len(wantRets[0].Rows) == 0 {
		t.Fatalf("%s: nothing read to compare with:\n%s", what, testkit.Dump(wantProbs))
	}
	if !reflect.DeepEqual(gotRets, wantRets) || !reflect.DeepEqual(gotProbs, wantProbs) {
		t.Errorf("%s: read differently:\n%+v\n%s\nwant\n%+v\n%s", what, gotRets, testkit.Dump(gotProbs), wantRets, testkit.Dump(wantProbs))
	}
}

// An XML comment is not data: a row, a shared string or part of a figure inside one is
// not read, and the workbook reads as it does without the comment, with the scanner.
func TestReadXMLCommentsAreNotData(t *testing.T) {
	orig := filepath.Join(testkit.Testdata(t), "returns", "review", sampleReturn)
	wantRets, wantProbs := readNormalized(orig, opts())
	for _, c := range []struct{ name, part, old, new string }{
		// row 2's commune again, with another population, commented out before row 3
		{"a row between rows", "xl/worksheets/sheet2.xml", `<row r="3"`,
			`<!-- <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>46</v></c><c r="E3"><v>99999</v></c></row> --><row r="3"`},
		{"in a cell and its value", "xl/worksheets/sheet2.xml", `<v>18648</v>`, `<!-- <v>1</v> --><v>186<!-- 0 -->48</v>`},
		{"a shared string", "xl/sharedStrings.xml", `<si>`, `<!-- <si><t>Huyện Càng Long</t></si> --><si>`},
		{"a comment and an instruction before the root", "xl/worksheets/sheet2.xml", `<worksheet`,
			`<!-- <worksheet><sheetData><row r="2"/></sheetData></worksheet> --><?mso-application progid="Excel.Sheet"?><worksheet`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := copyReturn(t)
			testkit.PatchZip(t, path, c.part, c.old, c.new)
			o := opts()
			o.fellBack = func(why any) { t.Errorf("read with excelize: %v", why) }
			rets, probs := readNormalized(path, o)
			checkSame(t, c.name, rets, probs, wantRets, wantProbs)
		})
	}
}

// bigReturn writes a return of a district of 30 communes (rows 2 to 31 of its data
// sheet) with a population that is not a whole number on rows 5 and 20, and gives the
// options that read it.
func bigReturn(t *testing.T) (string, ReadOptions) {
	t.Helper()
	dir := t.TempDir()
	files, err := sample.WriteCorpus(dir, testkit.TestPlan, sample.CorpusOptions{Districts: 1, Communes: 70, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	o := ReadOptions{Plan: testkit.CorpusPlan(t, dir)}
	path := files[0]
	for _, cell := range []string{"E5", "E20"} {
		testkit.PatchZip(t, path, "xl/worksheets/", `<c r="`+cell+`" s="6"><v>`, `<c r="`+cell+`" s="6"><v>0.5`)
	}
	return path, o
}

// A workbook the scanner fails on, declines or panics in, but excelize reads, is read
// as excelize alone reads it, and not called damaged. A failure midway in the data
// (row 25, or near the end of a 70-commune sheet, past the rows the header is searched in) comes after rows have been
// read and checked: they are not read twice, nor their problems reported twice.
func TestReadFallsBackToExcelize(t *testing.T) {
	orig, o := bigReturn(t)
	wantRets, wantProbs := readNormalized(orig, o)
	if n, p := len(wantRets[0].Rows), len(testkit.ProblemsWith(wantProbs, problem.CodeNotInteger)); n < 25 || p != 2 {
		t.Fatalf("%d rows, %d problems: the test says little", n, p)
	}
	for _, c := range []struct{ name, part, old, new string }{
		{"a shared string that is not there", "xl/worksheets/", `</row><row r="26"`, `<c r="AZ25" t="s"><v>99999</v></c></row><row r="26"`},
		{"an element the scanner does not know in a cell", "xl/worksheets/", `</row><row r="26"`, `<c r="AZ25"><extLst/></c></row><row r="26"`},
		{"a DOCTYPE", "xl/worksheets/", `<worksheet`, `<!DOCTYPE worksheet><worksheet`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := testkit.WriteFile(t, t.TempDir(), filepath.Base(orig), testkit.MustRead(t, orig))
			testkit.PatchZip(t, path, c.part, c.old, c.new)
			fast := o
			fell := 0
			fast.fellBack = func(any) { fell++ }
			rets, probs := readNormalized(path, fast)
			if fell != 1 {
				t.Fatalf("the scanner gave way %d times, want once: the test says little", fell)
			}
			slowRets, slowProbs := readNormalized(path, excelizeOnly(o))
			checkSame(t, "excelize alone", rets, probs, slowRets, slowProbs)
			checkSame(t, "the file unpatched", rets, probs, wantRets, wantProbs)
		})
	}
	t.Run("a panic", func(t *testing.T) {
		defer func(open func([]byte, ooxml.Options) (scannedBook, error)) { openScanner = open }(openScanner)
		var calls, line int
		after := -1 // first, count the rows read from the sheets without panicking
		openScanner = func(data []byte, opt ooxml.Options) (scannedBook, error) {
			b, err := ooxml.Open(data, opt)
			if err != nil {
				return nil, err
			}
			return panicBook{b, &calls, &line, after}, nil
		}
		readNormalized(orig, o)
		after, calls = calls-5, 0 // then panic near the end of the data, past both headers
		fast := o
		var why any
		fast.fellBack = func(v any) { why = v }
		rets, probs := readNormalized(orig, fast)
		if why != "a bug of ours" || line <= grid.HeaderRows {
			t.Fatalf("gave way for %v after line %d: the test says little", why, line)
		}
		checkSame(t, "excelize alone", rets, probs, wantRets, wantProbs)
	})
}

// panicBook is a scanned book whose sources panic once n rows have been asked of them;
// line is the last line they gave.
type panicBook struct {
	scannedBook
	calls, line *int
	n           int
}

func (b panicBook) Source(sheet string) (grid.Source, error) {
	src, err := b.scannedBook.Source(sheet)
	if err != nil {
		return nil, err
	}
	return panicSource{src, b}, nil
}

type panicSource struct {
	grid.Source
	b panicBook
}

func (s panicSource) Next() (grid.Row, bool, error) {
	if *s.b.calls++; *s.b.calls == s.b.n {
		panic("a bug of ours")
	}
	g, ok, err := s.Source.Next()
	*s.b.line = g.Line
	return g, ok, err
}

// A file excelize cannot read either is damaged, as excelize says: the same returns and
// problems as excelize alone gives.
func TestReadUnreadableWhenExcelizeFailsToo(t *testing.T) {
	for _, c := range []struct{ name, row string }{
		{"a row number past the last row", `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`},
		{"a row number that is not one", `<row r="x16"><c r="A16"><v>1</v></c></row>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := copyReturn(t)
			testkit.PatchZip(t, path, "xl/worksheets/sheet2.xml", `</sheetData>`, c.row+`</sheetData>`)
			o := opts()
			fell := 0
			o.fellBack = func(any) { fell++ }
			rets, probs := readNormalized(path, o)
			slowRets, slowProbs := readNormalized(path, excelizeOnly(opts()))
			if !reflect.DeepEqual(rets, slowRets) || !reflect.DeepEqual(probs, slowProbs) {
				t.Errorf("read differently:\n%s\nwant\n%s", testkit.Dump(probs), testkit.Dump(slowProbs))
			}
			testkit.WantProblem(t, probs, problem.CodeUnreadableFile, "")
			if fell != 1 {
				t.Errorf("the scanner gave way %d times, want once", fell)
			}
		})
	}
}
