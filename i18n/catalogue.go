package i18n

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// convertHint is how to turn another spreadsheet format into .xlsx.
const convertHint = "libreoffice --headless --convert-to xlsx "

// catalogue holds the tool's messages in Vietnamese and English, as fmt formats: those
// about the data (dataMessages) and those of the command line (cliMessages).
var catalogue = merge(dataMessages, cliMessages)

// merge joins catalogues into one; an id in two is a mistake.
func merge(parts ...map[string]Text) map[string]Text {
	out := map[string]Text{}
	for _, part := range parts {
		for id, t := range part {
			if _, dup := out[id]; dup {
				panic("i18n: message " + id + " given twice")
			}
			out[id] = t
		}
	}
	return out
}

// dataMessages are the messages about returns, registers and verdicts.
var dataMessages = map[string]Text{
	"unreadable-file": {
		"Không đọc được tệp (%s). Tệp có thể bị hỏng hoặc chưa tải xong: hãy mở bằng Excel, lưu lại rồi gửi lại.",
		"Cannot read the file (%s). It may be damaged or incompletely copied: open it in Excel, save it again and resend it."},
	"too-large.file": {
		"Tệp lớn hơn giới hạn %d MB cho mỗi tệp, nên không được đọc: báo cáo của huyện chỉ vài trăm KB. Nếu tệp đúng là lớn như vậy, chạy lại với --limits file=%d (MB).",
		"The file is larger than the limit of %d MB per file, so it was not read: a district's return is a few hundred KB. If the file really is that large, run again with --limits file=%d (MB)."},
	"too-large.inflated": {
		"Sổ tính giải nén ra hơn giới hạn %d MB, nên không được đọc (tệp hỏng hoặc cố ý gây hại). Nếu sổ tính đúng là lớn như vậy, chạy lại với --limits inflated=%d (MB).",
		"The workbook inflates to more than the limit of %d MB, so it was not read (a damaged or hostile file). If the workbook really is that large, run again with --limits inflated=%d (MB)."},
	"too-large.parts": {
		"Sổ tính có hơn %d phần (mục trong tệp zip), nên không được đọc. Nếu đúng là như vậy, chạy lại với --limits parts=%d.",
		"The workbook has more than %d parts (entries of its zip), so it was not read. If that is right, run again with --limits parts=%d."},
	"too-large.cells": {
		"Một trang tính trải ra hơn %d ô (tính cả các ô trống trước ô cuối của mỗi dòng, như khi có ô ở tận cột XFD), nên tệp không được đọc (tệp hỏng hoặc cố ý gây hại). Nếu đúng là như vậy, chạy lại với --limits cells=%d.",
		"A sheet spreads over more than %d cells (the empty ones before the last cell of each row counted, as when a cell is as far right as column XFD), so the file was not read (a damaged or hostile file). If that is right, run again with --limits cells=%d."},
	"same-file": {
		"Tệp này đã được đưa vào (%s): chỉ đọc một lần.",
		"This file is given already (%s): it is read once."},
	"empty-file": {
		"Tệp rỗng (0 byte): có thể chưa lưu hoặc chưa tải xong; hãy gửi lại tệp.",
		"The file is empty (0 bytes): it may not have been saved or copied completely; send it again."},
	"not-regular": {
		"Không phải tệp thường (%s): chỉ đọc được tệp .xlsx hoặc .csv.",
		"Not a regular file (%s): only .xlsx or .csv files are read."},
	"kind.dir":   {"thư mục", "a folder"},
	"kind.other": {"thiết bị, FIFO hoặc socket", "a device, FIFO or socket"},
	"not-found": {
		"Không tìm thấy tệp: kiểm tra tên và thư mục.",
		"No such file: check its name and folder."},
	"missing-metadata.csv": {
		"tệp CSV không có trang bìa nên không rõ Loại báo cáo và Ngày báo cáo; báo cáo này không được tính vào tiến độ gửi báo cáo (dùng mẫu .xlsx của drugfree template để có trang bìa).",
		"a CSV file has no cover, so its report kind and date are unknown and it does not count towards timeliness (use the .xlsx of drugfree template to have a cover)."},
	"unsupported.xls": {
		"Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy mở bằng Excel và lưu thành .xlsx, hoặc chuyển bằng lệnh: " + convertHint + "%s",
		"Excel 97-2003 workbooks (.xls) are not supported. Open it in Excel and save it as .xlsx, or convert it with: " + convertHint + "%s"},
	"unsupported.ods": {
		"Tệp OpenDocument (.ods) không được hỗ trợ. Hãy lưu thành .xlsx, hoặc chuyển bằng lệnh: " + convertHint + "%s",
		"OpenDocument spreadsheets (.ods) are not supported. Save it as .xlsx, or convert it with: " + convertHint + "%s"},
	"unsupported.numbers": {
		"Tệp Apple Numbers không được hỗ trợ. Hãy xuất ra Excel (.xlsx) từ Numbers (Tệp > Xuất sang > Excel).",
		"Apple Numbers files are not supported. Export it to Excel (.xlsx) from Numbers (File > Export To > Excel)."},
	"unsupported.other": {
		"Tệp không phải sổ tính Excel (.xlsx) hay CSV. Nếu là bảng tính khác, hãy lưu thành .xlsx, hoặc chuyển bằng lệnh: " + convertHint + "%s",
		"The file is neither an Excel workbook (.xlsx) nor CSV. If it is another spreadsheet, save it as .xlsx, or convert it with: " + convertHint + "%s"},
	"password.required": {
		"Tệp được bảo vệ bằng mật khẩu: đặt mật khẩu vào biến môi trường DRUGFREE_PASSWORD (hoặc dùng tùy chọn --password) rồi chạy lại.",
		"The workbook is password-protected: put its password in the environment variable DRUGFREE_PASSWORD (or use --password) and run again."},
	"password.prompt": {"Mật khẩu của tệp được bảo vệ (không hiện khi gõ): ", "Password of the protected workbooks (not shown as you type): "},
	"password.wrong": {
		"Mật khẩu đã cho (DRUGFREE_PASSWORD hoặc --password) không mở được tệp: mật khẩu sai.",
		"The password given (DRUGFREE_PASSWORD or --password) does not open the workbook: it is wrong."},
	"no-data-sheet": {
		"Không có trang tính nào có cột \"%s\" trong %d dòng đầu (các trang: %s).",
		"No sheet has a \"%s\" column in its first %d rows (sheets: %s)."},
	"missing-column.commune": {
		"Trang %q có dòng tiêu đề (dòng %d) nhưng không có cột \"%s\"; trang này không được đọc.",
		"Sheet %q has a header (row %d) but no \"%s\" column; the sheet is not read."},
	"missing-column.needed": {
		"Không có cột %q: cần cho %s; các xã thiếu số liệu này có thể bị xếp \"Chưa xác định\".",
		"No %q column: it is needed for %s; communes without it may be undetermined."},
	"missing-column.parts": {
		"Không có cột %q, cũng không đủ các cột cộng thành số liệu này: có cột %s nhưng không có cột %s; cần đủ các cột để cộng, nên số liệu này để trống (chưa biết) ở mọi xã.",
		"No %q column, nor all the columns that add up to it: %s is given but %s is not; the sum needs every one of them, so the figure is left blank (unknown) for every commune."},
	"missing-column.untitled": {
		"cột %s có số liệu nhưng không có tiêu đề: số liệu này không được đọc.",
		"column %s has figures but no header: they are not read."},
	"needed.classification": {"phân loại", "classification"},

	// drugfree diff: what changed between two versions of a return (report.Diff,
	// layout.DiffTable). diff.summary: the old file, the new file, the number of changes.
	"diff.summary":          {"So sánh %s (bản cũ) với %s (bản mới): %d thay đổi.", "Comparing %s (old) with %s (new): %d changes."},
	"diff.none":             {"So sánh %s (bản cũ) với %s (bản mới): không có thay đổi.", "Comparing %s (old) with %s (new): no changes."},
	"diff.sheet":            {"Thay đổi", "Changes"},
	"diff.col.change":       {"Thay đổi", "Change"},
	"diff.col.commune":      {"Xã", "Commune"},
	"diff.col.code":         {"Mã", "Code"},
	"diff.col.item":         {"Mục", "Item"},
	"diff.col.old":          {"Bản cũ", "Old"},
	"diff.col.new":          {"Bản mới", "New"},
	"diff.col.old_cell":     {"Ô bản cũ", "Old cell"},
	"diff.col.new_cell":     {"Ô bản mới", "New cell"},
	"diff.col.note":         {"Ghi chú", "Note"},
	"diff.change.cover":     {"Thông tin báo cáo", "Cover"},
	"diff.change.added":     {"Xã thêm vào", "Commune added"},
	"diff.change.removed":   {"Xã bị bỏ", "Commune removed"},
	"diff.change.moved":     {"Xã đổi dòng", "Row moved"},
	"diff.change.status":    {"Tình trạng", "Status"},
	"diff.change.figure":    {"Số liệu", "Figure"},
	"diff.change.category":  {"Phân loại", "Category"},
	"diff.change.checklist": {"Tiêu chí công nhận", "Checklist"},
	"diff.item.row":         {"Dòng", "Row"},
	"diff.item.category":    {"Phân loại", "Category"},
	"diff.item.checklist":   {"Kết quả %d tiêu chí", "%d-point checklist"},
	"diff.blank":            {"(trống)", "(blank)"},
	"diff.because":          {"do thay đổi: %s", "because of: %s"},
	"diff.criterion":        {"tiêu chí %s: %s → %s", "criterion %s: %s → %s"},
	"diff.parts":            {"%s: tổng các ô %s", "%s: the sum of cells %s"},
	"diff.old":              {"bản cũ", "old"},
	"diff.new":              {"bản mới", "new"},
	"diff.moved":            {"xã này nằm ở vị trí khác so với các xã còn lại", "listed in another place among the other communes"},
	"diff.subject":          {"So sánh hai lần gửi báo cáo của đơn vị", "Comparison of two versions of a return"},
	"diff.refused":          {"không so sánh được: %s không có báo cáo nào đọc được", "cannot compare: %s holds no return that could be read"},

	// validate --annotate: the copy of a return sent back to its sender (render.AnnotateReturn).
	// annotate.title: the day; annotate.intro: the numbers of errors and warnings;
	// annotate.mark.note: the mark, the day, the name of the list sheet.
	"annotate.sheet":        {"Cần sửa", "To fix"},
	"annotate.mark":         {"Trả lại để sửa", "Returned for correction"},
	"annotate.mark.note":    {"%s ngày %s: xem trang “%s”.", "%s on %s: see the sheet “%s”."},
	"annotate.title":        {"TRẢ LẠI ĐỂ SỬA (ngày %s)", "RETURNED FOR CORRECTION (%s)"},
	"annotate.intro":        {"Báo cáo này có %d lỗi và %d cảnh báo, liệt kê dưới đây. Các ô cần sửa được tô màu (đỏ: lỗi, vàng: cảnh báo) và có ghi chú; bấm vào ô ở cột “Ô” để đến đó. Sửa ngay trong tệp này rồi gửi lại.", "This return has %d errors and %d warnings, listed below. The cells to fix are coloured (red: error, yellow: warning) and carry a note; click a cell in the “Cell” column to go there. Fix them in this file and send it back."},
	"annotate.note":         {"drugfree, cần sửa:", "drugfree, to fix:"},
	"annotate.error":        {"Lỗi", "Error"},
	"annotate.warning":      {"Cảnh báo", "Warning"},
	"annotate.col.no":       {"STT", "No."},
	"annotate.col.severity": {"Mức độ", "Severity"},
	"annotate.col.code":     {"Mã lỗi", "Code"},
	"annotate.col.sheet":    {"Trang tính", "Sheet"},
	"annotate.col.cell":     {"Ô", "Cell"},
	"annotate.col.commune":  {"Xã", "Commune"},
	"annotate.col.message":  {"Nội dung", "Message"},
	"annotate.csv":          {"%s là tệp CSV nên không đánh dấu được: gửi cho đơn vị danh sách vấn đề (validate -o).", "%s is a CSV file, so it cannot be marked: send its sender the list of problems (validate -o)."},
	"annotate.unread":       {"%s không đọc được nên không đánh dấu được: gửi cho đơn vị danh sách vấn đề.", "%s could not be read, so it cannot be marked: send its sender the list of problems."},
	"annotate.failed":       {"không tạo được bản đánh dấu của %s: %v", "cannot make the marked copy of %s: %v"},
	"annotate.not-dir":      {"--annotate %s: không phải thư mục", "--annotate %s: not a folder"},

	// drugfree remind: the letter urging a sender (công văn đôn đốc, layout.NewLetter) and the
	// summary list. letter.number: the symbol; letter.subject: the plan's name;
	// letter.intro: the plan's name, its day, its title, the as-of day, the sender;
	// letter.request.*: the sender; letter.contact: the phone; letter.missing: days overdue; letter.late: days late, the day it came;
	// remind.summary: the as-of day, the letters, the returns.
	"letter.number":              {"Số:        /%s", "No.:        /%s"},
	"letter.subject":             {"V/v đôn đốc gửi báo cáo thực hiện %s", "Re: returns owed under %s"},
	"letter.recipient":           {"Kính gửi: %s.", "To: %s."},
	"letter.committee":           {"Ủy ban nhân dân %s", "the People's Committee of %s"},
	"letter.intro":               {"Thực hiện %s ngày %s (%s), tính đến ngày %s, %s chưa gửi hoặc gửi chậm các báo cáo sau đây về Công an tỉnh:", "Under %s of %s (%s), as of %s, %s has not sent, or sent late, the following returns to the Provincial Police:"},
	"letter.col.no":              {"STT", "No."},
	"letter.col.kind":            {"Báo cáo", "Return"},
	"letter.col.due":             {"Thời hạn theo Kế hoạch", "Due under the plan"},
	"letter.col.status":          {"Tình trạng đến ngày %s", "Status as of %s"},
	"letter.missing":             {"Chưa gửi, quá hạn %d ngày", "Not sent, %d days overdue"},
	"letter.late":                {"Gửi chậm %d ngày (nhận ngày %s)", "Sent %d days late (received %s)"},
	"letter.request.missing":     {"Để bảo đảm tiến độ tổng hợp, báo cáo Ủy ban nhân dân tỉnh, đề nghị %s khẩn trương gửi các báo cáo còn thiếu nêu trên, đồng thời bảo đảm gửi đúng thời hạn các báo cáo tiếp theo.", "So that the province's returns can be consolidated and reported on time, %s is asked to send the missing returns above without delay, and to send the next returns by their due dates."},
	"letter.request.late":        {"Để bảo đảm tiến độ tổng hợp, báo cáo Ủy ban nhân dân tỉnh, đề nghị %s bảo đảm gửi đúng thời hạn các báo cáo tiếp theo.", "So that the province's returns can be consolidated and reported on time, %s is asked to send the next returns by their due dates."},
	"letter.contact":             {"Mọi thông tin xin liên hệ Công an tỉnh, điện thoại %s.", "For any question, contact the Provincial Police, telephone %s."},
	"letter.as-above":            {"Như trên;", "As above;"},
	"letter.file":                {"Don doc - %s.docx", "Reminder - %s.docx"},
	"remind.wrote":               {"Đã ghi %d công văn vào %s", "Wrote %d letters into %s"},
	"remind.subject":             {"Danh sách đơn vị được đôn đốc gửi báo cáo", "Senders urged to send their returns"},
	"remind.sheet":               {"Đôn đốc", "Reminders"},
	"remind.col.sender":          {"Đơn vị", "Sender"},
	"remind.col.former_district": {"Thuộc huyện cũ", "Former district"},
	"remind.col.kind":            {"Báo cáo", "Return"},
	"remind.col.due":             {"Hạn", "Due"},
	"remind.col.status":          {"Tình trạng", "Status"},
	"remind.col.days":            {"Số ngày quá hạn", "Days overdue"},
	"remind.col.letter":          {"Công văn", "Letter"},
	"remind.status.missing":      {"Chưa gửi", "Missing"},
	"remind.status.late":         {"Gửi chậm", "Late"},
	"remind.summary":             {"Tính đến ngày %s: %d công văn đôn đốc, cho %d báo cáo chưa gửi hoặc gửi chậm.", "As of %s: %d reminder letters, for %d returns missing or sent late."},
	"remind.none":                {"Tính đến ngày %s: không đơn vị nào chậm hoặc thiếu báo cáo; không có công văn nào.", "As of %s: no sender is late or owes a return; no letter."},
	"duplicate-column": {
		"cột %q trùng với cột %s (cùng là %q); chỉ đọc cột %s.",
		"column %q repeats column %s (both are %q); only column %s is read."},
	"missing-value.commune": {
		"dòng %d có số liệu nhưng không ghi tên %s.",
		"row %d has figures but no %s name."},
	"type-error.too-big": {
		"%q lớn hơn mọi số liệu có thể có của một xã (quá 1.000.000.000.000), có lẽ gõ nhầm (%s); ô này được coi là bỏ trống.",
		"%q is larger than any figure a commune can have (over 1,000,000,000,000), probably a typing error (%s); the cell is taken as blank."},
	"type-error.number": {"%q không phải là số (%s)", "%q is not a number (%s)"},
	"negative-value":    {"%q là số âm (%s)", "%q is negative (%s)"},
	"not-integer":       {"%q không phải số nguyên (%s)", "%q is not a whole number (%s)"},
	"type-error.yesno":  {"%q không phải Có/Không (%s)", "%q is not yes/no (%s)"},
	"type-error.status": {
		"%q không phải tình trạng hợp lệ (%s); ghi một trong: %s, hoặc để trống.",
		"%q is not a status (%s); write one of: %s, or leave it blank."},
	"type-error.date": {
		"%q không phải ngày hợp lệ (%s); ghi theo dạng 20/02/2025.",
		"%q is not a date (%s); write it as 20/02/2025."},
	"formula-without-value": {
		"công thức =%s chưa có giá trị đã tính và không tính được (%s). Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.",
		"the formula =%s has no computed value and could not be computed (%s). Open the file in Excel, save it and resend it."},
	// unknown-sender: a sender unknown under a plan without districts (naming.DistrictMessage).
	"unknown-sender": {
		"không có %s %q trong danh mục.",
		"there is no %s %q in the registry."},
	"unknown-district": {
		"không có đơn vị cấp huyện %q trong danh mục.",
		"there is no district %q in the registry."},
	"ambiguous-district": {
		"%q có thể là: %s; hãy ghi rõ (huyện, thị xã, thành phố).",
		"%q could be: %s; write the type (huyện, thị xã, thành phố)."},
	"suggest":         {" Có phải: %s?", " Did you mean: %s?"},
	"unknown-commune": {"không có %s %q trong danh mục%s.", "there is no %s %q in the registry%s."},
	"in-district":     {" của %s", " of %s"},
	// area.province, area.nation: where a plan is applied (criteria.Plan.Area).
	"area.province": {"tỉnh %s", "%s province"},
	"area.nation":   {"cả nước", "the whole country"},
	// sender.district names the sender of a return under a plan with districts
	// (criteria.Plan.Sender); a plan without has its cover's label instead.
	"sender.district": {"Huyện", "District"},
	"former-unit": {
		"%s (%s) không còn: đã nhập vào %s từ ngày %s; hãy ghi số liệu cho %s.",
		"%s (%s) no longer exists: it was merged into %s on %s; report it under %s."},
	"ambiguous-commune": {
		"%q có thể là: %s; hãy ghi rõ loại (xã, phường, thị trấn), huyện hoặc mã đơn vị.",
		"%q could be: %s; write the type (xã, phường, thị trấn), the district or the code."},
	"ambiguous-commune.no-district": {
		"%q có thể là: %s; hãy ghi rõ loại (%s) hoặc mã đơn vị.",
		"%q could be: %s; write the type (%s) or the code."},
	"name-code-mismatch": {
		"tên %s và mã %s (%s) không khớp nhau%s; hãy sửa tên hoặc mã cho đúng. Dòng này không được đọc.",
		"the name %s and the code %s (%s) do not match%s; correct the name or the code. The row is not read."},
	"name-is":        {"; tên này là của %s", "; that name is %s"},
	"wrong-district": {"%s thuộc %s, không thuộc %s.", "%s belongs to %s, not to %s."},
	"registry-date.unit": {
		"“%s” được đọc theo danh mục %s (%s) là %s; theo danh mục %s là %s.",
		"“%s” is read by the registry %s (%s) as %s; by the registry %s it is %s."},
	"registry-date.code": {
		"mã %s được đọc theo danh mục %s (%s) là %s (%s); theo danh mục %s, mã này là %s (%s).",
		"code %s is read by the registry %s (%s) as %s (%s); by the registry %s it is %s (%s)."},
	"registry-date.name": {
		"“%s” được đọc theo danh mục %s (%s) là %s (mã %s); theo danh mục %s, tên này là %s (mã %s).",
		"“%s” is read by the registry %s (%s) as %s (code %s); by the registry %s the name is %s (code %s)."},
	"registry-date.unknown-unit": {
		" %s là đơn vị của danh mục %s; báo cáo này (%s) được đọc theo danh mục %s.",
		" %s is a unit of the registry %s; this return (%s) is read by the registry %s."},
	"registry-date.unknown-commune": {
		" %s (mã %s) là đơn vị của danh mục %s; báo cáo này (%s) được đọc theo danh mục %s.",
		" %s (code %s) is a unit of the registry %s; this return (%s) is read by the registry %s."},
	"registry-date.no-districts": {
		" Từ ngày đó không còn cấp huyện: mỗi xã, phường tự gửi báo cáo của mình.",
		" Since then there are no districts: each commune sends its own return."},
	"registry-date.from":         {"có hiệu lực từ %s", "in force from %s"},
	"registry-date.plan":         {"của kế hoạch", "of the plan"},
	"registry-date.day.report":   {"ngày báo cáo %s", "report date %s"},
	"registry-date.day.received": {"ngày nhận %s", "received %s"},
	"registry-date.day.as-of":    {"không ghi ngày, xét ngày %s", "undated, read as of %s"},
	"registry-date.day.line":     {"dòng ghi ngày %s", "the line dated %s"},
	"registry-date.undated":      {"không ghi ngày", "undated"},
	"outside-plan": {
		"%s (mã %s) được hình thành từ các xã của tỉnh %s, không phải các xã của kế hoạch (tỉnh %s); dòng này không được đọc.",
		"%s (code %s) was formed from the communes of %s province, not from the plan's (%s); the row is not read."},
	"wrong-unit": {
		"%s không phải là %s, đơn vị gửi báo cáo này: mỗi xã, phường tự báo cáo số liệu của mình.",
		"%s is not %s, the unit sending this return: each commune reports its own figures."},
	"missing-commune": {
		"Thiếu %s (mã %s): báo cáo của %s phải có đủ %d %s; mới có %d.",
		"%s (code %s) is missing: the return of %s must list all %d %s; it lists %d."},
	"duplicate-commune": {
		"%s đã có ở dòng %d; dòng %d không được đọc.",
		"%s is already on row %d; row %d is not read."},
	"total-mismatch": {
		"dòng tổng ghi %s nhưng cộng các dòng được %s (%s).",
		"the totals row gives %s but the rows add up to %s (%s)."},
	"missing-metadata.kind": {
		"trang bìa không ghi Loại báo cáo (%s).",
		"the cover does not give the report kind (%s)."},
	"missing-metadata.report_date": {
		"trang bìa không ghi Ngày báo cáo.",
		"the cover does not give the report date."},
	"missing-metadata.district": {
		"trang bìa không ghi Đơn vị báo cáo; đã lấy theo %s: %s.",
		"the cover does not give the reporting unit; taken from the %s: %s."},
	"missing-metadata.no-district": {
		"không xác định được huyện gửi báo cáo: trang bìa, cột huyện, tên trang và tên tệp đều không ghi.",
		"the district of the return is not known: neither the cover, a district column, the sheet name nor the file name gives it."},
	"missing-metadata.district-csv": {
		"tệp CSV không ghi %s; đã lấy theo %s: %s.",
		"the CSV file does not give the %s; taken from the %s: %s."},
	"missing-metadata.no-district-csv": {
		"không xác định được huyện gửi báo cáo: tệp CSV không có cột huyện, tên tệp không ghi huyện và các xã không thuộc một huyện duy nhất.",
		"the district of the return is not known: the CSV file has no district column, its name gives none and its communes do not belong to one district."},
	"missing-metadata.no-district.no-district": {
		"không xác định được %s: trang bìa, tên trang và tên tệp đều không ghi.",
		"the %s of the return is not known: neither the cover, the sheet name nor the file name gives it."},
	"missing-metadata.no-district-csv.no-district": {
		"không xác định được %s: tệp CSV không có trang bìa, tên tệp không ghi và báo cáo có nhiều xã.",
		"the %s of the return is not known: the CSV file has no cover, its name gives none and it lists several communes."},
	"missing-metadata.no-district-nocover.no-district": {
		"không xác định được %s: tệp không có trang bìa, và phần đầu văn bản, tên trang tính và tên tệp đều không ghi.",
		"the %s of the return is not known: the workbook has no cover sheet, and neither its letterhead, the sheet name nor the file name gives it."},
	"missing-metadata.kind-nocover": {
		"không xác định được loại báo cáo: tệp không có trang bìa và tiêu đề văn bản không ghi loại (%s).",
		"the report kind is not known: the workbook has no cover sheet and the document's title names none (%s)."},
	"missing-metadata.report_date-nocover": {
		"không xác định được ngày báo cáo: tệp không có trang bìa và phần đầu văn bản không có dòng \"…, ngày … tháng … năm …\".",
		"the report date is not known: the workbook has no cover sheet and the letterhead has no line \"…, ngày … tháng … năm …\"."},
	"missing-metadata.district-nocover": {
		"tệp không có trang bìa và phần đầu văn bản không ghi đơn vị báo cáo; đã lấy theo %s: %s.",
		"the workbook has no cover sheet and its letterhead does not name the reporting unit; taken from the %s: %s."},
	"missing-metadata.no-district-nocover": {
		"không xác định được huyện gửi báo cáo: tệp không có trang bìa, và phần đầu văn bản, cột huyện, tên trang tính và tên tệp đều không ghi.",
		"the district of the return is not known: the workbook has no cover sheet, and neither its letterhead, a district column, the sheet name nor the file name gives it."},
	"district-by-communes": {
		"%s ghi %s nhưng các xã trong báo cáo đều thuộc %s: báo cáo được tính cho %s.",
		"the %s gives %s but the communes listed all belong to %s: the return is counted for %s."},
	"no-data-sheet.hidden": {
		"chỉ trang tính ẩn (%s) có cột \"%s\"; trang ẩn không được đọc. Nếu đó là báo cáo, hãy hiện trang (nhấp chuột phải vào tên trang > Hiện) rồi gửi lại.",
		"only hidden sheets (%s) have a \"%s\" column; hidden sheets are not read. If it is the return, unhide it (right-click a sheet tab > Unhide) and send it again."},
	"same-data-sheet": {
		"trang %q cũng có bảng số liệu các xã của %s, cùng loại báo cáo; chỉ đọc trang %q (trang đầu tiên).",
		"sheet %q also holds a table of the communes of %s for the same kind of return; only sheet %q (the first) is read."},
	"in-cell":           {" (ô %s)", " (cell %s)"},
	"letterhead-date":   {"ngày báo cáo ở phần đầu văn bản", "the report date in the letterhead"},
	"source.letterhead": {"phần đầu văn bản", "letterhead"},
	"source.title":      {"tiêu đề văn bản", "title"},
	"source.column":     {"cột huyện", "district column"},
	"source.sheet":      {"tên trang tính", "sheet name"},
	"source.file":       {"tên tệp", "file name"},
	"source.commune":    {"các xã trong báo cáo", "communes of the return"},
	"unknown-kind": {
		"loại báo cáo %q không có trong lịch của kế hoạch; ghi một trong: %s.",
		"report kind %q is not in the plan's calendar; write one of: %s."},
	"panic": {"lỗi khi đọc: %v", "error while reading: %v"},

	// The reasons of a classification (classify.Reason), written by report from their data.
	// Only %s: they are filled by Append. The words in between (labels, figures,
	// categories) are the plan's.
	//
	// reason.band: figure, indicator, ≥ or >, threshold, category:
	// "65 người nghiện có hồ sơ quản lý ≥ 60 → Loại II".
	"reason.band": {"%s %s %s %s → %s", "%s %s %s %s → %s"},
	// reason.band.ratio: indicator, figure, denominator, the ratio as a percentage, ≥ or >,
	// threshold, category: "đối tượng phạm tội về ma túy trên dân số 3/2.999 = 0,10% ≥ 0,1% → Loại III".
	"reason.band.ratio": {"%s %s/%s = %s %s %s → %s", "%s %s/%s = %s %s %s → %s"},
	// reason.route: the route's wording, the category before and after the step.
	"reason.route": {"%s: %s → %s", "%s: %s → %s"},
	// reason.drug-free: the drug-free fields, the category.
	"reason.drug-free": {
		"không đạt tiêu chí loại III nào; bằng 0: %s → %s",
		"no Type III indicator reached; zero: %s → %s"},
	// reason.less-complex: the drug-free fields that are not 0 with their figures, the
	// category; .none when the figures that are not 0 are not drug-free fields.
	"reason.less-complex": {
		"không đạt tiêu chí loại III nào nhưng khác 0: %s → %s",
		"no Type III indicator reached but not zero: %s → %s"},
	"reason.less-complex.none": {
		"không đạt tiêu chí loại III nào → %s",
		"no Type III indicator reached → %s"},
	// reason.missing: the blank fields that cannot change the category.
	"reason.missing": {
		"thiếu số liệu: %s (không làm thay đổi kết quả)",
		"missing: %s (cannot change the outcome)"},
	// reason.undetermined: the blank fields, the categories still possible; .error when an
	// input error alone leaves the category open.
	"reason.undetermined": {
		"thiếu số liệu: %s; có thể là %s",
		"missing: %s; could be %s"},
	"reason.undetermined.error": {"có thể là %s", "could be %s"},
	// reason.input-error: the numerator's figure and field, the denominator's field.
	"reason.input-error": {
		"%s %s > 0 nhưng %s = 0: lỗi số liệu, không tính được tỷ lệ",
		"%s %s > 0 but %s = 0: input error, the ratio cannot be computed"},
	// A plan of type rules (at least k of n criteria).
	// reason.criterion: the type's category, the criterion's label, its figures:
	// "Loại I – a) người nghiện, người sử dụng có hồ sơ quản lý từ 0,5% nhân khẩu: 50/10.000 = 0,50%".
	"reason.criterion": {"%s – %s: %s", "%s – %s: %s"},
	// reason.type: the criteria held, of how many, the type, how many it needs, the category.
	"reason.type": {
		"đạt %s/%s tiêu chí của %s (cần ít nhất %s) → %s",
		"%s of %s criteria of %s held (at least %s needed) → %s"},
	// reason.type-short: a type above the category, the criteria held, of how many, which,
	// how many it needs.
	"reason.type-short": {
		"chưa đủ %s: đạt %s/%s tiêu chí (%s), cần ít nhất %s",
		"not %s: %s of %s criteria held (%s), at least %s needed"},
	// reason.rest: no type reached, the category; .met with the criteria that held.
	"reason.rest": {
		"không đạt tiêu chí nào của các loại → %s",
		"no criterion of any type held → %s"},
	"reason.rest.met": {
		"chỉ đạt %s, không đủ cho loại nào → %s",
		"only %s held, not enough for any type → %s"},

	// The verdicts of the checklist (classify.Verdict).
	"verdict.pass":    {"Đạt", "Pass"},
	"verdict.fail":    {"Không đạt", "Fail"},
	"verdict.missing": {"Thiếu dữ liệu", "Missing data"},
}

// Msg formats message id in l.
func Msg(l Lang, id string, args ...any) string {
	m, ok := catalogue[id]
	if !ok {
		return id
	}
	f := m.In(l)
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// Append appends message id in l to b, each %s of it replaced by the next of args (and %%
// by %): Msg for the messages that hold only strings, without fmt's allocations, for the
// texts written once per commune. An id the catalogue lacks is appended as it is.
func Append(b []byte, l Lang, id string, args ...string) []byte {
	m, ok := catalogue[id]
	if !ok {
		return append(b, id...)
	}
	f := m.In(l)
	for {
		i := strings.IndexByte(f, '%')
		if i < 0 || i+1 == len(f) {
			return append(b, f...)
		}
		b = append(b, f[:i]...)
		switch f[i+1] {
		case 's':
			if len(args) > 0 {
				b = append(b, args[0]...)
				args = args[1:]
			}
		case '%':
			b = append(b, '%')
		default:
			b = append(b, f[i:i+2]...)
		}
		f = f[i+2:]
	}
}

func Capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// Suggest is " Did you mean: a, b?" in l, or "" without names.
func Suggest(l Lang, names []string) string {
	if len(names) == 0 {
		return ""
	}
	return Msg(l, "suggest", strings.Join(names, ", "))
}

func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}
