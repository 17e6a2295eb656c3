package ooxml

import "testing"

// richText reads a string item as excelize does: its <t>, or the <t> of its runs joined,
// without phonetic runs (<rPh>), entities and line ends decoded, then _xHHHH_ escapes
// (also across runs); an unclosed text ends the item.
func TestRichText(t *testing.T) {
	for _, c := range []struct{ si, want string }{
		{"", ""},
		{"<t>Xã An Phú</t>", "Xã An Phú"},
		{"<t xml:space=\"preserve\"> a </t>", " a "},
		{"<t/>", ""},
		{"<t/><t>b</t>", "b"},
		{"<r><t>a</t></r><r><rPr/><t>b</t></r><r><t>c</t></r>", "abc"},
		{"<t>a</t><rPh><t>ふ</t></rPh>", "a"},
		{"<t>a &amp; b&#x20;&lt;</t>", "a & b <"},
		{"<t>a\r\nb\rc</t>", "a\nb\nc"},
		{"<t>x_x0041_y</t>", "xAy"},
		{"<t>_x000D_</t>", "\r"},
		{"<t>a_x005F_x0041_</t>", "a_x0041_"}, // an escaped underscore
		{"<r><t>_x00</t></r><r><t>41_</t></r>", "A"},
		{"<t>unclosed", ""},
		{"<r><t>a</t></r><r><t>unclosed", "a"},
		{"<rPh>open", ""},
		{"<tx>no</tx><t>yes</t>", "yes"},
	} {
		if got := richText([]byte(c.si)); got != c.want {
			t.Errorf("richText(%q) = %q, want %q", c.si, got, c.want)
		}
	}
}
