package ooxml

import (
	"archive/zip"
	"encoding/binary"
	"fmt"
	"io"
	"path"
	"strings"
)

// A workbook is a zip of parts (OPC): workbook.xml, its relationships, the shared
// strings, one part per worksheet. This file reads them, remembering the small ones a
// round's returns share.

// part returns a part's bytes, read in one buffer of the size the zip gives (one byte
// more, to meet the end, where the zip reader checks the size and checksum).
func (b *Book) part(name string) ([]byte, error) {
	f := b.files[name]
	if f == nil {
		return nil, fmt.Errorf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := make([]byte, f.UncompressedSize64+1)
	n, err := io.ReadFull(rc, buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return buf[:n], nil
	case err != nil:
		return buf[:n], err
	}
	// more than the zip said: as archive/zip, an error
	return buf[:n], zip.ErrFormat
}

// PartMemo remembers what part gave for small parts, by everything part's outcome
// depends on (partKey): the returns of a round come from one template, and their
// relationships and workbook.xml are the same bytes in every file, each inflated with a
// decompressor of its own. One reading goroutine uses it; what it holds is read only.
type PartMemo struct{ m map[string]partResult }

type partResult struct {
	data []byte
	err  error
}

const (
	partMemoSize     = 4 << 10  // the largest compressed part remembered
	partMemoInflated = 64 << 10 // and the largest inflated one
	partMemoMax      = 64       // parts remembered, emptied when full
)

// smallPart is part(name), from b.parts when a part of the same bytes was read before.
// Its result must not be changed: it may be another book's.
func (b *Book) smallPart(name string) ([]byte, error) {
	f := b.files[name]
	if f == nil || b.parts == nil {
		return b.part(name)
	}
	key, ok := b.partKey(f)
	if !ok {
		return b.part(name)
	}
	if r, ok := b.parts.m[key]; ok {
		return r.data, r.err
	}
	data, err := b.part(name)
	switch {
	case b.parts.m == nil:
		b.parts.m = map[string]partResult{}
	case len(b.parts.m) >= partMemoMax:
		clear(b.parts.m)
	}
	b.parts.m[key] = partResult{data, err}
	return data, err
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
