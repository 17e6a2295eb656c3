package criteria

// FormerProvinces are the provinces that the reorganisation of 1 July 2025 (Nghị quyết
// 202/2025/QH15 of 12 June 2025 on the reorganisation of provincial units, 63 into 34)
// merged into another, each with the province it became part of, by their bare names
// (ProvinceName). Thừa Thiên Huế, which became Thành phố Huế on 1 January 2025, is here too.
// A clerk who names the old province is told which one holds its communes now.
var FormerProvinces = map[string]string{
	"Hà Giang":          "Tuyên Quang",
	"Yên Bái":           "Lào Cai",
	"Bắc Kạn":           "Thái Nguyên",
	"Vĩnh Phúc":         "Phú Thọ",
	"Hòa Bình":          "Phú Thọ",
	"Bắc Giang":         "Bắc Ninh",
	"Thái Bình":         "Hưng Yên",
	"Hải Dương":         "Hải Phòng",
	"Hà Nam":            "Ninh Bình",
	"Nam Định":          "Ninh Bình",
	"Quảng Bình":        "Quảng Trị",
	"Thừa Thiên Huế":    "Huế",
	"Quảng Nam":         "Đà Nẵng",
	"Kon Tum":           "Quảng Ngãi",
	"Bình Định":         "Gia Lai",
	"Phú Yên":           "Đắk Lắk",
	"Ninh Thuận":        "Khánh Hòa",
	"Đắk Nông":          "Lâm Đồng",
	"Bình Thuận":        "Lâm Đồng",
	"Bình Phước":        "Đồng Nai",
	"Bình Dương":        "Hồ Chí Minh",
	"Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
	"Long An":           "Tây Ninh",
	"Tiền Giang":        "Đồng Tháp",
	"Bến Tre":           "Vĩnh Long",
	"Trà Vinh":          "Vĩnh Long",
	"Sóc Trăng":         "Cần Thơ",
	"Hậu Giang":         "Cần Thơ",
	"Kiên Giang":        "An Giang",
	"Bạc Liêu":          "Cà Mau",
}
