package criteria

import (
	"strings"
	"testing"
)

// fullNameRef is FullName as it was, through strings.ToLower and []rune.
func fullNameRef(c Commune) string {
	if c.Type == "" || strings.HasPrefix(strings.ToLower(c.Name), strings.ToLower(c.Type)+" ") {
		return c.Name
	}
	if len(c.Name) > len(c.Type) && strings.EqualFold(c.Name[:len(c.Type)], c.Type) && c.Name[len(c.Type)] == ' ' {
		return c.Name
	}
	t := []rune(c.Type)
	return strings.ToUpper(string(t[0])) + string(t[1:]) + " " + c.Name
}

// FullName gives what it gave through strings.ToLower and []rune: on every commune of the
// default registry and on names and types made to differ (case, invalid UTF-8, runes
// whose lower case has another length).
func TestFullNameSameAsBefore(t *testing.T) {
	cs := append([]Commune(nil), Default().Registry.Communes...)
	types := []string{"", "xã", "phường", "thị trấn", "Xã", "PHƯỜNG", "İ", "x\xff", "\xffx", "ǅ", "ß", "é"}
	names := []string{"", "Phường 1", "phường 1", "PHƯỜNG 1", "Phường", "Phường1", "Xã Định An", "Định An",
		"Thị trấn Cầu Ngang", "thị trấn", "İ x", "i̇ x", "x\xff y", "\xffx y", "ǆ a", "ǅ a", "ss a", "ß a", "É a", "e\u0301 a"}
	for _, typ := range types {
		for _, name := range names {
			cs = append(cs, Commune{Name: name, Type: typ})
		}
	}
	for _, c := range cs {
		if got, want := c.FullName(), fullNameRef(c); got != want {
			t.Errorf("FullName(%q, %q) = %q, want %q", c.Name, c.Type, got, want)
		}
	}
}
