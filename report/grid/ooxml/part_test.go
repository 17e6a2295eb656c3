package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// zipOf writes a zip of the named parts, in order.
func zipOf(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i < len(parts); i += 2 {
		f, err := w.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(parts[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// badCRC changes the CRC-32 the central directory gives the part name.
func badCRC(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	data = bytes.Clone(data)
	for i := 0; i+46 <= len(data); i++ {
		if string(data[i:i+4]) != "PK\x01\x02" {
			continue
		}
		n := int(binary.LittleEndian.Uint16(data[i+28:]))
		if string(data[i+46:i+46+n]) == name {
			data[i+16] ^= 0xFF
			return data
		}
	}
	t.Fatalf("no entry %s", name)
	return nil
}

// bookOf is a Book of data's parts, remembering small parts in memo.
func bookOf(t *testing.T, data []byte, memo *PartMemo) *Book {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	b := &Book{data: data, files: map[string]*zip.File{}, parts: memo}
	for _, f := range zr.File {
		b.files[f.Name] = f
	}
	return b
}

// A small part remembered from another book is what reading it gives: for the same
// bytes, and not for a part of the same name and bytes whose CRC-32 is wrong (an error),
// nor one of other bytes.
func TestPartMemoIsPart(t *testing.T) {
	rels := `<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="t/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	rng := rand.New(rand.NewPCG(1, 1))
	noise := make([]byte, 16<<10)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	big := hex.EncodeToString(noise) // compressed, well over partMemoSize
	same := zipOf(t, "_rels/.rels", rels, "xl/big.xml", big)
	other := zipOf(t, "_rels/.rels", rels+" ", "xl/big.xml", big)
	books := [][]byte{same, same, badCRC(t, same, "_rels/.rels"), other, same, badCRC(t, same, "xl/big.xml")}
	memo := &PartMemo{}
	for i, data := range books {
		b := bookOf(t, data, memo)
		fresh := bookOf(t, data, nil)
		for _, name := range []string{"_rels/.rels", "xl/big.xml", "no/such.xml"} {
			got, gotErr := b.smallPart(name)
			want, wantErr := fresh.part(name)
			if !bytes.Equal(got, want) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("book %d, %s: %d bytes, %v; want %d bytes, %v", i, name, len(got), gotErr, len(want), wantErr)
			}
		}
	}
	if _, err := bookOf(t, books[2], nil).part("_rels/.rels"); err == nil {
		t.Error("a wrong CRC-32 reads without error: the test says little")
	}
	if n := len(memo.m); n != 3 { // the relationships as they are, with a bad CRC, and other
		t.Errorf("%d parts remembered, want 3 (the large one is not)", n)
	}
}

// A part small once compressed but large once inflated (deflate reaches a thousand to
// one) is read, not remembered: the memo's memory is bounded by what parts inflate to.
func TestPartMemoSkipsPartsThatInflateLarge(t *testing.T) {
	large := strings.Repeat("<row/>", (partMemoInflated/6)+1) // repeats: a few hundred bytes compressed
	data := zipOf(t, "xl/large.xml", large, "xl/small.xml", "<row/>")
	memo := &PartMemo{}
	b := bookOf(t, data, memo)
	if f := b.files["xl/large.xml"]; f.CompressedSize64 > partMemoSize {
		t.Fatalf("the part compresses to %d bytes: the test says little", f.CompressedSize64)
	}
	for _, name := range []string{"xl/large.xml", "xl/small.xml"} {
		got, err := b.smallPart(name)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]int{"xl/large.xml": len(large), "xl/small.xml": 6}[name]; len(got) != want {
			t.Errorf("%s: %d bytes, want %d", name, len(got), want)
		}
	}
	if n := len(memo.m); n != 1 {
		t.Errorf("%d parts remembered, want 1 (the small one)", n)
	}
}

// What a small part was read into (its relationships) is remembered with the part: a
// book whose part has the same bytes gets it, one whose part differs reads its own.
func TestReadPartIsRead(t *testing.T) {
	rels := func(target string) string {
		return `<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="t/officeDocument" Target="` + target + `"/></Relationships>`
	}
	one, two := zipOf(t, "_rels/.rels", rels("xl/one.xml")), zipOf(t, "_rels/.rels", rels("xl/two.xml"))
	memo := &PartMemo{}
	for i, data := range [][]byte{one, one, two, one, badCRC(t, two, "_rels/.rels"), two} {
		got, gotErr := bookOf(t, data, memo).rels("_rels/.rels")
		part, wantErr := bookOf(t, data, nil).part("_rels/.rels")
		var want []xmlRel
		if wantErr == nil {
			want, wantErr = readRels(part)
		}
		if fmt.Sprint(got, gotErr) != fmt.Sprint(want, wantErr) {
			t.Errorf("book %d: %v, %v; want %v, %v", i, got, gotErr, want, wantErr)
		}
	}
	if n := len(memo.m); n != 3 {
		t.Errorf("%d parts remembered, want 3", n)
	}
}
