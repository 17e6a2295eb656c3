package cmd

import "testing"

func TestRecognizeFlags(t *testing.T) {
	table := OutputOptions{Format: "table"}
	testFlags(t, NewCmdRecognize, []flagCase[RecognizeOptions]{
		{name: "files", argv: []string{"recognize", "a.xlsx", "b.xlsx"},
			want: RecognizeOptions{Global: vi(), Files: []string{"a.xlsx", "b.xlsx"}, Out: table}},
		{name: "baseline and all", argv: []string{"recognize", "a.xlsx", "--baseline", "review.xlsx", "--all"},
			want: RecognizeOptions{Global: vi(), Files: []string{"a.xlsx"}, Baseline: "review.xlsx", All: true, Out: table}},
		{name: "json in English", argv: []string{"--lang=en", "recognize", "a.xlsx", "--format", "json"},
			want: RecognizeOptions{Global: en(), Files: []string{"a.xlsx"}, Out: OutputOptions{Format: "json"}}},
		{name: "workbook", argv: []string{"recognize", "a.xlsx", "-o", "r.xlsx"},
			want: RecognizeOptions{Global: vi(), Files: []string{"a.xlsx"}, Out: OutputOptions{Format: "table", Output: "r.xlsx"}}},

		{name: "no file", argv: []string{"recognize", "--all"},
			wantErr: "thiếu tệp: drugfree recognize cần ít nhất 1 tệp báo cáo (hoặc thư mục, mẫu tên như *.xlsx)"},
		{name: "baseline without a file", argv: []string{"recognize", "a.xlsx", "--baseline"},
			wantErr: "--baseline cần giá trị ngay sau nó (tệp)"},
		{name: "output not xlsx", argv: []string{"recognize", "a.xlsx", "-o", "r.json"},
			wantErr: "-o phải là tên tệp .xlsx (ví dụ -o ket-qua.xlsx), không phải “r.json”"},
		{name: "all takes no value", argv: []string{"recognize", "a.xlsx", "--all=maybe"},
			wantErr: "--all không nhận giá trị “maybe”: chỉ cần viết --all"},
	})
}
