package cmd

import (
	"bytes"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
)

// IOStreams are the command's standard streams. Results go to Out; progress, problems and
// "wrote FILE" go to ErrOut.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stderrTTY bool
}

// IsStderrTTY reports whether ErrOut is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SystemIO returns the process's streams.
func SystemIO() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stderrTTY: isatty.IsTerminal(os.Stderr.Fd()) || isatty.IsCygwinTerminal(os.Stderr.Fd()),
	}
}

// TestIO returns streams backed by buffers, and the buffers.
func TestIO() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: &bytes.Buffer{}, Out: out, ErrOut: errOut}, out, errOut
}

// Factory carries what every command needs from the outside world.
type Factory struct {
	IO *IOStreams
	// Now is the clock, replaced in tests.
	Now func() time.Time
	// Getenv reads the environment, replaced in tests.
	Getenv func(string) string
}
