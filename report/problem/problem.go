package problem

import "strings"

// Severity of a problem.
type Severity string

// Severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Problem codes, as in SPEC §6.
const (
	CodeUnreadableFile      = "unreadable-file"
	CodeUnsupportedFormat   = "unsupported-format"
	CodeTooLarge            = "too-large"
	CodePasswordRequired    = "password-required"
	CodeNoDataSheet         = "no-data-sheet"
	CodeMissingColumn       = "missing-column"
	CodeDuplicateColumn     = "duplicate-column"
	CodeMissingValue        = "missing-value"
	CodeTypeError           = "type-error"
	CodeNegativeValue       = "negative-value"
	CodeNotInteger          = "not-integer"
	CodeFormulaWithoutValue = "formula-without-value"
	CodeUnknownDistrict     = "unknown-district"
	CodeUnknownCommune      = "unknown-commune"
	CodeAmbiguousCommune    = "ambiguous-commune"
	CodeWrongDistrict       = "wrong-district"
	CodeDuplicateCommune    = "duplicate-commune"
	CodeInconsistent        = "inconsistent"
	CodeTotalMismatch       = "total-mismatch"
	CodeMissingCommune      = "missing-commune"
	CodeMissingMetadata     = "missing-metadata"
	CodeUnknownKind         = "unknown-kind"
	CodeLateSubmission      = "late-submission"
	CodeMissingSubmission   = "missing-submission"
	CodeSuperseded          = "superseded"
	// CodeRegistryDate says which registry a return was read against when a name or code
	// it gives designates another unit in another registry of the plan (SPEC §9).
	CodeRegistryDate = "registry-date"
)

// Problem is one thing wrong with the input, with where it is.
type Problem struct {
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	// Rule names the consistency rule of an "inconsistent" problem.
	Rule     string `json:"rule,omitempty"`
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	District string `json:"district,omitempty"`
	Commune  string `json:"commune,omitempty"`
	// Message says what is wrong in the user's language, and what to do where it helps.
	Message string `json:"message"`
}

// CountErrors returns the number of problems of severity error.
func CountErrors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Where returns "file, sheet!cell" for a problem, leaving out what is unknown.
func (p Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" || p.Cell != "" {
		b.WriteString(": ")
		if p.Sheet != "" {
			b.WriteString(p.Sheet)
			if p.Cell != "" {
				b.WriteString("!")
			}
		}
		b.WriteString(p.Cell)
	}
	return b.String()
}
