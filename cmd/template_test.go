package cmd

import "testing"

func TestTemplateFlags(t *testing.T) {
	testFlags(t, NewCmdTemplate, []flagCase[TemplateOptions]{
		{name: "district", argv: []string{"template", "--district", "Càng Long", "-o", "cang-long.xlsx"},
			want: TemplateOptions{Global: vi(), District: "Càng Long", Output: "cang-long.xlsx"}},
		{name: "kind, replaced", argv: []string{"template", "--district", "cau ke", "--kind", "phase3", "-o", "t.xlsx", "--force"},
			want: TemplateOptions{Global: vi(), District: "cau ke", Kind: "phase3", Output: "t.xlsx", Force: true}},

		{name: "kind by its Vietnamese name", argv: []string{"template", "--district", "cau ke", "--kind", "Giai đoạn 3", "-o", "t.xlsx"},
			want: TemplateOptions{Global: vi(), District: "cau ke", Kind: "phase3", Output: "t.xlsx"}},
		{name: "kind without diacritics", argv: []string{"template", "--district", "cau ke", "--kind", "ra soat", "-o", "t.xlsx"},
			want: TemplateOptions{Global: vi(), District: "cau ke", Kind: "review", Output: "t.xlsx"}},
		{name: "commune", argv: []string{"template", "--commune", "Xã Càng Long", "--kind", "phase3", "-o", "t.xlsx"},
			want: TemplateOptions{Global: vi(), Commune: "Xã Càng Long", Kind: "phase3", Output: "t.xlsx"}},

		{name: "no district", argv: []string{"template", "-o", "t.xlsx"},
			wantErr: "cần một trong hai: --district (huyện) hoặc --commune (xã, phường), không phải cả hai hay không có"},
		{name: "district and commune", argv: []string{"template", "--district", "Càng Long", "--commune", "Càng Long", "-o", "t.xlsx"},
			wantErr: "cần một trong hai: --district (huyện) hoặc --commune (xã, phường), không phải cả hai hay không có"},
		{name: "no output", argv: []string{"template", "--district", "Cầu Kè"},
			wantErr: "thiếu -o: cần tên tệp .xlsx để ghi, ví dụ -o ket-qua.xlsx"},
		{name: "unknown kind", argv: []string{"template", "--district", "Cầu Kè", "-o", "t.xlsx", "--kind", "phase4"},
			wantErr: `--kind phải là một trong review (Rà soát), plan (Kế hoạch), phase1 (Giai đoạn 1), phase2 (Giai đoạn 2), phase3 (Giai đoạn 3 (sơ kết)), không phải “phase4”`},
		{name: "unknown kind in English", argv: []string{"--lang", "en", "template", "--district", "Cầu Kè", "-o", "t.xlsx", "--kind", "phase4"},
			wantErr: `--kind must be one of review (Review), plan (Implementation plan), phase1 (Phase 1), phase2 (Phase 2), phase3 (Phase 3 (review of results)), not “phase4”`},
		{name: "an argument", argv: []string{"template", "Cầu Kè", "-o", "t.xlsx"},
			wantErr: "drugfree template không nhận đối số, không hiểu “Cầu Kè”"},
	})
}
