package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"drugfree/report"
	"drugfree/report/layout"
	"drugfree/report/problem"
)

// ClassifyOptions are the options of `drugfree classify`.
type ClassifyOptions struct {
	IO      *IOStreams
	Global  *GlobalOptions
	Factory *Factory
	Files   []string
	// AsOf is the day an undated return is read as of (zero: today): the registry in force
	// that day, and the day it counts as submitted.
	AsOf time.Time
	Out  OutputOptions
}

// NewCmdClassify builds `drugfree classify`.
func NewCmdClassify(f *Factory, g *GlobalOptions, runF func(*ClassifyOptions) error) *cobra.Command {
	opts := &ClassifyOptions{IO: f.IO, Global: g, Factory: f}
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.classify.use"),
		Short: msg(lang, "help.classify.short"),
		Long:  msg(lang, "help.classify.long"),
		Example: `  $ drugfree classify testdata/districts.xlsx
  $ drugfree classify cang-long.xlsx cau-ke.csv --format json
  $ drugfree --lang en classify returns/*.xlsx -o classification.xlsx`,
		Args: minFiles(1, lang),
		RunE: func(c *cobra.Command, args []string) error {
			var err error
			if opts.Files, err = expandInputs(args, opts.Global.Lang); err != nil {
				return err
			}
			if err := opts.Out.validate(opts.Global.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return classifyRun(opts)
		},
	}
	cmd.Flags().Var(dateValue{&opts.AsOf}, "as-of", msg(lang, "flag.classify.as-of"))
	opts.Out.AddFlags(cmd.Flags(), lang)
	return cmd
}

// classifyJSON is the JSON form of the result (SPEC §7).
type classifyJSON struct {
	Communes []report.CommuneResult `json:"communes"`
	Counts   []report.CategoryCount `json:"counts"`
	Problems []problem.Problem      `json:"problems"`
}

func classifyRun(opts *ClassifyOptions) error {
	lang := opts.Global.Lang
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	today := asOfOrToday(opts.Factory, opts.AsOf)
	returns, _, readProblems, _ := readAll(opts.Factory, opts.Global, p, opts.Files, "", today)
	prep := report.Prepare(p, returns, readProblems, today, lang)
	problems := orEmpty(prep.Problems)
	problem.SortProblems(problems)
	results := report.ClassifyReturns(p, prep.Current, lang)
	counts := report.CountCategories(p, results, lang)

	table, countTable := layout.ClassificationTable(p, results, lang), layout.CountTable(counts, problems, lang)
	// The workbook lists the communes in the registry's order, and says that it is
	// incomplete in its form.
	inOrder := table.Reordered(layout.RegistryOrder(p, results, func(r *report.CommuneResult) (string, string) { return r.District, r.Code }))
	countSheet := countTable
	countSheet.Note = ""
	sheets := []layout.Table{inOrder, countSheet}
	if len(problems) > 0 {
		sheets = append(sheets, layout.ProblemTable(p, problems, lang))
	}
	err = opts.Out.write(opts.Factory, opts.Global, result{
		Text:   []textBlock{textTable(table), textLine(""), textTable(countTable)},
		CSV:    table,
		JSON:   classifyJSON{Communes: orEmpty(results), Counts: counts, Problems: problems},
		Sheets: sheets,
		Inputs: opts.Files,
		Form:   workbookForm(opts.Factory, p, layout.SubjectClassify, today, opts.Files, problems, lang),
	})
	if err != nil {
		return err
	}
	return reportProblems(opts.Factory, problems, lang)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
