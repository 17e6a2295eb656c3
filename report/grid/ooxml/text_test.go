package ooxml

import (
	"strconv"
	"testing"
)

// richText reads a string item as excelize's xlsxSI.String, or declines it: one <t>,
// runs, phonetic runs and run properties, empty texts, entities and _xHHHH_ escapes;
// and declines a second <t>, a <t> after a run, an unknown element, markup in a text.
func TestRichText(t *testing.T) {
	for _, c := range []struct {
		si, want string
		err      bool
	}{
		{"", "", false},
		{"<t>Xã An Phú</t>", "Xã An Phú", false},
		{"<t xml:space=\"preserve\"> a </t>", " a ", false},
		{"<t/>", "", false},
		{"<t></t >", "", false},
		{"<t/><r><t>b</t></r>", "b", false},
		{"<r><t>a</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>b</t></r><r><t>c</t></r>", "abc", false},
		{"<t>a</t><rPh sb=\"0\" eb=\"1\"><t>ふ</t></rPh><phoneticPr fontId=\"1\"/>", "a", false},
		{"<t>a &amp; b&#x20;&lt;</t>", "a & b <", false},
		{"<t>x_x0041_y</t>", "xAy", false},
		{"<r><t>_x00</t></r><r><t>41_</t></r>", "A", false},
		{"<t>a\r\nb\rc</t>", "a\nb\nc", false},
		{"\n  <t>a</t>\n", "a", false},
		{"<t>a</t><t>b</t>", "", true},
		{"<r><t>a</t></r><t>b</t>", "", true},
		{"<r><t>a</t><t>b</t></r>", "", true},
		{"<tx>no</tx><t>yes</t>", "", true},
		{"<t>a<b/>c</t>", "", true},
		{"<t>unclosed", "", true},
		{"<rPh>open", "", true},
	} {
		got, err := richText([]byte(c.si))
		if got != c.want || (err != nil) != c.err {
			t.Errorf("richText(%q) = %q, %v; want %q, error %v", c.si, got, err, c.want, c.err)
		}
	}
}

// TextIntern gives back the text it is given: the same string again for a short plain
// text, never for one with an entity or a carriage return (decoded, not kept), and it
// starts again once full. A nil one decodes.
func TestTextInternGivesTheText(t *testing.T) {
	in := &TextIntern{}
	for _, v := range []string{"0", "12", "0", "a&amp;b", "a&amp;b", "x\r\ny", "12345678901234567", "Xã An Phú"} {
		if got, want := in.text([]byte(v)), UnescapeXML([]byte(v)); got != want {
			t.Errorf("text(%q) = %q, want %q", v, got, want)
		}
		if got, want := (*TextIntern)(nil).text([]byte(v)), UnescapeXML([]byte(v)); got != want {
			t.Errorf("nil text(%q) = %q, want %q", v, got, want)
		}
	}
	if _, kept := in.m["a&amp;b"]; kept {
		t.Error("a text with an entity was kept")
	}
	for i := range internMax + 10 {
		v := strconv.Itoa(i)
		if got := in.text([]byte(v)); got != v {
			t.Fatalf("text(%q) = %q", v, got)
		}
	}
	if n := len(in.m); n > internMax || n == 0 {
		t.Errorf("%d texts kept, want 1 to %d", n, internMax)
	}
}
