package read

import (
	"drugfree/internal/testkit"
	"drugfree/report/read/header"
	"fmt"
	"testing"
)

// The cells that match no label are forgotten once there are headerMissMax of them,
// whoever asks: a cover matcher, which never starts a sheet, reads every first cell of
// the sheets it scans.
func TestHeaderMatcherForgetsUnmatchedCells(t *testing.T) {
	m := header.NewHeaderMatcher(header.CoverIndex(testkit.TestPlan))
	for i := range 3 * header.HeaderMissMax {
		m.Cell(fmt.Sprintf("dòng %d", i))
		if len(m.Local) > header.HeaderMissMax {
			t.Fatalf("after %d cells, %d remembered; want at most %d", i+1, len(m.Local), header.HeaderMissMax)
		}
	}
	if _, ok := m.Match("Đơn vị báo cáo"); !ok {
		t.Error("the cover label is not matched after the memo was emptied")
	}
}
