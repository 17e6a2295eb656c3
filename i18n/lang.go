package i18n

import (
	"fmt"
	"time"
)

// Lang is the language of the tool's output: Vietnamese (the default, the zero value) or
// English. cmd parses it once from --lang; everything below takes it as it is.
type Lang uint8

// The tool's two languages.
const (
	Vi Lang = iota
	En
)

// langNames are the languages as --lang writes them, in the order of the constants.
var langNames = [...]string{Vi: "vi", En: "en"}

// ParseLang reads a language as --lang writes it: "vi" or "en".
func ParseLang(s string) (Lang, error) {
	for l, name := range langNames {
		if s == name {
			return Lang(l), nil
		}
	}
	return Vi, fmt.Errorf("must be one of vi, en")
}

// String returns the language as --lang writes it.
func (l Lang) String() string {
	if int(l) < len(langNames) {
		return langNames[l]
	}
	return fmt.Sprintf("Lang(%d)", uint8(l))
}

// Set parses s into l, so that a *Lang is a flag value (pflag.Value).
func (l *Lang) Set(s string) error {
	v, err := ParseLang(s)
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Type names the flag's value in usage messages.
func (l *Lang) Type() string { return "string" }

// Text is a phrase in the tool's two languages: a message of the catalogue, or a label
// the plan gives in both.
type Text struct {
	Vi string `yaml:"vi"`
	En string `yaml:"en"`
}

// In returns the text in l, falling back to Vietnamese when the English is empty. It is
// the one place a language is picked.
func (t Text) In(l Lang) string {
	if l == En && t.En != "" {
		return t.En
	}
	return t.Vi
}

// Tr picks the Vietnamese or English text.
func Tr(l Lang, vi, en string) string { return Text{vi, en}.In(l) }

// Count writes n things: "3 xã" in Vietnamese, which has no plural; "1 commune" or "3
// communes" in English.
func Count(l Lang, n int, vi, enOne, enMany string) string {
	if l == En && n == 1 {
		return fmt.Sprint(n, " ", enOne)
	}
	return fmt.Sprint(n, " ", Tr(l, vi, enMany))
}

// ClerkDate writes a date as a clerk reads it: 20/12/2025 in Vietnamese, 2025-12-20 in
// English.
func ClerkDate(t time.Time, l Lang) string {
	if l == En {
		return t.Format(time.DateOnly)
	}
	return t.Format("02/01/2006")
}
