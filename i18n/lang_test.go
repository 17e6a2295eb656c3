package i18n

import "testing"

// --lang takes vi and en and nothing else, and a Lang writes itself back as --lang wrote it.
func TestParseLang(t *testing.T) {
	for _, s := range []string{"vi", "en"} {
		l, err := ParseLang(s)
		if err != nil || l.String() != s {
			t.Errorf("ParseLang(%q) = %v, %v; want %s", s, l, err, s)
		}
	}
	for _, s := range []string{"", "fr", "EN", "vi "} {
		if _, err := ParseLang(s); err == nil {
			t.Errorf("ParseLang(%q) gave no error", s)
		}
	}
	var l Lang
	if l != Vi {
		t.Errorf("the zero Lang is %v, want vi (the default)", l)
	}
	if err := l.Set("en"); err != nil || l != En {
		t.Errorf("Set(en) = %v, l = %v", err, l)
	}
}

// Text.In picks the language, and falls back to Vietnamese when a plan gives no English.
func TestTextIn(t *testing.T) {
	x := Text{Vi: "Loại I", En: "Type I"}
	if x.In(Vi) != "Loại I" || x.In(En) != "Type I" {
		t.Errorf("In: %q, %q", x.In(Vi), x.In(En))
	}
	if got := (Text{Vi: "Loại I"}).In(En); got != "Loại I" {
		t.Errorf("no English: %q, want the Vietnamese", got)
	}
	if Tr(En, "có", "yes") != "yes" || Tr(Vi, "có", "yes") != "có" {
		t.Error("Tr picks the wrong text")
	}
}
