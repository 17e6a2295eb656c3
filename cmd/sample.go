package cmd

import (
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
}

// NewCmdSample builds `drugfree sample`.
func NewCmdSample(f *Factory, g *GlobalOptions, runF func(*SampleOptions) error) *cobra.Command {
	opts := &SampleOptions{IO: f.IO, Global: g}
	cmd := &cobra.Command{
		Use:   "sample <dir> [--seed <n>] [--districts <n> [--communes-per-district <m>]]",
		Short: "Write sample returns with invented figures, to try the tool",
		Long: `Write a set of sample returns with invented, plausible figures for every commune of the
registry: <dir>/districts.xlsx (all districts in one workbook, phase 3), and under
<dir>/returns/ a round of per-district returns (review and phase 3) and a register of
documents, in which one district is late, one sent nothing, one return lacks two
communes and one was replaced by a corrected one. Every workbook says on its cover that
it is sample data. The same seed gives the same files.

With --districts N, write instead a synthetic national corpus, for benchmarks and
demonstrations at the scale of a national round: <dir>/registry.csv (N invented districts
of about --communes-per-district communes, for --registry), <dir>/register.csv (every
district's earlier documents, on time, for --register) and <dir>/returns/ with one complete,
consistent phase 3 return per district, sent on time.`,
		Example: `  $ drugfree sample testdata --force
  $ drugfree sample /tmp/demo --seed 7
  $ drugfree sample /tmp/national --districts 700 --communes-per-district 15
  $ drugfree --registry /tmp/national/registry.csv consolidate /tmp/national/returns/*.xlsx \
      --register /tmp/national/register.csv --as-of 2025-12-20 -o /tmp/national.xlsx`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if opts.Districts < 0 || opts.Communes < 1 {
				return flagErrorf("--districts must be 0 or more and --communes-per-district 1 or more")
			}
			if runF != nil {
				return runF(opts)
			}
			return sampleRun(opts)
		},
	}
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 2025, "Seed of the invented figures")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "Replace files that exist")
	cmd.Flags().IntVar(&opts.Districts, "districts", 0, "Write a synthetic corpus of `n` district returns instead of the sample set")
	cmd.Flags().IntVar(&opts.Communes, "communes-per-district", 15, "Mean number of communes per district in the corpus (`m`)")
	return cmd
}

func sampleRun(opts *SampleOptions) error {
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
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
