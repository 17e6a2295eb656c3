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
			wantErr: "requires at least 1 arg(s), only received 0"},
		{name: "baseline without a file", argv: []string{"recognize", "a.xlsx", "--baseline"},
			wantErr: "flag needs an argument: --baseline"},
		{name: "output not xlsx", argv: []string{"recognize", "a.xlsx", "-o", "r.json"},
			wantErr: `-o phải là tệp .xlsx, không phải "r.json"`},
		{name: "all takes no value", argv: []string{"recognize", "a.xlsx", "--all=maybe"},
			wantErr: `invalid argument "maybe" for "--all" flag: strconv.ParseBool: parsing "maybe": invalid syntax`},
	})
}
