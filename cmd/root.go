// Package cmd holds drugfree's Cobra commands. Each command parses its flags, calls the
// packages criteria, classify and report, and prints; the rules live in those packages.
package cmd

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/render"
)

// Exit codes, as in SPEC §7.
const (
	ExitOK    = 0
	ExitData  = 1 // the data has errors, or the run was refused
	ExitUsage = 2 // a usage error
)

// FlagError is a usage error: a bad flag or argument, worded in the user's language. It
// exits with 2, after a line on how to see help.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

func flagErrorf(format string, a ...any) error { return &FlagError{fmt.Errorf(format, a...)} }

// DataError reports that the data had errors; they were printed already.
type DataError struct{ Errors int }

func (e *DataError) Error() string { return fmt.Sprintf("%d errors in the data", e.Errors) }

// Version is the tool's version, with the commit when the build records one.
var Version = "0.3.0"

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 7 {
				return Version + " (" + s.Value[:7] + ")"
			}
		}
	}
	return Version
}

// GlobalOptions are the flags every command shares.
type GlobalOptions struct {
	Lang     i18n.Lang
	PlanFile string
	Province string
	Registry string
	Password string
	Limits   grid.Limits
	// asked is the password given at the prompt (Factory.ReadPassword), "" for none
	asked string
}

// Main runs drugfree with the process's arguments and streams and returns the exit code.
func Main() int {
	ios := SystemIO()
	f := &Factory{IO: ios, Now: time.Now, Getenv: os.Getenv, ReadPassword: terminalPassword(ios)}
	lang, _ := i18n.Detect(os.Args[1:], f.Getenv) // as Run decides it
	defer handleSignals(f, lang)()
	return Run(f, os.Args[1:])
}

// Run runs drugfree with args and returns the exit code; tests call it with buffers. The
// language is decided first (i18n.Detect): the commands and flags are declared in it.
func Run(f *Factory, args []string) int {
	lang, err := i18n.Detect(args, f.Getenv)
	root := NewCmdRoot(f, lang)
	if err != nil {
		return usageFailure(f, root, root, lang, err)
	}
	return execute(f, root, args)
}

// execute runs root with args, prints the error once and returns the exit code it maps to.
func execute(f *Factory, root *cobra.Command, args []string) int {
	lang := usageLang(root)
	localize(root, lang)
	root.SetArgs(args)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	var dataErr *DataError
	var flagErr *FlagError
	switch {
	case errors.As(err, &dataErr):
		return ExitData
	case errors.As(err, &flagErr):
		return usageFailure(f, root, cmd, lang, err)
	default:
		fmt.Fprintf(f.IO.ErrOut, "drugfree: %v\n", err)
		return ExitData
	}
}

// usageFailure prints a usage error: what is wrong and how to see help, in one line each
// (the whole help would push the error off a console's screen), and returns its code.
func usageFailure(f *Factory, root, cmd *cobra.Command, lang i18n.Lang, err error) int {
	if cmd == nil || cmd.Name() == "help" {
		cmd = root
	}
	fmt.Fprintf(f.IO.ErrOut, "drugfree: %v\n%s\n", err, msg(lang, "usage.see-help", cmd.CommandPath()))
	return ExitUsage
}

// usageLang is the language root was built in (i18n.Detect's, the value of --lang before
// parsing, which the same --lang then sets again).
func usageLang(root *cobra.Command) i18n.Lang {
	if fl := root.PersistentFlags().Lookup("lang"); fl != nil {
		if l, ok := fl.Value.(*i18n.Lang); ok {
			return *l
		}
	}
	return i18n.Vi
}

// NewCmdRoot builds the root command and its subcommands.
func NewCmdRoot(f *Factory, lang i18n.Lang) *cobra.Command {
	root, opts := newRoot(lang)
	root.AddCommand(
		NewCmdPlan(f, opts, nil),
		NewCmdClassify(f, opts, nil),
		NewCmdRecognize(f, opts, nil),
		NewCmdSample(f, opts, nil),
		NewCmdTemplate(f, opts, nil),
		NewCmdValidate(f, opts, nil),
		NewCmdDeadlines(f, opts, nil),
		NewCmdConsolidate(f, opts, nil),
		NewCmdDiff(f, opts, nil),
		NewCmdRemind(f, opts, nil),
	)
	return root
}

// newRoot builds the root command with the flags every command shares, and no
// subcommand, in lang; tests add one built with their own runF.
func newRoot(lang i18n.Lang) (*cobra.Command, *GlobalOptions) {
	opts := &GlobalOptions{Lang: lang}
	root := &cobra.Command{
		Use:           msg(lang, "help.drugfree.use"),
		Short:         msg(lang, "help.drugfree.short"),
		Long:          msg(lang, "help.drugfree.long"),
		Args:          cobra.ArbitraryArgs,
		RunE:          rootRun(lang),
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		// Cobra's default, which only its own check of arguments (not used) sets.
		SuggestionsMinimumDistance: 2,
	}
	root.SetVersionTemplate("drugfree {{.Version}}\n")
	// `completion` is for shells that complete commands, not for a clerk's list: it still
	// runs, hidden from the help.
	root.CompletionOptions.HiddenDefaultCmd = true
	pf := root.PersistentFlags()
	pf.Var(&opts.Lang, "lang", msg(lang, "flag.lang"))
	pf.StringVar(&opts.PlanFile, "plan", "", msg(lang, "flag.plan"))
	pf.StringVar(&opts.Province, "province", "", msg(lang, "flag.province"))
	pf.StringVar(&opts.Registry, "registry", "", msg(lang, "flag.registry"))
	pf.StringVar(&opts.Password, "password", "", msg(lang, "flag.password"))
	pf.Var(limitsValue{&opts.Limits}, "limits", msg(lang, "flag.limits"))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return flagProblem(c, err, lang) })
	return root, opts
}

// loadPlan returns the plan in effect: the embedded one, or --plan FILE, with the registry
// replaced by --registry FILE.
func (o *GlobalOptions) loadPlan() (*criteria.Plan, error) {
	p := criteria.Default()
	p.Source = "embedded"
	if b, ok := criteria.BuiltinNamed(o.PlanFile); ok {
		p = b.Plan()
		p.Source = "embedded"
	} else if o.PlanFile != "" {
		data, err := os.ReadFile(o.PlanFile)
		if err != nil {
			return nil, errors.New(msg(o.Lang, "file.plan", o.PlanFile, fsReason(err, o.Lang)))
		}
		if p, err = criteria.Parse(o.PlanFile, data); err != nil {
			return nil, err
		}
	}
	if o.Province != "" {
		provinces := p.Registry.Provinces()
		if len(provinces) == 0 {
			return nil, &FlagError{fmt.Errorf(i18n.Tr(o.Lang, "--province: kế hoạch %s không có danh mục xã toàn quốc (dùng --plan qd28)", "--province: the plan %s has no national list of communes (use --plan qd28)"), p.Name)}
		}
		name, ok := naming.Province(o.Province, provinces)
		if strings.EqualFold(strings.TrimSpace(o.Province), criteria.AllProvinces) {
			name, ok = criteria.AllProvinces, true
		}
		if former, now, merged := naming.FormerProvince(o.Province, provinces); !ok && merged {
			in := now // "Tỉnh Vĩnh Long"; in a Vietnamese sentence "tỉnh Vĩnh Long"
			if o.Lang == i18n.Vi {
				in = i18n.LowerFirst(now)
			}
			return nil, &FlagError{fmt.Errorf(i18n.Tr(o.Lang, "--province: từ 01/07/2025 các xã của %s thuộc %s; dùng --province %q", "--province: since 1 July 2025 the communes of %s are in %s; use --province %q"), former, in, criteria.ProvinceName(now))}
		}
		if !ok {
			return nil, &FlagError{fmt.Errorf(i18n.Tr(o.Lang, "--province: không có tỉnh %q trong danh mục; các tỉnh, thành phố: %s", "--province: no province %q in the list; the provinces are: %s"), o.Province, strings.Join(provinces, ", "))}
		}
		if err := p.SelectProvince(name); err != nil {
			return nil, err
		}
	}
	if o.Registry != "" {
		fh, err := os.Open(o.Registry)
		if err != nil {
			return nil, errors.New(msg(o.Lang, "file.registry", o.Registry, fsReason(err, o.Lang)))
		}
		defer fh.Close()
		reg, err := criteria.ParseRegistryCSV(o.Registry, fh)
		if err != nil {
			return nil, err
		}
		p.SetRegistry(reg, o.Registry)
	}
	return p, nil
}

// files are the files the shared flags name (--plan, --registry): inputs, which no
// output ever replaces.
func (o *GlobalOptions) files() []string { return []string{o.PlanFile, o.Registry} }

// password returns the password in effect: --password, else DRUGFREE_PASSWORD, else the
// one given at the prompt. It opens protected returns and encrypts every workbook written.
func (o *GlobalOptions) password(f *Factory) string {
	if o.Password != "" {
		return o.Password
	}
	if pw := f.Getenv("DRUGFREE_PASSWORD"); pw != "" {
		return pw
	}
	return o.asked
}

// askPassword asks for the password on a terminal, once for the run, when a protected
// return is met and none was given; "" when stdin is not a terminal.
func (o *GlobalOptions) askPassword(f *Factory) string {
	if o.asked == "" && f.ReadPassword != nil {
		pw, err := f.ReadPassword(i18n.Msg(o.Lang, "password.prompt"))
		if err == nil {
			o.asked = pw
		}
	}
	return o.asked
}

// readOptions returns the options for reading returns, an undated one as of asOf.
func (o *GlobalOptions) readOptions(f *Factory, p *criteria.Plan, asOf time.Time) read.ReadOptions {
	return read.ReadOptions{Plan: p, Password: o.password(f), AskPassword: func() string { return o.askPassword(f) },
		Lang: o.Lang, Limits: o.Limits, AsOf: asOf}
}

// reportProblems prints problems on stderr and returns a DataError when any is an error.
func reportProblems(f *Factory, problems []problem.Problem, lang i18n.Lang) error {
	if len(problems) > 0 {
		if err := render.WriteProblems(f.IO.ErrOut, problems, lang); err != nil {
			return err
		}
	}
	if n := problem.CountErrors(problems); n > 0 {
		return &DataError{Errors: n}
	}
	return nil
}
