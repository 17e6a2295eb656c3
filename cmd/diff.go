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
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.diff.use"),
		Short: msg(lang, "help.diff.short"),
		Long:  msg(lang, "help.diff.long"),
		Example: `  $ drugfree diff bao-cao-cau-ke-lan-1.xlsx bao-cao-cau-ke-lan-2.xlsx
  $ drugfree diff old.xlsx new.xlsx --format json
  $ drugfree --lang en diff old.xlsx new.xlsx -o changes.xlsx`,
		Args: exactArgs(2, msg(lang, "help.diff.args"), lang),
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
	cmd.Flags().Var(dateValue{&opts.AsOf}, "as-of", msg(lang, "flag.diff.as-of"))
	opts.Out.AddFlags(cmd.Flags(), lang)
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
		sheets = append(sheets, layout.ProblemTable(p, problems, lang))
	}
	inputs := []string{opts.Old, opts.New}
	err = opts.Out.write(opts.Factory, opts.Global, result{
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
