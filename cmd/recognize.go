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
	// AsOf is the day the target is counted on, in the communes in force that day (zero:
	// today); an undated return is taken as submitted that day.
	AsOf time.Time
	Out  OutputOptions
}

// NewCmdRecognize builds `drugfree recognize`.
func NewCmdRecognize(f *Factory, g *GlobalOptions, runF func(*RecognizeOptions) error) *cobra.Command {
	opts := &RecognizeOptions{IO: f.IO, Global: g, Factory: f}
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.recognize.use"),
		Short: msg(lang, "help.recognize.short"),
		Long:  msg(lang, "help.recognize.long"),
		Example: `  $ drugfree recognize testdata/districts.xlsx
  $ drugfree recognize phase3/*.xlsx --baseline review-cang-long.xlsx
  $ drugfree recognize returns.xlsx --all --format json`,
		Args: minFiles(1, lang),
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
	cmd.Flags().StringVar(&opts.Baseline, "baseline", "", msg(lang, "flag.recognize.baseline"))
	cmd.Flags().BoolVar(&opts.All, "all", false, msg(lang, "flag.recognize.all"))
	cmd.Flags().Var(dateValue{&opts.AsOf}, "as-of", msg(lang, "flag.recognize.as-of"))
	opts.Out.AddFlags(cmd.Flags(), lang)
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
	asOf := asOfOrToday(opts.Factory, opts.AsOf)
	ro := opts.Global.readOptions(opts.Factory, p, asOf)
	returns, _, readProblems, _ := readAll(opts.Factory, opts.Global, p, opts.Files, "", asOf)
	prep := report.Prepare(p, returns, readProblems, asOf, lang)
	problems := prep.Problems
	// Criterion 4's baseline: --baseline, else the review returns among the files.
	base := report.NewBaselines(p, prep.Baseline)
	if opts.Baseline != "" {
		baseReturns, baseProblems := read.ReadFiles([]string{opts.Baseline}, ro)
		problems = append(problems, baseProblems...)
		base = report.NewBaselines(p, baseReturns)
	}
	problem.SortProblems(problems)
	results := report.RecognizeReturns(p, prep.Current, base, opts.All, lang)
	progress := report.TargetProgress(p, results, asOf)

	table, progressLine := layout.RecognitionTable(p, results, lang), layout.ProgressLine(p, progress, lang)
	// The workbook lists the communes in the registry's order, and says that it is
	// incomplete in its form.
	inOrder := layout.InRegistryOrder(p, results, func(r *report.RecognitionResult) (string, string) { return r.District, r.Code })
	first := layout.RecognitionTable(p, inOrder, lang)
	first.Note = progressLine
	sheets := []layout.Table{first, layout.RecognitionDetailTable(p, inOrder, lang)}
	if len(problems) > 0 {
		sheets = append(sheets, layout.ProblemTable(p, problems, lang))
	}
	inputs := append(append([]string{}, opts.Files...), opts.Baseline)
	err = opts.Out.write(opts.Factory, opts.Global, result{
		Text:   []textBlock{textTable(table), textLine(progressLine)},
		CSV:    table,
		JSON:   recognizeJSON{Communes: orEmpty(results), Progress: progress, Problems: orEmpty(problems)},
		Sheets: sheets,
		Inputs: inputs,
		Form:   workbookForm(opts.Factory, p, layout.SubjectRecognize, asOf, inputs, problems, lang),
	})
	if err != nil {
		return err
	}
	return reportProblems(opts.Factory, problems, lang)
}
