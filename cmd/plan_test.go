package cmd

import (
	"testing"

	"drugfree/i18n"
)

func TestPlanFlags(t *testing.T) {
	testFlags(t, NewCmdPlan, []flagCase[PlanOptions]{
		{name: "show", argv: []string{"plan"},
			want: PlanOptions{Global: vi()}},
		{name: "export another plan", argv: []string{"--plan", "mine.yaml", "plan", "--export", "out.yaml", "--force"},
			want: PlanOptions{Global: &GlobalOptions{Lang: i18n.Vi, PlanFile: "mine.yaml"}, Export: "out.yaml", Force: true}},

		{name: "an argument", argv: []string{"plan", "show"},
			wantErr: "drugfree plan không nhận đối số, không hiểu “show”"},
		{name: "no format", argv: []string{"plan", "--format", "csv"},
			wantErr: "không có tùy chọn --format"},
	})
}
