package textfit

import "testing"

// BenchmarkLines measures the wrapping of a commune's reasons in their column, which the
// consolidated workbook does for every commune.
func BenchmarkLines(b *testing.B) {
	reasons := "không đạt tiêu chí loại III nào; bằng 0: người nghiện có hồ sơ quản lý, tổng số người nghiện, người sử dụng trái phép chất ma túy, đối tượng phạm tội về ma túy, tụ điểm, điểm phức tạp, bán lẻ ma túy, số cây có chứa chất ma túy, diện tích trồng cây có chứa chất ma túy (m²), vụ vi phạm khác về ma túy → Không ma túy"
	short := "33 người nghiện có hồ sơ quản lý ≥ 20 → Loại III"
	room := Room(60)
	for b.Loop() {
		Lines(reasons, room, Body, false)
		Lines(short, room, Body, false)
	}
}
