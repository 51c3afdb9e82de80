"""aiortc 1.4 as a media peer of jrtc (AiortcExchangesVideoWithJrtcIT), both roles.

JSON lines on stdin/stdout (diagnostics go to stderr):
  {"type": "make-offer", "codec": "VP8" | "H264", "width": W, "height": H}
      aiortc sends a moving test pattern (sendonly, only that codec by setCodecPreferences)
      -> {"type": "offer", "sdp": ...}
  {"type": "answer", "sdp": ...}              -> {"type": "applied"}
  {"type": "offer", "sdp": ..., "frames": N}  jrtc offers; aiortc answers recvonly and decodes
      -> {"type": "answer", "sdp": ...}, later {"type": "received", "frames", "width", "height", "codec"}
         once N frames are decoded
  {"type": "stats"} -> {"type": "stats", "connectionState", "packetsSent", "packetsReceived", "framesSent"}
Every connection state change -> {"type": "state", "connectionState"}.
Anything unexpected -> {"type": "error", "error": ...}. Exits at end of stdin.
aiortc gathers inside setLocalDescription, so every description carries its candidates (no trickle).
"""
import asyncio
import fractions
import json
import sys
import traceback

import numpy
from av import VideoFrame
from aiortc import RTCConfiguration, RTCPeerConnection, RTCRtpSender, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError, VideoStreamTrack


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class MovingPattern(VideoStreamTrack):
    """Vertical colour bars that scroll one step per frame, so every frame differs."""

    def __init__(self, width, height):
        super().__init__()
        x = numpy.arange(width, dtype=numpy.uint16)
        self.bars = numpy.stack([(x * 3) % 256, (x * 5 + 85) % 256, (x * 7 + 170) % 256], axis=-1).astype(numpy.uint8)
        self.height = height
        self.count = 0

    async def recv(self):
        pts, time_base = await self.next_timestamp()
        row = numpy.roll(self.bars, self.count * 4, axis=0)
        image = numpy.ascontiguousarray(numpy.broadcast_to(row, (self.height,) + row.shape))
        self.count += 1
        frame = VideoFrame.from_ndarray(image, format="rgb24").reformat(format="yuv420p")
        frame.pts = pts
        frame.time_base = time_base
        return frame


class Peer:
    def __init__(self):
        # No ICE servers: nothing may leave the private namespace.
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))

        @self.pc.on("connectionstatechange")
        async def on_state():
            reply({"type": "state", "connectionState": self.pc.connectionState})

    async def make_offer(self, codec, width, height):
        transceiver = self.pc.addTransceiver(MovingPattern(width, height), direction="sendonly")
        wanted = [c for c in RTCRtpSender.getCapabilities("video").codecs
                  if c.mimeType.lower() in ("video/" + codec.lower(), "video/rtx")]
        transceiver.setCodecPreferences(wanted)
        await self.pc.setLocalDescription(await self.pc.createOffer())
        return self.pc.localDescription.sdp

    async def answer_offer(self, sdp, frames_wanted):
        @self.pc.on("track")
        def on_track(track):
            asyncio.ensure_future(self.consume(track, frames_wanted))

        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        return self.pc.localDescription.sdp

    async def consume(self, track, frames_wanted):
        frames = 0
        try:
            while True:
                frame = await track.recv()
                frames += 1
                if frames == frames_wanted:
                    codec = None
                    for t in self.pc.getTransceivers():
                        codecs = getattr(t, "_codecs", [])  # aiortc 1.4 keeps the negotiated codecs here
                        if t.receiver.track is track and codecs:
                            codec = codecs[0].mimeType
                    reply({"type": "received", "frames": frames, "width": frame.width, "height": frame.height,
                           "codec": codec})
        except MediaStreamError:
            pass

    async def stats(self):
        report = await self.pc.getStats()
        out = {"type": "stats", "connectionState": self.pc.connectionState,
               "packetsSent": 0, "packetsReceived": 0}
        for s in report.values():
            if s.type == "outbound-rtp":
                out["packetsSent"] += s.packetsSent
            elif s.type == "inbound-rtp":
                out["packetsReceived"] += s.packetsReceived
        return out


async def main():
    loop = asyncio.get_running_loop()
    peer = Peer()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        command = json.loads(line)
        try:
            kind = command["type"]
            if kind == "make-offer":
                sdp = await peer.make_offer(command["codec"], command.get("width", 320), command.get("height", 240))
                reply({"type": "offer", "sdp": sdp})
            elif kind == "answer":
                await peer.pc.setRemoteDescription(RTCSessionDescription(sdp=command["sdp"], type="answer"))
                reply({"type": "applied"})
            elif kind == "offer":
                reply({"type": "answer", "sdp": await peer.answer_offer(command["sdp"], command.get("frames", 30))})
            elif kind == "stats":
                reply(await peer.stats())
            else:
                reply({"type": "error", "error": "unknown command " + line})
        except Exception as e:
            traceback.print_exc()
            reply({"type": "error", "error": "%s: %s" % (type(e).__name__, e)})
    await peer.pc.close()


if __name__ == "__main__":
    asyncio.run(main())
