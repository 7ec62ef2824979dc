#!/usr/bin/env node
// The canboatjs side of Nmea2000CanboatIT (product/itests). canboatjs comes from
// product/itests/src/test/node (npm ci there; .ci/run does it); run with NODE_PATH pointing at
// its node_modules.
//
//   node crosscheck.js encode CASES.json   candump -L lines (canboat's pgnToCandump3) on stdout,
//                                           for CASES = [{"pgn":..,"prio":..,"src":..,"fields":{..}}, ...]
//   node crosscheck.js decode FILE.log     one line per message canboat decodes from a candump -L log:
//                                           pgn=N src=N key=value ... (null for a missing value;
//                                           timeRemaining as minutes, text with spaces as _)
'use strict';
const fs = require('fs');
const canboat = require('@canboat/canboatjs');

function encode(file) {
  const cases = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const c of cases) {
    const lines = canboat.pgnToCandump3({ pgn: c.pgn, prio: c.prio, src: c.src, dst: 255, fields: c.fields });
    if (!lines || lines.length === 0) {
      throw new Error('canboat encoded nothing for ' + JSON.stringify(c));
    }
    for (const line of lines) {
      process.stdout.write(line + '\n');
    }
  }
}

function minutes(duration) {
  // canboat prints a DURATION as HH:MM:SS
  const [h, m, s] = duration.split(':').map(Number);
  return h * 60 + m + s / 60;
}

function decode(file) {
  const parser = new canboat.FromPgn({ returnNulls: true });
  parser.on('error', (pgn, error) => {
    throw new Error('canboat failed on ' + JSON.stringify(pgn) + ': ' + error);
  });
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    const msg = parser.parseString(line);
    if (!msg) {
      continue;
    }
    const parts = ['pgn=' + msg.pgn, 'src=' + msg.src, 'prio=' + msg.prio];
    for (const [key, value] of Object.entries(msg.fields)) {
      if (key === 'timeRemaining') {
        parts.push('timeRemainingMinutes=' + (value === null || value === undefined ? 'null' : minutes(value)));
      } else {
        parts.push(key + '=' + (value === null || value === undefined ? 'null' : String(value).replace(/ /g, '_')));
      }
    }
    process.stdout.write(parts.join(' ') + '\n');
  }
}

const [mode, file] = process.argv.slice(2);
if (mode === 'encode' && file) {
  encode(file);
} else if (mode === 'decode' && file) {
  decode(file);
} else {
  process.stderr.write('usage: crosscheck.js encode CASES.json | decode FILE.log\n');
  process.exit(2);
}
