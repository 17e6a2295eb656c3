package cmd

import (
	"errors"
	"time"

	"github.com/spf13/cobra"

	"drugfree/classify"
	"drugfree/report"
	"drugfree/report/layout"
	"drugfree/report/problem"
)

// DeadlinesOptions are the options of `drugfree deadlines`.
type DeadlinesOptions struct {
	IO       *IOStreams
	Global   *GlobalOptions
	Factory  *Factory
	Files    []string
	Calendar CalendarOptions
	Out      OutputOptions
}

// NewCmdDeadlines builds `drugfree deadlines`.
func NewCmdDeadlines(f *Factory, g *GlobalOptions, runF func(*DeadlinesOptions) error) *cobra.Command {
	opts := &DeadlinesOptions{IO: f.IO, Global: g, Factory: f}
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.deadlines.use"),
		Short: msg(lang, "help.deadlines.short"),
		Long:  msg(lang, "help.deadlines.long"),
		Example: `  $ drugfree deadlines returns/*/*.xlsx --register register.csv
  $ drugfree deadlines --register register.xlsx --format json`,
		RunE: func(c *cobra.Command, args []string) error {
			var err error
			if opts.Files, err = expandInputs(args, opts.Global.Lang); err != nil {
				return err
			}
			if err := opts.Calendar.expand(opts.Global.Lang); err != nil {
				return err
			}
			if len(args) == 0 && opts.Calendar.Register == "" {
				return &FlagError{errors.New(msg(lang, "usage.deadlines-nothing"))}
			}
			if err := opts.Out.validate(opts.Global.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return deadlinesRun(opts)
		},
	}
	opts.Calendar.AddFlags(cmd.Flags(), lang)
	opts.Out.AddFlags(cmd.Flags(), lang)
	return cmd
}

// deadlinesJSON is the JSON form of the result (SPEC §7).
type deadlinesJSON struct {
	AsOf        string                      `json:"as_of"`
	Next        *nextDue                    `json:"next,omitempty"`
	Submissions []classify.SubmissionStatus `json:"submissions"`
	Problems    []problem.Problem           `json:"problems"`
}

type nextDue struct {
	Kind string `json:"kind"`
	Due  string `json:"due"`
	Days int    `json:"days"`
}

func deadlinesRun(opts *DeadlinesOptions) error {
	lang := opts.Global.Lang
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	asOf := asOfOrToday(opts.Factory, opts.Calendar.AsOf)
	returns, subs, problems, err := readAll(opts.Factory, opts.Global, p, opts.Files, opts.Calendar.Register, asOf)
	if err != nil {
		return err
	}
	returns, subs, problems, kinds := opts.Calendar.view(opts.Factory, returns, subs, problems, asOf, lang)
	// The statuses are the result; the warnings of late and missing returns would only say
	// them again, so the problems printed are those of reading.
	statuses, _ := report.Timeliness(p, returns, subs, kinds, asOf, lang)

	out := deadlinesJSON{AsOf: asOf.Format(time.DateOnly), Submissions: orEmpty(statuses), Problems: orEmpty(problems)}
	if d, days, ok := classify.NextDue(p, asOf); ok {
		out.Next = &nextDue{Kind: d.Kind, Due: d.Due.String(), Days: days}
	}
	table := layout.DeadlinesTable(p, statuses, lang)
	submissions := layout.SubmissionsTable(p, statuses, lang)
	// The workbook says what falls due next above the districts, and lists the problems of
	// reading, which make it incomplete.
	first := table
	first.Note = layout.NextDueLine(p, asOf, lang)
	sheets := []layout.Table{first, submissions}
	if len(problems) > 0 {
		sheets = append(sheets, layout.ProblemTable(p, problems, lang))
	}
	inputs := append(append([]string{}, opts.Files...), opts.Calendar.Register)
	err = opts.Out.write(opts.Factory, opts.Global, result{
		Text:   append([]textBlock{textTable(table)}, textLines(layout.NotCheckedLine(p, statuses, lang), layout.NextDueLine(p, asOf, lang))...),
		CSV:    submissions,
		JSON:   out,
		Sheets: sheets,
		Inputs: inputs,
		Form:   workbookForm(opts.Factory, p, layout.SubjectDeadlines, asOf, inputs, problems, lang),
	})
	if err != nil {
		return err
	}
	return reportProblems(opts.Factory, problems, lang)
}
