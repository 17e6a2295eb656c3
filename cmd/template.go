package cmd

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"drugfree/i18n"
	"drugfree/report/naming"
	"drugfree/report/outfile"
	"drugfree/report/template"
)

// TemplateOptions are the options of `drugfree template`.
type TemplateOptions struct {
	IO       *IOStreams
	Global   *GlobalOptions
	Factory  *Factory
	District string
	// Commune, instead of District, is a commune that reports for itself: one formed by
	// the reform of 1 July 2025, after which there are no districts.
	Commune string
	Kind    string
	Output  string
	Force   bool
}

// NewCmdTemplate builds `drugfree template`.
func NewCmdTemplate(f *Factory, g *GlobalOptions, runF func(*TemplateOptions) error) *cobra.Command {
	opts := &TemplateOptions{IO: f.IO, Global: g, Factory: f}
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.template.use"),
		Short: msg(lang, "help.template.short"),
		Long:  msg(lang, "help.template.long"),
		Example: `  $ drugfree template --district "Càng Long" -o cang-long.xlsx
  $ drugfree template --district "TX Duyên Hải" --kind phase1 -o duyen-hai.xlsx
  $ drugfree template --commune "Xã Càng Long" --kind phase3 -o xa.xlsx`,
		Args: noArgs(lang),
		RunE: func(c *cobra.Command, args []string) error {
			if (opts.District == "") == (opts.Commune == "") {
				return &FlagError{errors.New(msg(lang, "usage.one-of-district-commune"))}
			}
			if err := checkXLSX(opts.Output, true, opts.Global.Lang); err != nil {
				return err
			}
			var err error
			if opts.Kind, err = checkKind(opts.Global, opts.Kind); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return templateRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.District, "district", "", msg(lang, "flag.template.district"))
	cmd.Flags().StringVar(&opts.Commune, "commune", "", msg(lang, "flag.template.commune"))
	cmd.Flags().StringVar(&opts.Kind, "kind", "", msg(lang, "flag.template.kind"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg(lang, "flag.template.output"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, msg(lang, "flag.force"))
	return cmd
}

func templateRun(opts *TemplateOptions) error {
	lang := opts.Global.Lang
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	var spec template.ReturnSpec
	if opts.Commune != "" {
		spec, err = template.CommuneTemplateSpec(p, opts.Commune, opts.Kind, lang)
	} else {
		spec, err = template.TemplateSpec(p, opts.District, opts.Kind, lang)
	}
	if err != nil {
		return err
	}
	spec.Version, spec.Made = version(), opts.Factory.Now()
	spec.Password = opts.Global.password(opts.Factory) // encrypts the template
	if err := outfile.WriteFileAtomic(opts.Output, opts.Global.files(), opts.Force, func(w io.Writer) error {
		return template.WriteReturn(w, p, spec)
	}); err != nil {
		return refusal(err, lang)
	}
	fmt.Fprintf(opts.IO.ErrOut, "%s %s (%s, %s)\n", i18n.Tr(lang, "Đã ghi", "Wrote"), opts.Output, spec.District, i18n.Count(lang, len(spec.Rows), "xã", "commune", "communes"))
	return nil
}

// checkKind returns the plan's key of --kind, given as the key (phase3) or by one of its
// names in the plan (Giai đoạn 3, giai doan 3, Phase 3: diacritics, case and spacing do
// not matter); anything else is a usage error naming the plan's kinds.
func checkKind(g *GlobalOptions, kind string) (string, error) {
	if kind == "" {
		return "", nil
	}
	p, err := g.loadPlan()
	if err != nil {
		return "", err
	}
	want := naming.NormLabel(kind)
	var kinds []string
	for _, d := range p.Calendar {
		for _, name := range append([]string{d.Kind, d.Vi, d.En}, d.Variants...) {
			if n := naming.NormLabel(name); n != "" && n == want {
				return d.Kind, nil
			}
		}
		kinds = append(kinds, d.Kind+" ("+d.Label(g.Lang)+")")
	}
	return "", flagErrorf(i18n.Tr(g.Lang, "--kind phải là một trong %s, không phải “%s”", "--kind must be one of %s, not “%s”"), strings.Join(kinds, ", "), kind)
}
