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
	cmd := &cobra.Command{
		Use:   "classify <file>... [--format table|csv|json] [-o <file.xlsx>]",
		Short: "Classify every commune of the returns into the plan's categories",
		Long: `Classify every commune of the given returns (.xlsx or .csv) into the plan's categories:
Loại I, Loại II, Loại III, Ít phức tạp, Không ma túy, or Chưa xác định when blank cells
could change the outcome. Each verdict gives its reasons: the figure, the threshold and
the route step. A file that cannot be read is reported, and the other files are still
classified; the exit status is then 1.

Each return is read against the communes in force on its date (SPEC §9): before 1 July 2025
the districts' communes, after it the communes formed by the reform. A return without a
date (a CSV) is read as of --as-of, today by default.`,
		Example: `  $ drugfree classify testdata/districts.xlsx
  $ drugfree classify cang-long.xlsx cau-ke.csv --format json
  $ drugfree --lang en classify returns/*.xlsx -o classification.xlsx`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
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
	cmd.Flags().Var(dateValue{&opts.AsOf}, "as-of", "Read an undated return as of `date` (YYYY-MM-DD; default today)")
	opts.Out.AddFlags(cmd.Flags())
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
		sheets = append(sheets, layout.ProblemTable(problems, lang))
	}
	err = opts.Out.write(opts.IO, lang, result{
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
