#!/usr/bin/env python3
"""Consolidate district returns of Plan 16/KH-UBND with pandas + openpyxl.

The script an analyst would write instead of `drugfree consolidate`: read every
district return (.xlsx), classify each commune (plan's Appendix), run the 8-point
checklist (plan III.3), check the timeliness of returns (plan's calendar) and write
one consolidated workbook.

    /usr/bin/python3 consolidate.py --registry registry.csv --register register.csv \
        --as-of 2025-12-20 -o tong-hop.xlsx returns/*.xlsx

Problems (unknown codes, communes missing from a return, unreadable files) go to stderr.
"""

import argparse
import math
import sys
import unicodedata
from datetime import date, datetime

import numpy as np
import pandas as pd
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# ---------------------------------------------------------------------------
# The plan (criteria/plan.yaml of drugfree), written out as Python data.
# ---------------------------------------------------------------------------

# Sheet "Số liệu": Vietnamese header -> field.
FIELDS = {
    "Huyện, thị xã, thành phố": "district",
    "Xã, phường, thị trấn": "commune",
    "Mã đơn vị": "code",
    "Tình trạng": "status",
    "Dân số": "population",
    "Tổng số người nghiện": "addicts_total",
    "Người nghiện có hồ sơ quản lý": "addicts_managed",
    "Người sử dụng trái phép chất ma túy": "users",
    "Tụ điểm, điểm phức tạp, bán lẻ ma túy": "hotspots",
    "Số cây có chứa chất ma túy": "plants",
    "Diện tích trồng cây có chứa chất ma túy (m²)": "plant_area_m2",
    "Đối tượng phạm tội về ma túy": "offenders",
    "Vụ vi phạm khác về ma túy": "violations",
    "Nằm trên tuyến trọng điểm (Có/Không)": "on_route",
    "Ổ nhóm, đường dây về ma túy": "groups",
    "Vụ phạm tội về ma túy do người cư trú gây ra": "resident_crimes",
    "Người nghiện được áp dụng biện pháp cai nghiện": "addicts_in_treatment",
    "Người sử dụng có hồ sơ quản lý": "users_managed",
    "Người sau cai nghiện": "post_rehab",
    "Người sau cai có hồ sơ quản lý": "post_rehab_managed",
    "Người sử dụng, sau cai được xét nghiệm": "managed_tested",
    "Số hộ gia đình": "households",
    "Số hộ ký cam kết": "households_committed",
    "Số ấp, khóm": "hamlets",
    "Ấp, khóm có bảng niêm yết đường dây nóng": "hamlets_hotline",
    "Người nghiện khi đưa vào xây dựng": "addicts_baseline",
    "Người sử dụng khi đưa vào xây dựng": "users_baseline",
    "Vụ phạm tội do người sử dụng, người sau cai gây ra": "user_crimes",
    "Vụ rất nghiêm trọng, đặc biệt nghiêm trọng do người nghiện, sử dụng gây ra": "serious_cases",
    "Vụ việc “ngáo đá”": "psychosis_incidents",
    "Người có căn cứ sử dụng trái phép": "grounds_of_use",
    "Người có căn cứ đã được xét nghiệm": "grounds_tested",
    "Mô hình phòng, chống ma túy hiệu quả": "models",
}
HEADER = {field: header for header, field in FIELDS.items()}
TEXT_FIELDS = {"district", "commune", "code", "status", "on_route"}
NUMERIC_FIELDS = [f for f in FIELDS.values() if f not in TEXT_FIELDS]

# Sheet "Thông tin": label in column A -> key.
COVER = {
    "Đơn vị báo cáo": "district",
    "Loại báo cáo": "kind",
    "Số văn bản": "number",
    "Ngày báo cáo": "report_date",
    "Ngày nhận": "received_date",
}

# The calendar: kind -> (label, due date inclusive, rank for "latest data return").
CALENDAR = {
    "review": ("Rà soát", date(2025, 2, 26), 0),
    "plan": ("Kế hoạch", date(2025, 3, 30), 1),
    "phase1": ("Giai đoạn 1", date(2025, 4, 30), 2),
    "phase2": ("Giai đoạn 2", date(2025, 10, 31), 3),
    "phase3": ("Giai đoạn 3 (sơ kết)", date(2025, 12, 13), 4),
}
DATA_KINDS = {"review", "phase1", "phase2", "phase3"}

CATEGORIES = ["Loại I", "Loại II", "Loại III", "Ít phức tạp", "Không ma túy", "Chưa xác định"]
LEVEL_LABEL = {1: "Loại I", 2: "Loại II", 3: "Loại III"}

# Appendix bands: field -> [(level, lower bound, inclusive?, upper bound or None)].
BANDS = {
    "addicts_managed": [(1, 100, True, None), (2, 60, True, 100), (3, 20, True, 60)],
    "hotspots": [(1, 5, True, None), (2, 3, True, 5), (3, 1, True, 3)],
    "plants": [(1, 3000, True, None), (2, 500, True, 3000), (3, 1, True, 500)],
    "plant_area_m2": [(1, 2000, True, None), (2, 1000, True, 2000), (3, 0, False, 1000)],
}
INDICATOR_LABEL = {
    "addicts_managed": "người nghiện có hồ sơ quản lý",
    "hotspots": "tụ điểm, điểm phức tạp, bán lẻ ma túy",
    "plants": "cây có chứa chất ma túy",
    "plant_area_m2": "m² trồng cây có chứa chất ma túy",
}
# Offenders per population, in per-mille so that the comparison stays in integers:
# offenders * 1000 >= population * 5  <=>  offenders / population >= 0.5 %.
RATIO_BANDS = [(1, 5, None), (2, 3, 5), (3, 1, 3)]
DRUG_FREE_FIELDS = ["addicts_managed", "addicts_total", "users", "offenders",
                    "hotspots", "plants", "plant_area_m2", "violations"]
CHECKLIST_STATUSES = {"Chuyển hóa", "Duy trì"}

# Plan III.3: criterion -> [(left, op, right, figure)]; right is a number, a field or a sum.
CHECKLIST = {
    1: [("hotspots", "=", "0", "{l} tụ điểm, điểm phức tạp"),
        ("groups", "=", "0", "{l} ổ nhóm, đường dây"),
        ("resident_crimes", "=", "0", "{l} vụ phạm tội do người cư trú")],
    2: [("addicts_managed", "=", "addicts_total", "{l}/{r} người nghiện có hồ sơ quản lý"),
        ("addicts_in_treatment", "=", "addicts_total", "{l}/{r} người nghiện được cai nghiện"),
        ("users_managed", "=", "users", "{l}/{r} người sử dụng có hồ sơ quản lý"),
        ("post_rehab_managed", "=", "post_rehab", "{l}/{r} người sau cai có hồ sơ quản lý"),
        ("managed_tested", ">=", "users + post_rehab", "{l}/{r} người sử dụng, sau cai được xét nghiệm")],
    3: [("households_committed", "=", "households", "{l}/{r} hộ ký cam kết"),
        ("hamlets_hotline", "=", "hamlets", "{l}/{r} ấp, khóm có bảng đường dây nóng")],
    4: [("addicts_total", "<=", "addicts_baseline", "{l} người nghiện (ban đầu {r})"),
        ("users", "<=", "users_baseline", "{l} người sử dụng (ban đầu {r})")],
    5: [("user_crimes", "=", "0", "{l} vụ phạm tội do người sử dụng, sau cai")],
    6: [("serious_cases", "=", "0", "{l} vụ rất nghiêm trọng, đặc biệt nghiêm trọng"),
        ("psychosis_incidents", "=", "0", "{l} vụ việc \"ngáo đá\"")],
    7: [("grounds_tested", ">=", "grounds_of_use", "{l}/{r} người có căn cứ sử dụng được xét nghiệm")],
    8: [("models", ">=", "1", "{l} mô hình")],
}
PASS, FAIL, MISSING = "Đạt", "Không đạt", "Thiếu dữ liệu"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def warn(msg):
    print(msg, file=sys.stderr)


def norm(s):
    """Key for loose text matching: NFC, lower case, single spaces."""
    if s is None or (isinstance(s, float) and math.isnan(s)):
        return ""
    return " ".join(unicodedata.normalize("NFC", str(s)).lower().split())


KIND_BY_LABEL = {norm(label): kind for kind, (label, _, _) in CALENDAR.items()}
KIND_BY_LABEL.update({"giai đoạn 3": "phase3", "sơ kết": "phase3"})


def kind_of(label):
    return KIND_BY_LABEL.get(norm(label))


def to_date(v):
    """A date cell, a serial or dd/mm/yyyy text -> datetime.date (None when blank)."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, (int, float)):
        return (pd.Timestamp("1899-12-30") + pd.Timedelta(days=float(v))).date()
    ts = pd.to_datetime(str(v).strip(), dayfirst=True, errors="coerce")
    return None if pd.isna(ts) else ts.date()


def parse_vn_number(v):
    """ "1.234" / "1 234" -> 1234, "0,5" -> 0.5, "1.999,99" -> 1999.99, "-" -> 0."""
    t = v.strip().replace("\u00a0", "").replace(" ", "")
    if t in ("", "-"):
        return 0.0 if t == "-" else np.nan
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    elif t.count(".") > 1 or (t.count(".") == 1 and len(t.split(".")[1]) == 3):
        t = t.replace(".", "")
    try:
        return float(t)
    except ValueError:
        return np.nan


def to_number(col):
    """Numbers as numbers, or as Vietnamese text; an empty cell stays NaN (missing, not 0)."""
    if col.dtype != object:
        return pd.to_numeric(col, errors="coerce")
    return pd.to_numeric(col.map(lambda v: parse_vn_number(v) if isinstance(v, str) else v),
                         errors="coerce")


def fmt_num(x):
    """1234 -> "1.234", 439.03 -> "439,03", NaN -> "?"."""
    if pd.isna(x):
        return "?"
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

def read_registry(path):
    reg = pd.read_csv(path, dtype=str).apply(lambda c: c.str.strip())
    reg["district_key"] = reg["district"].map(norm)
    return reg


def read_register(path):
    df = pd.read_csv(path, dtype=str).rename(columns={
        "Đơn vị": "district", "Loại báo cáo": "kind_label", "Số văn bản": "number",
        "Ngày báo cáo": "report_date", "Ngày nhận": "received_date"})
    for c in ("report_date", "received_date"):
        df[c] = pd.to_datetime(df[c], format="%d/%m/%Y", errors="coerce").dt.date
    df["kind"] = df["kind_label"].map(kind_of)
    for label in df.loc[df["kind"].isna(), "kind_label"].unique():
        warn(f"{path}: loại báo cáo không rõ: {label!r}")
    df["source"] = path
    return df


def read_return(path):
    """One return -> (cover dict, data DataFrame with field names as columns)."""
    with pd.ExcelFile(path, engine="openpyxl") as xl:
        cover_df = xl.parse("Thông tin", header=None, usecols="A:B")
        data = xl.parse("Số liệu", dtype={"Mã đơn vị": str})
    cover = {}
    for label, value in cover_df.itertuples(index=False):
        key = COVER.get(str(label).strip()) if isinstance(label, str) else None
        if key:
            cover[key] = value
    data.columns = [str(c).strip() for c in data.columns]
    unknown = [c for c in data.columns if c not in FIELDS and not c.startswith("Unnamed")]
    if unknown:
        warn(f"{path}: cột không nhận ra (bỏ qua): {', '.join(unknown)}")
    data = data.rename(columns=FIELDS)
    for f in FIELDS.values():
        if f not in data.columns:
            warn(f"{path}: thiếu cột {f}")
            data[f] = np.nan
    data = data[list(FIELDS.values())]
    data = data[data["commune"].notna() | data["code"].notna()]
    # a totals row is not a commune
    data = data[~data["commune"].map(norm).isin({"tổng cộng", "cộng", "tổng"})]
    return cover, data


def load_returns(paths, registry):
    known_districts = dict(zip(registry["district_key"], registry["district"]))
    covers, frames = [], []
    for path in paths:
        try:
            cover, data = read_return(path)
        except Exception as e:  # unreadable file, missing sheet...
            warn(f"{path}: không đọc được: {e}")
            continue
        district = known_districts.get(norm(cover.get("district")))
        if district is None:
            warn(f"{path}: đơn vị báo cáo không có trong danh mục: {cover.get('district')!r}")
            district = cover.get("district")
        kind = kind_of(cover.get("kind"))
        if kind is None:
            warn(f"{path}: loại báo cáo không rõ: {cover.get('kind')!r}")
        covers.append({
            "district": district, "kind": kind, "kind_label": cover.get("kind"),
            "number": cover.get("number"),
            "report_date": to_date(cover.get("report_date")),
            "received_date": to_date(cover.get("received_date")),
            "source": path, "rows": len(data),
        })
        data = data.assign(file=path, return_district=district)
        frames.append(data)
    covers = pd.DataFrame(covers, columns=["district", "kind", "kind_label", "number",
                                           "report_date", "received_date", "source", "rows"])
    data = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(FIELDS.values()) + ["file", "return_district"])
    return covers, data


def latest_returns(covers, quiet=False):
    """Mark, per district and kind, the return that counts (latest date, then more rows,
    then file name); the others are superseded."""
    c = covers.copy()
    c["submitted"] = c["received_date"].fillna(c["report_date"])
    c = c.sort_values(["district", "kind", "submitted", "rows", "source"], na_position="first")
    c["superseded"] = c.duplicated(["district", "kind"], keep="last")
    for r in ([] if quiet else c[c["superseded"]].itertuples()):
        warn(f"{r.source}: bị thay thế bởi báo cáo {r.kind_label} mới hơn của {r.district}")
    return c


# ---------------------------------------------------------------------------
# Classification (plan's Appendix)
# ---------------------------------------------------------------------------

def band_level(values, bands):
    """Level reached by each value (1, 2, 3) or 4 for no band; NaN stays unknown (NaN)."""
    conds, levels = [], []
    for level, lo, inclusive, hi in bands:
        c = (values >= lo) if inclusive else (values > lo)
        if hi is not None:
            c &= values < hi
        conds.append(c)
        levels.append(level)
    out = pd.Series(np.select(conds, levels, 4), index=values.index, dtype="float")
    return out.where(values.notna())


def band_text(field, values, level):
    label = INDICATOR_LABEL[field]
    out = pd.Series("", index=values.index, dtype=object)
    for lv, lo, inclusive, _ in BANDS[field]:
        op = "≥" if inclusive else ">"
        m = level == lv
        out[m] = values[m].map(fmt_num) + f" {label} {op} {fmt_num(lo)} → {LEVEL_LABEL[lv]}"
    return out


def classify(df):
    idx = df.index
    levels, texts, unknown = {}, {}, {}
    for field, bands in BANDS.items():
        v = df[field]
        levels[field] = band_level(v, bands)
        texts[field] = band_text(field, v, levels[field])
        unknown[field] = v.isna()

    # offenders per population, exactly: offenders * 1000 against population * per-mille
    off, pop = df["offenders"], df["population"]
    conds = []
    for lv, lo, hi in RATIO_BANDS:
        c = off * 1000 >= pop * lo
        if hi is not None:
            c &= off * 1000 < pop * hi
        conds.append(c & (off > 0) & (pop > 0))
    ratio = pd.Series(np.select(conds, [b[0] for b in RATIO_BANDS], 4), index=idx, dtype="float")
    ratio_unknown = off.isna() | (pop.isna() & (off > 0))
    levels["ratio"] = ratio.where(~ratio_unknown)
    unknown["ratio"] = ratio_unknown
    pct = (off / pop * 100).round(2)
    rt = pd.Series("", index=idx, dtype=object)
    for lv, lo, _ in RATIO_BANDS:
        m = levels["ratio"] == lv
        rt[m] = (off[m].map(fmt_num) + "/" + pop[m].map(fmt_num)
                 + " đối tượng phạm tội trên dân số (" + pct[m].map(fmt_num)
                 + f" %) ≥ {fmt_num(lo / 10)} % → {LEVEL_LABEL[lv]}")
    texts["ratio"] = rt

    lv = pd.DataFrame(levels)
    best = lv.min(axis=1)                          # known fields only; NaN when all unknown
    any_unknown = pd.DataFrame(unknown).any(axis=1)

    route_known = df["on_route"].notna()
    on_route = df["on_route"].map(norm).isin({"có", "co", "x", "1", "yes", "✓"})
    stepped = best.where(~(on_route & best.isin([2, 3])), best - 1)

    # reasons: the indicators that reached the commune's best band
    reason = pd.Series("", index=idx, dtype=object)
    for key in levels:
        hit = (lv[key] == best) & (best < 4)
        sep = np.where(reason != "", "; ", "")
        reason = reason.where(~hit, reason + sep + texts[key])
    routed = on_route & best.isin([2, 3])
    reason = reason.where(~routed, reason + "; nằm trên tuyến trọng điểm: "
                          + best.map(LEVEL_LABEL.get).fillna("") + " → "
                          + stepped.map(LEVEL_LABEL.get).fillna(""))

    df_fields = df[DRUG_FREE_FIELDS]
    nonzero = (df_fields.fillna(0) != 0).any(axis=1)
    df_blank = df_fields.isna().any(axis=1)

    category = pd.Series("", index=idx, dtype=object)
    # 1. a known Type I indicator decides, whatever is blank
    type1 = best == 1
    category[type1] = "Loại I"
    # 2. otherwise a blank indicator (or a blank route under a band) could change the outcome
    undetermined = ~type1 & (any_unknown | (~route_known & best.isin([2, 3])))
    category[undetermined] = "Chưa xác định"
    rest = ~type1 & ~undetermined
    category[rest & (stepped <= 3)] = stepped[rest & (stepped <= 3)].map(LEVEL_LABEL)
    no_band = rest & (best == 4)
    category[no_band & nonzero] = "Ít phức tạp"
    category[no_band & ~nonzero & df_blank] = "Chưa xác định"
    category[no_band & ~nonzero & ~df_blank] = "Không ma túy"

    blank_names = df[list(BANDS) + ["offenders", "population", "on_route"] + DRUG_FREE_FIELDS].isna()
    missing_list = blank_names.apply(lambda r: ", ".join(HEADER[f] for f in dict.fromkeys(r.index[r])), axis=1) \
        if len(df) else pd.Series(dtype=object)
    reason[category == "Chưa xác định"] = "thiếu số liệu: " + missing_list[category == "Chưa xác định"]
    nz_text = df_fields.apply(
        lambda r: ", ".join(f"{HEADER[k].lower()} {fmt_num(v)}" for k, v in r.items() if pd.notna(v) and v != 0),
        axis=1) if len(df) else pd.Series(dtype=object)
    m = category == "Ít phức tạp"
    reason[m] = "không đạt mức loại III nào nhưng khác 0: " + nz_text[m]
    reason[category == "Không ma túy"] = "tất cả chỉ tiêu ma túy bằng 0"
    return category, reason


# ---------------------------------------------------------------------------
# Checklist (plan III.3)
# ---------------------------------------------------------------------------

def operand(df, expr):
    expr = expr.strip()
    if expr.replace(".", "").isdigit():
        return pd.Series(float(expr), index=df.index)
    total = None
    for term in expr.split("+"):
        s = df[term.strip()]
        total = s if total is None else total + s   # NaN in any term -> unknown
    return total


OPS = {"=": lambda a, b: a == b, ">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b,
       ">": lambda a, b: a > b, "<": lambda a, b: a < b}


def checklist(df):
    out = pd.DataFrame(index=df.index)
    per_row = [[] for _ in range(len(df))]     # failing figures, per commune
    results = []
    for cid, conditions in CHECKLIST.items():
        fail = pd.Series(False, index=df.index)
        missing = pd.Series(False, index=df.index)
        texts = [[] for _ in range(len(df))]
        for left, op, right, figure in conditions:
            l, r = operand(df, left), operand(df, right)
            known = l.notna() & r.notna()
            bad = known & ~OPS[op](l, r)
            fail |= bad
            missing |= ~known
            for i in np.flatnonzero(bad.to_numpy()):
                texts[i].append(figure.format(l=fmt_num(l.iat[i]), r=fmt_num(r.iat[i])))
        for i, t in enumerate(texts):
            if t:
                per_row[i].append(f"{cid}: " + ", ".join(t))
        res = np.select([fail, missing], [FAIL, MISSING], PASS)
        out[f"TC{cid}"] = res
        results.append(res)
    res = np.array(results).reshape(len(CHECKLIST), len(df))
    out["Số liệu không đạt"] = ["; ".join(t) for t in per_row]
    out["Kết quả"] = np.where((res == FAIL).any(axis=0), FAIL,
                              np.where((res == MISSING).any(axis=0), MISSING, PASS))
    return out


# ---------------------------------------------------------------------------
# Timeliness (plan's calendar)
# ---------------------------------------------------------------------------

def timeliness(covers, register, registry, as_of):
    docs = pd.concat([covers.assign(origin="báo cáo"),
                      register.assign(origin="sổ theo dõi", rows=0)], ignore_index=True)
    docs = docs[docs["kind"].notna()]
    docs = latest_returns(docs, quiet=True)
    docs["due"] = docs["kind"].map(lambda k: CALENDAR[k][1])
    days = (pd.to_datetime(docs["submitted"]) - pd.to_datetime(docs["due"])).dt.days
    docs["days_late"] = days.clip(lower=0).where(days > 0)
    docs["status"] = np.where(docs["superseded"], "Bị thay thế",
                              np.where(docs["submitted"].isna(), "Không rõ ngày",
                                       np.where(days > 0, "Trễ hạn", "Đúng hạn")))
    docs["Loại báo cáo"] = docs["kind"].map(lambda k: CALENDAR[k][0])

    # every district of the registry owes every kind
    districts = registry["district"].drop_duplicates()
    owed = pd.MultiIndex.from_product([districts, list(CALENDAR)], names=["district", "kind"])
    sent = pd.MultiIndex.from_frame(docs[["district", "kind"]])
    nothing = owed.difference(sent).to_frame(index=False)
    nothing["due"] = nothing["kind"].map(lambda k: CALENDAR[k][1])
    nothing["Loại báo cáo"] = nothing["kind"].map(lambda k: CALENDAR[k][0])
    nothing["status"] = np.where(nothing["due"] < as_of, "Chưa gửi (quá hạn)", "Chưa đến hạn")
    nothing["days_late"] = (pd.Timestamp(as_of) - pd.to_datetime(nothing["due"])).dt.days \
        .where(nothing["due"] < as_of)
    nothing["origin"] = ""

    order = {d: i for i, d in enumerate(districts)}
    t = pd.concat([docs, nothing], ignore_index=True)
    t["_d"] = t["district"].map(order)
    t["_k"] = t["kind"].map(lambda k: CALENDAR[k][2])
    t = t.sort_values(["_d", "_k", "superseded"], na_position="last")
    return pd.DataFrame({
        "Đơn vị": t["district"],
        "Loại báo cáo": t["Loại báo cáo"],
        "Số văn bản": t["number"],
        "Ngày báo cáo": t["report_date"],
        "Ngày nhận": t["received_date"],
        "Hạn": t["due"],
        "Tình trạng": t["status"],
        "Số ngày trễ": t["days_late"].astype("Int64"),
        "Nguồn": t["origin"],
    })


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

DATE_COLUMNS = {"Ngày báo cáo", "Ngày nhận", "Hạn"}


def autofit(ws, max_width=60):
    """Bold header, filter, widths that fit, dd/mm/yyyy dates. (pandas 1.5's openpyxl writer
    drops ExcelWriter(date_format=...), so dates are formatted here.)"""
    for head in ws[1]:
        if head.value in DATE_COLUMNS:
            for (c,) in ws.iter_rows(min_row=2, min_col=head.column, max_col=head.column):
                c.number_format = "DD/MM/YYYY"
    for col in ws.iter_cols(min_row=1, max_row=min(ws.max_row, 200)):
        width = max((len(str(c.value)) for c in col if c.value is not None), default=8)
        ws.column_dimensions[get_column_letter(col[0].column)].width = min(max(width + 2, 8), max_width)
    ws.auto_filter.ref = ws.dimensions
    for c in ws[1]:
        c.font = Font(bold=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--registry", required=True, help="CSV: district_code,district,commune_code,commune,type")
    ap.add_argument("--register", help="CSV of documents received: Đơn vị,Loại báo cáo,Số văn bản,Ngày báo cáo,Ngày nhận")
    ap.add_argument("--as-of", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("returns", nargs="+")
    args = ap.parse_args(argv)

    registry = read_registry(args.registry)
    register = read_register(args.register) if args.register else pd.DataFrame(
        columns=["district", "kind", "kind_label", "number", "report_date", "received_date", "source"])
    covers, data = load_returns(args.returns, registry)

    # the return that counts per district: the latest of the latest kind
    latest = latest_returns(covers[covers["kind"].isin(DATA_KINDS)])
    latest = latest[~latest["superseded"]].copy()
    latest["_k"] = latest["kind"].map(lambda k: CALENDAR[k][2])
    latest = latest.sort_values(["district", "_k"]).drop_duplicates("district", keep="last")
    data = data[data["file"].isin(set(latest["source"]))].copy()

    for f in NUMERIC_FIELDS:
        data[f] = to_number(data[f])
    data["code"] = data["code"].astype("string").str.strip()
    data["status"] = data["status"].astype("string").str.strip()

    # communes by code against the registry
    reg = registry.set_index("commune_code")
    known = data["code"].isin(reg.index)
    for r in data[~known].itertuples():
        warn(f"{r.file}: mã đơn vị không có trong danh mục: {r.code} ({r.commune})")
    data = data[known].copy()
    data["district"] = data["code"].map(reg["district"])
    wrong = data["district"] != data["return_district"]
    for r in data[wrong].itertuples():
        warn(f"{r.file}: {r.commune} ({r.code}) thuộc {r.district}, không thuộc {r.return_district}")
    dup = data.duplicated("code", keep="first")
    for r in data[dup].itertuples():
        warn(f"{r.file}: xã trùng lặp: {r.commune} ({r.code})")
    data = data[~dup]
    reported = registry["district"].isin(set(latest["district"]))
    absent = registry[reported & ~registry["commune_code"].isin(set(data["code"]))]
    for r in absent.itertuples():
        warn(f"{r.district}: báo cáo thiếu xã {r.commune} ({r.commune_code})")

    # keep the registry's order
    data["_order"] = data["code"].map(pd.Series(range(len(registry)), index=registry["commune_code"]))
    data = data.sort_values("_order").reset_index(drop=True)

    category, reason = classify(data)
    data["category"] = pd.Categorical(category, categories=CATEGORIES)

    summary = pd.crosstab(data["district"], data["category"], margins=True,
                          margins_name="Tổng cộng", dropna=False)
    summary = summary.reindex(list(registry["district"].drop_duplicates().loc[
        lambda s: s.isin(summary.index)]) + ["Tổng cộng"])
    summary.index.name = "Đơn vị"
    summary.columns = list(summary.columns[:-1]) + ["Tổng số xã"]
    summary = summary.reset_index()
    summary.loc[summary["Đơn vị"] == "Tổng cộng", "Đơn vị"] = "Toàn tỉnh"

    classified = pd.DataFrame({
        "Đơn vị": data["district"], "Xã, phường, thị trấn": data["commune"],
        "Mã đơn vị": data["code"], "Tình trạng": data["status"],
        "Phân loại": category, "Lý do": reason,
    })

    sel = data[data["status"].isin(CHECKLIST_STATUSES)]
    crit = checklist(sel)
    criteria = pd.concat([pd.DataFrame({
        "Đơn vị": sel["district"], "Xã, phường, thị trấn": sel["commune"],
        "Mã đơn vị": sel["code"], "Tình trạng": sel["status"]}), crit], axis=1)

    times = timeliness(covers, register, registry, args.as_of)

    with pd.ExcelWriter(args.output, engine="openpyxl") as xw:
        for name, frame in (("Tổng hợp", summary), ("Phân loại", classified),
                            ("Tiêu chí", criteria), ("Tiến độ", times)):
            frame.to_excel(xw, sheet_name=name, index=False, freeze_panes=(1, 0))
            autofit(xw.sheets[name])

    counts = data["category"].value_counts().reindex(CATEGORIES)
    warn("Phân loại: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f"; tổng {len(data)}")
    passed = (crit["Kết quả"] == PASS).sum()
    warn(f"Đạt đủ 8 tiêu chí: {passed}/{len(sel)} xã chuyển hóa, duy trì")
    late = times["Tình trạng"].isin(["Trễ hạn", "Chưa gửi (quá hạn)"]).sum()
    warn(f"Tiến độ: {len(times)} dòng, {late} trễ hạn hoặc chưa gửi; ghi {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
