package cmd

import (
	"io"

	"github.com/schollz/progressbar/v3"

	"drugfree/i18n"
)

// progressMin is how many files make a run long enough for a progress bar.
const progressMin = 50

// fileProgress returns a callback for report.ReadOptions.OnFileDone that draws a progress
// bar of n files on stderr, and a function that clears it. The bar is drawn only when
// stderr is a terminal and there are at least progressMin files; otherwise both are
// no-ops (the callback is nil).
func fileProgress(io *IOStreams, n int, lang i18n.Lang) (func(), func()) {
	if !io.IsStderrTTY() || n < progressMin {
		return nil, func() {}
	}
	return newFileBar(io.ErrOut, n, lang)
}

func newFileBar(w io.Writer, n int, lang i18n.Lang) (func(), func()) {
	bar := progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(i18n.Tr(lang, "Đọc báo cáo", "Reading returns")),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100_000_000), // 0.1 s
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetPredictTime(false),
	)
	return func() { _ = bar.Add(1) }, func() { _ = bar.Finish() }
}
