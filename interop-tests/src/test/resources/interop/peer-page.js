// Shared by the peer-connection test pages: the message queues of LocalTestServer, error
// reporting, non-trickle gathering, and the getStats numbers the Java tests check.
'use strict';
const params = new URLSearchParams(location.search);

async function toJava(message) {
  await fetch('/to-java', {method: 'POST', body: JSON.stringify(message)});
}

async function fromJava() {
  for (;;) {
    const response = await fetch('/to-page');
    if (response.status === 200) return response.json();
  }
}

/** The next message from Java, which must be of `type`. */
async function expectFromJava(type) {
  const m = await fromJava();
  if (m.type !== type) throw new Error('expected ' + type + ' from Java, got ' + JSON.stringify(m));
  return m;
}

function describe(e) {
  return (e && e.name ? e.name + ': ' : '') + (e && e.message ? e.message : String(e));
}
window.addEventListener('error', e => toJava({type: 'error', error: 'page error: ' + e.message}));
window.addEventListener('unhandledrejection', e => toJava({type: 'error', error: 'page error: ' + describe(e.reason)}));

/** Runs the page's test; anything thrown goes to Java as {type: 'error'}. */
function runTest(test) {
  test().catch(e => toJava({type: 'error', error: describe(e)}));
}

function gatheringComplete(pc, seconds = 20) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ICE gathering did not complete within ' + seconds + ' s')),
        seconds * 1000);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') { clearTimeout(timer); resolve(); }
    });
  });
}

/** Reports every connection state change to Java as {type: 'state', connectionState}. */
function reportStates(pc) {
  pc.addEventListener('connectionstatechange', () => toJava({type: 'state', connectionState: pc.connectionState}));
}

/** The RTCConfiguration of a page: max-bundle; ?turn=host:port makes it relay-only through that TURN server. */
function pageConfiguration() {
  const config = {iceServers: [], bundlePolicy: 'max-bundle'};
  if (params.get('turn')) {
    config.iceServers = [{urls: 'turn:' + params.get('turn') + '?transport=udp',
                          username: params.get('turnUser'), credential: params.get('turnPassword')}];
    config.iceTransportPolicy = 'relay';
  }
  return config;
}

/** Restricts a transceiver to one codec by mime type (plus RTX for video), as RTCRtpTransceiver.setCodecPreferences does. */
function preferCodec(transceiver, kind, mimeType, fmtpFilter = () => true) {
  const codecs = RTCRtpReceiver.getCapabilities(kind).codecs
      .filter(c => (c.mimeType.toLowerCase() === mimeType.toLowerCase() && fmtpFilter(c.sdpFmtpLine || ''))
          || c.mimeType === 'video/rtx');
  if (!codecs.some(c => c.mimeType.toLowerCase() === mimeType.toLowerCase())) {
    throw new Error('this browser cannot receive ' + mimeType);
  }
  transceiver.setCodecPreferences(codecs);
}

/** Sums the RTP stats of one direction ('inbound-rtp' or 'outbound-rtp') and kind, with the codec and sizes seen. */
async function rtpStats(pc, type, kind) {
  const report = await pc.getStats();
  const out = {packets: 0, bytes: 0, framesDecoded: 0, framesEncoded: 0, frameWidth: 0, frameHeight: 0,
               keyFramesDecoded: 0, mimeType: null, implementation: null};
  report.forEach(r => {
    if (r.type !== type || r.kind !== kind) return;
    out.packets += (type === 'inbound-rtp' ? r.packetsReceived : r.packetsSent) || 0;
    out.bytes += (type === 'inbound-rtp' ? r.bytesReceived : r.bytesSent) || 0;
    out.framesDecoded += r.framesDecoded || 0;
    out.framesEncoded += r.framesEncoded || 0;
    out.keyFramesDecoded += r.keyFramesDecoded || 0;
    if (r.frameWidth) { out.frameWidth = r.frameWidth; out.frameHeight = r.frameHeight; }
    if (r.codecId && report.get(r.codecId)) out.mimeType = report.get(r.codecId).mimeType;
    out.implementation = r.decoderImplementation || r.encoderImplementation || out.implementation;
  });
  return out;
}

/** The candidate types and addresses of the selected (or else the nominated, succeeded) candidate pair. */
async function selectedPair(pc) {
  const report = await pc.getStats();
  let pair = null;
  report.forEach(r => {
    if (r.type === 'transport' && r.selectedCandidatePairId) pair = report.get(r.selectedCandidatePairId);
  });
  if (!pair) report.forEach(r => { if (r.type === 'candidate-pair' && r.nominated && r.state === 'succeeded') pair = r; });
  if (!pair) return null;
  const local = report.get(pair.localCandidateId) || {};
  const remote = report.get(pair.remoteCandidateId) || {};
  return {localType: local.candidateType, localAddress: local.address + ':' + local.port,
          remoteType: remote.candidateType, remoteAddress: remote.address + ':' + remote.port,
          relayProtocol: local.relayProtocol || null};
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}
