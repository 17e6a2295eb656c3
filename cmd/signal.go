package cmd

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"drugfree/i18n"
	"drugfree/report/outfile"
)

// handleSignals makes an interrupt (Ctrl-C, SIGINT) or a SIGTERM end the run without
// leaving a file behind: the temporary file of an output being written is removed
// (outfile.Abandon; an output being put in place is finished first, whole), a line on
// stderr says the run was interrupted, and the process exits with 128 + the signal's
// number (130, 143). The line is in lang, the run's language (i18n.Detect, decided apart
// from the command's parsing, which the handler may not read while it runs). It returns
// a function that stops handling them.
func handleSignals(f *Factory, lang i18n.Lang) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			outfile.Abandon()
			fmt.Fprintf(f.IO.ErrOut, "\ndrugfree: %s\n", i18n.Tr(lang, "đã bị ngắt: không để lại tệp ghi dở", "interrupted: no half-written file is left"))
			code := ExitData
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
