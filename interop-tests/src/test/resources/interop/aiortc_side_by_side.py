"""aiortc 1.4 answering Chromium's camera offers, for JrtcVsAiortcSideBySideIT.

JSON lines on stdin/stdout (diagnostics go to stderr):
  {"type": "offer", "sdp": ..., "decode": bool}
      closes the previous connection, answers with a new RTCPeerConnection (recvonly)
      -> {"type": "answer", "sdp": ...}, then {"type": "connected", "ms": ...} with the milliseconds from
         receiving the offer (before setRemoteDescription) to connectionState "connected"
  {"type": "cpu"} -> {"type": "cpu", "seconds": user+system CPU seconds of this process,
                      "frames", "bytes", "pictures", "width", "height"} (what the receiver got so far)
  {"type": "close"} -> {"type": "closed"}
Anything unexpected -> {"type": "error", "error": ...}. Exits at end of stdin.

The receiver's decoder thread is replaced by one that counts the depacketized frames aiortc hands
to it and, with "decode": true, decodes them with aiortc's own decoder and drops the pictures.
Without it nothing is decoded: aiortc has no public way to receive encoded frames, and this swap
keeps everything up to the jitter buffer and depacketizer untouched.
"""
import asyncio
import json
import os
import sys
import threading
import time
import traceback

import aiortc.rtcrtpreceiver as receiver_module
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class Received:
    """What the current connection's receiver got; written by the worker thread."""

    def __init__(self, decode):
        self.decode = decode
        self.lock = threading.Lock()
        self.frames = 0
        self.bytes = 0
        self.pictures = 0
        self.width = 0
        self.height = 0

    def snapshot(self):
        with self.lock:
            return {"frames": self.frames, "bytes": self.bytes, "pictures": self.pictures,
                    "width": self.width, "height": self.height}


received = Received(False)


def counting_worker(loop, input_q, output_q):
    """Stands in for aiortc's decoder thread (same arguments): counts, and decodes only when asked."""
    target = received
    decoder = None
    codec_name = None
    while True:
        task = input_q.get()
        if task is None:
            asyncio.run_coroutine_threadsafe(output_q.put(None), loop)
            break
        codec, encoded_frame = task
        pictures = []
        if target.decode:
            if codec.name != codec_name:
                decoder = receiver_module.get_decoder(codec)
                codec_name = codec.name
            pictures = decoder.decode(encoded_frame)
        with target.lock:
            target.frames += 1
            target.bytes += len(encoded_frame.data)
            target.pictures += len(pictures)
            for p in pictures:
                target.width, target.height = p.width, p.height


receiver_module.decoder_worker = counting_worker


class Session:
    def __init__(self):
        self.pc = None

    async def answer(self, sdp):
        await self.close()
        # No ICE servers: nothing may leave the private namespace.
        pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.pc = pc
        started = time.monotonic()

        @pc.on("connectionstatechange")
        async def on_state():
            if pc.connectionState == "connected":
                reply({"type": "connected", "ms": (time.monotonic() - started) * 1000})
            elif pc.connectionState == "failed":
                reply({"type": "error", "error": "aiortc: connection failed"})

        await pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        return pc.localDescription.sdp

    async def close(self):
        if self.pc is not None:
            await self.pc.close()
            self.pc = None


async def main():
    global received
    loop = asyncio.get_running_loop()
    session = Session()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        command = json.loads(line)
        try:
            kind = command["type"]
            if kind == "offer":
                await session.close()
                received = Received(bool(command.get("decode", False)))
                reply({"type": "answer", "sdp": await session.answer(command["sdp"])})
            elif kind == "cpu":
                t = os.times()
                reply(dict(type="cpu", seconds=t.user + t.system, **received.snapshot()))
            elif kind == "close":
                await session.close()
                reply({"type": "closed"})
            else:
                reply({"type": "error", "error": "unknown command " + line})
        except Exception as e:
            traceback.print_exc()
            reply({"type": "error", "error": "%s: %s" % (type(e).__name__, e)})
    await session.close()


if __name__ == "__main__":
    asyncio.run(main())
