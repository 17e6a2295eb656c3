package cmd

import "testing"

func TestTemplateFlags(t *testing.T) {
	testFlags(t, NewCmdTemplate, []flagCase[TemplateOptions]{
		{name: "district", argv: []string{"template", "--district", "Càng Long", "-o", "cang-long.xlsx"},
			want: TemplateOptions{Global: vi(), District: "Càng Long", Output: "cang-long.xlsx"}},
		{name: "kind, replaced", argv: []string{"template", "--district", "cau ke", "--kind", "phase3", "-o", "t.xlsx", "--force"},
			want: TemplateOptions{Global: vi(), District: "cau ke", Kind: "phase3", Output: "t.xlsx", Force: true}},

		{name: "no district", argv: []string{"template", "-o", "t.xlsx"},
			wantErr: "--district is required"},
		{name: "no output", argv: []string{"template", "--district", "Cầu Kè"},
			wantErr: `-o phải là tệp .xlsx, không phải ""`},
		{name: "unknown kind", argv: []string{"template", "--district", "Cầu Kè", "-o", "t.xlsx", "--kind", "phase4"},
			wantErr: `--kind must be one of review, plan, phase1, phase2, phase3, not "phase4"`},
		{name: "an argument", argv: []string{"template", "Cầu Kè", "-o", "t.xlsx"},
			wantErr: `unknown command "Cầu Kè" for "drugfree template"`},
	})
}
