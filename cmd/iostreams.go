package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams are the command's standard streams. Results go to Out; progress, problems and
// "wrote FILE" go to ErrOut.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stderrTTY bool
	stdoutTTY bool
	// width is the terminal's width in cells, 0 when it cannot be told.
	width func() int
}

// IsStderrTTY reports whether ErrOut is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdoutTTY makes Out a terminal width cells wide, or not one, for tests.
func (s *IOStreams) SetStdoutTTY(tty bool, width int) {
	s.stdoutTTY = tty
	s.width = func() int { return width }
}

// TerminalWidth is the width in cells that tables printed on Out fit: 0 (no limit) when Out
// is not a terminal, so that what is piped or redirected is the whole table; else the
// terminal's width, or 80 when the terminal does not say.
func (s *IOStreams) TerminalWidth() int {
	if !s.stdoutTTY {
		return 0
	}
	if s.width != nil {
		if w := s.width(); w > 0 {
			return w
		}
	}
	return 80
}

// SystemIO returns the process's streams.
func SystemIO() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stderrTTY: isatty.IsTerminal(os.Stderr.Fd()) || isatty.IsCygwinTerminal(os.Stderr.Fd()),
		stdoutTTY: isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd()),
		width:     systemWidth,
	}
}

// systemWidth is the width of the terminal on stdout: COLUMNS when it is set to a number
// (a shell that exports it keeps it current; a user may set it to choose), else what the
// terminal says (golang.org/x/term: the console's buffer on Windows), else 0.
func systemWidth() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
		return w
	}
	return 0
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
	// ReadPassword asks for a password, prompt on stderr, with no echo; nil when stdin
	// is not a terminal, where no one is asked (DRUGFREE_PASSWORD gives it).
	ReadPassword func(prompt string) (string, error)
}

// terminalPassword is Factory.ReadPassword on a terminal (stdin): nil when stdin is not one.
func terminalPassword(ios *IOStreams) func(string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil
	}
	return func(prompt string) (string, error) {
		fmt.Fprint(ios.ErrOut, prompt)
		pw, err := term.ReadPassword(fd)
		fmt.Fprintln(ios.ErrOut)
		return string(pw), err
	}
}
