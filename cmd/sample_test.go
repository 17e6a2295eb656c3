package cmd

import "testing"

func TestSampleFlags(t *testing.T) {
	testFlags(t, NewCmdSample, []flagCase[SampleOptions]{
		{name: "sample set", argv: []string{"sample", "demo"},
			want: SampleOptions{Global: vi(), Dir: "demo", Seed: 2025, Communes: 15}},
		{name: "corpus", argv: []string{"sample", "/tmp/n", "--districts", "700", "--communes-per-district", "9", "--seed", "7", "--force"},
			want: SampleOptions{Global: vi(), Dir: "/tmp/n", Seed: 7, Force: true, Districts: 700, Communes: 9}},

		{name: "no folder", argv: []string{"sample"},
			wantErr: "drugfree sample cần đúng 1 đối số (thư mục), không phải 0"},
		{name: "negative districts", argv: []string{"sample", "d", "--districts", "-1"},
			wantErr: "--districts phải từ 0 trở lên và --communes-per-district từ 1 trở lên"},
		{name: "no communes", argv: []string{"sample", "d", "--districts", "3", "--communes-per-district", "0"},
			wantErr: "--districts phải từ 0 trở lên và --communes-per-district từ 1 trở lên"},
		{name: "seed not a number", argv: []string{"sample", "d", "--seed", "x"},
			wantErr: "--seed phải là một số nguyên, không phải “x”"},
	})
}
