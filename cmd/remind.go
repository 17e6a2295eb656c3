package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"drugfree/i18n"
	"drugfree/report"
	"drugfree/report/layout"
	"drugfree/report/outfile"
	"drugfree/report/problem"
	"drugfree/report/render"
)

// RemindOptions are the options of `drugfree remind`.
type RemindOptions struct {
	IO       *IOStreams
	Global   *GlobalOptions
	Factory  *Factory
	Files    []string
	Calendar CalendarOptions
	Out      OutputOptions
	// Letters is the folder the letters are written into.
	Letters string
}

// NewCmdRemind builds `drugfree remind`.
func NewCmdRemind(f *Factory, g *GlobalOptions, runF func(*RemindOptions) error) *cobra.Command {
	opts := &RemindOptions{IO: f.IO, Global: g, Factory: f}
	lang := g.Lang
	cmd := &cobra.Command{
		Use:   msg(lang, "help.remind.use"),
		Short: msg(lang, "help.remind.short"),
		Long:  msg(lang, "help.remind.long"),
		Example: `  $ drugfree remind returns --register register.csv --letters cong-van
  $ drugfree remind returns --register register.xlsx --letters cv -o list.xlsx`,
		RunE: func(c *cobra.Command, args []string) error {
			var err error
			if opts.Files, err = expandInputs(args, opts.Global.Lang); err != nil {
				return err
			}
			if err := opts.Calendar.expand(opts.Global.Lang); err != nil {
				return err
			}
			if len(args) == 0 && opts.Calendar.Register == "" {
				return &FlagError{errors.New(msg(lang, "usage.deadlines-nothing"))}
			}
			if opts.Letters == "" {
				return &FlagError{errors.New(msg(lang, "usage.remind-letters"))}
			}
			if err := opts.Out.validate(opts.Global.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return remindRun(opts)
		},
	}
	opts.Calendar.AddFlags(cmd.Flags(), lang)
	opts.Out.AddFlags(cmd.Flags(), lang)
	cmd.Flags().StringVar(&opts.Letters, "letters", "", msg(lang, "flag.remind.letters"))
	return cmd
}

// remindJSON is the JSON form of the result.
type remindJSON struct {
	AsOf      string            `json:"as_of"`
	Reminders []reminderJSON    `json:"reminders"`
	Problems  []problem.Problem `json:"problems"`
}

type reminderJSON struct {
	report.Reminder
	Letter string `json:"letter"`
}

func remindRun(opts *RemindOptions) error {
	lang := opts.Global.Lang
	p, err := opts.Global.loadPlan()
	if err != nil {
		return err
	}
	asOf := asOfOrToday(opts.Factory, opts.Calendar.AsOf)
	returns, subs, problems, err := readAll(opts.Factory, opts.Global, p, opts.Files, opts.Calendar.Register, asOf)
	if err != nil {
		return err
	}
	returns, subs, problems, kinds := opts.Calendar.view(opts.Factory, returns, subs, problems, asOf, lang)
	statuses, _ := report.Timeliness(p, returns, subs, kinds, asOf, lang)
	reminders := report.Reminders(statuses)
	inputs := append(append([]string{}, opts.Files...), opts.Calendar.Register)

	// The letters first: the list names them.
	if err := os.MkdirAll(opts.Letters, 0o755); err != nil {
		return errors.New(msg(lang, "file.cannot-write", opts.Letters, fsReason(err, lang)))
	}
	var failed []error
	out := remindJSON{AsOf: asOf.Format(time.DateOnly), Reminders: []reminderJSON{}, Problems: orEmpty(problems)}
	for _, r := range reminders {
		path := filepath.Join(opts.Letters, layout.LetterName(r, lang))
		letter := layout.NewLetter(p, r, asOf, lang)
		err := outfile.WriteFileAtomic(path, slices.Concat(inputs, opts.Global.files()), opts.Out.Force, func(w io.Writer) error { return render.WriteLetter(w, letter) })
		if err != nil {
			failed = append(failed, refusal(err, lang))
			continue
		}
		out.Reminders = append(out.Reminders, reminderJSON{Reminder: r, Letter: path})
	}
	if len(reminders) > 0 && len(failed) < len(reminders) {
		fmt.Fprintln(opts.IO.ErrOut, i18n.Msg(lang, "remind.wrote", len(reminders)-len(failed), opts.Letters))
	}

	table := layout.ReminderTable(p, reminders, asOf, lang)
	summary := layout.RemindSummary(reminders, asOf, lang)
	text := []textBlock{textLine(summary)}
	if len(reminders) > 0 {
		text = append(text, textTable(table))
	}
	sheets := []layout.Table{table}
	if len(problems) > 0 {
		sheets = append(sheets, layout.ProblemTable(p, problems, lang))
	}
	err = opts.Out.write(opts.Factory, opts.Global, result{
		Text:   text,
		CSV:    table,
		JSON:   out,
		Sheets: sheets,
		Inputs: inputs,
		Form:   workbookForm(opts.Factory, p, layout.SubjectRemind, asOf, inputs, problems, lang),
	})
	if err != nil {
		return err
	}
	if len(failed) > 0 {
		return errors.Join(failed...)
	}
	return reportProblems(opts.Factory, problems, lang)
}
