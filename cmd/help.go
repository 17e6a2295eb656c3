package cmd

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"drugfree/i18n"
)

// The help and the usage errors speak the user's language (i18n.Detect decides it before
// the tree is built): the texts of the commands and flags come from i18n's catalogue, and
// this file lays out what Cobra and pflag would otherwise write in English: the help's
// headings, the -h and --version flags, the help command, and the errors of parsing.

// helpWidth is the width the help is laid out in: a console's 80 columns.
const helpWidth = 80

// msg is the catalogue's text id in lang.
func msg(lang i18n.Lang, id string, args ...any) string { return i18n.Msg(lang, id, args...) }

// localize finishes the tree in lang: root gets --version and the help command, and every
// command (help too) its own -h, laid out by writeUsage. Cobra adds none of its own then.
func localize(root *cobra.Command, lang i18n.Lang) {
	if root.Flags().Lookup("version") != nil {
		return // done already
	}
	root.Flags().BoolP("version", "v", false, msg(lang, "flag.version"))
	root.SetHelpCommand(newHelpCmd(root, lang))
	root.InitDefaultHelpCmd() // adds it to root's commands, for the walk below
	root.SetUsageFunc(func(c *cobra.Command) error { return writeUsage(c.OutOrStderr(), c, lang) })
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, msg(lang, "flag.help"))
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// writeUsage writes c's usage as Cobra's default template does, in lang.
func writeUsage(w io.Writer, c *cobra.Command, lang i18n.Lang) error {
	var b strings.Builder
	b.WriteString(msg(lang, "help.heading.usage"))
	if c.Runnable() {
		b.WriteString("\n  " + c.UseLine())
	}
	if c.HasExample() {
		fmt.Fprintf(&b, "\n\n%s\n%s", msg(lang, "help.heading.examples"), c.Example)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\n%s", msg(lang, "help.heading.commands"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(&b, "\n\n%s\n%s", msg(lang, "help.heading.flags"), flagUsages(c.LocalFlags(), lang))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(&b, "\n\n%s\n%s", msg(lang, "help.heading.global"), flagUsages(c.InheritedFlags(), lang))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\n%s", msg(lang, "help.heading.more", c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// flagUsages lays flags out as pflag does, measured in letters rather than bytes (pflag
// counts a Vietnamese letter as two or three) and wrapped to helpWidth, with "(default …)"
// in lang.
func flagUsages(fs *pflag.FlagSet, lang i18n.Lang) string {
	type line struct{ left, text string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		value, text := pflag.UnquoteUsage(f)
		if f.Value.Type() != "bool" && value != "" {
			left += " " + value
		}
		switch def := f.DefValue; {
		case def == "" || def == "0" || def == "false" || f.Value.Type() == "bool":
		case f.Value.Type() == "string":
			text += fmt.Sprintf(" (%s %q)", msg(lang, "help.default"), def)
		default:
			text += fmt.Sprintf(" (%s %s)", msg(lang, "help.default"), def)
		}
		width = max(width, utf8.RuneCountInString(left))
		lines = append(lines, line{left, text})
	})
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		pad := width + 3
		b.WriteString(l.left + strings.Repeat(" ", pad-utf8.RuneCountInString(l.left)))
		b.WriteString(wrapWords(l.text, helpWidth-pad, strings.Repeat(" ", pad)))
	}
	return b.String()
}

// wrapWords wraps text at spaces into lines of at most width letters (a longer word stands
// alone), each after the first starting with indent.
func wrapWords(text string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		wn := utf8.RuneCountInString(w)
		switch {
		case i == 0:
		case n+1+wn > width:
			b.WriteString("\n" + indent)
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += wn
	}
	return b.String()
}

// newHelpCmd is `drugfree help [command]`, in lang.
func newHelpCmd(root *cobra.Command, lang i18n.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   msg(lang, "help.help.use"),
		Short: msg(lang, "help.help.short"),
		Long:  msg(lang, "help.help.long"),
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				name := strings.Join(args, " ")
				if len(rest) > 0 {
					name = rest[0]
				}
				return unknownCommand(target, name, lang)
			}
			return target.Help()
		},
	}
}

// rootRun is root's own run: the help with no command, else the command is unknown.
func rootRun(lang i18n.Lang) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return c.Help()
		}
		return unknownCommand(c, args[0], lang)
	}
}

// unknownCommand is the usage error for a command parent does not have: the ones it may
// have meant, else all of them.
func unknownCommand(parent *cobra.Command, name string, lang i18n.Lang) error {
	if parent == nil {
		parent = &cobra.Command{}
	}
	var more string
	if s := parent.SuggestionsFor(name); len(s) > 0 {
		more = msg(lang, "usage.did-you-mean", strings.Join(s, ", "))
	} else {
		var names []string
		for _, sub := range parent.Commands() {
			if sub.IsAvailableCommand() {
				names = append(names, sub.Name())
			}
		}
		more = msg(lang, "usage.commands", strings.Join(names, ", "))
	}
	return &FlagError{errors.New(msg(lang, "usage.unknown-command", name, more))}
}

// Argument checks, in lang: what a command takes, said in words.

// minFiles requires at least n returns.
func minFiles(n int, lang i18n.Lang) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return &FlagError{errors.New(msg(lang, "usage.args-min", c.CommandPath(), n))}
		}
		return nil
	}
}

// exactArgs requires n arguments, what names them.
func exactArgs(n int, what string, lang i18n.Lang) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return &FlagError{errors.New(msg(lang, "usage.args-exact", c.CommandPath(), n, what, len(args)))}
		}
		return nil
	}
}

// noArgs refuses arguments.
func noArgs(lang i18n.Lang) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > 0 {
			return &FlagError{errors.New(msg(lang, "usage.args-none", c.CommandPath(), args[0]))}
		}
		return nil
	}
}

// choiceError is a flag value that is not one of a few words.
type choiceError struct{ choices []string }

func (e *choiceError) Error() string { return "must be one of " + strings.Join(e.choices, ", ") }

// dateError is a flag value that is not a day.
type dateError struct{}

func (dateError) Error() string { return "want a day as YYYY-MM-DD or DD/MM/YYYY" }

// limitsError is a --limits that cannot be read.
type limitsError struct{ part string }

func (e *limitsError) Error() string {
	return fmt.Sprintf("%q: want key=N, the keys file, inflated (MB) and parts, N a positive whole number", e.part)
}

// flagProblem words an error of parsing c's flags in lang: the flag, and what it takes.
func flagProblem(c *cobra.Command, err error, lang i18n.Lang) error {
	var notExist *pflag.NotExistError
	var needs *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	var text string
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short == notExist.GetSpecifiedName() {
			text = msg(lang, "usage.unknown-flag", "-"+short, "")
		} else if short != "" {
			text = msg(lang, "usage.unknown-short", notExist.GetSpecifiedName(), short)
		} else {
			name := notExist.GetSpecifiedName()
			more := ""
			if s := similarFlags(c, name); len(s) > 0 {
				more = msg(lang, "usage.did-you-mean", strings.Join(s, ", "))
			}
			text = msg(lang, "usage.unknown-flag", "--"+name, more)
		}
	case errors.As(err, &needs):
		if f := needs.GetFlag(); f.Name == "output" {
			text = msg(lang, "usage.output-missing")
		} else {
			value, _ := pflag.UnquoteUsage(f)
			text = msg(lang, "usage.flag-needs-value", flagName(f, needs.GetSpecifiedShortnames() != ""), value)
		}
	case errors.As(err, &invalid):
		name, value := flagName(invalid.GetFlag(), false), invalid.GetValue()
		var choice *choiceError
		var limits *limitsError
		switch {
		case errors.As(err, &choice):
			text = msg(lang, "usage.flag-choice", name, strings.Join(choice.choices, ", "), value)
		case invalid.GetFlag().Name == "lang":
			text = msg(lang, "usage.flag-choice", name, "vi, en", value)
		case errors.As(err, &dateError{}):
			text = msg(lang, "usage.flag-date", name, value)
		case errors.As(err, &limits):
			text = msg(lang, "usage.flag-limits", name, limits.part)
		case invalid.GetFlag().Value.Type() == "bool":
			text = msg(lang, "usage.flag-bool", name, value, name)
		case invalid.GetFlag().Value.Type() == "int" || invalid.GetFlag().Value.Type() == "uint64":
			text = msg(lang, "usage.flag-number", name, value)
		default:
			text = msg(lang, "usage.flag-invalid", name, value)
		}
	case errors.As(err, &syntax):
		text = msg(lang, "usage.bad-syntax", syntax.GetSpecifiedFlag())
	default:
		return &FlagError{err}
	}
	return &FlagError{errors.New(text)}
}

// flagName is the flag as a clerk typed it: -o when the shorthand was used, else --output.
func flagName(f *pflag.Flag, short bool) string {
	if short && f.Shorthand != "" {
		return "-" + f.Shorthand
	}
	return "--" + f.Name
}

// similarFlags are c's flags a mistyped name may have meant, as --name.
func similarFlags(c *cobra.Command, name string) []string {
	var out []string
	seen := map[string]bool{}
	visit := func(f *pflag.Flag) {
		if !f.Hidden && !seen[f.Name] && (distance(f.Name, name) <= 2 || (len(name) > 2 && strings.HasPrefix(f.Name, name))) {
			seen[f.Name] = true
			out = append(out, "--"+f.Name)
		}
	}
	c.Flags().VisitAll(visit)
	c.InheritedFlags().VisitAll(visit)
	sort.Strings(out)
	return out
}

// distance is the Levenshtein distance between a and b, in bytes (flag names are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
