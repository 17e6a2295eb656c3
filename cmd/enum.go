package cmd

import ()

// enumValue is a flag that takes one of a few words; any other fails at parse time.
type enumValue struct {
	target  *string
	allowed []string
}

func newEnum(target *string, def string, allowed ...string) *enumValue {
	*target = def
	return &enumValue{target: target, allowed: allowed}
}

func (e *enumValue) String() string { return *e.target }
func (e *enumValue) Type() string   { return "string" }

func (e *enumValue) Set(v string) error {
	for _, a := range e.allowed {
		if v == a {
			*e.target = v
			return nil
		}
	}
	return &choiceError{e.allowed}
}
