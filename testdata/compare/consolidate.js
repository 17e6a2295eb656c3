#!/usr/bin/env node
// Consolidate district returns of Plan 16/KH-UBND with Node + SheetJS (xlsx 0.18.5).
//
// The script an analyst would write instead of `drugfree consolidate`: read every district
// return (.xlsx), classify each commune (plan's Appendix), run the 8-point checklist (plan
// III.3), check the timeliness of returns (plan's calendar), write one consolidated workbook.
//
//   node consolidate.js --registry registry.csv --register register.csv \
//       --as-of 2025-12-20 -o tong-hop.xlsx returns/*.xlsx
//
// Problems (unknown codes, communes missing from a return, unreadable files) go to stderr.
'use strict';

const fs = require('fs');
const XLSX = require('xlsx');

// ---------------------------------------------------------------------------
// The plan (criteria/plan.yaml of drugfree), written out as data.
// ---------------------------------------------------------------------------

// Sheet "Số liệu": Vietnamese header -> field.
const FIELDS = {
  'Huyện, thị xã, thành phố': 'district',
  'Xã, phường, thị trấn': 'commune',
  'Mã đơn vị': 'code',
  'Tình trạng': 'status',
  'Dân số': 'population',
  'Tổng số người nghiện': 'addicts_total',
  'Người nghiện có hồ sơ quản lý': 'addicts_managed',
  'Người sử dụng trái phép chất ma túy': 'users',
  'Tụ điểm, điểm phức tạp, bán lẻ ma túy': 'hotspots',
  'Số cây có chứa chất ma túy': 'plants',
  'Diện tích trồng cây có chứa chất ma túy (m²)': 'plant_area_m2',
  'Đối tượng phạm tội về ma túy': 'offenders',
  'Vụ vi phạm khác về ma túy': 'violations',
  'Nằm trên tuyến trọng điểm (Có/Không)': 'on_route',
  'Ổ nhóm, đường dây về ma túy': 'groups',
  'Vụ phạm tội về ma túy do người cư trú gây ra': 'resident_crimes',
  'Người nghiện được áp dụng biện pháp cai nghiện': 'addicts_in_treatment',
  'Người sử dụng có hồ sơ quản lý': 'users_managed',
  'Người sau cai nghiện': 'post_rehab',
  'Người sau cai có hồ sơ quản lý': 'post_rehab_managed',
  'Người sử dụng, sau cai được xét nghiệm': 'managed_tested',
  'Số hộ gia đình': 'households',
  'Số hộ ký cam kết': 'households_committed',
  'Số ấp, khóm': 'hamlets',
  'Ấp, khóm có bảng niêm yết đường dây nóng': 'hamlets_hotline',
  'Người nghiện khi đưa vào xây dựng': 'addicts_baseline',
  'Người sử dụng khi đưa vào xây dựng': 'users_baseline',
  'Vụ phạm tội do người sử dụng, người sau cai gây ra': 'user_crimes',
  'Vụ rất nghiêm trọng, đặc biệt nghiêm trọng do người nghiện, sử dụng gây ra': 'serious_cases',
  'Vụ việc “ngáo đá”': 'psychosis_incidents',
  'Người có căn cứ sử dụng trái phép': 'grounds_of_use',
  'Người có căn cứ đã được xét nghiệm': 'grounds_tested',
  'Mô hình phòng, chống ma túy hiệu quả': 'models',
};
const HEADER = Object.fromEntries(Object.entries(FIELDS).map(([h, f]) => [f, h]));
const TEXT_FIELDS = new Set(['district', 'commune', 'code', 'status', 'on_route']);

// Sheet "Thông tin": label in column A -> key.
const COVER = {
  'Đơn vị báo cáo': 'district',
  'Loại báo cáo': 'kind',
  'Số văn bản': 'number',
  'Ngày báo cáo': 'report_date',
  'Ngày nhận': 'received_date',
};

// The calendar: kind -> label, due date (inclusive), rank for "latest data return".
const CALENDAR = {
  review: { label: 'Rà soát', due: '2025-02-26', rank: 0, data: true },
  plan: { label: 'Kế hoạch', due: '2025-03-30', rank: 1, data: false },
  phase1: { label: 'Giai đoạn 1', due: '2025-04-30', rank: 2, data: true },
  phase2: { label: 'Giai đoạn 2', due: '2025-10-31', rank: 3, data: true },
  phase3: { label: 'Giai đoạn 3 (sơ kết)', due: '2025-12-13', rank: 4, data: true },
};

const CATEGORIES = ['Loại I', 'Loại II', 'Loại III', 'Ít phức tạp', 'Không ma túy', 'Chưa xác định'];
const LEVEL_LABEL = { 1: 'Loại I', 2: 'Loại II', 3: 'Loại III' };

// Appendix bands: {level, min (≥) or above (>), below (<)}.
const INDICATORS = [
  { field: 'addicts_managed', vi: 'người nghiện có hồ sơ quản lý',
    bands: [{ level: 1, min: 100 }, { level: 2, min: 60, below: 100 }, { level: 3, min: 20, below: 60 }] },
  { field: 'hotspots', vi: 'tụ điểm, điểm phức tạp, bán lẻ ma túy',
    bands: [{ level: 1, min: 5 }, { level: 2, min: 3, below: 5 }, { level: 3, min: 1, below: 3 }] },
  { field: 'plants', vi: 'cây có chứa chất ma túy',
    bands: [{ level: 1, min: 3000 }, { level: 2, min: 500, below: 3000 }, { level: 3, min: 1, below: 500 }] },
  { field: 'plant_area_m2', vi: 'm² trồng cây có chứa chất ma túy',
    bands: [{ level: 1, min: 2000 }, { level: 2, min: 1000, below: 2000 }, { level: 3, above: 0, below: 1000 }] },
];
// Offenders per population in per-mille, compared in integers:
// offenders * 1000 >= population * 5  <=>  offenders / population >= 0.5 %.
const RATIO_BANDS = [{ level: 1, min: 5 }, { level: 2, min: 3, below: 5 }, { level: 3, min: 1, below: 3 }];
const DRUG_FREE_FIELDS = ['addicts_managed', 'addicts_total', 'users', 'offenders',
  'hotspots', 'plants', 'plant_area_m2', 'violations'];
const CHECKLIST_STATUSES = new Set(['Chuyển hóa', 'Duy trì']);

// Plan III.3: criterion -> conditions [left, op, right, figure]; right is a number, a field or a sum.
const CHECKLIST = [
  [1, [['hotspots', '=', '0', '{l} tụ điểm, điểm phức tạp'],
    ['groups', '=', '0', '{l} ổ nhóm, đường dây'],
    ['resident_crimes', '=', '0', '{l} vụ phạm tội do người cư trú']]],
  [2, [['addicts_managed', '=', 'addicts_total', '{l}/{r} người nghiện có hồ sơ quản lý'],
    ['addicts_in_treatment', '=', 'addicts_total', '{l}/{r} người nghiện được cai nghiện'],
    ['users_managed', '=', 'users', '{l}/{r} người sử dụng có hồ sơ quản lý'],
    ['post_rehab_managed', '=', 'post_rehab', '{l}/{r} người sau cai có hồ sơ quản lý'],
    ['managed_tested', '>=', 'users + post_rehab', '{l}/{r} người sử dụng, sau cai được xét nghiệm']]],
  [3, [['households_committed', '=', 'households', '{l}/{r} hộ ký cam kết'],
    ['hamlets_hotline', '=', 'hamlets', '{l}/{r} ấp, khóm có bảng đường dây nóng']]],
  [4, [['addicts_total', '<=', 'addicts_baseline', '{l} người nghiện (ban đầu {r})'],
    ['users', '<=', 'users_baseline', '{l} người sử dụng (ban đầu {r})']]],
  [5, [['user_crimes', '=', '0', '{l} vụ phạm tội do người sử dụng, sau cai']]],
  [6, [['serious_cases', '=', '0', '{l} vụ rất nghiêm trọng, đặc biệt nghiêm trọng'],
    ['psychosis_incidents', '=', '0', '{l} vụ việc "ngáo đá"']]],
  [7, [['grounds_tested', '>=', 'grounds_of_use', '{l}/{r} người có căn cứ sử dụng được xét nghiệm']]],
  [8, [['models', '>=', '1', '{l} mô hình']]],
];
const OPS = { '=': (a, b) => a === b, '>=': (a, b) => a >= b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '<': (a, b) => a < b };
const PASS = 'Đạt', FAIL = 'Không đạt', MISSING = 'Thiếu dữ liệu';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const warn = (msg) => process.stderr.write(msg + '\n');
const norm = (s) => (s == null ? '' : String(s).normalize('NFC').toLowerCase().trim().replace(/\s+/g, ' '));
const blank = (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const KIND_BY_LABEL = Object.fromEntries(Object.entries(CALENDAR).map(([k, c]) => [norm(c.label), k]));
Object.assign(KIND_BY_LABEL, { 'giai đoạn 3': 'phase3', 'sơ kết': 'phase3' });
const kindOf = (label) => KIND_BY_LABEL[norm(label)] || null;

// Dates are kept as 'YYYY-MM-DD' strings: they sort and compare as text, no time zone involved.
const pad = (n) => String(n).padStart(2, '0');
function toDate(v) {
  if (blank(v)) return null;
  if (typeof v === 'number') {
    const d = XLSX.SSF.parse_date_code(v);
    return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
  }
  if (v instanceof Date) return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  const s = String(v).trim();
  let m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (m) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  m = s.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
const daysBetween = (a, b) => dayNumber(a) - dayNumber(b);
const dateCell = (iso) => (iso ? { t: 'n', v: dayNumber(iso) - dayNumber('1899-12-30'), z: 'dd/mm/yyyy' } : null);

// Numbers as numbers, or as Vietnamese text ("1.234", "0,5", "-" for zero); blank -> null.
function toNumber(v) {
  if (typeof v === 'number') return v;
  if (blank(v)) return null;
  let t = String(v).replace(/[\s\u00a0]/g, '');
  if (t === '-') return 0;
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  else if ((t.match(/\./g) || []).length > 1 || /^\d+\.\d{3}$/.test(t)) t = t.replace(/\./g, '');
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

// 1234 -> "1.234", 439.03 -> "439,03", null -> "?"
function fmtNum(x) {
  if (x === null || x === undefined) return '?';
  const [i, f] = (Number.isInteger(x) ? String(x) : x.toFixed(2)).split('.');
  const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f ? `${g},${f}` : g;
}

// A small CSV reader (quoted fields, doubled quotes); the files are UTF-8 with a header row.
function readCsv(path) {
  const text = fs.readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else q = false; } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), (r[i] || '').trim()])));
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

function readReturn(path) {
  const wb = XLSX.readFile(path, { sheets: ['Thông tin', 'Số liệu'] });
  const coverSheet = wb.Sheets['Thông tin'], dataSheet = wb.Sheets['Số liệu'];
  if (!dataSheet) throw new Error('không có sheet "Số liệu"');
  const cover = {};
  if (coverSheet) {
    for (const [label, value] of XLSX.utils.sheet_to_json(coverSheet, { header: 1, raw: true })) {
      const key = typeof label === 'string' ? COVER[label.trim()] : undefined;
      if (key) cover[key] = value;
    }
  }
  const raw = XLSX.utils.sheet_to_json(dataSheet, { defval: null, raw: true });
  const headers = Object.keys(raw[0] || {});
  const unknown = headers.filter((h) => !FIELDS[h.trim()] && !h.startsWith('__EMPTY'));
  if (unknown.length) warn(`${path}: cột không nhận ra (bỏ qua): ${unknown.join(', ')}`);
  for (const f of Object.values(FIELDS)) {
    if (!headers.some((h) => FIELDS[h.trim()] === f)) warn(`${path}: thiếu cột ${f}`);
  }
  const rows = [];
  for (const r of raw) {
    const row = {};
    for (const [h, v] of Object.entries(r)) {
      const f = FIELDS[h.trim()];
      if (!f) continue;
      row[f] = TEXT_FIELDS.has(f) ? (blank(v) ? null : String(v).trim()) : toNumber(v);
    }
    if (row.commune == null && row.code == null) continue;
    if (['tổng cộng', 'cộng', 'tổng'].includes(norm(row.commune))) continue; // totals row
    rows.push(row);
  }
  return { cover, rows };
}

function latest(docs, quiet = false) {
  // Per district and kind the latest (date, then more rows, then file name) counts.
  const groups = new Map();
  for (const d of docs) {
    d.submitted = d.received_date || d.report_date;
    const k = `${d.district}\u0000${d.kind}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(d);
  }
  for (const g of groups.values()) {
    g.sort((a, b) => (a.submitted || '').localeCompare(b.submitted || '') || a.rows - b.rows
      || a.source.localeCompare(b.source));
    g.forEach((d, i) => { d.superseded = i < g.length - 1; });
    if (!quiet) for (const d of g.slice(0, -1)) warn(`${d.source}: bị thay thế bởi báo cáo ${d.kind_label} mới hơn của ${d.district}`);
  }
  return docs;
}

// ---------------------------------------------------------------------------
// Classification (plan's Appendix)
// ---------------------------------------------------------------------------

function bandOf(v, bands) {
  for (const b of bands) {
    const lo = b.min !== undefined ? v >= b.min : v > b.above;
    if (lo && (b.below === undefined || v < b.below)) return b;
  }
  return null;
}

function classify(c) {
  const hits = [];   // {level, text}
  const unknown = [];
  for (const ind of INDICATORS) {
    const v = c[ind.field];
    if (v == null) { unknown.push(ind.field); continue; }
    const b = bandOf(v, ind.bands);
    if (b) {
      const bound = b.min !== undefined ? `≥ ${fmtNum(b.min)}` : `> ${fmtNum(b.above)}`;
      hits.push({ level: b.level, text: `${fmtNum(v)} ${ind.vi} ${bound} → ${LEVEL_LABEL[b.level]}` });
    }
  }
  const off = c.offenders, pop = c.population;
  if (off == null || (pop == null && off > 0)) unknown.push(off == null ? 'offenders' : 'population');
  else if (off > 0 && pop > 0) {
    const b = RATIO_BANDS.find((x) => off * 1000 >= pop * x.min && (x.below === undefined || off * 1000 < pop * x.below));
    if (b) {
      const pct = fmtNum(Math.round((off / pop) * 10000) / 100);
      hits.push({ level: b.level, text: `${fmtNum(off)}/${fmtNum(pop)} đối tượng phạm tội trên dân số (${pct} %) ≥ ${fmtNum(b.min / 10)} % → ${LEVEL_LABEL[b.level]}` });
    }
  }
  const best = hits.length ? Math.min(...hits.map((h) => h.level)) : 4;
  const reason = hits.filter((h) => h.level === best).map((h) => h.text).join('; ');
  const missingText = () => 'thiếu số liệu: ' + [...new Set([...INDICATORS.map((i) => i.field),
    'offenders', 'population', 'on_route', ...DRUG_FREE_FIELDS])].filter((f) => c[f] == null)
    .map((f) => HEADER[f]).join(', ');

  // A known Type I indicator decides whatever is blank; otherwise any blank indicator
  // could change the category (simple conservative rule).
  if (best === 1) return ['Loại I', reason];
  if (unknown.length) return ['Chưa xác định', missingText()];
  if (best <= 3) {
    if (c.on_route == null) return ['Chưa xác định', missingText()];
    if (['có', 'co', 'x', '1', 'yes', '✓'].includes(norm(c.on_route))) {
      return [LEVEL_LABEL[best - 1], `${reason}; nằm trên tuyến trọng điểm: ${LEVEL_LABEL[best]} → ${LEVEL_LABEL[best - 1]}`];
    }
    return [LEVEL_LABEL[best], reason];
  }
  const nonzero = DRUG_FREE_FIELDS.filter((f) => c[f] != null && c[f] !== 0);
  if (nonzero.length) {
    return ['Ít phức tạp', 'không đạt mức loại III nào nhưng khác 0: '
      + nonzero.map((f) => `${HEADER[f].toLowerCase()} ${fmtNum(c[f])}`).join(', ')];
  }
  if (DRUG_FREE_FIELDS.some((f) => c[f] == null)) return ['Chưa xác định', missingText()];
  return ['Không ma túy', 'tất cả chỉ tiêu ma túy bằng 0'];
}

// ---------------------------------------------------------------------------
// Checklist (plan III.3)
// ---------------------------------------------------------------------------

function operand(c, expr) {
  if (/^\d+(\.\d+)?$/.test(expr)) return Number(expr);
  let total = 0;
  for (const term of expr.split('+')) {
    const v = c[term.trim()];
    if (v == null) return null;           // a blank term makes the sum unknown
    total += v;
  }
  return total;
}

function checklist(c) {
  const results = [], failing = [];
  for (const [id, conditions] of CHECKLIST) {
    let fail = false, missing = false;
    const texts = [];
    for (const [left, op, right, figure] of conditions) {
      const l = operand(c, left), r = operand(c, right);
      if (l == null || r == null) { missing = true; continue; }
      if (!OPS[op](l, r)) {
        fail = true;
        texts.push(figure.replace('{l}', fmtNum(l)).replace('{r}', fmtNum(r)));
      }
    }
    results.push(fail ? FAIL : missing ? MISSING : PASS);
    if (texts.length) failing.push(`${id}: ${texts.join(', ')}`);
  }
  const overall = results.includes(FAIL) ? FAIL : results.includes(MISSING) ? MISSING : PASS;
  return { results, failing: failing.join('; '), overall };
}

// ---------------------------------------------------------------------------
// Timeliness (plan's calendar)
// ---------------------------------------------------------------------------

function timeliness(covers, register, districts, asOf) {
  const docs = latest([...covers.map((d) => ({ ...d, origin: 'báo cáo' })),
    ...register.map((d) => ({ ...d, origin: 'sổ theo dõi', rows: 0 }))].filter((d) => d.kind), true);
  const rows = [];
  for (const d of docs) {
    const due = CALENDAR[d.kind].due;
    const late = d.submitted ? daysBetween(d.submitted, due) : null;
    const status = d.superseded ? 'Bị thay thế' : !d.submitted ? 'Không rõ ngày' : late > 0 ? 'Trễ hạn' : 'Đúng hạn';
    rows.push({ district: d.district, kind: d.kind, superseded: d.superseded, number: d.number,
      report_date: d.report_date, received_date: d.received_date, due, status,
      days_late: late > 0 ? late : null, origin: d.origin });
  }
  // every district of the registry owes every kind
  const sent = new Set(docs.map((d) => `${d.district}\u0000${d.kind}`));
  for (const district of districts) {
    for (const [kind, c] of Object.entries(CALENDAR)) {
      if (sent.has(`${district}\u0000${kind}`)) continue;
      const overdue = c.due < asOf;
      rows.push({ district, kind, superseded: false, number: null, report_date: null, received_date: null,
        due: c.due, status: overdue ? 'Chưa gửi (quá hạn)' : 'Chưa đến hạn',
        days_late: overdue ? daysBetween(asOf, c.due) : null, origin: '' });
    }
  }
  const order = new Map(districts.map((d, i) => [d, i]));
  rows.sort((a, b) => (order.get(a.district) ?? 1e9) - (order.get(b.district) ?? 1e9)
    || CALENDAR[a.kind].rank - CALENDAR[b.kind].rank || a.superseded - b.superseded);
  return rows;
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

function sheet(header, rows) {
  const ws = XLSX.utils.aoa_to_sheet([header, ...rows]);
  // widths that fit (community SheetJS writes no cell styles: no bold header, no frozen pane)
  ws['!cols'] = header.map((h, i) => {
    let w = String(h).length;
    for (const r of rows.slice(0, 200)) {
      const v = r[i];
      const len = v == null ? 0 : typeof v === 'object' ? 10 : String(v).length;
      if (len > w) w = len;
    }
    return { wch: Math.min(Math.max(w + 2, 8), 60) };
  });
  ws['!autofilter'] = { ref: ws['!ref'] };
  return ws;
}

function parseArgs(argv) {
  const a = { returns: [] };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--registry') a.registry = argv[++i];
    else if (x === '--register') a.register = argv[++i];
    else if (x === '--as-of') a.asOf = argv[++i];
    else if (x === '-o' || x === '--output') a.output = argv[++i];
    else if (x === '-h' || x === '--help') a.help = true;
    else if (x.startsWith('-')) throw new Error(`unknown flag ${x}`);
    else a.returns.push(x);
  }
  return a;
}

function main() {
  let args;
  try { args = parseArgs(process.argv.slice(2)); } catch (e) { warn(e.message); return 2; }
  if (args.help || !args.registry || !args.output || !args.returns.length) {
    warn('usage: node consolidate.js --registry REGISTRY.csv [--register REGISTER.csv] [--as-of YYYY-MM-DD] -o OUT.xlsx RETURN.xlsx...');
    return 2;
  }
  const asOf = args.asOf || new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) { warn(`--as-of: ${asOf}: YYYY-MM-DD`); return 2; }

  const registry = readCsv(args.registry);
  const byCode = new Map(registry.map((r, i) => [r.commune_code, { ...r, order: i }]));
  const districts = [...new Set(registry.map((r) => r.district))];
  const districtByKey = new Map(districts.map((d) => [norm(d), d]));

  const register = args.register ? readCsv(args.register).map((r) => {
    const kind = kindOf(r['Loại báo cáo']);
    if (!kind) warn(`${args.register}: loại báo cáo không rõ: ${r['Loại báo cáo']}`);
    return { district: districtByKey.get(norm(r['Đơn vị'])) || r['Đơn vị'], kind, kind_label: r['Loại báo cáo'],
      number: r['Số văn bản'] || null, report_date: toDate(r['Ngày báo cáo']),
      received_date: toDate(r['Ngày nhận']), source: args.register };
  }) : [];

  // read every return
  const covers = [];
  for (const path of args.returns) {
    let ret;
    try { ret = readReturn(path); } catch (e) { warn(`${path}: không đọc được: ${e.message}`); continue; }
    const { cover, rows } = ret;
    let district = districtByKey.get(norm(cover.district));
    if (!district) {
      warn(`${path}: đơn vị báo cáo không có trong danh mục: ${cover.district}`);
      district = cover.district;
    }
    const kind = kindOf(cover.kind);
    if (!kind) warn(`${path}: loại báo cáo không rõ: ${cover.kind}`);
    covers.push({ district, kind, kind_label: cover.kind, number: cover.number ?? null,
      report_date: toDate(cover.report_date), received_date: toDate(cover.received_date),
      source: path, rows: rows.length, data: rows });
  }

  // the return that counts per district: the latest of the latest data kind
  latest(covers.filter((c) => c.kind && CALENDAR[c.kind].data).map((c) => c));
  const chosen = new Map();
  for (const c of covers) {
    if (!c.kind || !CALENDAR[c.kind].data || c.superseded) continue;
    const prev = chosen.get(c.district);
    if (!prev || CALENDAR[c.kind].rank > CALENDAR[prev.kind].rank) chosen.set(c.district, c);
  }

  // communes by code against the registry
  const communes = [];
  const seen = new Set();
  for (const ret of chosen.values()) {
    for (const row of ret.data) {
      const reg = byCode.get(row.code);
      if (!reg) { warn(`${ret.source}: mã đơn vị không có trong danh mục: ${row.code} (${row.commune})`); continue; }
      if (seen.has(row.code)) { warn(`${ret.source}: xã trùng lặp: ${row.commune} (${row.code})`); continue; }
      if (reg.district !== ret.district) warn(`${ret.source}: ${row.commune} (${row.code}) thuộc ${reg.district}, không thuộc ${ret.district}`);
      seen.add(row.code);
      communes.push({ ...row, district: reg.district, order: reg.order });
    }
  }
  for (const r of registry) {
    if (chosen.has(r.district) && !seen.has(r.commune_code)) warn(`${r.district}: báo cáo thiếu xã ${r.commune} (${r.commune_code})`);
  }
  communes.sort((a, b) => a.order - b.order);

  // classify, checklist
  const counts = new Map();
  const total = Object.fromEntries(CATEGORIES.map((k) => [k, 0]));
  const classRows = [], critRows = [];
  let passed = 0, checked = 0;
  for (const c of communes) {
    const [category, reason] = classify(c);
    if (!counts.has(c.district)) counts.set(c.district, Object.fromEntries(CATEGORIES.map((k) => [k, 0])));
    counts.get(c.district)[category]++;
    total[category]++;
    classRows.push([c.district, c.commune, c.code, c.status, category, reason]);
    if (CHECKLIST_STATUSES.has(c.status)) {
      const r = checklist(c);
      checked++;
      if (r.overall === PASS) passed++;
      critRows.push([c.district, c.commune, c.code, c.status, ...r.results, r.failing, r.overall]);
    }
  }
  const summary = [];
  for (const d of districts) {
    if (!counts.has(d)) continue;
    const k = counts.get(d);
    summary.push([d, ...CATEGORIES.map((x) => k[x]), CATEGORIES.reduce((s, x) => s + k[x], 0)]);
  }
  summary.push(['Toàn tỉnh', ...CATEGORIES.map((x) => total[x]), communes.length]);

  const times = timeliness(covers, register, districts, asOf).map((t) => [t.district, CALENDAR[t.kind].label,
    t.number, dateCell(t.report_date), dateCell(t.received_date), dateCell(t.due), t.status, t.days_late, t.origin]);

  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet(['Đơn vị', ...CATEGORIES, 'Tổng số xã'], summary), 'Tổng hợp');
  XLSX.utils.book_append_sheet(wb, sheet(['Đơn vị', 'Xã, phường, thị trấn', 'Mã đơn vị', 'Tình trạng', 'Phân loại', 'Lý do'], classRows), 'Phân loại');
  XLSX.utils.book_append_sheet(wb, sheet(['Đơn vị', 'Xã, phường, thị trấn', 'Mã đơn vị', 'Tình trạng',
    ...CHECKLIST.map(([id]) => `TC${id}`), 'Số liệu không đạt', 'Kết quả'], critRows), 'Tiêu chí');
  XLSX.utils.book_append_sheet(wb, sheet(['Đơn vị', 'Loại báo cáo', 'Số văn bản', 'Ngày báo cáo', 'Ngày nhận',
    'Hạn', 'Tình trạng', 'Số ngày trễ', 'Nguồn'], times), 'Tiến độ');
  XLSX.writeFile(wb, args.output, { compression: true });

  warn('Phân loại: ' + CATEGORIES.map((k) => `${k} ${total[k]}`).join(', ') + `; tổng ${communes.length}`);
  warn(`Đạt đủ 8 tiêu chí: ${passed}/${checked} xã chuyển hóa, duy trì`);
  const late = times.filter((t) => t[6] === 'Trễ hạn' || t[6] === 'Chưa gửi (quá hạn)').length;
  warn(`Tiến độ: ${times.length} dòng, ${late} trễ hạn hoặc chưa gửi; ghi ${args.output}`);
  return 0;
}

process.exitCode = main();
