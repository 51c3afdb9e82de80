"""GStreamer webrtcbin side of SdpAnswerAcceptedByGstreamerIT: webrtcbin offers, then applies jrtc's answer.

JSON lines on stdin/stdout (diagnostics go to stderr):
  {"type": "make-offer", "scenario": "vp8-opus-datachannel" | "datachannel-only"}
      -> {"type": "offer", "sdp": ...}
  {"type": "answer", "sdp": ...}
      -> {"type": "result", "ok": true, "signalingState", "transceivers", "sctp"}
       | {"type": "result", "ok": false, "error", "signalingState"}
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

MEDIA = (
    "videotestsrc is-live=true ! videoconvert ! vp8enc deadline=1 ! rtpvp8pay ! "
    "application/x-rtp,media=video,encoding-name=VP8,payload=96 ! wrtc. "
    "audiotestsrc is-live=true ! audioconvert ! audioresample ! opusenc ! rtpopuspay ! "
    "application/x-rtp,media=audio,encoding-name=OPUS,payload=97 ! wrtc. "
)
GATHER_TIMEOUT_S = 30


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def enum_name(value):
    return value.value_nick if value is not None else None


class Offerer:
    def __init__(self, scenario):
        if scenario == "vp8-opus-datachannel":
            media = MEDIA
        elif scenario == "datachannel-only":
            media = ""
        else:
            raise ValueError("unknown scenario " + scenario)
        parsed = Gst.parse_launch(media + "webrtcbin name=wrtc bundle-policy=max-bundle")
        if isinstance(parsed, Gst.Pipeline):
            self.pipeline = parsed
        else:  # a lone element parses to itself
            self.pipeline = Gst.Pipeline.new()
            self.pipeline.add(parsed)
        self.webrtc = self.pipeline.get_by_name("wrtc")
        self.gathered = threading.Event()
        self.webrtc.connect("notify::ice-gathering-state", self._on_gathering_state)
        self.pipeline.set_state(Gst.State.PLAYING)
        self.webrtc.emit("create-data-channel", "jrtc", None)

    def _on_gathering_state(self, element, _pspec):
        if element.get_property("ice-gathering-state") == GstWebRTC.WebRTCICEGatheringState.COMPLETE:
            self.gathered.set()

    def offer(self):
        created = Gst.Promise.new()
        self.webrtc.emit("create-offer", None, created)
        created.wait()
        # The offer is borrowed from the reply structure: keep `reply` referenced until it is used.
        reply_structure = created.get_reply()
        offer = reply_structure.get_value("offer")
        applied = Gst.Promise.new()
        self.webrtc.emit("set-local-description", offer, applied)
        applied.wait()
        # Non-trickle: the offer jrtc parses carries every candidate.
        if not self.gathered.wait(GATHER_TIMEOUT_S):
            raise TimeoutError("ICE gathering did not complete in %d s" % GATHER_TIMEOUT_S)
        return self.webrtc.get_property("local-description").sdp.as_text()

    def apply_answer(self, sdp_text):
        """Returns None if webrtcbin accepted the answer, else its error text."""
        result, message = GstSdp.SDPMessage.new_from_text(sdp_text)
        if result != GstSdp.SDPResult.OK:
            return "GstSdp could not parse the answer: %s" % result.value_nick
        answer = GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.ANSWER, message)
        promise = Gst.Promise.new()
        self.webrtc.emit("set-remote-description", answer, promise)
        promise.wait()
        reply_structure = promise.get_reply()
        if reply_structure is not None and reply_structure.has_field("error"):
            return reply_structure.get_value("error").message
        return None

    def signaling_state(self):
        return enum_name(self.webrtc.get_property("signaling-state"))

    def transceivers(self):
        found = []
        index = 0
        while True:
            t = self.webrtc.emit("get-transceiver", index)
            if t is None:
                return found
            found.append({
                "mid": t.get_property("mid"),
                "kind": enum_name(t.get_property("kind")),
                "direction": enum_name(t.get_property("direction")),
                "currentDirection": enum_name(t.get_property("current-direction")),
            })
            index += 1

    def has_sctp_transport(self):
        return self.webrtc.get_property("sctp-transport") is not None

    def close(self):
        self.pipeline.set_state(Gst.State.NULL)


def main():
    Gst.init(None)
    offerer = None
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command["type"] == "make-offer":
                offerer = Offerer(command["scenario"])
                reply({"type": "offer", "sdp": offerer.offer()})
            elif command["type"] == "answer":
                error = offerer.apply_answer(command["sdp"])
                state = offerer.signaling_state()
                if error is None and state != "stable":
                    error = "webrtcbin reported no error but its signaling state is " + state
                if error is not None:
                    reply({"type": "result", "ok": False, "error": error, "signalingState": state})
                else:
                    reply({"type": "result", "ok": True, "signalingState": state,
                           "transceivers": offerer.transceivers(), "sctp": offerer.has_sctp_transport()})
            else:
                reply({"type": "error", "error": "unknown command " + line})
        except Exception as e:
            traceback.print_exc()
            reply({"type": "error", "error": "%s: %s" % (type(e).__name__, e)})
    if offerer is not None:
        offerer.close()


if __name__ == "__main__":
    main()
