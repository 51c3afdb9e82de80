// werift side of WeriftDataChannelEchoIT: werift offers a data channel 'echo', jrtc answers and
// echoes; werift runs SctpChecks.echo (the same echo test the browsers run) and reports.
//   node werift_datachannel_echo.js <dir with node_modules/werift> <path of sctp-checks.js>
// JSON lines on stdin/stdout (diagnostics on stderr):
//   {"type": "start", "messages": N, "maxSize": M} -> {"type": "offer", "sdp"}
//   {"type": "answer", "sdp"} -> {"type": "open"}, then {"type": "result", "name": "echo", ...}
// Anything unexpected -> {"type": "error", "error"}.
'use strict';
const path = require('path');
const readline = require('readline');
const {createRequire} = require('module');

const [nodeDir, checksPath] = process.argv.slice(2);
const {RTCPeerConnection} = createRequire(path.join(path.resolve(nodeDir), 'package.json'))('werift');
const SctpChecks = require(path.resolve(checksPath));

function reply(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

const lines = readline.createInterface({input: process.stdin});
const pending = [];
let waiting = null;
lines.on('line', line => {
  const m = JSON.parse(line);
  if (waiting) { const w = waiting; waiting = null; w(m); } else pending.push(m);
});
function nextCommand() {
  return pending.length ? Promise.resolve(pending.shift()) : new Promise(resolve => { waiting = resolve; });
}

async function gatheringComplete(pc) {
  for (let i = 0; i < 200 && pc.iceGatheringState !== 'complete'; i++) await new Promise(r => setTimeout(r, 50));
}

(async () => {
  const start = await nextCommand();
  // No ICE servers (werift's default asks a public STUN server): nothing may leave the namespace.
  // werift keeps its default a=max-message-size (65536), which bounds what jrtc may echo.
  // werift answers checks to its 10.99.0.1 candidate from 127.0.0.1 (jrtc's address), a response
  // jrtc must refuse as not symmetric; a 127.0.0.1 host candidate gives a pair that works both ways.
  const pc = new RTCPeerConnection({iceServers: [], iceUseIpv6: false, iceAdditionalHostAddresses: ['127.0.0.1']});
  const channel = pc.createDataChannel('echo');
  const opened = SctpChecks.opened(channel);
  await pc.setLocalDescription(await pc.createOffer());
  await gatheringComplete(pc);
  reply({type: 'offer', sdp: pc.localDescription.sdp});
  const answer = await nextCommand();
  await pc.setRemoteDescription({type: 'answer', sdp: answer.sdp});
  await opened;
  reply({type: 'open'});
  const theirs = answer.sdp.split(/\r?\n/).filter(l => l.startsWith('a=max-message-size:')).map(l => Number(l.split(':')[1]));
  const ours = pc.localDescription.sdp.split(/\r?\n/).filter(l => l.startsWith('a=max-message-size:')).map(l => Number(l.split(':')[1]));
  const maxSize = Math.min(start.maxSize, ...ours, ...theirs);
  // No empty messages: werift 0.25 sends them as a DATA chunk without user data (PPID 53/51,
  // length 0) instead of RFC 8831 §6.6's one byte with PPID 56/57, and RFC 9260 §6.2 forbids
  // accepting such a chunk, so the association stalls retransmitting it. Every other size is sent.
  const result = await SctpChecks.echo(channel, start.messages, maxSize, 1, 1);
  reply(Object.assign({type: 'result', name: 'echo', maxSize}, result));
  await pc.close();
  process.exit(0);
})().catch(e => {
  console.error(e);
  reply({type: 'error', error: String(e && e.stack || e)});
  process.exit(1);
});
