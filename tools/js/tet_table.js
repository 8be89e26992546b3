#!/usr/bin/env node
// Prints, for each lunar year in [first, last] (default 1900-2199), dates from two npm calendars
// for calendar_lunar_npm_test to compare with motcua's own C++ computation:
//   year <TAB> Tết per amlich (Hồ Ngọc Đức's own JavaScript, evaluated at UTC+7)
//        <TAB> Tết per lunar-javascript (the Chinese calendar, UTC+8, a different algorithm)
//        <TAB> Giỗ Tổ Hùng Vương (10/3 lunar) per amlich at UTC+7
// Dates are YYYY-MM-DD. Run only by tests.
'use strict';
const amlich = require('amlich');
const { Lunar } = require('lunar-javascript');

const VIETNAM_TIME_ZONE = 7;
const pad = (n) => String(n).padStart(2, '0');
const ymd = ([d, m, y]) => `${y}-${pad(m)}-${pad(d)}`;

const first = Number(process.argv[2] || 1900);
const last = Number(process.argv[3] || 2199);
const lines = [];
for (let year = first; year <= last; year++) {
  const tetVn = ymd(amlich.convertLunar2Solar(1, 1, year, 0, VIETNAM_TIME_ZONE));
  const tetCn = Lunar.fromYmd(year, 1, 1).getSolar().toYmd();
  const hungKings = ymd(amlich.convertLunar2Solar(10, 3, year, 0, VIETNAM_TIME_ZONE));
  lines.push(`${year}\t${tetVn}\t${tetCn}\t${hungKings}`);
}
process.stdout.write(lines.join('\n') + '\n');
