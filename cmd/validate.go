package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"drugfree/classify"
	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/layout"
	"drugfree/report/problem"
)

// ValidateOptions are the options of `drugfree validate`.
type ValidateOptions struct {
	IO       *IOStreams
	Global   *GlobalOptions
	Factory  *Factory
	Files    []string
	Calendar CalendarOptions
	Out      OutputOptions
	// Annotate is the folder of the marked copies of the returns with problems ("": none).
	Annotate string
}

// NewCmdValidate builds `drugfree validate`.
func NewCmdValidate(f *Factory, g *GlobalOptions, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{IO: f.IO, Global: g, Factory: f}
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.validate.use"),
		Short: msg(lang, "help.validate.short"),
		Long:  msg(lang, "help.validate.long"),
		Example: `  $ drugfree validate testdata/returns/phase3/*.xlsx --as-of 2025-12-20
  $ drugfree validate returns --register register.csv --format csv
  $ drugfree validate returns --annotate tra-lai`,
		Args: minFiles(1, lang),
		RunE: func(c *cobra.Command, args []string) error {
			var err error
			if opts.Files, err = expandInputs(args, opts.Global.Lang); err != nil {
				return err
			}
			if err := opts.Calendar.expand(opts.Global.Lang); err != nil {
				return err
			}
			if err := opts.Out.validate(opts.Global.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	opts.Calendar.AddFlags(cmd.Flags(), lang)
	opts.Out.AddFlags(cmd.Flags(), lang)
	cmd.Flags().StringVar(&opts.Annotate, "annotate", "", msg(lang, "flag.validate.annotate"))
	return cmd
}

// validateJSON is the JSON form of the result (SPEC §7).
type validateJSON struct {
	AsOf        string                      `json:"as_of"`
	Problems    []problem.Problem           `json:"problems"`
	Submissions []classify.SubmissionStatus `json:"submissions"`
}

func validateRun(opts *ValidateOptions) error {
	lang := opts.Global.Lang
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	asOf := asOfOrToday(opts.Factory, opts.Calendar.AsOf)
	returns, subs, readProblems, err := readAll(opts.Factory, opts.Global, p, opts.Files, opts.Calendar.Register, asOf)
	if err != nil {
		return err
	}
	returns, subs, readProblems, kinds := opts.Calendar.view(opts.Factory, returns, subs, readProblems, asOf, lang)
	problems, statuses, prov := report.Validate(p, report.ValidateInput{Returns: returns, Register: subs, Problems: readProblems, Kinds: kinds, AsOf: asOf, Lang: lang})

	table := layout.ProblemTable(p, problems, lang)
	text := []textBlock{textTable(table)}
	if len(problems) == 0 {
		text = []textBlock{textLine(i18n.Tr(lang, "Không có vấn đề nào.", "No problems found."))}
	}
	inputs := append(append([]string{}, opts.Files...), opts.Calendar.Register)
	err = opts.Out.write(opts.Factory, opts.Global, result{
		Text:   append(text, textLines(layout.ProblemSummary(problems, lang), layout.ProvinceLine(p, prov.Districts, prov.Kinds, lang))...),
		CSV:    table,
		JSON:   validateJSON{AsOf: asOf.Format(time.DateOnly), Problems: orEmpty(problems), Submissions: orEmpty(statuses)},
		Sheets: []layout.Table{table, layout.SubmissionsTable(p, statuses, lang)},
		Inputs: inputs,
		Form:   workbookForm(opts.Factory, p, layout.SubjectValidate, asOf, inputs, nil, lang),
	})
	if err != nil {
		return err
	}
	if opts.Annotate != "" {
		if err := annotateReturns(opts, returns, problems, inputs, asOf); err != nil {
			return err
		}
	}
	// The table and CSV are the problems themselves; JSON and a workbook leave stderr to
	// say what was found, as every other command that reads returns does.
	if opts.Out.Output != "" || opts.Out.Format == "json" {
		return reportProblems(opts.Factory, problems, lang)
	}
	if n := problem.CountErrors(problems); n > 0 {
		return &DataError{Errors: n}
	}
	return nil
}
