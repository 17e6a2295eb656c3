package i18n

import (
	"fmt"
	"strings"
)

// Detect decides the language of a run before its flags are parsed, so that the help
// and the flags' descriptions can be written in it. The rule, in one place:
//
//   - the last --lang vi|en (or --lang=vi|en) in args, before a "--";
//   - else DRUGFREE_LANG (vi or en; any other value is an error, since it was meant);
//   - else the locale: the first of LC_ALL, LC_MESSAGES and LANG that is set (POSIX's
//     order) names the language: vi_VN.UTF-8 or vi is Vietnamese, en_US.UTF-8 or en is
//     English;
//   - else, and for any other locale (C, POSIX, C.UTF-8, fr_FR…), Vietnamese, the users'
//     language.
//
// A --lang whose value is not vi or en is left to the flag's parsing, which reports it.
func Detect(args []string, getenv func(string) string) (Lang, error) {
	if l, ok := langArg(args); ok {
		return l, nil
	}
	if v := getenv("DRUGFREE_LANG"); v != "" {
		l, err := ParseLang(strings.TrimSpace(v))
		if err != nil {
			return Vi, fmt.Errorf("%s", Msg(Vi, "usage.env-lang", v))
		}
		return l, nil
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return localeLang(v), nil
		}
	}
	return Vi, nil
}

// langArg finds the last valid --lang in args.
func langArg(args []string) (Lang, bool) {
	var found Lang
	ok := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		var v string
		switch {
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
			i++
		case strings.HasPrefix(a, "--lang="):
			v = strings.TrimPrefix(a, "--lang=")
		default:
			continue
		}
		if l, err := ParseLang(v); err == nil {
			found, ok = l, true
		}
	}
	return found, ok
}

// localeLang is the language of a locale name such as vi_VN.UTF-8: English for en…,
// Vietnamese for anything else.
func localeLang(locale string) Lang {
	lang, _, _ := strings.Cut(locale, "_")
	lang, _, _ = strings.Cut(lang, ".")
	lang, _, _ = strings.Cut(lang, "@")
	if strings.EqualFold(lang, "en") {
		return En
	}
	return Vi
}
