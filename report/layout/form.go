package layout

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"drugfree/criteria"
	"drugfree/i18n"
	"drugfree/report/problem"
)

// Doc says what a workbook reports, for the official form on its first sheet, the running
// header of its pages and its file properties.
type Doc struct {
	// Subject is what the report is about, the line under "BÁO CÁO" (Subject gives it for
	// each command).
	Subject string
	// AsOf is the day the figures and the timeliness are taken on.
	AsOf time.Time
	// Made is the time of the run; Version the tool's version.
	Made    time.Time
	Version string
	// Inputs are the files read, in the order given ("" is none). When InputsSheet names
	// the sheet that lists them, the form points to it instead of naming them.
	Inputs      []string
	InputsSheet string
	// Problems are the problems found: errors make the workbook incomplete, which the form
	// says, pointing to ProblemsSheet where they are listed ("" when the workbook lists
	// none).
	Problems      []problem.Problem
	ProblemsSheet string
}

// Form is the official form of an administrative report (Decree 30/2020/NĐ-CP) around the
// first table of a workbook, in the user's language: the letterhead, the number and date
// lines and the title above the table; the notes, the recipients and the signatures below.
type Form struct {
	// Body over Office on the left of the letterhead, Motto over Slogan on the right.
	Body, Office  string
	Motto, Slogan string
	// Number ("Số:      /BC-PC04", the number left for the clerical office) on the left,
	// DateLine ("Trà Vinh, ngày 20 tháng 12 năm 2025") on the right.
	Number, DateLine string
	// Kind ("BÁO CÁO") over Subject, centred, then Lines in italics: the plan the report
	// follows and the day its figures are taken on.
	Kind    string
	Subject string
	Lines   []string
	// Banner, when set, says that the workbook is incomplete, on every sheet.
	Banner string
	// Notes follow the table: where the figures come from and when the workbook was made.
	Notes []string
	// RecipientsLabel ("Nơi nhận:") over Recipients on the left; Signers from left to
	// right beside them.
	RecipientsLabel string
	Recipients      []string
	Signers         []FormSigner

	// HeaderLeft and HeaderRight head every page but the first: the subject and the day
	// of the figures. Page is the word before the page numbers in the footer.
	HeaderLeft, HeaderRight string
	Page                    string

	// Properties of the file: its title, subject, creator ("drugfree v1.0"), language
	// ("vi-VN") and time of making.
	Title, Description string
	Creator, Language  string
	Made               time.Time
}

// FormSigner is one signature block: the title in capitals (one or more lines), how to sign,
// the room to sign, and the name when known.
type FormSigner struct {
	Title []string
	Hint  string
	Name  string
}

// Subjects of the workbooks, by the command that writes them.
const (
	SubjectConsolidate = "consolidate"
	SubjectClassify    = "classify"
	SubjectRecognize   = "recognize"
	SubjectValidate    = "validate"
	SubjectDeadlines   = "deadlines"
	SubjectDiff        = "diff"
	SubjectRemind      = "remind"
)

// Subject is the subject of the workbook a command writes, in lang: the line under
// "BÁO CÁO".
func Subject(p *criteria.Plan, command string, lang i18n.Lang) string {
	where := fmt.Sprintf(i18n.Tr(lang, " trên địa bàn %s năm %d", " of %s, %d"), p.Area(lang), p.Year)
	switch command {
	case SubjectConsolidate:
		return fmt.Sprintf(i18n.Tr(lang, "Tổng hợp kết quả xây dựng %s không ma túy", "Building drug-free %s: consolidated results"), p.Units(lang)) + where
	case SubjectClassify:
		return fmt.Sprintf(i18n.Tr(lang, "Kết quả phân loại %s theo tiêu chí về ma túy", "Classification of the %s by the drug criteria"), p.Units(lang)) + where
	case SubjectRecognize:
		return fmt.Sprintf(i18n.Tr(lang, "Kết quả đánh giá tiêu chí công nhận %s không ma túy", "Assessment of the criteria for recognising drug-free %s"), p.Units(lang)) + where
	case SubjectValidate:
		return i18n.Tr(lang, "Kết quả kiểm tra số liệu báo cáo của các đơn vị", "Check of the figures reported by the reporting units") + where
	case SubjectDeadlines:
		return i18n.Tr(lang, "Tình hình gửi báo cáo của các đơn vị", "Timeliness of the reporting units' returns") + where
	case SubjectDiff:
		return i18n.Msg(lang, "diff.subject") + where
	case SubjectRemind:
		return i18n.Msg(lang, "remind.subject") + where
	}
	return p.Title.In(lang)
}

// NewForm lays out the official form of a workbook about d, issued as p's issuer says.
func NewForm(p *criteria.Plan, d Doc, lang i18n.Lang) Form {
	is := p.Issuer
	f := Form{
		Body:     strings.ToUpper(is.Body.In(lang)),
		Office:   strings.ToUpper(is.Office.In(lang)),
		Motto:    i18n.Tr(lang, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
		Slogan:   i18n.Tr(lang, "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
		Number:   i18n.Tr(lang, "Số:", "No.:") + "            /" + is.Symbol,
		DateLine: i18n.DateLine(is.Place, d.Made, lang),
		Kind:     i18n.Tr(lang, "BÁO CÁO", "REPORT"),
		Subject:  d.Subject,
		Lines: []string{
			fmt.Sprintf(i18n.Tr(lang, "(Thực hiện %s ngày %s; số liệu tính đến ngày %s)", "(Under %s of %s; figures as of %s)"),
				p.Name, i18n.LongDate(p.Issued.Time, lang), i18n.LongDate(d.AsOf, lang)),
		},
		Banner:          IncompleteBanner(p, d.Problems, d.ProblemsSheet, lang),
		RecipientsLabel: i18n.Tr(lang, "Nơi nhận:", "Recipients:"),
		HeaderLeft:      d.Subject,
		HeaderRight:     fmt.Sprintf(i18n.Tr(lang, "Số liệu tính đến ngày %s", "Figures as of %s"), i18n.LongDate(d.AsOf, lang)),
		Page:            i18n.Tr(lang, "Trang", "Page"),
		Title:           i18n.Tr(lang, "Báo cáo: ", "Report: ") + d.Subject,
		Description:     fmt.Sprintf("%s %s; %s", p.Name, i18n.LongDate(p.Issued.Time, lang), fmt.Sprintf(i18n.Tr(lang, "số liệu tính đến ngày %s", "figures as of %s"), i18n.LongDate(d.AsOf, lang))),
		Creator:         strings.TrimSpace("drugfree " + d.Version),
		Language:        i18n.Tr(lang, "vi-VN", "en-GB"),
		Made:            d.Made,
	}
	line, list := inputsNote(d, lang)
	f.Lines = append(f.Lines, line)
	if list != "" {
		f.Notes = append(f.Notes, list)
	}
	f.Notes = append(f.Notes, fmt.Sprintf(i18n.Tr(lang, "Lập lúc %s.", "Made at %s."), i18n.ClockDate(d.Made, lang)))
	for _, r := range is.Recipients {
		f.Recipients = append(f.Recipients, "- "+r.In(lang))
	}
	for i, s := range is.Signers {
		hint := i18n.Tr(lang, "(Ký, ghi rõ họ tên)", "(Signature, full name)")
		if i == len(is.Signers)-1 && len(is.Signers) > 1 {
			hint = i18n.Tr(lang, "(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name, seal)")
		}
		f.Signers = append(f.Signers, FormSigner{Title: strings.Split(strings.ToUpper(s.Title.In(lang)), "\n"), Hint: hint, Name: s.Name})
	}
	return f
}

// inputsNote says where the figures come from, in a line under the title: the files read
// when they fit in a line or two, else how many they are and where they are listed, in the
// sheet of the sources or in list, a note after the table.
func inputsNote(d Doc, lang i18n.Lang) (line, list string) {
	var files []string
	for _, in := range d.Inputs {
		if in != "" {
			files = append(files, in)
		}
	}
	all := strings.Join(files, "; ")
	switch {
	case len(files) == 0:
		return i18n.Tr(lang, "Nguồn số liệu: không có tệp nào.", "Sources: no file."), ""
	case d.InputsSheet != "":
		return fmt.Sprintf(i18n.Tr(lang, "Nguồn số liệu: %d tệp, liệt kê ở trang “%s”.", "Sources: %d files, listed on the “%s” sheet."), len(files), d.InputsSheet), ""
	case len([]rune(all)) <= 160:
		return fmt.Sprintf(i18n.Tr(lang, "Nguồn số liệu: %s.", "Sources: %s."), all), ""
	}
	return fmt.Sprintf(i18n.Tr(lang, "Nguồn số liệu: %d tệp, liệt kê ở cuối bảng.", "Sources: %d files, listed after the table."), len(files)),
		fmt.Sprintf(i18n.Tr(lang, "Nguồn số liệu (%d tệp): %s.", "Sources (%d files): %s."), len(files), all)
}

// IncompleteBanner says, in plain words, that a workbook made from data with errors is
// incomplete: how many errors of which kind and how many warnings, and where they are
// listed (sheet, "" when the workbook lists none). It is "" when the data has no error.
func IncompleteBanner(p *criteria.Plan, ps []problem.Problem, sheet string, lang i18n.Lang) string {
	n := map[string]int{}
	var codes []string
	errs := 0
	for _, pr := range ps {
		if pr.Severity != problem.Error {
			continue
		}
		errs++
		if n[pr.Code] == 0 {
			codes = append(codes, pr.Code)
		}
		n[pr.Code]++
	}
	if errs == 0 {
		return ""
	}
	sort.SliceStable(codes, func(a, b int) bool { return n[codes[a]] > n[codes[b]] })
	var kinds []string
	for _, c := range codes {
		kinds = append(kinds, fmt.Sprintf("%s: %d", ProblemLabel(p, c, lang), n[c]))
	}
	where := i18n.Tr(lang, "danh sách gửi kèm", "listed separately")
	if sheet != "" {
		where = fmt.Sprintf(i18n.Tr(lang, "xem danh sách ở trang “%s”", "listed on the “%s” sheet"), sheet)
	}
	return fmt.Sprintf(i18n.Tr(lang,
		"SỐ LIỆU CHƯA ĐẦY ĐỦ – %d lỗi (%s) và %d cảnh báo, %s. Các số ở đây chỉ tính các xã đọc được nên có thể thiếu.",
		"INCOMPLETE DATA – %d errors (%s) and %d warnings, %s. The figures here count only the communes that could be read and may be short."),
		errs, strings.Join(kinds, "; "), len(ps)-errs, where)
}

// problemLabels name each kind of problem in plain words, for a reader who does not know
// the codes.
var problemLabels = map[string][2]string{
	problem.CodeUnreadableFile:      {"tệp không đọc được", "unreadable files"},
	problem.CodeUnsupportedFormat:   {"tệp không phải Excel hay CSV", "files neither Excel nor CSV"},
	problem.CodeTooLarge:            {"tệp quá lớn", "files too large"},
	problem.CodePasswordRequired:    {"tệp có mật khẩu", "password-protected files"},
	problem.CodeNoDataSheet:         {"tệp không có trang số liệu", "files without a data sheet"},
	problem.CodeMissingColumn:       {"thiếu cột số liệu", "missing columns"},
	problem.CodeDuplicateColumn:     {"cột trùng nhau", "repeated columns"},
	problem.CodeMissingValue:        {"dòng không ghi tên xã", "rows without a commune name"},
	problem.CodeTypeError:           {"giá trị không hợp lệ", "invalid values"},
	problem.CodeNegativeValue:       {"số âm", "negative figures"},
	problem.CodeNotInteger:          {"số không nguyên", "figures that are not whole numbers"},
	problem.CodeFormulaWithoutValue: {"công thức chưa có giá trị", "formulas without a value"},
	problem.CodeUnknownDistrict:     {"huyện không có trong danh mục", "districts not in the registry"},
	problem.CodeUnknownCommune:      {"xã không có trong danh mục", "communes not in the registry"},
	problem.CodeAmbiguousCommune:    {"tên xã chưa rõ là xã nào", "commune names that fit several communes"},
	problem.CodeWrongDistrict:       {"xã ghi sai huyện", "communes under the wrong district"},
	problem.CodeDuplicateCommune:    {"xã ghi hai lần", "communes listed twice"},
	problem.CodeInconsistent:        {"số liệu mâu thuẫn nhau", "figures that contradict each other"},
	problem.CodeTotalMismatch:       {"dòng tổng không khớp", "totals rows that do not add up"},
	problem.CodeMissingCommune:      {"báo cáo thiếu xã", "returns missing communes"},
	problem.CodeMissingMetadata:     {"báo cáo thiếu loại, ngày hoặc đơn vị", "returns without their kind, date or unit"},
	problem.CodeUnknownKind:         {"loại báo cáo không rõ", "unknown kinds of return"},
	problem.CodeLateSubmission:      {"báo cáo gửi chậm", "late returns"},
	problem.CodeMissingSubmission:   {"báo cáo chưa gửi", "returns not sent"},
	problem.CodeSuperseded:          {"báo cáo bị thay thế", "superseded returns"},
	problem.CodeRegistryDate:        {"đơn vị đọc theo danh mục trước hoặc sau sắp xếp", "units read against the registry before or after the reform"},
}

// senderLabels name the problems about a return's sender under a plan without districts
// (criteria.Plan.HasDistricts), where each commune sends its own return.
var senderLabels = map[string][2]string{
	problem.CodeUnknownDistrict: {"đơn vị báo cáo không có trong danh mục", "reporting units not in the registry"},
	problem.CodeWrongDistrict:   {"xã không phải đơn vị gửi báo cáo", "communes other than the sending unit"},
}

// ProblemLabel names a kind of problem (its code) in plain words, in lang, in p's words;
// an unknown code is given as it is.
func ProblemLabel(p *criteria.Plan, code string, lang i18n.Lang) string {
	l, ok := problemLabels[code]
	if s, sender := senderLabels[code]; sender && !p.HasDistricts() {
		l = s
	}
	if !ok {
		return code
	}
	return i18n.Tr(lang, l[0], l[1])
}
