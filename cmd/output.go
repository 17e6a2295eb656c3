package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/layout"
	"drugfree/report/outfile"
	"drugfree/report/problem"
	"drugfree/report/render"
)

// OutputOptions are the flags of commands that print a result or write a workbook.
type OutputOptions struct {
	Format string
	Output string
	Force  bool
	// Wide prints a table whole on a terminal, however wide.
	Wide bool
}

// AddFlags adds --format, -o, --force and --wide.
func (o *OutputOptions) AddFlags(fs *pflag.FlagSet, lang i18n.Lang) {
	fs.VarP(newEnum(&o.Format, "table", "table", "csv", "json"), "format", "", msg(lang, "flag.format"))
	fs.StringVarP(&o.Output, "output", "o", "", msg(lang, "flag.output"))
	fs.BoolVar(&o.Force, "force", false, msg(lang, "flag.force"))
	addWideFlag(fs, &o.Wide, lang)
}

// addWideFlag adds --wide, which turns off fitting tables to the terminal.
func addWideFlag(fs *pflag.FlagSet, wide *bool, lang i18n.Lang) {
	fs.BoolVar(wide, "wide", false, msg(lang, "flag.wide"))
}

// textWidth is the width in cells that a table printed on ios.Out fits (0: no limit): the
// terminal's, unless wide.
func textWidth(ios *IOStreams, wide bool) int {
	if wide {
		return 0
	}
	return ios.TerminalWidth()
}

// validate checks the combination of output flags.
func (o *OutputOptions) validate(lang i18n.Lang) error {
	return checkXLSX(o.Output, false, lang)
}

// result is a command's result in each of the forms it can be given in; the command
// builds it and OutputOptions.write picks the form --format and -o ask for.
type result struct {
	// Text is what --format table prints: tables and lines, in order.
	Text []textBlock
	// CSV is the table --format csv prints.
	CSV layout.Table
	// JSON is the value --format json prints (SPEC §7).
	JSON any
	// Sheets are the sheets of the workbook -o writes, in order.
	Sheets []layout.Table
	// Inputs are the files read, which -o never replaces ("" is none).
	Inputs []string
	// Form is the official form of the workbook -o writes (workbookForm); nil for none.
	Form *layout.Form
}

// workbookForm is the official form of the workbook a command writes: its subject
// (layout.Subject), the day of its figures, the inputs and the problems found, made now.
func workbookForm(f *Factory, p *criteria.Plan, subject string, asOf time.Time, inputs []string, problems []problem.Problem, lang i18n.Lang) *layout.Form {
	form := layout.NewForm(p, layout.Doc{
		Subject: layout.Subject(p, subject, lang), AsOf: asOf, Made: f.Now(), Version: version(),
		Inputs: inputs, Problems: problems, ProblemsSheet: render.SheetName(layout.ProblemsName(lang)),
	}, lang)
	return &form
}

// textBlock is a table of --format table's output, or a line when table is nil.
type textBlock struct {
	table *layout.Table
	line  string
}

func textTable(t layout.Table) textBlock { return textBlock{table: &t} }
func textLine(s string) textBlock        { return textBlock{line: s} }

// textLines makes a line of each non-empty s.
func textLines(s ...string) []textBlock {
	var out []textBlock
	for _, l := range s {
		if l != "" {
			out = append(out, textLine(l))
		}
	}
	return out
}

// write gives r in the form the flags ask for: a workbook with -o, else --format on
// stdout. It is the one place that chooses. The workbook never replaces r.Inputs nor the
// files of the shared flags (--plan, --registry).
func (o *OutputOptions) write(f *Factory, g *GlobalOptions, r result) error {
	ios, lang := f.IO, g.Lang
	if o.Output != "" {
		return writeWorkbook(ios, o.Output, slices.Concat(r.Inputs, g.files()), o.Force, lang, g.password(f), r.Form, r.Sheets)
	}
	switch o.Format {
	case "table":
		return writeTextBlocks(ios.Out, r.Text, lang, textWidth(ios, o.Wide))
	case "csv":
		return render.WriteCSV(ios.Out, r.CSV)
	case "json":
		return writeJSON(ios.Out, r.JSON)
	default:
		return fmt.Errorf("unknown output format %q", o.Format)
	}
}

// writeTextBlocks writes tables and lines one after the other, fitted to width cells (0:
// no limit).
func writeTextBlocks(w io.Writer, blocks []textBlock, lang i18n.Lang, width int) error {
	for _, b := range blocks {
		if b.table == nil {
			if err := render.WriteLines(w, b.line, width); err != nil {
				return err
			}
		} else if err := render.WriteTextWidth(w, *b.table, lang, width); err != nil {
			return err
		}
	}
	return nil
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeWorkbook writes tables as the sheets of a workbook at path, the first in the official
// form, whole or not at all, encrypted with password unless it is "", and says so on stderr.
func writeWorkbook(ios *IOStreams, path string, inputs []string, force bool, lang i18n.Lang, password string, form *layout.Form, tables []layout.Table) error {
	err := outfile.WriteFileAtomic(path, inputs, force, func(w io.Writer) error {
		wb := render.NewWorkbook(lang)
		if form != nil {
			if err := wb.SetForm(*form); err != nil {
				return err
			}
		}
		if err := wb.AddTables(tables...); err != nil {
			return err
		}
		return wb.Write(w, password)
	})
	if err != nil {
		return refusal(err, lang)
	}
	fmt.Fprintf(ios.ErrOut, "%s %s\n", i18n.Tr(lang, "Đã ghi", "Wrote"), path)
	return nil
}

// checkXLSX makes an output path that is not an .xlsx file (or a missing one, when
// required) a usage error, in the user's language.
func checkXLSX(path string, required bool, lang i18n.Lang) error {
	if path == "" && !required {
		return nil
	}
	switch {
	case path == "":
		return &FlagError{errors.New(i18n.Msg(lang, "usage.output-missing"))}
	case strings.HasPrefix(path, "-"):
		return &FlagError{errors.New(i18n.Msg(lang, "usage.output-flag", path))}
	case !strings.HasSuffix(strings.ToLower(path), ".xlsx"):
		return &FlagError{errors.New(i18n.Msg(lang, "usage.output-not-xlsx", path))}
	}
	return nil
}

// refusal explains why an output was not written, in the user's language.
func refusal(err error, lang i18n.Lang) error {
	var re *outfile.RefusedError
	if !errors.As(err, &re) {
		return writeFailure(err, lang)
	}
	if errors.Is(re.Reason, outfile.ErrIsInput) {
		return fmt.Errorf(i18n.Tr(lang, "%s là một tệp đầu vào: không bao giờ ghi đè tệp đầu vào", "%s is an input: an input is never overwritten"), re.Path)
	}
	return fmt.Errorf(i18n.Tr(lang, "%s đã có: không ghi đè; thêm --force để thay tệp", "%s exists: not replaced; add --force to replace it"), re.Path)
}
