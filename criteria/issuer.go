package criteria

import "strings"

// Issuer is who issues the workbooks drugfree writes, for the official form on their first
// sheet (Decree 30/2020/NĐ-CP): the body over the office in the letterhead, the symbol after
// the document number ("Số: …/BC-PC04"), the place of the date line, the recipients ("Nơi
// nhận") and the signers, left to right.
type Issuer struct {
	Body       Text     `yaml:"body"`
	Office     Text     `yaml:"office,omitempty"`
	Symbol     string   `yaml:"symbol"`
	Place      string   `yaml:"place"`
	Recipients []Text   `yaml:"recipients,omitempty"`
	Signers    []Signer `yaml:"signers"`
}

// Signer is one signature of the form: a title in capitals ("NGƯỜI LẬP BIỂU", "TRƯỞNG
// PHÒNG"; a line break for a title on two lines, "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG"), and
// the name printed under the room left to sign, when known.
type Signer struct {
	Title Text   `yaml:"title"`
	Name  string `yaml:"name,omitempty"`
}

// empty reports whether the issuer section was left out of the plan file.
func (is Issuer) empty() bool {
	return is.Body == (Text{}) && is.Office == (Text{}) && is.Symbol == "" && is.Place == "" &&
		len(is.Recipients) == 0 && len(is.Signers) == 0
}

// provinceIssuer is the issuer of a plan file without an issuer section: the province's
// police, at the province's name, signed by whoever prepared the workbook and the head of
// the unit.
func provinceIssuer(province string) Issuer {
	return Issuer{
		Body:       Text{Vi: strings.TrimSpace("CÔNG AN TỈNH " + strings.ToUpper(province)), En: strings.TrimSpace(strings.ToUpper(province) + " PROVINCIAL POLICE")},
		Symbol:     "BC",
		Place:      province,
		Recipients: []Text{{Vi: "Lưu: VT.", En: "File: VT."}},
		Signers: []Signer{
			{Title: Text{Vi: "NGƯỜI LẬP BIỂU", En: "PREPARED BY"}},
			{Title: Text{Vi: "THỦ TRƯỞNG ĐƠN VỊ", En: "HEAD OF UNIT"}},
		},
	}
}

// validate checks an issuer section that was given: the letterhead, the date line and
// the signatures need their words.
func (is Issuer) validate(add func(msg string, path ...any)) {
	if is.Body.Vi == "" {
		add("issuer: body (vi) is required: the issuing body at the top left of the form", "issuer", "body")
	}
	if is.Place == "" {
		add("issuer: place is required: the place of the date line (\"Trà Vinh, ngày … tháng … năm …\")", "issuer")
	}
	if len(is.Signers) == 0 {
		add("issuer: at least one signer is required", "issuer")
	}
	for i, s := range is.Signers {
		if s.Title.Vi == "" {
			add("issuer: each signer needs a title (vi)", "issuer", "signers", i)
		}
	}
	for i, r := range is.Recipients {
		if r.Vi == "" {
			add("issuer: each recipient needs its words (vi)", "issuer", "recipients", i)
		}
	}
}

// Reminder is what a letter urging a sender to send its returns (công văn đôn đốc, drugfree
// remind) cites from the plan: its provision on sending reports, the contact phone it gives,
// and the symbol of the issuer's letters after the number ("Số: …/CAT-PC04"; a letter has
// no document kind in it, as a report's "BC-" has). Each is left out of the letter when
// empty; an empty symbol is the issuer's.
type Reminder struct {
	Provision Text   `yaml:"provision,omitempty"`
	Phone     string `yaml:"phone,omitempty"`
	Symbol    string `yaml:"symbol,omitempty"`
}
