package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"drugfree/classify"
	"drugfree/report"
	"drugfree/report/layout"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// RecognizeOptions are the options of `drugfree recognize`.
type RecognizeOptions struct {
	IO       *IOStreams
	Global   *GlobalOptions
	Factory  *Factory
	Files    []string
	Baseline string
	All      bool
	Out      OutputOptions
}

// NewCmdRecognize builds `drugfree recognize`.
func NewCmdRecognize(f *Factory, g *GlobalOptions, runF func(*RecognizeOptions) error) *cobra.Command {
	opts := &RecognizeOptions{IO: f.IO, Global: g, Factory: f}
	cmd := &cobra.Command{
		Use:   "recognize <file>... [--baseline <file>] [--all]",
		Short: "Run the 8-point recognition checklist and count progress to the target",
		Long: `Run the plan's recognition checklist (section III.3) on every commune in transformation
(Chuyển hóa) or maintained (Duy trì), or on every commune with --all. Each criterion is
✓ (Đạt), ✗ (Không đạt) or ? (Thiếu dữ liệu), with the figures behind it; a commune passes
only when all eight pass. The footer counts the communes that pass against the plan's
target (21 of 104 communes for Plan 16/KH-UBND).

Criterion 4 compares addicts and users with the baseline: the return's baseline columns,
or the same commune in an earlier return given with --baseline. Without either it is
missing, never a pass.`,
		Example: `  $ drugfree recognize testdata/districts.xlsx
  $ drugfree recognize returns/phase3/*.xlsx --baseline returns/review/review-cang-long.xlsx
  $ drugfree recognize returns.xlsx --all --format json`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			var err error
			if opts.Files, err = expandInputs(args, opts.Global.Lang); err != nil {
				return err
			}
			if opts.Baseline, err = expandFile("baseline", opts.Baseline, opts.Global.Lang); err != nil {
				return err
			}
			if err := opts.Out.validate(opts.Global.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return recognizeRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Baseline, "baseline", "", "Take criterion 4's baseline from the earlier return in `file`")
	cmd.Flags().BoolVar(&opts.All, "all", false, "Check every commune, not only those in transformation or maintained")
	opts.Out.AddFlags(cmd.Flags())
	return cmd
}

// recognizeJSON is the JSON form of the result (SPEC §7).
type recognizeJSON struct {
	Communes []report.RecognitionResult `json:"communes"`
	Progress classify.Progress          `json:"progress"`
	Problems []problem.Problem          `json:"problems"`
}

func recognizeRun(opts *RecognizeOptions) error {
	lang := opts.Global.Lang
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	ro := opts.Global.readOptions(opts.Factory, p)
	returns, _, readProblems, _ := readAll(opts.Factory, opts.Global, p, opts.Files, "")
	// No --as-of here: an undated return is taken as submitted today.
	prep := report.Prepare(p, returns, readProblems, asOfOrToday(opts.Factory, time.Time{}), lang)
	problems := prep.Problems
	// Criterion 4's baseline: --baseline, else the review returns among the files.
	base := report.NewBaselines(prep.Baseline)
	if opts.Baseline != "" {
		baseReturns, baseProblems := read.ReadFiles([]string{opts.Baseline}, ro)
		problems = append(problems, baseProblems...)
		base = report.NewBaselines(baseReturns)
	}
	problem.SortProblems(problems)
	results := report.RecognizeReturns(p, prep.Current, base, opts.All, lang)
	progress := classify.TargetProgress(p, report.CountPassing(p, results))

	table, progressLine := layout.RecognitionTable(p, results, lang), layout.ProgressLine(p, progress, lang)
	first := table
	first.Note = progressLine
	if note := layout.IncompleteNote(problems, lang); note != "" {
		first.Note = note + " " + first.Note
	}
	sheets := []layout.Table{first, layout.RecognitionDetailTable(p, results, lang)}
	if len(problems) > 0 {
		sheets = append(sheets, layout.ProblemTable(problems, lang))
	}
	err = opts.Out.write(opts.IO, lang, result{
		Text:   []textBlock{textTable(table), textLine(progressLine)},
		CSV:    table,
		JSON:   recognizeJSON{Communes: orEmpty(results), Progress: progress, Problems: orEmpty(problems)},
		Sheets: sheets,
		Inputs: append(append([]string{}, opts.Files...), opts.Baseline),
	})
	if err != nil {
		return err
	}
	return reportProblems(opts.Factory, problems, lang)
}
