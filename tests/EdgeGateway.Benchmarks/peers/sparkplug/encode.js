// Peer for the wire-size benchmark: encodes one boiler report with Eclipse Tahu's Sparkplug B encoder
// (npm sparkplug-payload) and prints its size. Input on stdin (JSON): { timestamp, seq, metrics: [{ name, alias,
// type, value }] }. Two encodings, both valid Sparkplug B DDATA payloads: metrics named (what a device sends
// without aliases, and what every NBIRTH carries) and metrics by alias only (after a birth that defined them).
// Each is decoded again and compared value by value so a size is never reported for a payload that lost data.
// Output: one line "names_bytes=<n> alias_bytes=<n> metrics=<n>".
'use strict';
const sparkplug = require('sparkplug-payload').get('spBv1.0');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const report = JSON.parse(input);
  const named = {
    timestamp: report.timestamp,
    seq: report.seq,
    metrics: report.metrics.map((m) => ({ name: m.name, type: m.type, value: m.value })),
  };
  const aliased = {
    timestamp: report.timestamp,
    seq: report.seq,
    metrics: report.metrics.map((m) => ({ alias: m.alias, type: m.type, value: m.value })),
  };
  const namedBytes = sparkplug.encodePayload(named);
  const aliasBytes = sparkplug.encodePayload(aliased);
  for (const bytes of [namedBytes, aliasBytes]) {
    const decoded = sparkplug.decodePayload(bytes);
    if (decoded.metrics.length !== report.metrics.length) {
      throw new Error(`decoded ${decoded.metrics.length} metrics, expected ${report.metrics.length}`);
    }
    decoded.metrics.forEach((m, i) => {
      const want = report.metrics[i].value;
      const got = typeof m.value === 'object' ? m.value.toNumber() : m.value;
      // Float metrics are float32 on the wire: compare to float32 precision.
      if (Math.abs(got - want) > Math.abs(want) * 1e-6) {
        throw new Error(`metric ${report.metrics[i].name}: decoded ${got}, expected ${want}`);
      }
    });
  }
  console.log(`names_bytes=${namedBytes.length} alias_bytes=${aliasBytes.length} metrics=${report.metrics.length}`);
});
