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
	List   bool
}

// NewCmdPlan builds `drugfree plan`.
func NewCmdPlan(f *Factory, g *GlobalOptions, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: f.IO, Global: g}
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.plan.use"),
		Short: msg(lang, "help.plan.short"),
		Long:  msg(lang, "help.plan.long"),
		Example: `  $ drugfree plan
  $ drugfree plan --list
  $ drugfree --plan qd28 --province "An Giang" plan
  $ drugfree plan --export my-plan.yaml
  $ drugfree --plan my-plan.yaml classify returns.xlsx`,
		Args: noArgs(lang),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return planRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Export, "export", "", msg(lang, "flag.plan.export"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, msg(lang, "flag.plan.force"))
	addWideFlag(cmd.Flags(), &opts.Wide, lang)
	cmd.Flags().BoolVar(&opts.List, "list", false, msg(lang, "flag.plan.list"))
	cmd.MarkFlagsMutuallyExclusive("list", "export")
	return cmd
}

func planRun(opts *PlanOptions) error {
	lang := opts.Global.Lang
	if opts.List {
		for _, b := range criteria.Builtins {
			fmt.Fprintf(opts.IO.Out, "%s\t%s\n", b.Name, b.Title.In(lang))
		}
		return nil
	}
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	if opts.Export != "" {
		// A built-in plan is written as it is built in, comments and all.
		data := criteria.DefaultYAML()
		b, builtin := criteria.BuiltinNamed(opts.Global.PlanFile)
		if builtin {
			data = b.YAML()
		}
		if (opts.Global.PlanFile != "" && !builtin) || opts.Global.Registry != "" || opts.Global.Province != "" {
			if data, err = p.Marshal(); err != nil {
				return err
			}
		}
		inputs := opts.Global.files()
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
