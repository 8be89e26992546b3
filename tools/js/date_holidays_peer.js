#!/usr/bin/env node
// Peer benchmark: the same due-date queries as bench/calendar_benchmark.cc, answered by a naive
// day-by-day walk over npm date-holidays (country VN) as its holiday source. Prints queries/s.
//   node tools/js/date_holidays_peer.js [queries]
// Query i: received on day (i * 7919) mod 34000 after 2001-01-01 at (i * 131) mod 96 quarter
// hours after midnight (Vietnam time), 1 + i mod 30 working days, 15:00 cut-off, sessions Mon-Fri
// 07:30-11:30 and 13:00-17:00.
'use strict';
const Holidays = require('date-holidays');

const hd = new Holidays('VN');
const DAY = 86400;
const OFFSET = 7 * 3600;
const SESSIONS = [[27000, 41400], [46800, 61200]];
const CUTOFF = 15 * 3600;

function isWorkingDay(day) {  // day: local days since 1970-01-01
  const weekday = (day + 3) % 7;  // 0 = Monday
  if (weekday >= 5) return false;
  const noonUtc = new Date((day * DAY + 12 * 3600 - OFFSET) * 1000);
  const h = hd.isHoliday(noonUtc);
  return !(h && h.some((x) => x.type === 'public'));
}

function due(received, workingSeconds) {
  let day = Math.floor((received + OFFSET) / DAY);
  let sec = received + OFFSET - day * DAY;
  if (isWorkingDay(day) && sec > CUTOFF) { day += 1; sec = 0; }
  let rest = workingSeconds;
  for (;; day += 1, sec = 0) {
    if (!isWorkingDay(day)) continue;
    for (const [s, e] of SESSIONS) {
      const from = Math.max(s, sec);
      if (from >= e) continue;
      if (e - from >= rest) return day * DAY + from + rest - OFFSET;
      rest -= e - from;
    }
  }
}

const n = Number(process.argv[2] || 300);
const first = Date.UTC(2001, 0, 1) / 1000 / DAY;
const queries = [];
for (let i = 0; i < n; i++) {
  const day = first + (i * 7919) % 34000;
  queries.push([day * DAY + ((i * 131) % 96) * 900 - OFFSET, (1 + (i % 30)) * 8 * 3600]);
}
const start = process.hrtime.bigint();
let checksum = 0;
for (const [received, seconds] of queries) checksum += due(received, seconds) % 1000;
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`date-holidays peer: ${n} queries in ${elapsed.toFixed(3)} s = ` +
            `${(n / elapsed).toFixed(0)} queries/s (checksum ${checksum})`);
