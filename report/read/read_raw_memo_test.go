package read

import (
	"drugfree/report/internal/testkit"
	"fmt"
	"testing"
)

// The cells that match no label are forgotten once there are headerMissMax of them,
// whoever asks: a cover matcher, which never starts a sheet, reads every first cell of
// the sheets it scans.
func TestHeaderMatcherForgetsUnmatchedCells(t *testing.T) {
	m := newHeaderMatcher(coverIndex(testkit.TestPlan))
	for i := range 3 * headerMissMax {
		m.Cell(fmt.Sprintf("dòng %d", i))
		if len(m.local) > headerMissMax {
			t.Fatalf("after %d cells, %d remembered; want at most %d", i+1, len(m.local), headerMissMax)
		}
	}
	if _, ok := m.match("Đơn vị báo cáo"); !ok {
		t.Error("the cover label is not matched after the memo was emptied")
	}
}
