package read

import (
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/naming"
)

// Return is one district's return of one kind: a workbook, or one sheet (or one district's
// rows) of a workbook that holds several districts.
type Return struct {
	// File is the path as the user gave it; SHA256 is the hex digest of its bytes.
	File   string
	SHA256 string
	// Format is "xlsx" or "csv".
	Format string
	// Sheet is the data sheet the rows came from ("" for CSV).
	Sheet string
	// District is the registry's name of the reporting unit that sent the return: its
	// district, or after the reform of 1 July 2025 the commune itself (Commune.Unit); ""
	// when it could not be told.
	District string
	// Registry is the registry the return was read against: the one in force on its
	// report date (its received date, else the as-of day, when it has none). Its rows'
	// communes are of that registry.
	Registry *criteria.Registry
	// Kind is the calendar kind key ("review", "phase1", ...), "" when unknown.
	Kind string
	// Number is the document number (Số văn bản).
	Number string
	// ReportDate and ReceivedDate are zero when the cover does not give them.
	ReportDate   time.Time
	ReceivedDate time.Time
	// Author and Phone are the cover's Người lập and Điện thoại.
	Author string
	Phone  string
	// CoverSheet is the cover sheet's name, and CoverCells the A1 cell of each cover value
	// by key ("kind", "report_date", ...), for problems that point at the cover.
	CoverSheet string
	CoverCells map[string]string
	// Columns maps each field key found in the header to its column letters ("A", "AB"),
	// and each part of a field (criteria.Part) to its own. A field read as the sum of its
	// parts (Summed) is where its first part is: that cell is the one a problem, a diff or
	// a mark points at for the figure, and messages name the others.
	Columns map[string]string
	// Summed maps a field read as the sum of its parts, the return having every part's
	// column and not the field's, to the parts' keys; the rows' Figures hold the parts too.
	Summed map[string][]string
	// Rows are the communes read, in the order of the sheet. Rows whose commune could not
	// be matched to the registry are not here; their problems are.
	Rows []Row
	// RowsRead counts the data rows read, matched or not (totals rows excluded).
	RowsRead int
}

// Submitted returns the day the return counts as submitted: its received date, or its
// report date when none was given; zero when neither is known.
func (r *Return) Submitted() time.Time {
	if !r.ReceivedDate.IsZero() {
		return r.ReceivedDate
	}
	return r.ReportDate
}

// Cell returns the A1 reference of field key on row line, or "" if the column is absent.
func (r *Return) Cell(key string, line int) string {
	col, ok := r.Columns[key]
	if !ok {
		return ""
	}
	cell, _ := excelize.JoinCellName(col, line) // "" when line is not a row
	return cell
}

// Row is one commune of a return.
type Row struct {
	// Commune is the registry entry the row was matched to.
	Commune criteria.Commune
	// Name is the commune's name as written in the return.
	Name string
	// Status is the plan's status key ("transformation", "maintained"), "" when blank.
	Status string
	// Figures are the row's numeric fields; a blank cell is absent.
	Figures classify.Figures
	// Line is the row's number in the sheet (1-based, as Excel shows it), or the line of a
	// CSV file.
	Line int
}

// ReadOptions configure reading returns.
type ReadOptions struct {
	Plan *criteria.Plan
	// Password opens encrypted workbooks; it is never printed.
	Password string
	// AskPassword, when set and Password is empty, is asked for the password the first
	// time an encrypted workbook is met (a prompt on a terminal), once for the whole
	// run; its answer opens every encrypted workbook. "" is no password.
	AskPassword func() string
	// Lang is the language of problem messages (Vietnamese, the zero value, by default).
	Lang i18n.Lang
	// Workers is how many files ReadFiles reads at once; 0 means runtime.GOMAXPROCS.
	// The results are the same whatever the number.
	Workers int
	// OnFileDone, when set, is called once each file has been read (from the reading
	// goroutines, one call at a time), for a progress bar.
	OnFileDone func()
	// Matchers, when set, is NewMatchers(Plan) built by the caller, who needs it too (to
	// read the register): a national registry takes a while to index.
	Matchers *naming.Matchers
	// AsOf is the day an undated return is read as of: it is read against the registry in
	// force that day (SPEC §9). Zero reads it against the plan's first registry.
	AsOf time.Time
	// Limits bound what one file may cost to read (grid.Limits; zero fields take the
	// defaults, grid.DefaultLimits). A file beyond them is a too-large problem, and the
	// other files are read.
	Limits grid.Limits

	// excelizeOnly reads every workbook with excelize, for tests that compare the readers.
	excelizeOnly bool
	// fellBack, when set, is called when a workbook given to the scanner is read with
	// excelize instead, with why: the scanner's error, or the value of its panic.
	fellBack func(why any)
}
