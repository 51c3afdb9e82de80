// The demo page: camera (or receive mode) over WebRTC to jrtc, signalled over a WebSocket with
// JSON messages and trickle ICE; shows what Java decodes and Java's statistics.
'use strict';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
// Exposed for tests and for the curious (devtools: demo).
const demo = window.demo = { state: 'idle', sessionId: null, stats: null, chat: [], report: null, errors: [] };

const CHARTS = [
  ['bitrate', 'bitrate', 'kbit/s', (s) => s.video.bitrateKbps],
  ['fps', 'frame rate', 'fps', (s) => s.video.framesPerSecond],
  ['lost', 'packets lost', '', (s) => s.video.packetsLost],
  ['nack', 'NACKs', '', (s) => s.video.nackCount],
  ['pli', 'PLIs', '', (s) => s.video.pliCount],
  ['jitter', 'jitter', 'ms', (s) => s.video.jitterMs],
  ['rtt', 'RTT', 'ms', (s) => s.roundTripTimeMs],
];
const history = {};

let ws = null;
let pc = null;
let chat = null;
let pendingCandidates = [];

for (const [key, value] of [['codec', 'codec'], ['res', 'resolution'], ['mode', 'mode']]) {
  if (params.get(key)) $(value).value = params.get(key);
}
buildCharts();
$('start').onclick = start;
$('stop').onclick = () => stop('stopped');
$('chat-form').onsubmit = (e) => { e.preventDefault(); sendChat(); };
if (params.get('autostart') === '1') start();

function setState(state) {
  demo.state = state;
  const el = $('state');
  el.textContent = state;
  el.className = 'state ' + state;
}

function logChat(line) {
  demo.chat.push(line);
  const div = document.createElement('div');
  div.textContent = line;
  $('chat-log').appendChild(div);
  $('chat-log').scrollTop = 1e9;
}

async function start() {
  $('start').disabled = true;
  $('stop').disabled = false;
  $('report').hidden = true;
  demo.report = null;
  setState('starting');
  try {
    await openSocket();
    pc = demo.pc = new RTCPeerConnection();
    pc.onicecandidate = (e) => send({ type: 'candidate', candidate: e.candidate ? e.candidate.candidate : '',
      sdpMid: e.candidate ? e.candidate.sdpMid : null, sdpMLineIndex: e.candidate ? e.candidate.sdpMLineIndex : 0 });
    pc.onconnectionstatechange = () => setState(pc.connectionState);
    chat = pc.createDataChannel('chat');
    chat.onopen = () => { $('chat-input').disabled = false; $('chat-send').disabled = false; logChat('[chat open]'); };
    chat.onmessage = (e) => logChat('java: ' + e.data);
    const mode = $('mode').value;
    if (mode === 'receive') {
      await setUpReceive();
    } else {
      await setUpSend();
    }
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    send({ type: 'offer', mode, sdp: pc.localDescription.sdp });
  } catch (e) {
    fail('could not start: ' + e);
  }
}

async function setUpSend() {
  const [w, h] = $('resolution').value.split('x').map(Number);
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: w }, height: { ideal: h } }, audio: true });
  $('local').srcObject = stream;
  $('local-caption').textContent = 'Local preview (what the browser sends)';
  $('server').hidden = false;
  $('remote').hidden = true;
  $('server-caption').textContent = 'What the server sees (decoded by Java, streamed back as MJPEG)';
  for (const track of stream.getTracks()) {
    // Keep the chosen resolution: a busy machine would otherwise make the browser scale down.
    if (track.kind === 'video') track.contentHint = 'detail';
    const t = pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    if (track.kind === 'video') {
      preferCodec(t, $('codec').value);
      const p = t.sender.getParameters();
      p.degradationPreference = 'maintain-resolution';
      t.sender.setParameters(p).catch(() => {});
    }
  }
}

async function setUpReceive() {
  $('local').srcObject = null;
  $('local-caption').textContent = '(receive mode: nothing is sent)';
  $('server').hidden = true;
  $('remote').hidden = false;
  $('server-caption').textContent = 'What Java sends: its H.264 test pattern and an Opus tone';
  const video = pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  // The Java side encodes only H.264.
  preferCodec(video, 'H264');
  const remote = new MediaStream();
  pc.ontrack = (e) => {
    remote.addTrack(e.track);
    const video = $('remote');
    video.srcObject = remote;
    // Without a click (autostart), browsers refuse to play sound: play muted then, and say so.
    video.play().catch(() => {
      video.muted = true;
      $('server-caption').textContent += ' (muted: click the video for the tone)';
      video.onclick = () => { video.muted = false; };
      return video.play();
    }).catch(() => {});
  };
}

// Puts the chosen codec (and its retransmission format) first, and drops the others.
function preferCodec(transceiver, name) {
  const caps = RTCRtpReceiver.getCapabilities('video');
  if (!caps || !transceiver.setCodecPreferences) return;
  const wanted = caps.codecs.filter((c) => c.mimeType.toLowerCase() === 'video/' + name.toLowerCase());
  if (name === 'H264') {
    // Constrained baseline with packetization-mode 1 first: what every decoder handles.
    const score = (c) => (/packetization-mode=1/.test(c.sdpFmtpLine || '') ? 0 : 2)
      + (/profile-level-id=42e0/.test(c.sdpFmtpLine || '') ? 0 : 1);
    wanted.sort((a, b) => score(a) - score(b));
  }
  const rtx = caps.codecs.filter((c) => c.mimeType.toLowerCase() === 'video/rtx');
  if (wanted.length) transceiver.setCodecPreferences(wanted.concat(rtx));
}

function openSocket() {
  return new Promise((resolve, reject) => {
    ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error('WebSocket failed'));
    ws.onclose = () => { if (pc && demo.state !== 'stopped' && demo.state !== 'failed') setState('signalling closed'); };
    ws.onmessage = (e) => onMessage(JSON.parse(e.data));
  });
}

function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

async function onMessage(m) {
  switch (m.type) {
    case 'answer':
      demo.sessionId = m.id;
      await pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
      for (const c of pendingCandidates) await addCandidate(c);
      pendingCandidates = [];
      if ($('mode').value === 'send') {
        $('server').src = '/api/sessions/' + m.id + '/video.mjpeg';
      }
      break;
    case 'candidate':
      if (!pc.remoteDescription) pendingCandidates.push(m); else await addCandidate(m);
      break;
    case 'stats':
      showStats(m.session);
      break;
    case 'state':
      if (m.report) showReport(m.report);
      break;
    case 'error':
      fail(m.message);
      break;
  }
}

async function addCandidate(m) {
  try {
    await pc.addIceCandidate(m.candidate ? { candidate: m.candidate, sdpMid: m.sdpMid, sdpMLineIndex: m.sdpMLineIndex }
      : null);
  } catch (e) {
    demo.errors.push('candidate: ' + e);
  }
}

function showStats(s) {
  demo.stats = s;
  $('s-codec').textContent = [s.video.codec, s.audio.codec].filter(Boolean).join(' + ') || '–';
  $('s-resolution').textContent = s.video.width ? s.video.width + '×' + s.video.height : '–';
  const sending = s.direction === 'sending';
  $('s-decoded-label').textContent = sending ? 'frames sent' : 'frames decoded';
  $('s-decoded').textContent = sending ? (s.video.framesSent || 0) : s.video.framesDecoded;
  $('s-pair').textContent = s.iceCandidatePair || '–';
  for (const [key, , unit, pick] of CHARTS) {
    const v = pick(s);
    const h = history[key];
    h.values.push(typeof v === 'number' ? v : 0);
    if (h.values.length > 60) h.values.shift();
    h.value.textContent = (typeof v === 'number' ? v : '–') + (unit ? ' ' + unit : '');
    drawChart(h);
  }
  if (s.report) showReport(s.report);
}

function buildCharts() {
  for (const [key, label] of CHARTS) {
    const box = document.createElement('div');
    box.className = 'chart';
    const head = document.createElement('div');
    head.className = 'label';
    const name = document.createElement('span');
    name.textContent = label;
    const value = document.createElement('b');
    value.textContent = '–';
    head.append(name, value);
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 40;
    box.append(head, canvas);
    $('charts').appendChild(box);
    history[key] = { values: [], canvas, value };
  }
}

function drawChart(h) {
  const g = h.canvas.getContext('2d');
  const { width, height } = h.canvas;
  g.clearRect(0, 0, width, height);
  const max = Math.max(1, ...h.values);
  g.strokeStyle = '#2563eb';
  g.lineWidth = 1.5;
  g.beginPath();
  h.values.forEach((v, i) => {
    const x = (i / 59) * (width - 2) + 1;
    const y = height - 2 - (v / max) * (height - 4);
    if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
  });
  g.stroke();
}

function showReport(report) {
  demo.report = report;
  $('report').hidden = false;
  $('report-title').textContent = 'The connection failed. Java\'s connection report says:';
  $('report-text').textContent = report.explanation || JSON.stringify(report);
}

function sendChat() {
  const text = $('chat-input').value;
  if (!text || !chat || chat.readyState !== 'open') return;
  chat.send(text);
  logChat('me: ' + text);
  $('chat-input').value = '';
}

function fail(message) {
  demo.errors.push(message);
  setState('failed');
  $('report').hidden = false;
  $('report-title').textContent = 'Something went wrong';
  $('report-text').textContent = message;
  $('start').disabled = false;
}

function stop(state) {
  send({ type: 'bye' });
  if (pc) pc.close();
  pc = null;
  if (ws) ws.close();
  ws = null;
  const local = $('local').srcObject;
  if (local) local.getTracks().forEach((t) => t.stop());
  $('local').srcObject = null;
  $('server').removeAttribute('src');
  $('chat-input').disabled = true;
  $('chat-send').disabled = true;
  setState(state);
  $('start').disabled = false;
  $('stop').disabled = true;
}
