package register

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/grid"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read"
	"drugfree/report/read/cell"
)

// RegisterResolver tells who sent a line of the register. *naming.Matchers, the reader's
// resolver, has this method.
type RegisterResolver interface {
	// Sender returns the plan's name of the sender called name in a line dated day: a
	// body of the plan's senders, or a reporting unit of the registry in force that day;
	// when it is not known, the nearest names to suggest, and a note (SenderNote).
	Sender(name string, day time.Time) (sender string, suggestions []string, ok bool)
}

// senderNoter is a RegisterResolver that also says why a sender is not known on a day:
// a district named in a line dated after the reform, when each commune reports for itself.
type senderNoter interface {
	SenderNote(name string, day time.Time, lang i18n.Lang) string
}

// registerHeaders are headers a register may use beyond the labels of the plan's cover
// fields (Đơn vị báo cáo, Loại báo cáo, Số văn bản, Ngày báo cáo, Ngày nhận and their
// variants), folded. The incoming-documents book (sổ văn bản đến) says "Ngày đến".
var registerHeaders = map[string]string{
	"ten don vi": "district", "don vi gui": "district", "co quan gui": "district",
	"huyen thi xa thanh pho": "district", "don vi cap huyen": "district",
	"loai van ban": "kind", "report kind": "kind",
	"so ky hieu": "number", "so hieu": "number", "so van ban": "number",
	"ngay van ban": "report_date", "ngay ky": "report_date", "ngay thang van ban": "report_date",
	"ngay den": "received_date", "ngay nhan van ban": "received_date",
}

// registerDateKeys are the date columns of a register, in the order a line's day is taken
// from them: the report date, else the received date.
var registerDateKeys = [2]string{"report_date", "received_date"}

// registerKeys are the columns of a register, in the order messages list them.
var registerKeys = []string{"district", "kind", "number", "report_date", "received_date"}

// ReadRegister reads the register of documents received (sổ theo dõi văn bản): a CSV file
// (comma or semicolon, with or without a BOM) or the first sheet of an .xlsx workbook, with
// a header row among the first rows naming the district, the kind of return, the document
// number, the report date and the received date, in Vietnamese or English. Each line is one
// submission; its File is "path:line", so that superseded lines can be told apart.
//
// Lines that cannot be used (unknown district or kind, no district or kind) are problems
// and not submissions. A date that cannot be read is a type-error and is left blank; a line
// with no date at all is a missing-value warning and stays, undated.
//
// A line is read against the registry in force on its report date, else its received
// date, else asOf (SPEC §9): a district in a line dated after 1 July 2025 is not known.
func ReadRegister(path string, m RegisterResolver, p *criteria.Plan, asOf time.Time, lang i18n.Lang) ([]classify.Submission, []problem.Problem) {
	fileProblem := func(code, vi, en string) []problem.Problem {
		return []problem.Problem{{Severity: problem.Error, Code: code, File: path, Message: i18n.Tr(lang, vi, en)}}
	}
	// A register that is not there is said so in words, as a return is, not with the
	// system's English.
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, []problem.Problem{{Severity: problem.Error, Code: problem.CodeUnreadableFile, File: path, Message: i18n.Msg(lang, "not-found")}}
	}
	var (
		rows  [][]string
		sheet string
	)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv", ".txt":
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fileProblem(problem.CodeUnreadableFile, "Không đọc được tệp: "+err.Error(), "Cannot read the file: "+err.Error())
		}
		rows, err = registerCSVRows(data)
		if err != nil {
			return nil, fileProblem(problem.CodeUnreadableFile, "Tệp CSV bị lỗi: "+err.Error(), "The CSV file is broken: "+err.Error())
		}
	case ".xlsx", ".xlsm":
		// excelize refuses a workbook declaring more than the default inflated limit
		f, err := excelize.OpenFile(path, grid.ExcelizeOptions(grid.DefaultLimits.Inflated, ""))
		if err != nil {
			return nil, fileProblem(problem.CodeUnreadableFile, "Không mở được sổ tính: "+err.Error(), "Cannot open the workbook: "+err.Error())
		}
		defer f.Close()
		sheet = f.GetSheetName(0)
		rows, err = f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fileProblem(problem.CodeUnreadableFile, "Không đọc được trang “"+sheet+"”: "+err.Error(), "Cannot read sheet “"+sheet+"”: "+err.Error())
		}
	case ".xls", ".ods":
		return nil, fileProblem(problem.CodeUnsupportedFormat,
			"Định dạng "+ext+" không được hỗ trợ: mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx (Excel Workbook) hoặc .csv (UTF-8).",
			"The "+ext+" format is not supported: open the file in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or .csv (UTF-8).")
	default:
		return nil, fileProblem(problem.CodeUnsupportedFormat,
			"Sổ theo dõi phải là tệp .xlsx hoặc .csv.", "The register must be an .xlsx or .csv file.")
	}
	return parseRegister(path, sheet, rows, m, p, asOf, lang)
}

func parseRegister(path, sheet string, rows [][]string, m RegisterResolver, p *criteria.Plan, asOf time.Time, lang i18n.Lang) ([]classify.Submission, []problem.Problem) {
	var problems []problem.Problem
	add := func(sev problem.Severity, code, cell, district, vi, en string) {
		problems = append(problems, problem.Problem{Severity: sev, Code: code, File: path, Sheet: sheet, Cell: cell, District: district, Message: i18n.Tr(lang, vi, en)})
	}
	labels := registerLabels(p)
	kinds := cell.NewKindNames(p)

	// The header: the first of the first rows that names a district and a kind column.
	headerRow, cols := -1, map[string]int{}
	for i := 0; i < len(rows) && i < 10 && headerRow < 0; i++ {
		found, dups := map[string]int{}, []int{}
		for j, h := range rows[i] {
			key, ok := labels[naming.Fold(stripParens(h))]
			if !ok {
				continue
			}
			if _, dup := found[key]; dup {
				dups = append(dups, j)
				continue
			}
			found[key] = j
		}
		_, hasDistrict := found["district"]
		_, hasKind := found["kind"]
		if hasDistrict && hasKind || len(found) >= 3 {
			headerRow, cols = i, found
			for _, j := range dups {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				h := rows[i][j]
				add(problem.Warning, problem.CodeDuplicateColumn, cell, "",
					fmt.Sprintf("Cột “%s” lặp lại một cột đã có; chỉ dùng cột đầu tiên.", h),
					fmt.Sprintf("Column “%s” repeats an earlier one; only the first is used.", h))
			}
		}
	}
	var missing []string
	for _, k := range []string{"district", "kind"} {
		if _, ok := cols[k]; !ok {
			missing = append(missing, registerColumnName(p, k, lang))
		}
	}
	_, hasReport := cols["report_date"]
	_, hasReceived := cols["received_date"]
	if !hasReport && !hasReceived {
		missing = append(missing, registerColumnName(p, "received_date", lang)+i18n.Tr(lang, " hoặc ", " or ")+registerColumnName(p, "report_date", lang))
	}
	if len(missing) > 0 {
		add(problem.Error, problem.CodeMissingColumn, "", "",
			"Sổ theo dõi thiếu cột: "+strings.Join(missing, ", ")+". Dòng tiêu đề cần các cột Đơn vị, Loại báo cáo, Số văn bản, Ngày báo cáo, Ngày nhận.",
			"The register lacks the column(s): "+strings.Join(missing, ", ")+". The header row needs the columns district, kind, number, report date, received date.")
		return nil, problems
	}

	var subs []classify.Submission
	for i := headerRow + 1; i < len(rows); i++ {
		line := i + 1
		cell := func(key string) string {
			j, ok := cols[key]
			if !ok || j >= len(rows[i]) {
				return ""
			}
			return strings.TrimSpace(rows[i][j])
		}
		// ref is the cell of key on this line, "" when the register has no such column:
		// named only for a problem, as most lines have none
		ref := func(key string) string {
			j, ok := cols[key]
			if !ok {
				return ""
			}
			r, _ := excelize.CoordinatesToCellName(j+1, line)
			return r
		}
		empty := true
		for _, k := range registerKeys {
			if cell(k) != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		name := cell("district")
		kindText := cell("kind")
		if name == "" {
			add(problem.Error, problem.CodeMissingValue, ref("district"), "", "Thiếu tên đơn vị gửi báo cáo.", "The district is blank.")
			continue
		}
		// The line's dates, read first: they choose the registry its sender is read in. One
		// that cannot be read is reported once the sender is known (badDate).
		var dates [2]time.Time // report date, received date
		var bad [2]bool
		for i, k := range registerDateKeys {
			if v := cell(k); v != "" {
				var read bool
				dates[i], read = parseRegisterDate(v)
				bad[i] = !read
			}
		}
		reported, received := dates[0], dates[1]
		day := reported
		if day.IsZero() {
			day = received
		}
		if day.IsZero() {
			day = asOf
		}
		district, suggestions, ok := m.Sender(name, day)
		if !ok {
			vi := fmt.Sprintf("Không có đơn vị “%s” trong danh mục.", name)
			en := fmt.Sprintf("“%s” is not a district of the registry.", name)
			if len(suggestions) > 0 {
				vi += " Có phải: " + strings.Join(suggestions, ", ") + "?"
				en += " Did you mean: " + strings.Join(suggestions, ", ") + "?"
			}
			if n, ok := m.(senderNoter); ok {
				vi += n.SenderNote(name, day, i18n.Vi)
				en += n.SenderNote(name, day, i18n.En)
			}
			add(problem.Error, problem.CodeUnknownDistrict, ref("district"), "", vi, en)
			continue
		}
		if kindText == "" {
			add(problem.Error, problem.CodeMissingValue, ref("kind"), district, "Thiếu loại báo cáo.", "The kind of return is blank.")
			continue
		}
		kind, ok := kinds.Match(kindText) // as a cover's kind is read
		if !ok {
			var labels []string
			for _, d := range p.Calendar {
				labels = append(labels, d.Label(lang))
			}
			add(problem.Error, problem.CodeUnknownKind, ref("kind"), district,
				fmt.Sprintf("Không rõ loại báo cáo “%s”; các loại: %s.", kindText, strings.Join(labels, ", ")),
				fmt.Sprintf("Unknown kind of return “%s”; the kinds are: %s.", kindText, strings.Join(labels, ", ")))
			continue
		}
		for i, k := range registerDateKeys {
			if bad[i] {
				v := cell(k)
				add(problem.Error, problem.CodeTypeError, ref(k), district,
					fmt.Sprintf("“%s” không phải là ngày (%s): ghi dd/mm/yyyy, ví dụ 20/02/2025.", v, registerColumnName(p, k, i18n.Vi)),
					fmt.Sprintf("“%s” is not a date (%s): write dd/mm/yyyy, such as 20/02/2025.", v, registerColumnName(p, k, i18n.En)))
			}
		}
		number := cell("number")
		sub := classify.Submission{District: district, Kind: kind, File: fmt.Sprintf("%s:%d", path, line), Number: number, ReportDate: reported, Received: received}
		if sub.Submitted().IsZero() {
			at := ref("received_date")
			if at == "" {
				at = ref("report_date")
			}
			add(problem.Warning, problem.CodeMissingValue, at, district,
				"Không có ngày nhận hay ngày báo cáo: coi như nhận vào ngày xét.",
				"Neither a received nor a report date: taken as received on the as-of day.")
		}
		subs = append(subs, sub)
	}
	return subs, problems
}

// registerLabels maps folded headers to register keys: each key, the plan's cover labels
// and variants, and registerHeaders.
func registerLabels(p *criteria.Plan) map[string]string {
	labels := map[string]string{}
	for _, k := range registerKeys {
		labels[naming.Fold(k)] = k
	}
	for _, c := range p.Cover {
		if !isRegisterKey(c.Key) {
			continue
		}
		for _, s := range append([]string{c.Vi, c.En}, c.Variants...) {
			if f := naming.Fold(s); f != "" {
				labels[f] = c.Key
			}
		}
	}
	for h, k := range registerHeaders {
		labels[h] = k
	}
	return labels
}

func isRegisterKey(k string) bool {
	for _, x := range registerKeys {
		if x == k {
			return true
		}
	}
	return false
}

// registerColumnName is the cover label of key in lang, for messages.
func registerColumnName(p *criteria.Plan, key string, lang i18n.Lang) string {
	for _, c := range p.Cover {
		if c.Key == key {
			return criteria.Text{Vi: c.Vi, En: c.En}.In(lang)
		}
	}
	return key
}

// stripParens drops a parenthesised note from a header: "Ngày nhận (dd/mm/yyyy)".
func stripParens(s string) string {
	if i := strings.Index(s, "("); i > 0 {
		return s[:i]
	}
	return s
}

// registerCSVRows reads CSV data as the reader reads a CSV return: UTF-8 with or without a
// BOM (or UTF-16), and ',', ';' or tab, whichever the first line uses most.
func registerCSVRows(data []byte) ([][]string, error) {
	text, err := read.CsvText(data)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = read.SniffSeparator(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r.ReadAll()
}

// parseRegisterDate reads a register's date as the reader reads a cover's: "20/02/2025"
// (also with - or ., or a 2-digit year), "2025-02-20", "ngày 20 tháng 02 năm 2025", a time
// of day after the date, or an Excel serial. Day and month are never swapped.
func parseRegisterDate(s string) (time.Time, bool) {
	t, st := cell.ParseDate(s, false, false)
	return t, st == cell.NumOK
}
