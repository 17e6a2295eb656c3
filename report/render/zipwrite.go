package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"sync"

	"github.com/xuri/excelize/v2"
)

// zipChunk is how much of a part one worker deflates at a time; one chunk per core is in
// flight.
const zipChunk = 256 << 10

// parallelZip is an excelize.ZipWriter that deflates each part in chunks of zipChunk
// bytes on every core, as pigz does: each chunk is deflated on its own, at archive/zip's
// level, and ends with a sync flush (the last one closes the stream), so the chunks
// joined in order are one deflate stream of the whole part. A part's entry is written
// with CreateRaw once its chunks are done, with the header and data descriptor
// zip.Writer.Create would write. What it holds at any time is a few raw chunks (copied
// from what it is given, never retained) and the deflated part being built.
type parallelZip struct {
	zw     *zip.Writer
	free   chan []byte        // raw chunk buffers not in use; bounds the chunks in flight
	flates chan *flate.Writer // one per chunk in flight, made when first needed
	closed bool               // Close was called: no part may follow
	names  []string           // the parts, in order

	// The part being written.
	name    string
	open    bool
	raw     []byte // the chunk being filled
	crc     uint32
	size    uint64
	outs    []*bytes.Buffer // deflated chunks, in order
	wg      sync.WaitGroup
	err     error
	errOnce sync.Once
}

func newParallelZip(w io.Writer) *parallelZip {
	n := max(runtime.GOMAXPROCS(0), 1)
	z := &parallelZip{zw: zip.NewWriter(w), free: make(chan []byte, n), flates: make(chan *flate.Writer, n)}
	for range n {
		z.free <- nil // allocated when first filled
	}
	return z
}

// Create ends the previous part and starts one named name.
func (z *parallelZip) Create(name string) (io.Writer, error) {
	if z.closed {
		z.fail(errZipClosed)
		return nil, errZipClosed
	}
	if err := z.endPart(); err != nil {
		return nil, err
	}
	z.name, z.open, z.crc, z.size, z.outs = name, true, 0, 0, z.outs[:0]
	z.names = append(z.names, name)
	return z, nil
}

// Write adds p to the part being written.
func (z *parallelZip) Write(p []byte) (int, error) {
	n := len(p)
	z.crc = crc32.Update(z.crc, crc32.IEEETable, p)
	z.size += uint64(n)
	for len(p) > 0 {
		if z.raw == nil {
			z.raw = z.take()
		}
		// A chunk grows as it is filled, so that a small workbook keeps small buffers.
		k := min(len(p), zipChunk-len(z.raw))
		if cap(z.raw)-len(z.raw) < k {
			b := make([]byte, len(z.raw), min(zipChunk, max(2*cap(z.raw), len(z.raw)+k)))
			copy(b, z.raw)
			z.raw = b
		}
		z.raw = append(z.raw, p[:k]...)
		p = p[k:]
		if len(z.raw) == zipChunk {
			z.deflate(false)
		}
	}
	return n, nil
}

// take waits for a free chunk buffer.
func (z *parallelZip) take() []byte {
	b := <-z.free
	return b[:0] // nil until first filled
}

// deflate hands the chunk being filled to a worker; last closes the part's stream.
func (z *parallelZip) deflate(last bool) {
	raw := z.raw
	if raw == nil {
		raw = z.take() // an empty part still takes a chunk's turn
	}
	z.raw = nil
	out := bytes.NewBuffer(make([]byte, 0, len(raw)/8+64)) // XML deflates to about a tenth
	z.outs = append(z.outs, out)
	z.wg.Add(1)
	go func() {
		defer z.wg.Done()
		var fw *flate.Writer
		select {
		case fw = <-z.flates:
			fw.Reset(out)
		default:
			fw, _ = flate.NewWriter(out, 5) // archive/zip's level
		}
		_, err := fw.Write(raw)
		if err == nil {
			if last {
				err = fw.Close()
			} else {
				err = fw.Flush()
			}
		}
		select {
		case z.flates <- fw:
		default:
		}
		z.free <- raw
		if err != nil {
			z.fail(err)
		}
	}()
}

// fail records err as the zip's error, unless it has one already.
func (z *parallelZip) fail(err error) { z.errOnce.Do(func() { z.err = err }) }

// endPart waits for the chunks of the part being written and writes its entry.
func (z *parallelZip) endPart() error {
	if !z.open {
		return z.err
	}
	z.open = false
	z.deflate(true)
	z.wg.Wait()
	if z.err != nil {
		return z.err
	}
	var csize uint64
	for _, o := range z.outs {
		csize += uint64(o.Len())
	}
	fh := &zip.FileHeader{
		Name: z.name, Method: zip.Deflate, Flags: 0x8,
		CreatorVersion: 20, ReaderVersion: 20,
		CRC32: z.crc, CompressedSize64: csize, UncompressedSize64: z.size,
	}
	w, err := z.zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	for i, o := range z.outs {
		if _, err := o.WriteTo(w); err != nil {
			return err
		}
		z.outs[i] = nil
	}
	return nil
}

// AddFS ends the part being written and adds the files of fsys as zip.Writer does.
func (z *parallelZip) AddFS(fsys fs.FS) error {
	if z.closed {
		z.fail(errZipClosed)
		return errZipClosed
	}
	if err := z.endPart(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// errZipClosed is the error of adding a part to a parallelZip after its Close; the zip
// keeps it as its error.
var errZipClosed = errors.New("zip: part added after Close")

// Close ends the last part and writes the zip's directory.
func (z *parallelZip) Close() error {
	if z.closed {
		return errors.New("zip: closed twice")
	}
	z.closed = true
	if err := z.endPart(); err != nil {
		return err
	}
	return z.zw.Close()
}

var _ excelize.ZipWriter = (*parallelZip)(nil)
