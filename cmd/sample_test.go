package cmd

import "testing"

func TestSampleFlags(t *testing.T) {
	testFlags(t, NewCmdSample, []flagCase[SampleOptions]{
		{name: "sample set", argv: []string{"sample", "demo"},
			want: SampleOptions{Global: vi(), Dir: "demo", Seed: 2025, Communes: 15}},
		{name: "corpus", argv: []string{"sample", "/tmp/n", "--districts", "700", "--communes-per-district", "9", "--seed", "7", "--force"},
			want: SampleOptions{Global: vi(), Dir: "/tmp/n", Seed: 7, Force: true, Districts: 700, Communes: 9}},

		{name: "no folder", argv: []string{"sample"},
			wantErr: "accepts 1 arg(s), received 0"},
		{name: "negative districts", argv: []string{"sample", "d", "--districts", "-1"},
			wantErr: "--districts must be 0 or more and --communes-per-district 1 or more"},
		{name: "no communes", argv: []string{"sample", "d", "--districts", "3", "--communes-per-district", "0"},
			wantErr: "--districts must be 0 or more and --communes-per-district 1 or more"},
		{name: "seed not a number", argv: []string{"sample", "d", "--seed", "x"},
			wantErr: `invalid argument "x" for "--seed" flag: strconv.ParseUint: parsing "x": invalid syntax`},
	})
}
