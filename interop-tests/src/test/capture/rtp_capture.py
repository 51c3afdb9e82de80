#!/usr/bin/python3
"""Captures real RTP and RTCP between headless Chromium and aiortc, and decrypts it.

usage: rtp_capture.py --codec VP8|H264 --seconds N --out DIR --name NAME

Run it only inside the private namespace that capture-rtp.sh makes. It:
  1. starts dumpcap on lo (UDP only; every local address is reached through lo),
  2. serves rtp-capture.html to headless Chromium (fake camera at 320x240 and fake microphone),
     which offers sendrecv audio (Opus) and video (only --codec), and answers with aiortc,
     which sends its own synthetic video and silence back,
  3. makes aiortc provoke the feedback Chromium sends (see Impairments): it negotiates
     transport-cc for video and stamps transport-wide sequence numbers on the video it sends, so
     Chromium sends TWCC feedback; with --drop-every N it leaves out every Nth video packet it would
     send (Chromium NACKs it, aiortc answers with RTX) and ignores every Nth video packet it
     receives (aiortc NACKs it, Chromium answers with RTX); with --lose-for-good K it never delivers
     the K-th video packet it sends nor any retransmission of it, so Chromium asks for a key frame,
  4. records the SRTP master keys and salts aiortc derives from the DTLS exporter (RFC 5764
     section 4.2) by wrapping pylibsrtp's Policy where aiortc builds it,
  5. after N seconds of media stops the capture, and decrypts every SRTP and SRTCP packet in the
     pcap with fresh pylibsrtp sessions made from those keys (libsrtp, not jrtc),
  6. writes DIR/NAME.rtpcap (format below), DIR/NAME.offer.sdp, DIR/NAME.answer.sdp and
     DIR/NAME.json (peer versions, counts, Chromium's outbound/inbound stats).

NAME.rtpcap: the 8 bytes "JRTCCAP1", then one record per decrypted packet, in capture order:
  u8 sender (0 = the offerer, Chromium; 1 = the answerer, aiortc), u8 kind (0 = RTP, 1 = RTCP),
  u32 microseconds since the first record, u16 length, then the plaintext packet (SRTP auth tag
  and SRTCP index removed), all big-endian.
"""
import argparse
import asyncio
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import aiortc
import aiortc.codecs as codecs_module
import aiortc.rtcdtlstransport as dtls_module
import pylibsrtp
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.contrib.media import MediaBlackhole
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack
from aiortc.rtcrtpparameters import RTCRtcpFeedback, RTCRtpHeaderExtensionParameters
from aiortc.rtp import RtpPacket, is_rtcp

HERE = os.path.dirname(os.path.abspath(__file__))
PORT = 8766

# (ssrc_type, key+salt) for every Policy aiortc makes: its inbound one decrypts what Chromium
# sent, its outbound one what aiortc sent.
RECORDED_KEYS = []


class RecordingPolicy(pylibsrtp.Policy):
    def __init__(self, key=None, ssrc_type=0, **kwargs):
        super().__init__(key=key, ssrc_type=ssrc_type, **kwargs)
        RECORDED_KEYS.append((ssrc_type, bytes(key)))


dtls_module.Policy = RecordingPolicy

TRANSPORT_CC_URI = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"


class Impairments:
    """What aiortc does to its video RTP so that both peers send real feedback.

    Wraps aiortc's DTLS transport where plaintext RTP passes: _send_rtp (before SRTP) and
    _handle_rtp_data (after SRTP). Only the video section's payload types are touched; they are
    read from the answer once it exists.
    """

    def __init__(self, drop_every, lose_for_good):
        self.drop_every = drop_every
        self.lose_for_good = lose_for_good
        self.media_pt = None
        self.rtx_pt = None
        self.twcc_seq = 0
        self.sent_video = 0
        self.lost_seq = None
        self.dropped_out, self.ignored_in = set(), set()
        self.counts = {"left_out": 0, "ignored": 0, "lost_for_good": 0}

    def learn(self, answer_sdp):
        video = answer_sdp.split("m=video ")[1].split("\r\nm=")[0]
        self.media_pt = int(video.split("\r\n")[0].split(" ")[2])
        for line in video.split("\r\n"):
            if line.startswith("a=fmtp:") and "apt=%d" % self.media_pt in line:
                self.rtx_pt = int(line[7:line.index(" ")])

    def outgoing(self, transport, data):
        """The RTP to send instead of data (None: send nothing)."""
        if self.media_pt is None or is_rtcp(data) or (data[1] & 0x7F) not in (self.media_pt, self.rtx_pt):
            return data
        packet = RtpPacket.parse(data, transport._rtp_header_extensions_map)
        if packet.payload_type == self.media_pt:
            self.sent_video += 1
            seq = packet.sequence_number
            if self.sent_video == self.lose_for_good:
                self.lost_seq = seq
                self.counts["lost_for_good"] += 1
                return None
            if self.drop_every and seq % self.drop_every == self.drop_every // 2 and seq not in self.dropped_out:
                self.dropped_out.add(seq)  # left out once; aiortc's history still has it for NACK
                self.counts["left_out"] += 1
                return None
        elif packet.payload[:2] == (self.lost_seq or 0).to_bytes(2, "big") and self.lost_seq is not None:
            self.counts["lost_for_good"] += 1
            return None
        packet.extensions.transport_sequence_number = self.twcc_seq
        self.twcc_seq = (self.twcc_seq + 1) & 0xFFFF
        return packet.serialize(transport._rtp_header_extensions_map)

    def ignore_incoming(self, data):
        if not self.drop_every or self.media_pt is None or (data[1] & 0x7F) != self.media_pt:
            return False
        seq = int.from_bytes(data[2:4], "big")
        if seq % self.drop_every == 0 and seq not in self.ignored_in:
            self.ignored_in.add(seq)  # first copy only; a repeat or the RTX gets through
            self.counts["ignored"] += 1
            return True
        return False

    def install(self):
        # transport-cc for video: aiortc 1.4 neither offers nor answers it on its own.
        codecs_module.HEADER_EXTENSIONS["video"].append(RTCRtpHeaderExtensionParameters(id=3, uri=TRANSPORT_CC_URI))
        for codec in codecs_module.CODECS["video"]:
            if codec.mimeType.lower() != "video/rtx":
                codec.rtcpFeedback.append(RTCRtcpFeedback(type="transport-cc"))
        send_rtp = dtls_module.RTCDtlsTransport._send_rtp
        handle_rtp_data = dtls_module.RTCDtlsTransport._handle_rtp_data
        impairments = self

        async def impaired_send_rtp(transport, data):
            data = impairments.outgoing(transport, data)
            if data is not None:
                await send_rtp(transport, data)

        async def impaired_handle_rtp_data(transport, data, arrival_time_ms):
            if not impairments.ignore_incoming(data):
                await handle_rtp_data(transport, data, arrival_time_ms)

        dtls_module.RTCDtlsTransport._send_rtp = impaired_send_rtp
        dtls_module.RTCDtlsTransport._handle_rtp_data = impaired_handle_rtp_data


def log(text):
    print("rtp-capture: " + text, file=sys.stderr, flush=True)


class Answerer:
    """aiortc on its own asyncio loop, answering the page's offer."""

    def __init__(self, loop, impairments):
        self.loop = loop
        self.impairments = impairments
        self.pc = None
        self.sinks = []

    async def answer(self, offer_sdp):
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))

        @self.pc.on("track")
        def on_track(track):
            sink = MediaBlackhole()
            sink.addTrack(track)
            self.sinks.append(sink)
            asyncio.ensure_future(sink.start())

        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=offer_sdp, type="offer"))
        # addTrack reuses the offered transceivers, so aiortc sends on both as well.
        self.pc.addTrack(AudioStreamTrack())
        self.pc.addTrack(VideoStreamTrack())
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        self.impairments.learn(self.pc.localDescription.sdp)
        return self.pc.localDescription.sdp

    async def close(self):
        for s in self.sinks:
            await s.stop()
        if self.pc:
            await self.pc.close()


def make_handler(answerer, state):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):
            pass

        def do_GET(self):
            if self.path.split("?")[0] != "/rtp-capture.html":
                self.send_error(404)
                return
            with open(os.path.join(HERE, "rtp-capture.html"), "rb") as f:
                body = f.read()
            self.reply(body, "text/html; charset=utf-8")

        def do_POST(self):
            msg = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
            if self.path == "/offer":
                state["offer"] = msg["sdp"]
                fut = asyncio.run_coroutine_threadsafe(answerer.answer(msg["sdp"]), answerer.loop)
                state["answer"] = fut.result(30)
                self.reply(json.dumps({"sdp": state["answer"]}).encode(), "application/json")
                return
            if self.path == "/log":
                log("page: " + msg.get("text", ""))
            elif self.path == "/done":
                state["done"] = msg
            self.send_response(204)
            self.end_headers()

        def reply(self, body, content_type):
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def start_dumpcap(pcap):
    proc = subprocess.Popen(["dumpcap", "-i", "lo", "-f", "udp", "-P", "-w", pcap],
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    # dumpcap says "Capturing on ..." once the capture runs; waiting for it means nothing is missed.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if "Capturing on" in line:
            return proc
        if proc.poll() is not None:
            raise SystemExit("dumpcap failed: " + line + proc.stderr.read())
    raise SystemExit("dumpcap did not start")


def start_chromium(url, profile):
    return subprocess.Popen(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--user-data-dir=" + profile, "--allow-loopback-in-peer-connection",
         "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def udp_payloads(pcap):
    """Yields (microseconds, payload) for every UDP datagram in a classic pcap of lo."""
    with open(pcap, "rb") as f:
        data = f.read()
    magic = struct.unpack_from("<I", data, 0)[0]
    if magic != 0xA1B2C3D4:
        raise SystemExit("expected a little-endian microsecond pcap, magic %08x" % magic)
    linktype = struct.unpack_from("<I", data, 20)[0]
    if linktype != 1:
        raise SystemExit("expected Ethernet framing on lo, linktype %d" % linktype)
    off = 24
    while off + 16 <= len(data):
        sec, usec, incl, _ = struct.unpack_from("<IIII", data, off)
        frame = data[off + 16:off + 16 + incl]
        off += 16 + incl
        ethertype = struct.unpack_from("!H", frame, 12)[0]
        ip = frame[14:]
        if ethertype == 0x0800 and ip[9] == 17:
            udp = ip[(ip[0] & 0x0F) * 4:]
        elif ethertype == 0x86DD and ip[6] == 17:
            udp = ip[40:]
        else:
            continue
        length = struct.unpack_from("!H", udp, 4)[0]
        yield sec * 1_000_000 + usec, udp[8:length]


def decrypt(pcap, keys):
    """Decrypts with libsrtp; returns the records and counts of what could not be decrypted."""
    inbound = [k for t, k in keys if t == pylibsrtp.Policy.SSRC_ANY_INBOUND]
    outbound = [k for t, k in keys if t == pylibsrtp.Policy.SSRC_ANY_OUTBOUND]
    if len(inbound) != 1 or len(outbound) != 1:
        raise SystemExit("expected one key each way from aiortc, got %r" % [t for t, _ in keys])

    def session(key):
        policy = pylibsrtp.Policy(key=key, ssrc_type=pylibsrtp.Policy.SSRC_ANY_INBOUND)
        policy.window_size = 1024
        return pylibsrtp.Session(policy)

    # Sender 0 is Chromium: aiortc's inbound key decrypts it. Sender 1 is aiortc.
    sessions = [(0, session(inbound[0])), (1, session(outbound[0]))]
    records, failed, first = [], {"rtp": 0, "rtcp": 0}, None
    for micros, payload in udp_payloads(pcap):
        if len(payload) < 12 or not 128 <= payload[0] <= 191:
            continue  # STUN, DTLS and anything else (RFC 7983)
        rtcp = 64 <= (payload[1] & 0x7F) <= 95  # RFC 5761 section 4
        for sender, s in sessions:
            try:
                plain = s.unprotect_rtcp(payload) if rtcp else s.unprotect(payload)
            except pylibsrtp.Error:
                continue
            first = micros if first is None else first
            records.append((sender, 1 if rtcp else 0, micros - first, plain))
            break
        else:
            failed["rtcp" if rtcp else "rtp"] += 1
    return records, failed


def write_rtpcap(path, records):
    with open(path, "wb") as f:
        f.write(b"JRTCCAP1")
        for sender, kind, micros, plain in records:
            f.write(struct.pack("!BBIH", sender, kind, micros, len(plain)))
            f.write(plain)


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--codec", choices=["VP8", "H264"], required=True)
    ap.add_argument("--seconds", type=float, default=4)
    ap.add_argument("--out", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--drop-every", type=int, default=0)
    ap.add_argument("--lose-for-good", type=int, default=0)
    args = ap.parse_args()
    impairments = Impairments(args.drop_every, args.lose_for_good)
    impairments.install()
    os.makedirs(args.out, exist_ok=True)

    work = tempfile.mkdtemp(prefix="jrtc-rtp-capture.")
    answerer = Answerer(asyncio.get_running_loop(), impairments)
    state = {}
    server = ThreadingHTTPServer(("127.0.0.1", PORT), make_handler(answerer, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pcap = os.path.join(work, "capture.pcap")
    dumpcap = start_dumpcap(pcap)
    chromium = start_chromium("http://127.0.0.1:%d/rtp-capture.html?codec=%s&seconds=%s"
                              % (PORT, args.codec, args.seconds), os.path.join(work, "profile"))
    try:
        deadline = time.monotonic() + 60 + args.seconds
        while "done" not in state and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
    finally:
        os.killpg(chromium.pid, signal.SIGKILL)
        chromium.wait()
        await answerer.close()
        await asyncio.sleep(0.2)
        dumpcap.send_signal(signal.SIGTERM)
        dumpcap.wait(10)
        server.shutdown()
    done = state.get("done")
    if not done or "error" in done:
        raise SystemExit("the page failed: %r" % done)

    records, failed = decrypt(pcap, RECORDED_KEYS)
    base = os.path.join(args.out, args.name)
    write_rtpcap(base + ".rtpcap", records)
    for kind in ("offer", "answer"):
        with open(base + "." + kind + ".sdp", "w", encoding="utf-8", newline="") as f:
            f.write(state[kind])
    counts = {"%s-%s" % (("chromium", "aiortc")[s], ("rtp", "rtcp")[k]):
              sum(1 for r in records if r[0] == s and r[1] == k) for s in (0, 1) for k in (0, 1)}
    summary = {
        "chromium": subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip(),
        "aiortc": aiortc.__version__, "pylibsrtp": pylibsrtp.__version__,
        "codec": args.codec, "seconds": args.seconds, "decrypted": counts,
        "not_decrypted": failed, "chromium_stats": done.get("stats"),
        "impairments": dict(impairments.counts, drop_every=args.drop_every, lose_for_good=args.lose_for_good),
    }
    with open(base + ".json", "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
        f.write("\n")
    log(json.dumps(summary, sort_keys=True))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
