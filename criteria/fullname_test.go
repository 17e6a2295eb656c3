package criteria

import (
	"strings"
	"testing"
)

// FullName writes the type before the name, its first letter in upper case, unless the
// name starts with the type already, as a word and in any case.
func TestFullNameWritesTheTypeOnce(t *testing.T) {
	for _, c := range []struct{ name, typ, want string }{
		{"Định An", "xã", "Xã Định An"},
		{"Định An", "Xã", "Xã Định An"},
		{"Cầu Ngang", "thị trấn", "Thị trấn Cầu Ngang"},
		{"Định An", "é", "É Định An"},
		{"Phường 1", "phường", "Phường 1"},
		{"phường 1", "phường", "phường 1"},
		{"PHƯỜNG 1", "phường", "PHƯỜNG 1"},
		{"Phường 1", "PHƯỜNG", "Phường 1"},
		{"Xã Định An", "xã", "Xã Định An"},
		{"Thị trấn Cầu Ngang", "thị trấn", "Thị trấn Cầu Ngang"},
		{"Thị trấn Cầu Ngang", "xã", "Xã Thị trấn Cầu Ngang"},
		{"Phường1", "phường", "Phường Phường1"}, // the type is a word of its own
		{"Phường", "phường", "Phường Phường"},
		{"thị trấn", "thị trấn", "Thị trấn thị trấn"},
		{"Định An", "", "Định An"},
		{"Định An", "x\xff", "X\ufffd Định An"}, // an invalid byte of the type as U+FFFD
	} {
		if got := (Commune{Name: c.name, Type: c.typ}).FullName(); got != c.want {
			t.Errorf("FullName(%q, %q) = %q, want %q", c.name, c.typ, got, c.want)
		}
	}
}

// Every commune of the default registry is written with its type once.
func TestFullNameOfTheRegistry(t *testing.T) {
	for _, c := range Default().Registry.Communes {
		got := c.FullName()
		typ := strings.ToUpper(c.Type[:1]) + c.Type[1:] // the types are xã, phường, thị trấn
		if got != typ+" "+c.Name && !(got == c.Name && strings.HasPrefix(strings.ToLower(c.Name), c.Type+" ")) {
			t.Errorf("FullName(%q, %q) = %q", c.Name, c.Type, got)
		}
	}
}
