package cmd

import (
	"time"

	"github.com/spf13/pflag"

	"drugfree/classify"
	"drugfree/i18n"
)

// dateValue is a --as-of flag: a day written 2025-12-20 or 20/12/2025.
type dateValue struct{ t *time.Time }

func (d dateValue) String() string {
	if d.t == nil || d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d dateValue) Type() string { return "date" }

func (d dateValue) Set(s string) error {
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			*d.t = t
			return nil
		}
	}
	return dateError{}
}

// asOfOrToday returns the --as-of day, or today by the factory's clock.
func asOfOrToday(f *Factory, asOf time.Time) time.Time {
	if !asOf.IsZero() {
		return asOf
	}
	return classify.CalendarDay(f.Now())
}

// CalendarOptions are the flags of the commands that judge deadlines.
type CalendarOptions struct {
	AsOf     time.Time
	Register string
	// AllKinds judges every kind of the calendar, not only those given.
	AllKinds bool
}

// expand resolves --register by the rule of the inputs (expandFile).
func (o *CalendarOptions) expand(lang i18n.Lang) (err error) {
	o.Register, err = expandFile("register", o.Register, lang)
	return err
}

// AddFlags adds --as-of and --register.
func (o *CalendarOptions) AddFlags(fs *pflag.FlagSet, lang i18n.Lang) {
	fs.Var(dateValue{&o.AsOf}, "as-of", msg(lang, "flag.calendar.as-of"))
	fs.StringVar(&o.Register, "register", "", msg(lang, "flag.register"))
	fs.BoolVar(&o.AllKinds, "all-kinds", false, msg(lang, "flag.all-kinds"))
}
