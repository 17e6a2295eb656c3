package render

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"time"

	"drugfree/report/layout"
)

// letterTemplate is the letter's template: a Word document (.docx) kept unzipped in
// letter/, so that a change to it reads as text in a diff. `cd report/render/letter && zip
// -X -r ../letter.docx '[Content_Types].xml' _rels word` makes it a .docx to open in Word or
// LibreOffice; edit it there without touching the {{…}} placeholders, then unzip it back.
//
//go:embed all:letter
var letterTemplate embed.FS

// letterDocument is the template's part that holds the placeholders.
const letterDocument = "word/document.xml"

// xmlComment matches the template's comments, which are for its readers only.
var xmlComment = regexp.MustCompile(`(?s)<!--.*?-->\s*`)

// WriteLetter writes the letter l to w as a Word document (.docx), its template's
// placeholders filled: each {{name}} with l's text, the table row of {{row.*}} once for each
// row of l. A template placeholder that l has no text for is an error, never left in the
// letter.
func WriteLetter(w io.Writer, l layout.Letter) error {
	var names []string
	err := fs.WalkDir(letterTemplate, "letter", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, strings.TrimPrefix(path, "letter/"))
		}
		return err
	})
	if err != nil {
		return err
	}
	// [Content_Types].xml first, as Word writes it; the rest in name order.
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "[Content_Types].xml") != (names[j] == "[Content_Types].xml") {
			return names[i] == "[Content_Types].xml"
		}
		return names[i] < names[j]
	})
	zw := zip.NewWriter(w)
	for _, name := range names {
		data, err := letterTemplate.ReadFile("letter/" + name)
		if err != nil {
			return err
		}
		if name == letterDocument {
			if data, err = fillLetter(data, l); err != nil {
				return err
			}
		}
		// A fixed time, so that the same letter is the same file.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// fillLetter fills the placeholders of the template's document with l.
func fillLetter(doc []byte, l layout.Letter) ([]byte, error) {
	s := xmlComment.ReplaceAllString(string(doc), "")
	// The row of the returns owed, once for each.
	if at := strings.Index(s, "{{row."); at >= 0 {
		start := strings.LastIndex(s[:at], "<w:tr>")
		end := strings.Index(s[at:], "</w:tr>")
		if start < 0 || end < 0 {
			return nil, fmt.Errorf("letter template: {{row.…}} outside a table row")
		}
		end += at + len("</w:tr>")
		row := s[start:end]
		var rows strings.Builder
		for _, r := range l.Rows {
			rows.WriteString(fillPlaceholders(row, map[string]string{"row.no": r[0], "row.kind": r[1], "row.due": r[2], "row.status": r[3]}))
		}
		s = s[:start] + rows.String() + s[end:]
	}
	s = fillPlaceholders(s, map[string]string{
		"body": l.Body, "office": l.Office, "number": l.Number, "subject": l.Subject,
		"motto": l.Motto, "slogan": l.Slogan, "dateline": l.DateLine, "recipient": l.Recipient, "intro": l.Intro,
		"head.no": l.Head[0], "head.kind": l.Head[1], "head.due": l.Head[2], "head.status": l.Head[3],
		"request": l.Request, "provision": l.Provision, "contact": l.Contact,
		"recipients.label": l.RecipientsLabel, "recipients": strings.Join(l.Recipients, "\n"),
		"signer": strings.Join(l.Signer, "\n"), "sign.hint": l.SignHint,
	})
	if i := strings.Index(s, "{{"); i >= 0 {
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			j = min(len(s)-i, 20)
		}
		return nil, fmt.Errorf("letter template: no text for %s", s[i:i+j+2])
	}
	return []byte(s), nil
}

// fillPlaceholders replaces each {{name}} of s with its value, escaped for XML, a line
// break for each "\n" in it.
func fillPlaceholders(s string, values map[string]string) string {
	var pairs []string
	for name, v := range values {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(v))
		text := strings.ReplaceAll(b.String(), "&#xA;", `</w:t><w:br/><w:t xml:space="preserve">`)
		pairs = append(pairs, "{{"+name+"}}", text)
	}
	return strings.NewReplacer(pairs...).Replace(s)
}
