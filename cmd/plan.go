package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/layout"
	"drugfree/report/outfile"
	"drugfree/report/render"
)

// PlanOptions are the options of `drugfree plan`.
type PlanOptions struct {
	IO     *IOStreams
	Global *GlobalOptions
	Export string
	Force  bool
	Wide   bool
}

// NewCmdPlan builds `drugfree plan`.
func NewCmdPlan(f *Factory, g *GlobalOptions, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: f.IO, Global: g}
	cmd := &cobra.Command{
		Use:   "plan [--export <file>]",
		Short: "Show the plan in effect, or write it out to edit",
		Long: `Show the rules drugfree applies: the classification bands, the recognition checklist,
the calendar of returns, the target and the registry of communes. They all come from one
plan file; the default is Plan 16/KH-UBND of Trà Vinh (2025), built in.

To use another province's or year's plan, write the plan out, edit it, and pass it with
--plan to any command. An edited plan with a mistake is refused with the file, the line and
what is wrong.`,
		Example: `  $ drugfree plan
  $ drugfree plan --export my-plan.yaml
  $ drugfree --plan my-plan.yaml classify returns.xlsx`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return planRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Export, "export", "", "Write the plan in effect to `file` (YAML) instead of showing it")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "Replace the export file if it exists")
	addWideFlag(cmd.Flags(), &opts.Wide)
	return cmd
}

func planRun(opts *PlanOptions) error {
	lang := opts.Global.Lang
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	if opts.Export != "" {
		data := criteria.DefaultYAML()
		if opts.Global.PlanFile != "" || opts.Global.Registry != "" {
			if data, err = p.Marshal(); err != nil {
				return err
			}
		}
		inputs := []string{opts.Global.PlanFile, opts.Global.Registry}
		if err := outfile.WriteFileAtomic(opts.Export, inputs, opts.Force, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}); err != nil {
			return refusal(err, lang)
		}
		fmt.Fprintf(opts.IO.ErrOut, "%s %s\n", i18n.Tr(lang, "Đã ghi", "Wrote"), opts.Export)
		return nil
	}
	width := textWidth(opts.IO, opts.Wide)
	if err := render.WriteLines(opts.IO.Out, strings.TrimSuffix(layout.PlanHeader(p, lang), "\n"), width); err != nil {
		return err
	}
	for _, t := range layout.PlanTables(p, lang) {
		fmt.Fprintf(opts.IO.Out, "\n%s\n", t.Name)
		if err := render.WriteTextWidth(opts.IO.Out, t, lang, width); err != nil {
			return err
		}
	}
	return nil
}
