"""GStreamer webrtcbin as a VP8 sender to jrtc (GstreamerSendsVp8ToJrtcIT).

  videotestsrc is-live=true ! video/x-raw,width=W,height=H,framerate=30/1 ! videoconvert
      ! vp8enc deadline=1 ! rtpvp8pay ! webrtcbin (max-bundle, sendonly)

JSON lines on stdin/stdout (diagnostics go to stderr):
  {"type": "make-offer", "width": W, "height": H} -> {"type": "offer", "sdp": ...} (every candidate)
  {"type": "answer", "sdp": ...}                 -> {"type": "applied"} | {"type": "error", ...}
  {"type": "stats"} -> {"type": "stats", "connectionState", "iceConnectionState"} (webrtcbin's own view)
Anything unexpected -> {"type": "error", "error": ...}. Exits at end of stdin.
webrtcbin works on its own threads, so plain Gst.Promise.wait() is enough: no GLib main loop.
"""
import json
import sys
import threading
import traceback

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstSdp", "1.0")
gi.require_version("GstWebRTC", "1.0")
from gi.repository import Gst, GstSdp, GstWebRTC  # noqa: E402

GATHER_TIMEOUT_S = 30


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class Sender:
    def __init__(self, width, height):
        self.pipeline = Gst.parse_launch(
            "videotestsrc is-live=true pattern=ball ! video/x-raw,width=%d,height=%d,framerate=30/1 ! "
            "videoconvert ! vp8enc deadline=1 keyframe-max-dist=30 ! rtpvp8pay ! "
            "application/x-rtp,media=video,encoding-name=VP8,payload=96 ! "
            "webrtcbin name=wrtc bundle-policy=max-bundle" % (width, height))
        self.webrtc = self.pipeline.get_by_name("wrtc")
        self.gathered = threading.Event()
        self.webrtc.connect("notify::ice-gathering-state", self._on_gathering_state)
        self.pipeline.set_state(Gst.State.PLAYING)
        transceiver = self.webrtc.emit("get-transceiver", 0)
        transceiver.set_property("direction", GstWebRTC.WebRTCRTPTransceiverDirection.SENDONLY)

    def _on_gathering_state(self, element, _pspec):
        if element.get_property("ice-gathering-state") == GstWebRTC.WebRTCICEGatheringState.COMPLETE:
            self.gathered.set()

    def offer(self):
        created = Gst.Promise.new()
        self.webrtc.emit("create-offer", None, created)
        created.wait()
        reply_structure = created.get_reply()  # the offer is borrowed from it: keep it referenced
        offer = reply_structure.get_value("offer")
        applied = Gst.Promise.new()
        self.webrtc.emit("set-local-description", offer, applied)
        applied.wait()
        if not self.gathered.wait(GATHER_TIMEOUT_S):
            raise TimeoutError("ICE gathering did not complete in %d s" % GATHER_TIMEOUT_S)
        return self.webrtc.get_property("local-description").sdp.as_text()

    def apply_answer(self, sdp_text):
        result, message = GstSdp.SDPMessage.new_from_text(sdp_text)
        if result != GstSdp.SDPResult.OK:
            raise ValueError("GstSdp could not parse the answer: %s" % result.value_nick)
        answer = GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.ANSWER, message)
        promise = Gst.Promise.new()
        self.webrtc.emit("set-remote-description", answer, promise)
        promise.wait()
        reply_structure = promise.get_reply()
        if reply_structure is not None and reply_structure.has_field("error"):
            raise ValueError(reply_structure.get_value("error").message)

    def states(self):
        return {"type": "stats",
                "connectionState": self.webrtc.get_property("connection-state").value_nick,
                "iceConnectionState": self.webrtc.get_property("ice-connection-state").value_nick}

    def close(self):
        self.pipeline.set_state(Gst.State.NULL)


def main():
    Gst.init(None)
    sender = None
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command["type"] == "make-offer":
                sender = Sender(command.get("width", 320), command.get("height", 240))
                reply({"type": "offer", "sdp": sender.offer()})
            elif command["type"] == "answer":
                sender.apply_answer(command["sdp"])
                reply({"type": "applied"})
            elif command["type"] == "stats":
                reply(sender.states())
            else:
                reply({"type": "error", "error": "unknown command " + line})
        except Exception as e:
            traceback.print_exc()
            reply({"type": "error", "error": "%s: %s" % (type(e).__name__, e)})
    if sender is not None:
        sender.close()


if __name__ == "__main__":
    main()
