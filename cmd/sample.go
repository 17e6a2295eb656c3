package cmd

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"drugfree/i18n"
	"drugfree/report/sample"
)

// SampleOptions are the options of `drugfree sample`.
type SampleOptions struct {
	IO     *IOStreams
	Global *GlobalOptions
	Dir    string
	Seed   uint64
	Force  bool
	// Districts > 0 writes a synthetic national corpus instead of the sample set.
	Districts int
	Communes  int
	// RoundCommunes > 0 limits a round under a plan of type rules to the first n communes.
	RoundCommunes int
}

// NewCmdSample builds `drugfree sample`.
func NewCmdSample(f *Factory, g *GlobalOptions, runF func(*SampleOptions) error) *cobra.Command {
	opts := &SampleOptions{IO: f.IO, Global: g}
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.sample.use"),
		Short: msg(lang, "help.sample.short"),
		Long:  msg(lang, "help.sample.long"),
		Example: `  $ drugfree sample testdata --force
  $ drugfree sample /tmp/demo --seed 7
  $ drugfree sample /tmp/national --districts 700 --communes-per-district 15
  $ drugfree --plan qd28 sample /tmp/vinh-long
  $ drugfree --registry /tmp/national/registry.csv consolidate \
      /tmp/national/returns --register /tmp/national/register.csv \
      --as-of 2025-12-20 -o /tmp/national.xlsx`,
		Args: exactArgs(1, msg(lang, "help.sample.dir"), lang),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if opts.Districts < 0 || opts.Communes < 1 || opts.RoundCommunes < 0 {
				return &FlagError{errors.New(msg(lang, "usage.sample-counts"))}
			}
			if runF != nil {
				return runF(opts)
			}
			return sampleRun(opts)
		},
	}
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 2025, msg(lang, "flag.sample.seed"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, msg(lang, "flag.sample.force"))
	cmd.Flags().IntVar(&opts.Districts, "districts", 0, msg(lang, "flag.sample.districts"))
	cmd.Flags().IntVar(&opts.Communes, "communes-per-district", 15, msg(lang, "flag.sample.communes-per-district"))
	cmd.Flags().IntVar(&opts.RoundCommunes, "communes", 0, msg(lang, "flag.sample.communes"))
	return cmd
}

func sampleRun(opts *SampleOptions) error {
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	if p.Classification.ByTypes() && opts.Districts == 0 {
		written, err := sample.WriteRound(opts.Dir, p, opts.RoundCommunes, opts.Seed, opts.Force)
		if err != nil {
			return refusal(err, opts.Global.Lang)
		}
		fmt.Fprintf(opts.IO.ErrOut, i18n.Tr(opts.Global.Lang, "Đã ghi %d tệp vào %s\n", "Wrote %d files under %s\n"), len(written), opts.Dir)
		return nil
	}
	if opts.RoundCommunes > 0 {
		return &FlagError{errors.New(msg(opts.Global.Lang, "usage.sample-communes"))}
	}
	if opts.Districts > 0 {
		returns, err := sample.WriteCorpus(opts.Dir, p, sample.CorpusOptions{Districts: opts.Districts, Communes: opts.Communes, Seed: opts.Seed, Force: opts.Force})
		if err != nil {
			return refusal(err, opts.Global.Lang)
		}
		fmt.Fprintf(opts.IO.ErrOut, i18n.Tr(opts.Global.Lang, "Đã ghi %d báo cáo vào %s, cùng %s và %s\n", "Wrote %d returns under %s, with %s and %s\n"),
			len(returns), filepath.Join(opts.Dir, sample.CorpusReturns), filepath.Join(opts.Dir, sample.CorpusRegistry), filepath.Join(opts.Dir, sample.CorpusRegister))
		return nil
	}
	written, err := sample.WriteSampleSet(opts.Dir, p, opts.Seed, opts.Force)
	for _, w := range written {
		fmt.Fprintf(opts.IO.ErrOut, "%s %s\n", i18n.Tr(opts.Global.Lang, "Đã ghi", "Wrote"), w)
	}
	if err != nil {
		return refusal(err, opts.Global.Lang)
	}
	return nil
}
