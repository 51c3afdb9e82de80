// Data-channel checks run by a peer against a jrtc RTCPeerConnection that serves the channels
// with DataChannelService (see its Javadoc for what each label does). Shared by the browser page
// (sctp-browser-suite.html) and the werift script (werift-echo.mjs), so every peer runs the same
// echo test. Works on any channel with the W3C shape: send, onmessage(e.data), bufferedAmount.
'use strict';
(function (root) {
  const isNode = typeof process !== 'undefined' && !!(process.versions && process.versions.node);
  const webcrypto = isNode ? require('crypto').webcrypto : crypto;
  const BASE_LENGTH = 1 << 19;
  const HIGH_WATER = 8 << 20;

  // A small seeded generator, so a peer's sizes and offsets repeat from run to run.
  function seeded(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6D2B79F5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function randomBytes(n) {
    const out = new Uint8Array(n);
    for (let off = 0; off < n; off += 65536) {
      webcrypto.getRandomValues(out.subarray(off, Math.min(n, off + 65536)));
    }
    return out;
  }

  const baseBytes = randomBytes(BASE_LENGTH);
  let baseText = '';
  for (let i = 0; i < BASE_LENGTH; i++) baseText += String.fromCharCode(97 + (baseBytes[i] % 26));

  function bytesOf(data) {
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    throw new Error('not binary: ' + typeof data);
  }

  function binaryOut(u8) {
    return isNode ? Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8;
  }

  function sizeOf(m) {
    return typeof m === 'string' ? m.length : bytesOf(m).length;
  }

  function same(expected, got) {
    if (typeof expected === 'string' || typeof got === 'string') return expected === got;
    const x = bytesOf(expected), y = bytesOf(got);
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
    return true;
  }

  // Message i of an echo run: the largest allowed first, the smallest (empty, unless minSize says
  // otherwise) second, then uniform sizes; even indices are ASCII strings, odd ones binary.
  function message(rand, i, minSize, maxSize) {
    const size = i === 0 ? maxSize : i === 1 ? minSize : minSize + Math.floor(rand() * (maxSize - minSize + 1));
    const off = Math.floor(rand() * (BASE_LENGTH - size));
    return i % 2 === 0 ? baseText.substring(off, off + size) : baseBytes.subarray(off, off + size);
  }

  function opened(ch) {
    if (ch.readyState === 'open') return Promise.resolve();
    return new Promise(resolve => { ch.onopen = resolve; });
  }

  function closed(ch) {
    if (ch.readyState === 'closed') return Promise.resolve();
    return new Promise(resolve => { ch.onclose = resolve; });
  }

  function binaryAsArrayBuffer(ch) {
    if ('binaryType' in ch) ch.binaryType = 'arraybuffer';
  }

  function echoEverything(ch) {
    binaryAsArrayBuffer(ch);
    ch.onmessage = e => ch.send(typeof e.data === 'string' ? e.data : binaryOut(bytesOf(e.data)));
  }

  // Sends `count` messages of random sizes up to maxSize (from minSize, default 0) and checks that
  // each comes back whole, of the same kind and in order. At most 8 MiB are unanswered at any time.
  async function echo(ch, count, maxSize, seed, minSize = 0) {
    binaryAsArrayBuffer(ch);
    const rand = seeded(seed);
    const expected = [];
    let inFlight = 0, received = 0, mismatches = 0, firstMismatch = null, bytes = 0, wake = null;
    const done = new Promise(resolve => {
      ch.onmessage = e => {
        const want = expected.shift();
        if (want === undefined || !same(want, e.data)) {
          mismatches++;
          if (firstMismatch === null) {
            firstMismatch = {index: received, wantSize: want === undefined ? null : sizeOf(want),
                             gotSize: sizeOf(e.data), gotKind: typeof e.data};
          }
        }
        if (want !== undefined) inFlight -= sizeOf(want);
        received++;
        if (wake) { const w = wake; wake = null; w(); }
        if (received === count) resolve();
      };
    });
    const start = Date.now();
    for (let i = 0; i < count; i++) {
      const m = message(rand, i, minSize, maxSize);
      while (inFlight > HIGH_WATER) await new Promise(resolve => { wake = resolve; });
      expected.push(m);
      inFlight += sizeOf(m);
      bytes += sizeOf(m);
      ch.send(typeof m === 'string' ? m : binaryOut(m));
    }
    await done;
    return {count, received, mismatches, firstMismatch, bytes, minSize, ms: Date.now() - start};
  }

  // Unreliable, unordered: `count` numbered messages of `size` bytes, echoed by jrtc over the same
  // channel. Counts what came back, duplicates, corrupted ones and arrivals out of order.
  async function unordered(ch, count, size) {
    binaryAsArrayBuffer(ch);
    const seen = new Set();
    let duplicates = 0, corrupt = 0, outOfOrder = 0, last = -1, lastArrival = Date.now();
    ch.onmessage = e => {
      lastArrival = Date.now();
      const b = bytesOf(e.data);
      const i = b.length === size ? new DataView(b.buffer, b.byteOffset).getUint32(0) : -1;
      let ok = i >= 0 && i < count;
      for (let k = 4; ok && k < size; k++) ok = b[k] === ((i + k) & 0xff);
      if (!ok) { corrupt++; return; }
      if (seen.has(i)) { duplicates++; return; }
      if (i < last) outOfOrder++;
      last = i;
      seen.add(i);
    };
    for (let i = 0; i < count; i++) {
      const b = new Uint8Array(size);
      new DataView(b.buffer).setUint32(0, i);
      for (let k = 4; k < size; k++) b[k] = (i + k) & 0xff;
      ch.send(binaryOut(b));
    }
    while (seen.size < count && Date.now() - lastArrival < 2000) await new Promise(r => setTimeout(r, 50));
    return {sent: count, received: seen.size, duplicates, corrupt, outOfOrder};
  }

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), b => b.toString(16).padStart(2, '0')).join('');
  }

  async function drained(ch, level) {
    while (ch.bufferedAmount > level) await new Promise(r => setTimeout(r, 1));
  }

  function nextText(ch, prefix) {
    return new Promise(resolve => {
      ch.onmessage = e => { if (typeof e.data === 'string' && e.data.startsWith(prefix)) resolve(e.data); };
    });
  }

  // `total` random bytes to jrtc's sink in 64 KiB messages; jrtc answers with their SHA-256.
  async function upload(ch, total) {
    const data = randomBytes(total);
    const sha = hex(await webcrypto.subtle.digest('SHA-256', data));
    const reply = nextText(ch, 'sha256:');
    const start = Date.now();
    for (let off = 0; off < total; off += 65536) {
      if (ch.bufferedAmount > HIGH_WATER) await drained(ch, HIGH_WATER / 4);
      ch.send(binaryOut(data.subarray(off, Math.min(total, off + 65536))));
    }
    ch.send('end');
    const [, javaSha, javaBytes] = (await reply).split(':');
    const ms = Date.now() - start;
    return {bytes: total, javaBytes: Number(javaBytes), match: javaSha === sha, sha, javaSha, ms,
            mbitPerSecond: Math.round(total * 8 / 1000 / Math.max(1, ms))};
  }

  // Asks jrtc's source for `total` bytes and checks them against the SHA-256 it sends at the end.
  async function download(ch, total) {
    binaryAsArrayBuffer(ch);
    const data = new Uint8Array(total);
    let got = 0, overflow = 0;
    const end = new Promise(resolve => {
      ch.onmessage = e => {
        if (typeof e.data === 'string') { if (e.data.startsWith('end:')) resolve(e.data.substring(4)); return; }
        const b = bytesOf(e.data);
        if (got + b.length > total) { overflow += b.length; return; }
        data.set(b, got);
        got += b.length;
      };
    });
    const start = Date.now();
    ch.send('send ' + total);
    const javaSha = await end;
    const ms = Date.now() - start;
    const sha = hex(await webcrypto.subtle.digest('SHA-256', data.subarray(0, got)));
    return {bytes: got, overflow, match: javaSha === sha, sha, javaSha, ms,
            mbitPerSecond: Math.round(got * 8 / 1000 / Math.max(1, ms))};
  }

  const api = {opened, closed, echo, echoEverything, unordered, upload, download};
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.SctpChecks = api;
})(typeof window !== 'undefined' ? window : globalThis);
