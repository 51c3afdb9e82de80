"""aiortc 1.4 as a WHIP client (RFC 9725) of the jrtc demo receiver (AiortcPublishesOverWhipIT).

It does the HTTP itself, as an OBS-style publisher would: POST the offer (aiortc gathers inside
setLocalDescription, so the offer carries every candidate and nothing trickles), apply the 201's
answer, keep sending, DELETE the resource when told.

JSON lines on stdin/stdout (diagnostics go to stderr):
  {"type": "publish", "endpoint": URL, "codec": "VP8" | "H264", "width": W, "height": H}
      -> {"type": "created", "status", "location", "contentType"}
  {"type": "delete"} -> {"type": "deleted", "status"}
Every connection state change -> {"type": "state", "connectionState"}.
Anything unexpected -> {"type": "error", "error": ...}. Exits at end of stdin.
"""
import asyncio
import json
import sys
import traceback
import urllib.error
import urllib.parse
import urllib.request

import numpy
from av import VideoFrame
from aiortc import RTCConfiguration, RTCPeerConnection, RTCRtpSender, RTCSessionDescription
from aiortc.mediastreams import VideoStreamTrack


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class BouncingSquare(VideoStreamTrack):
    """A white square moving over a diagonal grey ramp: every frame differs, none is uniform."""

    def __init__(self, width, height):
        super().__init__()
        y, x = numpy.mgrid[0:height, 0:width]
        self.ramp = ((x + y) * 255 // (width + height)).astype(numpy.uint8)
        self.width = width
        self.height = height
        self.count = 0

    async def recv(self):
        pts, time_base = await self.next_timestamp()
        luma = self.ramp.copy()
        side = self.height // 4
        left = (self.count * 7) % (self.width - side)
        top = (self.count * 5) % (self.height - side)
        luma[top:top + side, left:left + side] = 235
        self.count += 1
        image = numpy.stack([luma, numpy.roll(luma, self.count, axis=1), 255 - luma], axis=-1)
        frame = VideoFrame.from_ndarray(numpy.ascontiguousarray(image), format="rgb24").reformat(format="yuv420p")
        frame.pts = pts
        frame.time_base = time_base
        return frame


def http(method, url, body=None, content_type=None):
    request = urllib.request.Request(url, data=body, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


class Publisher:
    def __init__(self):
        # No ICE servers: nothing may leave the private namespace.
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.resource = None

        @self.pc.on("connectionstatechange")
        async def on_state():
            reply({"type": "state", "connectionState": self.pc.connectionState})

    async def publish(self, endpoint, codec, width, height):
        transceiver = self.pc.addTransceiver(BouncingSquare(width, height), direction="sendonly")
        wanted = [c for c in RTCRtpSender.getCapabilities("video").codecs
                  if c.mimeType.lower() in ("video/" + codec.lower(), "video/rtx")]
        transceiver.setCodecPreferences(wanted)
        await self.pc.setLocalDescription(await self.pc.createOffer())
        loop = asyncio.get_running_loop()
        status, headers, body = await loop.run_in_executor(
            None, http, "POST", endpoint, self.pc.localDescription.sdp.encode(), "application/sdp")
        location = headers.get("Location")
        reply({"type": "created", "status": status, "location": location, "contentType": headers.get("Content-Type")})
        if status != 201:
            raise RuntimeError("WHIP POST answered %d: %s" % (status, body))
        self.resource = urllib.parse.urljoin(endpoint, location)
        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=body, type="answer"))

    async def delete(self):
        loop = asyncio.get_running_loop()
        status, _, _ = await loop.run_in_executor(None, http, "DELETE", self.resource)
        await self.pc.close()
        return status


async def main():
    loop = asyncio.get_running_loop()
    publisher = Publisher()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        command = json.loads(line)
        try:
            kind = command["type"]
            if kind == "publish":
                await publisher.publish(command["endpoint"], command.get("codec", "VP8"),
                                        command.get("width", 320), command.get("height", 240))
            elif kind == "delete":
                reply({"type": "deleted", "status": await publisher.delete()})
            else:
                reply({"type": "error", "error": "unknown command " + line})
        except Exception as e:
            traceback.print_exc()
            reply({"type": "error", "error": "%s: %s" % (type(e).__name__, e)})
    await publisher.pc.close()


if __name__ == "__main__":
    asyncio.run(main())
