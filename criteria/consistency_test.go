package criteria

import (
	"strings"
	"testing"
)

func TestDefaultConsistencyRules(t *testing.T) {
	p := Default()
	want := []string{
		"managed-le-total", "treatment-le-total", "users-managed-le-users",
		"post-rehab-managed-le-post-rehab", "grounds-tested-le-grounds",
		"households-committed-le-households", "hamlets-hotline-le-hamlets",
		"offenders-le-population", "population-positive",
	}
	if len(p.Consistency) != len(want) {
		t.Fatalf("got %d rules, want %d", len(p.Consistency), len(want))
	}
	for i, name := range want {
		if p.Consistency[i].Name != name {
			t.Errorf("rule %d = %q, want %q", i, p.Consistency[i].Name, name)
		}
	}
}

func TestRuleHolds(t *testing.T) {
	tests := []struct {
		op          string
		left, right float64
		want        bool
	}{
		{"<=", 10, 10, true}, {"<=", 11, 10, false},
		{"<", 9, 10, true}, {"<", 10, 10, false},
		{">=", 10, 10, true}, {">=", 9, 10, false},
		{">", 1, 0, true}, {">", 0, 0, false},
		{"=", 3, 3, true}, {"=", 3, 4, false},
		{"~", 3, 3, false},
	}
	for _, tt := range tests {
		if got := (Rule{Op: tt.op}).Holds(tt.left, tt.right); got != tt.want {
			t.Errorf("%v %s %v = %v, want %v", tt.left, tt.op, tt.right, got, tt.want)
		}
	}
}

func TestConsistencyRuleValidation(t *testing.T) {
	base := string(DefaultYAML())
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown field", "left: addicts_managed, op: \"<=\", right: addicts_total}",
			"left: addicts_managd, op: \"<=\", right: addicts_total}", `"addicts_managd" is not a field`},
		{"text field", "right: addicts_total}\n  - {name: treatment-le-total",
			"right: commune}\n  - {name: treatment-le-total", `field "commune" is text`},
		{"bad op", "left: population, op: \">\"", "left: population, op: \"!=\"", `op "!=" is not one of`},
		{"duplicate name", "name: treatment-le-total", "name: managed-le-total", "names must be given and unique"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.from) {
				t.Fatalf("the default plan no longer contains %q", tt.from)
			}
			_, err := Parse("p.yaml", []byte(strings.Replace(base, tt.from, tt.to, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "p.yaml:") {
				t.Errorf("err %q does not give the line", err)
			}
		})
	}
}

func TestCommuneFullName(t *testing.T) {
	tests := []struct {
		c    Commune
		want string
	}{
		{Commune{Name: "Long Đức", Type: "xã"}, "Xã Long Đức"},
		{Commune{Name: "Định An", Type: "thị trấn"}, "Thị trấn Định An"},
		{Commune{Name: "Phường 1", Type: "phường"}, "Phường 1"},
		{Commune{Name: "Phường 1"}, "Phường 1"},
	}
	for _, tt := range tests {
		if got := tt.c.FullName(); got != tt.want {
			t.Errorf("FullName(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}
