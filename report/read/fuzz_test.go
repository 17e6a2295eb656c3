package read

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"drugfree/i18n"
	"drugfree/internal/testkit"
	"drugfree/report/problem"
)

// The fuzz targets feed the whole read path, from a file's bytes to returns and problems:
// FuzzReadBytes the bytes of a file (zip directory, entries, compression), FuzzReadPart
// the bytes of one part of a sound workbook (its XML, rezipped so that the zip itself is
// sound, which random bytes rarely are). On any bytes, reading must not panic, must
// give a problem for every file it gives no return for, must give each problem its code,
// file and message, and must read the same bytes the same way twice (the worker's memo
// changes no result). Their seeds are testdata's workbooks and testdata/fuzz/<target>,
// where the crashers found are kept. CI runs each for a short time (.ci/run); run one
// longer with, for example:
//
//	go test ./report/read -run '^$' -fuzz '^FuzzReadBytes$' -fuzztime 10m -parallel 1

func FuzzReadBytes(f *testing.F) {
	for _, path := range testkit.TestdataWorkbooks(f) {
		f.Add(mustRead(f, path))
	}
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18)))) // an empty zip
	f.Add([]byte("ma_xa,ten_xa\n1,Hòa Ân\n"))
	e := newEnv(ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, e, "fuzz.xlsx", data)
	})
}

func FuzzReadPart(f *testing.F) {
	seed := mustRead(f, filepath.Join(testkit.Testdata(f), "returns", "phase3", "phase3-phuong-hoa-thuan.xlsx"))
	parts := zipParts(f, seed)
	for i, p := range parts {
		f.Add(uint8(i), p.data)
	}
	e := newEnv(ReadOptions{Plan: testkit.TestPlan, Lang: i18n.En})
	f.Fuzz(func(t *testing.T, which uint8, part []byte) {
		i := int(which) % len(parts)
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for j, p := range parts {
			w, err := zw.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			data := p.data
			if j == i {
				data = part
			}
			if _, err := w.Write(data); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		checkRead(t, e, "fuzz.xlsx", buf.Bytes())
	})
}

type zipPart struct {
	name string
	data []byte
}

// zipParts are the entries of a zip, in the zip's order.
func zipParts(t testing.TB, data []byte) []zipPart {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []zipPart
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, zipPart{zf.Name, b})
	}
	return out
}

// checkRead reads data as the file path twice, with one worker's memo, without the
// recovery readFile has (a panic is a defect even when caught), and checks what any
// reading must give.
func checkRead(t *testing.T, e *env, path string, data []byte) {
	memo := newWorkerMemo(e)
	rets1, probs1 := readData(e, path, data, memo)
	rets2, probs2 := readData(e, path, data, memo)
	if len(rets1) == 0 && len(probs1) == 0 {
		t.Fatal("no return and no problem")
	}
	for _, p := range probs1 {
		if p.Code == "" || p.File != path || p.Message == "" {
			t.Fatalf("problem without code, file or message: %+v", p)
		}
		if !slices.Contains([]problem.Severity{problem.Error, problem.Warning}, p.Severity) {
			t.Fatalf("problem of severity %q: %+v", p.Severity, p)
		}
	}
	if !reflect.DeepEqual(probs1, probs2) || len(rets1) != len(rets2) {
		t.Fatalf("read twice, read differently:\n%s\nthen\n%s", testkit.Dump(probs1), testkit.Dump(probs2))
	}
	for i := range rets1 {
		if !reflect.DeepEqual(rets1[i].Rows, rets2[i].Rows) {
			t.Fatalf("return %d read twice, rows differ", i)
		}
	}
}

// readData is readFile on bytes already read, without its recovery from a panic.
func readData(e *env, path string, data []byte, memo *workerMemo) ([]*Return, []problem.Problem) {
	r := e.newReader(path, memo)
	return r.readBytes(data), r.problems
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
