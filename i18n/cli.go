package i18n

// cliMessages are the command line's texts: the help of each command (help.<command>.use,
// .short, .long), the descriptions of the flags (flag.<name>, or flag.<command>.<name>
// where a command says it its own way), the headings of the help, and the usage errors
// (usage.*). A flag's value is named between backticks, as pflag shows it.
var cliMessages = map[string]Text{
	// The headings of the help, as Cobra's template lays it out.
	"help.heading.usage":    {"Cách dùng:", "Usage:"},
	"help.heading.aliases":  {"Tên khác:", "Aliases:"},
	"help.heading.examples": {"Ví dụ:", "Examples:"},
	"help.heading.commands": {"Các lệnh:", "Available Commands:"},
	"help.heading.flags":    {"Tùy chọn:", "Flags:"},
	"help.heading.global":   {"Tùy chọn chung (dùng được với mọi lệnh):", "Global Flags:"},
	"help.heading.more": {
		"Xem hướng dẫn của từng lệnh: %s <lệnh> --help",
		"Use \"%s <command> --help\" for more information about a command."},
	"help.default":    {"mặc định", "default"},
	"help.sample.dir": {"thư mục", "a folder"},

	"help.drugfree.use":   {"drugfree <lệnh> [tùy chọn]", "drugfree <command> [flags]"},
	"help.drugfree.short": {"Phân loại xã và kiểm tra báo cáo của các huyện theo kế hoạch xây dựng xã không ma túy", "Classify communes under the drug-free commune plan and check the districts' returns"},
	"help.drugfree.long": {
		`drugfree đọc các báo cáo mà huyện gửi theo kế hoạch xây dựng xã, phường, thị
trấn không ma túy của tỉnh (Kế hoạch 16/KH-UBND của tỉnh Trà Vinh, năm 2025),
xếp loại từng xã theo kế hoạch, chấm 8 tiêu chí công nhận, theo dõi lịch gửi
báo cáo và lập sổ tính tổng hợp. Mỗi kết quả đều ghi rõ lý do.

Ngôn ngữ: tiếng Việt; --lang en (hoặc biến môi trường DRUGFREE_LANG=en, hoặc
LANG=en_US) cho tiếng Anh.

Mã thoát: 0 thành công; 1 số liệu có lỗi (các xã đọc được vẫn được báo cáo)
hoặc lệnh bị từ chối; 2 dùng sai lệnh hoặc tùy chọn.`,
		`drugfree reads the returns that districts send under the province's plan for
drug-free communes (Plan 16/KH-UBND of Trà Vinh, 2025), classifies every
commune into the plan's categories, runs the recognition checklist, follows
the calendar of returns and writes consolidated workbooks. Every verdict says
why.

Language: Vietnamese; --lang en (or DRUGFREE_LANG=en, or LANG=en_US) for
English.

Exit status: 0 success; 1 the data has errors (the communes that could be read
are still reported) or the run was refused; 2 a usage error.`},

	"help.help.use":   {"help [lệnh]", "help [command]"},
	"help.help.short": {"Hướng dẫn về một lệnh", "Help about any command"},
	"help.help.long": {
		"Hướng dẫn về một lệnh: drugfree help classify giống drugfree classify --help.",
		"Help about any command: drugfree help classify is drugfree classify --help."},

	"help.plan.use":   {"plan [--list | --export <tệp>] [tùy chọn]", "plan [--list | --export <file>] [flags]"},
	"help.plan.short": {"Xem kế hoạch đang áp dụng, hoặc ghi ra tệp để sửa", "Show the plan in effect, or write it out to edit"},
	"help.plan.long": {
		`Xem các quy định drugfree áp dụng: ngưỡng phân loại, tiêu chí công nhận, lịch
gửi báo cáo, chỉ tiêu và danh mục xã. Tất cả lấy từ một tệp kế hoạch; mặc định
là Kế hoạch 16/KH-UBND của tỉnh Trà Vinh (2025), có sẵn trong chương trình.
Tiêu chí toàn quốc của Quyết định 28/2025/QĐ-TTg cũng có sẵn: --plan qd28
(--list liệt kê các kế hoạch có sẵn; --province chọn tỉnh).

Để dùng kế hoạch của tỉnh khác hoặc năm khác: ghi kế hoạch ra tệp (--export),
sửa tệp, rồi đưa vào mọi lệnh bằng --plan. Tệp kế hoạch sửa sai bị từ chối, có
ghi tên tệp, dòng và chỗ sai.`,
		`Show the rules drugfree applies: the classification bands, the recognition
checklist, the calendar of returns, the target and the registry of communes.
They all come from one plan file; the default is Plan 16/KH-UBND of Trà Vinh
(2025), built in. The national criteria of Decision 28/2025/QĐ-TTg are built
in too: --plan qd28 (--list names the built-in plans; --province picks one
province).

To use another province's or year's plan, write the plan out, edit it, and
pass it with --plan to any command. An edited plan with a mistake is refused
with the file, the line and what is wrong.`},

	"help.classify.use":   {"classify <tệp>... [tùy chọn]", "classify <file>... [flags]"},
	"help.classify.short": {"Xếp loại từng xã trong các báo cáo theo kế hoạch", "Classify every commune of the returns into the plan's categories"},
	"help.classify.long": {
		`Xếp loại từng xã trong các báo cáo (.xlsx hoặc .csv) theo kế hoạch: Loại I,
Loại II, Loại III, Ít phức tạp, Không ma túy, hoặc Chưa xác định khi ô bỏ
trống có thể làm thay đổi kết quả. Mỗi kết quả ghi lý do: số liệu, ngưỡng và
bước tuyến trọng điểm. Tệp không đọc được thì được báo, các tệp khác vẫn được
xếp loại; khi đó mã thoát là 1.

Có thể đưa cả thư mục (các tệp .xlsx, .csv trong đó) hoặc mẫu tên như
baocao\*.xlsx.

Mỗi báo cáo được đọc theo danh mục xã có hiệu lực vào ngày báo cáo: trước
01/07/2025 là các xã của huyện, từ ngày đó là các xã, phường hình thành sau
sắp xếp. Báo cáo không ghi ngày (tệp CSV) được đọc theo ngày --as-of, mặc định
là hôm nay.`,
		`Classify every commune of the given returns (.xlsx or .csv) into the plan's
categories: Loại I, Loại II, Loại III, Ít phức tạp, Không ma túy, or Chưa xác
định when blank cells could change the outcome. Each verdict gives its
reasons: the figure, the threshold and the route step. A file that cannot be
read is reported, and the other files are still classified; the exit status is
then 1.

A folder (the .xlsx and .csv files in it) or a pattern such as returns\*.xlsx
may be given.

Each return is read against the communes in force on its date: before 1 July
2025 the districts' communes, after it the communes formed by the reform. A
return without a date (a CSV) is read as of --as-of, today by default.`},

	"help.recognize.use":   {"recognize <tệp>... [tùy chọn]", "recognize <file>... [flags]"},
	"help.recognize.short": {"Chấm 8 tiêu chí công nhận và đếm số xã đạt so với chỉ tiêu", "Run the 8-point checklist and count progress to the target"},
	"help.recognize.long": {
		`Chấm các tiêu chí công nhận của kế hoạch (mục III.3) cho từng xã đang chuyển
hóa hoặc duy trì, hoặc cho mọi xã với --all. Mỗi tiêu chí là ✓ (Đạt), ✗ (Không
đạt) hoặc ? (Thiếu dữ liệu), kèm số liệu; xã chỉ đạt khi đạt cả tám tiêu chí.
Dòng cuối đếm số xã đạt so với chỉ tiêu của kế hoạch.

Tiêu chí 4 so người nghiện, người sử dụng với lúc đưa vào xây dựng: các cột số
liệu ban đầu của báo cáo, hoặc cùng xã trong báo cáo trước đưa vào bằng
--baseline. Không có cả hai thì tiêu chí 4 là thiếu dữ liệu, không bao giờ là
đạt. Với xã hình thành sau sắp xếp ngày 01/07/2025, số liệu ban đầu là tổng số
liệu của các xã cũ trong báo cáo trước: báo cáo rà soát của các huyện là số
liệu ban đầu cho báo cáo giai đoạn 3 của các xã.

Chỉ tiêu được tính theo danh mục xã có hiệu lực vào ngày --as-of (mặc định hôm
nay): 9 trong 41 xã, phường sau 01/07/2025, 21 trong 104 xã trước đó; dòng
cuối ghi các xã đạt được hình thành từ bao nhiêu xã cũ. Báo cáo không ghi ngày
cũng được đọc theo ngày đó.`,
		`Run the plan's recognition checklist (section III.3) on every commune in
transformation (Chuyển hóa) or maintained (Duy trì), or on every commune with
--all. Each criterion is ✓ (Đạt), ✗ (Không đạt) or ? (Thiếu dữ liệu), with the
figures behind it; a commune passes only when all eight pass. The footer
counts the communes that pass against the plan's target.

Criterion 4 compares addicts and users with the baseline: the return's
baseline columns, or the same commune in an earlier return given with
--baseline. Without either it is missing, never a pass. For a commune formed
by the reform of 1 July 2025 the baseline is its former units' figures in the
earlier return, added up: a review of the districts is the baseline of the
communes' phase 3.

The target is counted in the communes in force on --as-of (today by default):
9 of the 41 communes formed by the reform after 1 July 2025, 21 of 104 before;
the footer says how many former communes the passing ones were formed from. An
undated return is read as of that day too.`},

	"help.sample.use":   {"sample <thư mục> [tùy chọn]", "sample <dir> [flags]"},
	"help.sample.short": {"Ghi các báo cáo mẫu với số liệu tự tạo, để dùng thử", "Write sample returns with invented figures, to try the tool"},
	"help.sample.long": {
		`Ghi một bộ báo cáo mẫu với số liệu tự tạo, hợp lý, cho mọi xã trong danh mục:
<thư mục>/districts.xlsx (mọi huyện trong một sổ tính, giai đoạn 3), và trong
<thư mục>/returns/ một đợt báo cáo của từng huyện (rà soát và giai đoạn 3)
cùng sổ theo dõi văn bản, trong đó một huyện gửi muộn, một huyện không gửi gì,
một báo cáo thiếu hai xã và một báo cáo được thay bằng báo cáo sửa. Trang bìa
của mỗi sổ tính ghi đây là số liệu mẫu. Cùng --seed thì cùng các tệp.

Với --districts N, ghi thay vào đó một bộ số liệu giả lập cả nước, để đo tốc
độ và trình diễn: <thư mục>/registry.csv (N huyện giả, mỗi huyện khoảng
--communes-per-district xã, dùng với --registry), <thư mục>/register.csv (các
văn bản trước đó của mọi huyện, đúng hạn, dùng với --register) và <thư
mục>/returns/ với một báo cáo giai đoạn 3 đầy đủ của mỗi huyện, gửi đúng hạn.

Với kế hoạch xếp loại theo số tiêu chí đạt (--plan qd28), ghi thay vào đó một
đợt báo cáo của năm: <thư mục>/communes.xlsx (mọi xã trong một sổ tính) và
<thư mục>/returns/ với một báo cáo của mỗi xã, số liệu tạo từ các tiêu chí của
kế hoạch; một xã gửi muộn, một xã không gửi. --communes N chỉ lấy N xã đầu
(với --province all: của danh mục toàn quốc).`,
		`Write a set of sample returns with invented, plausible figures for every
commune of the registry: <dir>/districts.xlsx (all districts in one workbook,
phase 3), and under <dir>/returns/ a round of per-district returns (review and
phase 3) and a register of documents, in which one district is late, one sent
nothing, one return lacks two communes and one was replaced by a corrected
one. Every workbook says on its cover that it is sample data. The same seed
gives the same files.

With --districts N, write instead a synthetic national corpus, for benchmarks
and demonstrations at the scale of a national round: <dir>/registry.csv (N
invented districts of about --communes-per-district communes, for --registry),
<dir>/register.csv (every district's earlier documents, on time, for
--register) and <dir>/returns/ with one complete, consistent phase 3 return
per district, sent on time.

Under a plan of type rules (--plan qd28), write instead a round of the year:
<dir>/communes.xlsx (every commune in one workbook) and <dir>/returns/ with one
return per commune, the figures invented from the plan's criteria; one commune
is late and one sent nothing. --communes N takes the first N communes (with
--province all, of the national list).`},

	"help.template.use":   {"template (--district <tên> | --commune <tên>) -o <tệp.xlsx>", "template (--district <name> | --commune <name>) -o <file.xlsx>"},
	"help.template.short": {"Ghi mẫu báo cáo của một huyện hoặc một xã, điền sẵn các xã", "Write the return template of a district or a commune"},
	"help.template.long": {
		`Ghi mẫu báo cáo chuẩn của một huyện: trang bìa "Thông tin" và trang số liệu
"Số liệu" điền sẵn các xã của huyện và mã của chúng, danh sách chọn cho loại
báo cáo, tình trạng và có/không, chỉ nhận số nguyên ≥ 0 ở các cột đếm, và ghi
chú ở mỗi tiêu đề cột nói cần đếm gì. Mẫu điền xong đọc lại không có lỗi.

Từ ngày 01/07/2025 không còn cấp huyện, mỗi xã tự báo cáo: --commune ghi báo
cáo của một xã, phường hình thành từ các xã của kế hoạch, điền sẵn dòng của xã
đó, cho các loại báo cáo đến hạn sau ngày đó (giai đoạn 2, giai đoạn 3).`,
		`Write the canonical return for one district: a cover sheet "Thông tin" and a
data sheet "Số liệu" with the district's communes and their codes filled in,
drop-down lists for the report kind, the status and yes/no, whole numbers ≥ 0
enforced in the count columns, and a note on each header saying what to count.
A filled template reads back with no problem.

Since the reform of 1 July 2025 there are no districts and each commune
reports for itself: --commune writes the return of one of the communes formed
from the plan's, its own row filled in, for the kinds due after that day
(phase 2, phase 3).`},

	"help.validate.use":   {"validate <tệp>... [tùy chọn]", "validate <file>... [flags]"},
	"help.validate.short": {"Liệt kê mọi lỗi trong các báo cáo, kể cả báo cáo muộn và chưa gửi", "List every problem in the returns, late and missing ones included"},
	"help.validate.long": {
		`Kiểm tra các báo cáo và liệt kê mọi vấn đề với mức độ, mã, tệp, trang, ô,
huyện và xã, sắp xếp để người làm có thể xử lý lần lượt: ô không đọc được, số
liệu mâu thuẫn nhau (một quy tắc có tên, với cả hai ô), xã thiếu trong báo
cáo, báo cáo được thay bằng báo cáo sau, và báo cáo gửi muộn hoặc chưa gửi
theo lịch của kế hoạch, tính đến ngày --as-of (mặc định hôm nay).

Các văn bản không phải sổ số liệu, như kế hoạch thực hiện của huyện, lấy từ sổ
theo dõi văn bản (--register, CSV hoặc xlsx với đơn vị gửi, loại, số, ngày báo
cáo và ngày nhận). Mã thoát là 1 khi có vấn đề là lỗi.

--annotate ghi vào thư mục đã cho một bản sao của mỗi báo cáo có vấn đề để
trả lại đơn vị gửi: mỗi ô có vấn đề được tô màu (đỏ: lỗi, vàng: cảnh báo) và
có ghi chú nói rõ vấn đề, trang đầu "Cần sửa" liệt kê các vấn đề với liên kết
đến từng ô, và trang bìa ghi "Trả lại để sửa" cùng ngày (--as-of, mặc định hôm
nay). Giữ nguyên các trang và định dạng của đơn vị; báo cáo không có vấn đề
thì không có bản sao; không bao giờ ghi đè tệp đầu vào, và chỉ ghi đè bản sao
cũ khi có --force.`,
		`Check the returns and list every problem with its severity, code, file, sheet,
cell, district and commune, sorted so a clerk can work down the list: cells
that cannot be read, figures that contradict each other (a named rule, with
both cells), communes missing from a return, returns replaced by a later one,
and returns that are late or were never sent by the plan's calendar, as of
--as-of (default today).

Documents that are not data workbooks, such as the districts' implementation
plans, come from a register (--register, CSV or xlsx with district, kind,
number, report date and received date). The exit status is 1 when any problem
is an error.

--annotate writes, into the folder given, a copy of each return with problems
to send back to its sender: every problem cell coloured (red: error, yellow:
warning) with a note saying the problem, a first sheet "Cần sửa" listing the
problems with links to their cells, and the cover marked "Trả lại để sửa" with
the day (--as-of, else today). The sender's sheets and formatting are kept; a
return without problems gets no copy; an input is never overwritten, and an
earlier copy only with --force.`},

	"help.deadlines.use":   {"deadlines [<tệp>...] [tùy chọn]", "deadlines [<file>...] [flags]"},
	"help.deadlines.short": {"Xem huyện nào đã gửi gì, ai gửi muộn, và hạn tiếp theo", "Show who sent what, who is late, and what falls due next"},
	"help.deadlines.long": {
		`Xem lịch báo cáo của kế hoạch với tình trạng của từng huyện cho từng loại báo
cáo, tính đến ngày --as-of (mặc định hôm nay): đúng hạn, muộn N ngày, chưa
gửi, hoặc chưa đến hạn; và hạn tiếp theo là gì, còn bao nhiêu ngày. Báo cáo
được tính là đã nộp vào ngày nhận, hoặc ngày báo cáo khi không ghi ngày nhận;
hai báo cáo cùng loại của một huyện thì tính báo cáo sau. Báo cáo lấy từ các
tệp đưa vào; văn bản khác lấy từ --register.

Chỉ xét các loại báo cáo đã đưa vào (tệp hoặc sổ theo dõi); --all-kinds xét cả
lịch.`,
		`Show the plan's calendar with each district's status for each kind of return,
as of --as-of (default today): on time, late by N days, missing, or not yet
due; and what falls due next and in how many days. A return counts as
submitted on its received date (Ngày nhận), or its report date when none is
given; of two returns of one kind from one district the later counts. Returns
are read from the files given; other documents from --register.

Only the kinds given (files or register) are judged; --all-kinds judges the
whole calendar.`},

	"help.diff.use":   {"diff <bản-cũ.xlsx> <bản-mới.xlsx> [tùy chọn]", "diff <old.xlsx> <new.xlsx> [flags]"},
	"help.diff.short": {"Xem những gì thay đổi giữa hai lần gửi một báo cáo", "Show what changed between two versions of a return"},
	"help.diff.args":  {"bản cũ, rồi bản mới", "the old version, then the new one"},
	"help.diff.long": {
		`So sánh hai lần gửi cùng một báo cáo của một đơn vị (bản nhận trước, rồi
bản gửi lại) và liệt kê mọi thay đổi: các mục của trang bìa (số văn bản, ngày,
loại báo cáo, người lập), xã thêm vào hoặc bị bỏ, xã nằm ở vị trí khác, từng số
liệu thay đổi với ô của nó trong mỗi tệp, và từng xã có phân loại hoặc kết quả
8 tiêu chí thay đổi vì thế, với các cột đã thay đổi và lý do của kết quả mới.

Cả hai bản được đọc, phân loại và chấm tiêu chí như lệnh classify và recognize
(tiêu chí 4 theo các cột số liệu ban đầu của chính báo cáo). Tệp không đọc
được thì được báo và không so sánh gì; mã thoát là 1. Vấn đề trong các tệp đọc
được in ra stderr như mọi lệnh; các thay đổi vẫn được liệt kê.`,
		`Compare two versions of the same sender's return (the one received first,
then the one sent again) and list every change: the cover's fields (number,
dates, kind, who made it), the communes added or removed, the communes listed
in another place, each figure that changed with its cell in each file, and
each commune whose category or checklist verdict changed because of it, with
the fields that changed it and the new reasons.

Both versions are read, classified and checked as classify and recognize do
(criterion 4 on the return's own baseline columns). A file that cannot be read
is reported and nothing is compared; the exit status is then 1. Problems found
in readable files are listed on stderr, as every command does; the changes
are still shown.`},

	"help.remind.use":   {"remind [<tệp>...] --letters <thư-mục> [tùy chọn]", "remind [<file>...] --letters <folder> [flags]"},
	"help.remind.short": {"Soạn công văn đôn đốc các đơn vị chậm, thiếu báo cáo", "Draft letters urging late or missing senders"},
	"help.remind.long": {
		`Soạn một công văn đôn đốc cho mỗi đơn vị chưa gửi báo cáo đã đến hạn trước
ngày --as-of (mặc định hôm nay), hoặc đã gửi chậm: một tệp Word (.docx) đúng
thể thức, có cơ quan ban hành, "Số: …/…" để văn thư ghi số, địa danh và ngày,
"V/v đôn đốc gửi báo cáo …", các báo cáo còn nợ với thời hạn và số ngày quá
hạn, quy định của kế hoạch và số điện thoại liên hệ, "Nơi nhận". Công văn được
ghi vào thư mục --letters; danh sách công văn được in ra (hoặc ghi bằng -o).

Báo cáo và sổ theo dõi được đọc như lệnh deadlines: báo cáo tính theo ngày
nhận, nếu không có thì ngày báo cáo; chỉ xét các loại báo cáo đã cho, trừ khi
có --all-kinds.`,
		`Draft a letter (công văn đôn đốc) for each sender that has not sent a return
due before --as-of (default today), or sent one late: a Word document (.docx)
in the official form, with the issuing body, "Số: …/…" for the clerical office
to number, the place and date, "V/v đôn đốc gửi báo cáo …", the returns owed
with their due dates and days overdue, the plan's provision and its contact
phone, and "Nơi nhận". The letters go into the folder --letters; the list of
them is printed (or written with -o).

The returns and the register are read as deadlines reads them: a return
counts on its received date, else its report date; only the kinds given are
judged unless --all-kinds.`},

	"help.consolidate.use":   {"consolidate <tệp>... -o <tệp.xlsx> [tùy chọn]", "consolidate <file>... -o <file.xlsx> [flags]"},
	"help.consolidate.short": {"Lập sổ tính tổng hợp của tỉnh để báo cáo lãnh đạo", "Write the provincial workbook for the leadership"},
	"help.consolidate.long": {
		`Lập một sổ tính tổng hợp toàn tỉnh: số xã theo từng loại của tỉnh và từng
huyện kèm biểu đồ, chỉ tiêu so với số xã đạt tiêu chí công nhận, tiến độ gửi
báo cáo, xếp loại từng xã kèm lý do, từng tiêu chí công nhận, sự thay đổi loại
so với số liệu ban đầu, mọi vấn đề tìm thấy, và nguồn số liệu (mỗi tệp đầu vào
với mã SHA-256, kế hoạch, phiên bản chương trình và thời điểm lập).

Mỗi huyện, mỗi loại báo cáo dùng báo cáo mới nhất; các báo cáo trước được liệt
kê là đã được thay. Số liệu có lỗi thì bị từ chối (mã thoát 1, không ghi gì)
trừ khi có --partial; sổ tính khi đó ghi ở đầu trang đầu là CHƯA ĐẦY ĐỦ và lý
do. Sổ tính được ghi trọn vẹn hoặc không ghi gì, không bao giờ ghi đè tệp đầu
vào, và chỉ ghi đè tệp có sẵn khi có --force. --password (hoặc
DRUGFREE_PASSWORD) đặt mật khẩu cho sổ tính.`,
		`Write one workbook that sums up the province: communes per category for the
province and each district with a chart, the target against the communes that
pass the checklist, the timeliness of returns, the classification of every
commune with its reasons, the checklist criterion by criterion, the movement
between categories since the baseline, every problem found, and the sources
(each input with its SHA-256, the plan, the tool's version and the time of the
run).

The latest return of each district for each kind is used; earlier ones are
listed as superseded. Data with errors is refused (exit 1, nothing written)
unless --partial is given; a partial workbook says at the top of its first
sheet that it is incomplete and why. The workbook is written whole or not at
all, never over an input, and over an existing file only with --force.
--password (or DRUGFREE_PASSWORD) encrypts it.`},

	// The flags. The value's name is between backticks.
	"flag.help":    {"Xem hướng dẫn này", "Show this help"},
	"flag.version": {"In phiên bản của chương trình", "Print the version"},
	"flag.lang":    {"Ngôn ngữ: `vi` hoặc en (hoặc đặt DRUGFREE_LANG)", "Language: `vi` or en (or set DRUGFREE_LANG)"},
	"flag.plan": {
		"Dùng kế hoạch có sẵn có `tên` là kh16 (mặc định) hoặc qd28 (xem 'drugfree plan --list'), hoặc kế hoạch trong một tệp (xem 'drugfree plan --export')",
		"Use the built-in plan `name` (kh16, the default, or qd28; see 'drugfree plan --list'), or the plan in a file (see 'drugfree plan --export')"},
	"flag.province": {
		"Với kế hoạch có danh mục xã toàn quốc (qd28): đọc các xã của tỉnh `tên` (mặc định tỉnh của kế hoạch, Vĩnh Long), hoặc cả nước với all",
		"With a plan of the national list of communes (qd28): read the communes of province `name` (default the plan's, Vĩnh Long), or of the whole country with all"},
	"flag.registry": {
		"Thay danh mục xã của kế hoạch, cho cả năm, bằng `tệp` CSV (cột district_code,district,commune_code,commune,type; hoặc code,name,type khi không có huyện)",
		"Replace the plan's registries of communes, for the whole year, with the CSV `file` (columns district_code,district,commune_code,commune,type; or code,name,type without districts)"},
	"flag.password": {
		"Dùng `mật-khẩu` để mở sổ tính được bảo vệ, và để mã hóa mọi sổ tính được ghi ra; mật khẩu không bao giờ được in ra. Lưu ý: mật khẩu ghi trên dòng lệnh thì người dùng khác của máy có thể thấy; nên đặt biến môi trường DRUGFREE_PASSWORD, hoặc để chương trình hỏi (trong cửa sổ dòng lệnh)",
		"The `password` of protected workbooks, which also encrypts every workbook written; never printed. Beware: a password on the command line can be seen by other users of the computer; set DRUGFREE_PASSWORD instead, or let a terminal ask for it"},
	"flag.limits": {
		"Giới hạn khi đọc một tệp: `giới-hạn` dạng file=MB,inflated=MB,parts=N,cells=N (dung lượng, dung lượng giải nén, số mục zip, số ô một trang tính trải ra); chỉ tăng khi một tệp bị từ chối vì quá lớn",
		"Limits on reading one file: `limits` as file=MB,inflated=MB,parts=N,cells=N (size, inflated size, zip entries, cells a sheet spreads over); raise one only when a file is refused as too large"},
	"flag.format": {"In kết quả theo `dạng`: table (bảng), csv (để mở bằng Excel) hoặc json", "Output `format`: table, csv (to open in Excel) or json"},
	"flag.output": {"Ghi sổ tính vào `tệp.xlsx` thay vì in ra", "Write a workbook to `file.xlsx` instead of printing"},
	"flag.wide": {
		"Hiện mọi cột của bảng, dù cửa sổ dòng lệnh hẹp",
		"Show every column of a table, however wide the terminal"},
	"flag.force": {"Ghi đè tệp kết quả nếu đã có", "Replace the output file if it exists"},
	"flag.diff.as-of": {
		"Đọc báo cáo không ghi ngày như tính đến `ngày` (2025-12-20 hoặc 20/12/2025; mặc định hôm nay)",
		"Read an undated return as of `date` (2025-12-20 or 20/12/2025; default today)"},
	"flag.remind.letters": {"Ghi các công văn (.docx) vào `thư mục`", "Write the letters (.docx) into `folder`"},
	"flag.validate.annotate": {
		"Ghi vào `thư mục` bản sao đánh dấu của mỗi báo cáo có vấn đề, để trả lại đơn vị",
		"Write a marked copy of each return with problems into `folder`, to send back"},
	"flag.calendar.as-of": {"Xét hạn tính đến `ngày` (2025-12-20 hoặc 20/12/2025; mặc định hôm nay)", "Judge deadlines as of `date` (2025-12-20 or 20/12/2025; default today)"},
	"flag.register": {
		"Đọc sổ theo dõi văn bản đã nhận từ `tệp` (CSV hoặc xlsx)",
		"Read the register of documents received from `file` (CSV or xlsx)"},
	"flag.all-kinds": {
		"Xét mọi loại báo cáo của lịch, không chỉ các loại có trong báo cáo và sổ theo dõi đã đưa vào",
		"Judge every kind of the calendar, not only the kinds of the returns and register given"},
	"flag.classify.as-of": {
		"Đọc báo cáo không ghi ngày theo `ngày` (2025-12-20 hoặc 20/12/2025; mặc định hôm nay)",
		"Read an undated return as of `date` (2025-12-20 or 20/12/2025; default today)"},
	"flag.recognize.as-of": {
		"Tính chỉ tiêu theo các xã có hiệu lực vào `ngày` (2025-12-20 hoặc 20/12/2025; mặc định hôm nay)",
		"Count the target in the communes in force on `date` (2025-12-20 or 20/12/2025; default today)"},
	"flag.recognize.baseline": {
		"Lấy số liệu ban đầu của tiêu chí 4 từ báo cáo trước trong `tệp`",
		"Take criterion 4's baseline from the earlier return in `file`"},
	"flag.recognize.all": {
		"Chấm mọi xã, không chỉ các xã chuyển hóa hoặc duy trì",
		"Check every commune, not only those in transformation or maintained"},
	"flag.plan.export": {
		"Ghi kế hoạch đang áp dụng ra `tệp` (YAML) thay vì hiện ra",
		"Write the plan in effect to `file` (YAML) instead of showing it"},
	"flag.plan.force":   {"Ghi đè tệp xuất nếu đã có", "Replace the export file if it exists"},
	"flag.plan.list":    {"Liệt kê các kế hoạch có sẵn, để dùng với --plan", "Name the built-in plans, for --plan"},
	"flag.sample.seed":  {"Số gốc để tạo số liệu (`số`; cùng số thì cùng số liệu)", "Seed of the invented figures (a `number`; the same seed, the same figures)"},
	"flag.sample.force": {"Ghi đè các tệp đã có", "Replace files that exist"},
	"flag.sample.districts": {
		"Ghi bộ số liệu giả lập gồm `n` báo cáo huyện thay cho bộ mẫu",
		"Write a synthetic corpus of `n` district returns instead of the sample set"},
	"flag.sample.communes": {
		"Với kế hoạch xếp loại theo số tiêu chí đạt (qd28), chỉ ghi báo cáo của `n` xã đầu",
		"Under a plan of type rules (qd28), write the returns of the first `n` communes only"},
	"flag.sample.communes-per-district": {
		"Số xã trung bình mỗi huyện trong bộ số liệu giả lập (`m`)",
		"Mean number of communes per district in the corpus (`m`)"},
	"flag.template.district": {
		"Huyện, như danh mục ghi (`tên`; có thể không dấu, bỏ chữ huyện, thị xã)",
		"The district, as the registry names it (`name`; diacritics and prefixes optional)"},
	"flag.template.commune": {
		"Xã, phường hình thành sau sắp xếp ngày 01/07/2025 (`tên`; có thể không dấu, bỏ chữ xã, phường)",
		"The commune, one formed by the reform of 1 July 2025 (`name`; diacritics and type optional)"},
	"flag.template.kind": {
		"Điền sẵn loại báo cáo (`loại`): tên tiếng Việt (\"Giai đoạn 3\", \"rà soát\") hoặc review, plan, phase1, phase2, phase3",
		"Fill in the report `kind`: review, plan, phase1, phase2 or phase3, or its Vietnamese name (\"Giai đoạn 3\", \"rà soát\")"},
	"flag.template.output":    {"Ghi mẫu vào `tệp.xlsx`", "Write the template to `file.xlsx`"},
	"flag.consolidate.output": {"Ghi sổ tính tổng hợp vào `tệp.xlsx`", "Write the workbook to `file.xlsx`"},
	"flag.consolidate.baseline": {
		"Lấy số liệu ban đầu (thay đổi loại và tiêu chí 4) từ báo cáo trong `tệp`",
		"Take the baseline of the movement and of criterion 4 from the return in `file`"},
	"flag.consolidate.partial": {
		"Vẫn ghi sổ tính khi số liệu có lỗi, đánh dấu CHƯA ĐẦY ĐỦ",
		"Write the workbook even when the data has errors, marked as incomplete"},

	// Usage errors: what is wrong, naming the flag and the valid choices. The line on how
	// to see help follows them.
	"usage.see-help":         {"Xem hướng dẫn: %s --help", "For help: %s --help"},
	"usage.env-lang":         {"DRUGFREE_LANG phải là vi hoặc en, không phải “%s”", "DRUGFREE_LANG must be vi or en, not “%s”"},
	"usage.unknown-command":  {"không có lệnh “%s”%s", "there is no command “%s”%s"},
	"usage.commands":         {"; các lệnh: %s", "; the commands are: %s"},
	"usage.unknown-flag":     {"không có tùy chọn %s%s", "there is no flag %s%s"},
	"usage.unknown-short":    {"không có tùy chọn -%s (trong -%s)", "there is no flag -%s (in -%s)"},
	"usage.did-you-mean":     {"; có phải %s?", "; did you mean %s?"},
	"usage.flag-needs-value": {"%s cần giá trị ngay sau nó (%s)", "%s needs a value after it (%s)"},
	"usage.flag-choice":      {"%s phải là một trong: %s; không phải “%s”", "%s must be one of: %s; not “%s”"},
	"usage.flag-date":        {"%s: “%s” không phải là ngày; ghi dạng 2025-12-20 hoặc 20/12/2025", "%s: “%s” is not a date; write it as 2025-12-20 or 20/12/2025"},
	"usage.flag-number":      {"%s phải là một số nguyên, không phải “%s”", "%s must be a whole number, not “%s”"},
	"usage.flag-limits": {
		"%s: “%s” không hợp lệ; ghi dạng file=40,inflated=400,parts=10000,cells=2097152 (file, inflated tính bằng MB, parts là số mục, cells là số ô; mỗi giá trị là số nguyên dương)",
		"%s: “%s” is not valid; write it as file=40,inflated=400,parts=10000,cells=2097152 (file and inflated in MB, parts and cells counts; each a positive whole number)"},
	"usage.flag-bool":    {"%s không nhận giá trị “%s”: chỉ cần viết %s", "%s takes no value such as “%s”: write %s alone"},
	"usage.flag-invalid": {"%s: giá trị “%s” không hợp lệ", "%s: the value “%s” is not valid"},
	"usage.bad-syntax":   {"cách viết tùy chọn không đúng: %s (viết --tên hoặc --tên=giá-trị)", "bad flag syntax: %s (write --name or --name=value)"},
	"usage.args-min": {
		"thiếu tệp: %s cần ít nhất %d tệp báo cáo (hoặc thư mục, mẫu tên như *.xlsx)",
		"no file given: %s needs at least %d return (or a folder, or a pattern such as *.xlsx)"},
	"usage.args-exact": {"%s cần đúng %d đối số (%s), không phải %d", "%s takes exactly %d argument (%s), not %d"},
	"usage.args-none":  {"%s không nhận đối số, không hiểu “%s”", "%s takes no arguments, not “%s”"},
	"usage.output-missing": {
		"thiếu -o: cần tên tệp .xlsx để ghi, ví dụ -o ket-qua.xlsx",
		"-o is missing: give the .xlsx file to write, for example -o result.xlsx"},
	"usage.output-not-xlsx": {
		"-o phải là tên tệp .xlsx (ví dụ -o ket-qua.xlsx), không phải “%s”",
		"-o must name an .xlsx file (for example -o result.xlsx), not “%s”"},
	"usage.output-flag": {
		"-o phải có tên tệp .xlsx ngay sau nó, nhưng sau -o là tùy chọn “%s”",
		"-o needs the .xlsx file's name right after it, but “%s” is a flag"},
	"usage.one-of-district-commune": {
		"cần một trong hai: --district (huyện) hoặc --commune (xã, phường), không phải cả hai hay không có",
		"give one of --district (a district) and --commune (a commune), not both or neither"},
	"usage.remind-letters": {
		"cần --letters <thư mục>: nơi ghi các công văn",
		"--letters <folder> is required: where the letters are written"},
	"usage.deadlines-nothing": {
		"cần báo cáo, --register, hoặc cả hai",
		"give returns, --register, or both"},
	"usage.sample-counts": {
		"--districts phải từ 0 trở lên và --communes-per-district từ 1 trở lên",
		"--districts must be 0 or more and --communes-per-district 1 or more"},
	"usage.sample-communes": {
		"--communes cần kế hoạch xếp loại theo số tiêu chí đạt (--plan qd28)",
		"--communes needs a plan of type rules (--plan qd28)"},

	// Files the command line names: why one cannot be read or written, in words.
	"file.not-exist":    {"không có tệp này", "there is no such file"},
	"file.permission":   {"không có quyền đọc hoặc ghi", "permission denied"},
	"file.is-dir":       {"đây là thư mục, không phải tệp", "it is a folder, not a file"},
	"file.no-space":     {"ổ đĩa đã đầy", "the disk is full"},
	"file.other":        {"lỗi hệ thống: %s", "system error: %s"},
	"file.plan":         {"không đọc được tệp kế hoạch %s (--plan): %s", "cannot read the plan file %s (--plan): %s"},
	"file.registry":     {"không đọc được danh mục xã %s (--registry): %s", "cannot read the registry %s (--registry): %s"},
	"file.no-folder":    {"không ghi được tệp: thư mục %s không tồn tại; hãy tạo thư mục trước hoặc chọn thư mục khác", "cannot write the file: the folder %s does not exist; create it first or choose another folder"},
	"file.cannot-write": {"không ghi được tệp vào thư mục %s: %s", "cannot write the file in the folder %s: %s"},
	// A name the registry does not have (template --district, --commune): what it may
	// have meant, else the names it has, or where to see them when they are many.
	"registry.did-you-mean": {"; có phải: %s", "; did you mean: %s"},
	"registry.has":          {"; danh mục có: %s", "; the registry has: %s"},
	"registry.see-plan":     {"; xem danh mục bằng lệnh drugfree plan", "; see the registry with drugfree plan"},
	"plan.drug-free":        {"%s đều bằng 0", "%s all 0"},
	"plan.built-in":         {"kế hoạch có sẵn trong chương trình", "built in"},
	"plan.file":             {"tệp %s", "file %s"},
}
