package testkit

// Districts of the registry, as the tests name them.
const (
	TpTraVinh     = "Thành phố Trà Vinh"
	HuyenTraCu    = "Huyện Trà Cú"
	HuyenCauKe    = "Huyện Cầu Kè"
	TxDuyenHai    = "Thị xã Duyên Hải"
	HuyenDuyenHai = "Huyện Duyên Hải"
)
