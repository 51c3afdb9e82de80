// Shared by the interop pages: messages to and from the Java test through LocalTestServer's
// /to-java and /to-page queues, page errors reported as {type: 'error'}, and waiting for ICE gathering.
'use strict';
async function toJava(message) {
  await fetch('/to-java', {method: 'POST', body: JSON.stringify(message)});
}
async function fromJava() {
  for (;;) {
    const response = await fetch('/to-page');
    if (response.status === 200) return response.json();
  }
}
function describe(e) {
  return (e && e.name ? e.name + ': ' : '') + (e && e.message ? e.message : String(e));
}
window.addEventListener('error', e => toJava({type: 'error', error: 'page error: ' + e.message}));
window.addEventListener('unhandledrejection', e => toJava({type: 'error', error: 'page error: ' + describe(e.reason)}));

// Bounded well inside the Java side's 60 s, so a stuck gathering is reported as such.
function gatheringComplete(pc) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ICE gathering did not complete within 20 s')), 20000);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') { clearTimeout(timer); resolve(); }
    });
  });
}
