package i18n

import "testing"

// The language is --lang's, else DRUGFREE_LANG's, else the locale's (LC_ALL, LC_MESSAGES,
// LANG, the first set), else Vietnamese.
func TestDetect(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		env  map[string]string
		want Lang
		err  bool
	}{
		{name: "nothing", want: Vi},
		{name: "flag", args: []string{"classify", "--lang", "en", "x.xlsx"}, want: En},
		{name: "flag with =", args: []string{"--lang=en", "plan"}, want: En},
		{name: "last flag wins", args: []string{"--lang", "en", "plan", "--lang", "vi"}, want: Vi},
		{name: "flag after --", args: []string{"classify", "--", "--lang", "en"}, want: Vi},
		{name: "a file named en", args: []string{"classify", "en"}, want: Vi},
		{name: "invalid flag left to the parser", args: []string{"--lang", "fr"}, env: map[string]string{"LANG": "en_US.UTF-8"}, want: En},
		{name: "flag over variable", args: []string{"--lang", "vi"}, env: map[string]string{"DRUGFREE_LANG": "en"}, want: Vi},
		{name: "variable", env: map[string]string{"DRUGFREE_LANG": "en", "LANG": "vi_VN.UTF-8"}, want: En},
		{name: "invalid variable", env: map[string]string{"DRUGFREE_LANG": "fr"}, want: Vi, err: true},
		{name: "English locale", env: map[string]string{"LANG": "en_US.UTF-8"}, want: En},
		{name: "English, short", env: map[string]string{"LANG": "en"}, want: En},
		{name: "Vietnamese locale", env: map[string]string{"LANG": "vi_VN.UTF-8"}, want: Vi},
		{name: "C", env: map[string]string{"LANG": "C.UTF-8"}, want: Vi},
		{name: "POSIX", env: map[string]string{"LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, want: Vi},
		{name: "other language", env: map[string]string{"LANG": "fr_FR.UTF-8"}, want: Vi},
		{name: "LC_ALL first", env: map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN"}, want: En},
		{name: "LC_MESSAGES before LANG", env: map[string]string{"LC_MESSAGES": "en_US@euro", "LANG": "vi_VN"}, want: En},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Detect(c.args, func(k string) string { return c.env[k] })
			if got != c.want || (err != nil) != c.err {
				t.Errorf("Detect(%q, %v) = %v, %v; want %v, error %v", c.args, c.env, got, err, c.want, c.err)
			}
		})
	}
}
