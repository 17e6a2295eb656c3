package ooxml

import (
	"bytes"
	"strings"
	"testing"
)

// richTextRef is richText as it was, every text copied into a strings.Builder.
func richTextRef(si []byte) string {
	var b strings.Builder
	for len(si) > 0 {
		i := bytes.IndexByte(si, '<')
		if i < 0 {
			break
		}
		si = si[i:]
		switch {
		case bytes.HasPrefix(si, []byte("<rPh")):
			e := bytes.Index(si, []byte("</rPh>"))
			if e < 0 {
				si = si[4:]
				continue
			}
			si = si[e+len("</rPh>"):]
		case bytes.HasPrefix(si, []byte("<t>")) || bytes.HasPrefix(si, []byte("<t ")) || bytes.HasPrefix(si, []byte("<t/")):
			end := bytes.IndexByte(si, '>')
			if si[end-1] == '/' {
				si = si[end+1:]
				continue
			}
			si = si[end+1:]
			e := bytes.Index(si, []byte("</t>"))
			if e < 0 {
				return b.String()
			}
			b.WriteString(UnescapeXML(si[:e]))
			si = si[e+len("</t>"):]
		default:
			si = si[1:]
		}
	}
	return bstrDecode(b.String())
}

// richText gives what it gave when every text went through a strings.Builder: one <t>,
// several runs, phonetic runs, empty and unclosed texts, entities and _xHHHH_ escapes.
func TestRichTextSameAsBuilder(t *testing.T) {
	items := []string{
		"", "<t>Xã An Phú</t>", "<t xml:space=\"preserve\"> a </t>", "<t/>", "<t/><t>b</t>",
		"<r><t>a</t></r><r><rPr/><t>b</t></r><r><t>c</t></r>", "<t>a</t><rPh><t>ふ</t></rPh>",
		"<t>a &amp; b&#x20;&lt;</t>", "<t>x_x0041_y</t>", "<r><t>_x00</t></r><r><t>41_</t></r>",
		"<t>unclosed", "<r><t>a</t></r><r><t>unclosed", "<rPh>open", "<t>a\r\nb\rc</t>", "<tx>no</tx><t>yes</t>",
	}
	for _, si := range items {
		if got, want := richText([]byte(si)), richTextRef([]byte(si)); got != want {
			t.Errorf("richText(%q) = %q, want %q", si, got, want)
		}
	}
	if richText([]byte("<t>a</t>")) != "a" || !strings.Contains(richText([]byte("<r><t>a</t></r><r><t>b</t></r>")), "ab") {
		t.Error("richText does not read its texts")
	}
}
