package ooxml

import (
	"archive/zip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strings"
)

// A workbook is a zip of parts (OPC): workbook.xml, its relationships, the shared
// strings, one part per worksheet. This file reads them, remembering the small ones a
// round's returns share.

// part returns a part's bytes. What it inflates is spent from the book's budget
// (Options.Budget) before it is read: the size the zip's directory declares, which
// archive/zip never lets an entry exceed (it fails the read beyond it), so a part that
// would take the workbook beyond its limit is refused before a byte is inflated, and a
// part read again costs again. The buffer is never sized from the directory alone: no
// larger than the part's compressed bytes can inflate to (maxInflated).
func (b *Book) part(name string) ([]byte, error) {
	f := b.files[name]
	if f == nil {
		return nil, fmt.Errorf("no part %s", name)
	}
	declared := min(f.UncompressedSize64, math.MaxInt64/2)
	if err := b.budget.Spend(int64(declared)); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(name, err)
	}
	defer rc.Close()
	// one byte more than declared, to meet the end, where the zip reader checks the
	// size and checksum
	buf := make([]byte, min(declared, maxInflated(f))+1)
	n := 0
	for n < len(buf) && err == nil {
		var m int
		m, err = rc.Read(buf[n:])
		n += m
	}
	switch {
	case err == io.EOF: // the zip reader checked the size and checksum
		return buf[:n], nil
	case err != nil: // io.ErrUnexpectedEOF too: fewer bytes than declared
		return buf[:n], damaged(name, err)
	}
	// more than the zip said, or than deflate can give: as archive/zip, an error
	return buf[:n], damaged(name, zip.ErrFormat)
}

// Damaged is the error of a part the zip cannot give whole: its bytes fail their
// checksum, inflate to more than the directory declares, or are cut short. The file is
// damaged: excelize would read such a part up to the damage without a word, so it is
// not given to excelize.
type Damaged struct {
	Part string
	Err  error
}

func (e *Damaged) Error() string { return e.Part + ": " + e.Err.Error() }
func (e *Damaged) Unwrap() error { return e.Err }

// damaged is err, a part's failure, as a *Damaged when it is the zip's data at fault
// (not a compression method archive/zip does not know, which excelize may).
func damaged(name string, err error) error {
	if errors.Is(err, zip.ErrAlgorithm) {
		return err
	}
	return &Damaged{Part: name, Err: err}
}

// maxInflated is the most a zip entry's compressed bytes can inflate to: deflate
// gives at most 258 bytes for each 2 bits (1032 to 1), a stored entry its own size.
func maxInflated(f *zip.File) uint64 {
	c := min(f.CompressedSize64, math.MaxInt64/2048)
	if f.Method == zip.Store {
		return c
	}
	return c*1032 + 1024
}

// PartMemo remembers what part gave for small parts, by everything part's outcome
// depends on (partKey): the returns of a round come from one template, and their
// relationships and workbook.xml are the same bytes in every file, each inflated with a
// decompressor of its own. One reading goroutine uses it; what it holds is read only.
type PartMemo struct{ m map[string]*partResult }

type partResult struct {
	data []byte
	err  error
	// read is what the part was read into (readPart), kept for the next book with the
	// same part
	read any
}

const (
	partMemoSize     = 4 << 10  // the largest compressed part remembered
	partMemoInflated = 64 << 10 // and the largest inflated one
	partMemoMax      = 64       // parts remembered, emptied when full
)

// smallPart is part(name), from b.parts when a part of the same bytes was read before.
// Its result must not be changed: it may be another book's.
func (b *Book) smallPart(name string) ([]byte, error) {
	r := b.smallEntry(name)
	return r.data, r.err
}

// smallEntry is what smallPart gives, as it is remembered in b.parts.
func (b *Book) smallEntry(name string) *partResult {
	f := b.files[name]
	if f == nil || b.parts == nil {
		data, err := b.part(name)
		return &partResult{data: data, err: err}
	}
	key, ok := b.partKey(f)
	if !ok {
		data, err := b.part(name)
		return &partResult{data: data, err: err}
	}
	if r, ok := b.parts.m[key]; ok {
		return r
	}
	data, err := b.part(name)
	switch {
	case b.parts.m == nil:
		b.parts.m = map[string]*partResult{}
	case len(b.parts.m) >= partMemoMax:
		clear(b.parts.m)
	}
	r := &partResult{data: data, err: err}
	b.parts.m[key] = r
	return r
}

// readPart is read(smallPart(name)), remembered with the part in b.parts: the returns
// of a round share their relationships and workbook.xml, which are then read once, not
// once a book. What it gives must not be changed: it may be another book's.
func readPart[T any](b *Book, name string, read func([]byte) (T, error)) (T, error) {
	type readResult struct {
		v   T
		err error
	}
	r := b.smallEntry(name)
	if r.err != nil {
		var zero T
		return zero, r.err
	}
	if got, ok := r.read.(readResult); ok {
		return got.v, got.err
	}
	v, err := read(r.data)
	r.read = readResult{v, err}
	return v, err
}

// partKey is everything part's outcome depends on, as archive/zip's File.Open and its
// checksumReader read an entry: its name (a directory's is read as empty), method, flags
// (a data descriptor after the data), CRC-32 and both sizes from the directory, its
// compressed bytes, and the 16 bytes after them (the data descriptor, whose CRC-32 is
// checked). ok is false for a large part, or one whose local header cannot be read
// (part then says why).
func (b *Book) partKey(f *zip.File) (string, bool) {
	if f.CompressedSize64 > partMemoSize || f.UncompressedSize64 > partMemoInflated {
		return "", false // a small part may inflate a thousandfold: both sizes are bounded
	}
	off, err := f.DataOffset()
	if err != nil || off < 0 || off > int64(len(b.data)) {
		return "", false
	}
	end := min(off+int64(f.CompressedSize64), int64(len(b.data)))
	desc := min(end+16, int64(len(b.data)))
	var head [2 + 2 + 4 + 8 + 8 + 8 + 8]byte
	binary.LittleEndian.PutUint16(head[0:], f.Method)
	binary.LittleEndian.PutUint16(head[2:], f.Flags)
	binary.LittleEndian.PutUint32(head[4:], f.CRC32)
	binary.LittleEndian.PutUint64(head[8:], f.UncompressedSize64)
	binary.LittleEndian.PutUint64(head[16:], f.CompressedSize64)
	binary.LittleEndian.PutUint64(head[24:], uint64(end-off))  // the data, and then
	binary.LittleEndian.PutUint64(head[32:], uint64(desc-end)) // what follows it
	return string(head[:]) + f.Name + "\x00" + string(b.data[off:desc]), true
}

func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(dir, target)
}
