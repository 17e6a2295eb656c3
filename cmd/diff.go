package cmd

import (
	"errors"
	"time"

	"github.com/spf13/cobra"

	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/layout"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/render"
)

// DiffOptions are the options of `drugfree diff`.
type DiffOptions struct {
	IO       *IOStreams
	Global   *GlobalOptions
	Factory  *Factory
	Old, New string
	// AsOf is the day an undated return is read as of (zero: today).
	AsOf time.Time
	Out  OutputOptions
}

// NewCmdDiff builds `drugfree diff`.
func NewCmdDiff(f *Factory, g *GlobalOptions, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{IO: f.IO, Global: g, Factory: f}
	cmd := &cobra.Command{
		Use:   "diff <old.xlsx> <new.xlsx> [--format table|csv|json] [-o <file.xlsx>]",
		Short: "Show what changed between two versions of a sender's return",
		Long: `Compare two versions of the same sender's return (the one received first, then the one
sent again) and list every change: the cover's fields (number, dates, kind, who made it),
the communes added or removed, the communes listed in another place, each figure that
changed with its cell in each file, and each commune whose category or checklist verdict
changed because of it, with the fields that changed it and the new reasons.

Both versions are read, classified and checked as classify and recognize do (criterion 4
on the return's own baseline columns). A file that cannot be read is reported and nothing
is compared; the exit status is then 1. Problems found in readable files are listed on
stderr, as every command does; the changes are still shown.`,
		Example: `  $ drugfree diff bao-cao-cau-ke-lan-1.xlsx bao-cao-cau-ke-lan-2.xlsx
  $ drugfree diff old.xlsx new.xlsx --format json
  $ drugfree --lang en diff old.xlsx new.xlsx -o changes.xlsx`,
		Args: usageArgs(cobra.ExactArgs(2)),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			if err := opts.Out.validate(opts.Global.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	cmd.Flags().Var(dateValue{&opts.AsOf}, "as-of", "Read an undated return as of `date` (YYYY-MM-DD; default today)")
	opts.Out.AddFlags(cmd.Flags())
	return cmd
}

// diffJSON is the JSON form of the result.
type diffJSON struct {
	report.ReturnDiff
	Problems []problem.Problem `json:"problems"`
}

func diffRun(opts *DiffOptions) error {
	lang := opts.Global.Lang
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	asOf := asOfOrToday(opts.Factory, opts.AsOf)
	var problems []problem.Problem
	var versions [2][]*read.Return
	for i, file := range []string{opts.Old, opts.New} {
		rets, _, probs, err := readAll(opts.Factory, opts.Global, p, []string{file}, "", asOf)
		if err != nil {
			return err
		}
		problems = append(problems, probs...)
		versions[i] = rets
	}
	problem.SortProblems(problems)
	for i, file := range []string{opts.Old, opts.New} {
		if len(versions[i]) == 0 {
			if len(problems) > 0 {
				if err := render.WriteProblems(opts.IO.ErrOut, problems, lang); err != nil {
					return err
				}
			}
			return errors.New(i18n.Msg(lang, "diff.refused", file))
		}
	}
	d := report.Diff(p, opts.Old, versions[0], opts.New, versions[1], lang)

	table := layout.DiffTable(p, d, lang)
	text := []textBlock{textLine(layout.DiffSummary(d, lang))}
	if len(d.Changes) > 0 {
		text = append(text, textTable(table))
	}
	sheets := []layout.Table{table}
	if len(problems) > 0 {
		sheets = append(sheets, layout.ProblemTable(problems, lang))
	}
	inputs := []string{opts.Old, opts.New}
	err = opts.Out.write(opts.IO, lang, result{
		Text:   text,
		CSV:    table,
		JSON:   diffJSON{ReturnDiff: d, Problems: orEmpty(problems)},
		Sheets: sheets,
		Inputs: inputs,
		Form:   workbookForm(opts.Factory, p, layout.SubjectDiff, asOf, inputs, problems, lang),
	})
	if err != nil {
		return err
	}
	return reportProblems(opts.Factory, problems, lang)
}
