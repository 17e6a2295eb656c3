package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"drugfree/report"
)

// SampleOptions are the options of `drugfree sample`.
type SampleOptions struct {
	IO     *IOStreams
	Global *GlobalOptions
	Dir    string
	Seed   uint64
	Force  bool
}

// NewCmdSample builds `drugfree sample`.
func NewCmdSample(f *Factory, g *GlobalOptions, runF func(*SampleOptions) error) *cobra.Command {
	opts := &SampleOptions{IO: f.IO, Global: g}
	cmd := &cobra.Command{
		Use:   "sample <dir> [--seed <n>]",
		Short: "Write sample returns with invented figures, to try the tool",
		Long: `Write a set of sample returns with invented, plausible figures for every commune of the
registry: <dir>/districts.xlsx (all districts in one workbook, phase 3), and under
<dir>/returns/ a round of per-district returns (review and phase 3) and a register of
documents, in which one district is late, one sent nothing, one return lacks two
communes and one was replaced by a corrected one. Every workbook says on its cover that
it is sample data. The same seed gives the same files.`,
		Example: `  $ drugfree sample testdata --force
  $ drugfree sample /tmp/demo --seed 7`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return sampleRun(opts)
		},
	}
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 2025, "Seed of the invented figures")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "Replace files that exist")
	return cmd
}

func sampleRun(opts *SampleOptions) error {
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	written, err := report.WriteSampleSet(opts.Dir, p, opts.Seed, opts.Force)
	for _, w := range written {
		fmt.Fprintf(opts.IO.ErrOut, "%s %s\n", tr(opts.Global.Lang, "Đã ghi", "Wrote"), w)
	}
	if err != nil {
		return refusal(err, opts.Global.Lang)
	}
	return nil
}
