"""aiortc side of SdpAnswerAcceptedByAiortcIT: aiortc offers, then applies jrtc's answer.

JSON lines on stdin/stdout (diagnostics go to stderr):
  {"type": "make-offer", "scenario": "audio-video-datachannel" | "datachannel-only"}
      -> {"type": "offer", "sdp": ...}
  {"type": "answer", "sdp": ...}
      -> {"type": "result", "ok": true, "signalingState", "transceivers", "sctp"}
       | {"type": "result", "ok": false, "error", "signalingState"}
Anything unexpected -> {"type": "error", "error": ...}. Exits at end of stdin.
"""
import asyncio
import json
import sys
import traceback

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def describe(e):
    return "%s: %s" % (type(e).__name__, e)


def transceivers_of(pc):
    return [
        {
            "mid": t.mid,
            "kind": t.kind,
            "direction": t.direction,
            "currentDirection": t.currentDirection,
            # aiortc 1.4 keeps the negotiated codecs only in this private field.
            "codecs": [c.mimeType for c in getattr(t, "_codecs", [])],
        }
        for t in pc.getTransceivers()
    ]


async def make_offer(scenario):
    # No ICE servers: nothing may leave the private namespace.
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    if scenario == "audio-video-datachannel":
        pc.addTrack(AudioStreamTrack())
        pc.addTrack(VideoStreamTrack())
    elif scenario != "datachannel-only":
        raise ValueError("unknown scenario " + scenario)
    pc.createDataChannel("jrtc")
    # aiortc gathers inside setLocalDescription, so the offer carries the candidates.
    await pc.setLocalDescription(await pc.createOffer())
    return pc


async def main():
    loop = asyncio.get_running_loop()
    pc = None
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        command = json.loads(line)
        try:
            if command["type"] == "make-offer":
                pc = await make_offer(command["scenario"])
                reply({"type": "offer", "sdp": pc.localDescription.sdp})
            elif command["type"] == "answer":
                try:
                    await pc.setRemoteDescription(RTCSessionDescription(sdp=command["sdp"], type="answer"))
                except Exception as e:  # the peer's verdict on our answer, reported, not raised
                    traceback.print_exc()
                    reply({"type": "result", "ok": False, "error": describe(e),
                           "signalingState": pc.signalingState})
                    continue
                reply({"type": "result", "ok": True, "signalingState": pc.signalingState,
                       "transceivers": transceivers_of(pc), "sctp": pc.sctp is not None})
            else:
                reply({"type": "error", "error": "unknown command " + line})
        except Exception as e:
            traceback.print_exc()
            reply({"type": "error", "error": describe(e)})
    if pc is not None:
        await pc.close()


if __name__ == "__main__":
    asyncio.run(main())
