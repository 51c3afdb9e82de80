#!/usr/bin/python3
"""Captures GStreamer webrtcbin offers for the corpus.

usage: gst_capture.py OUT_DIR

Writes OUT_DIR/offer-vp8-opus.sdp (videotestsrc ! vp8enc ! rtpvp8pay and
audiotestsrc ! opusenc ! rtpopuspay), OUT_DIR/offer-vp8-opus-datachannel.sdp and
OUT_DIR/offer-datachannel-only.sdp. Each is the local description read after
ICE gathering completed, so the libnice candidates are in it.
"""
import os
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstWebRTC", "1.0")
gi.require_version("GstSdp", "1.0")
from gi.repository import GLib, Gst, GstWebRTC  # noqa: E402

MEDIA = (
    "videotestsrc is-live=true ! videoconvert ! vp8enc deadline=1 ! rtpvp8pay ! "
    "application/x-rtp,media=video,encoding-name=VP8,payload=96 ! wrtc. "
    "audiotestsrc is-live=true wave=sine ! audioconvert ! audioresample ! opusenc ! rtpopuspay ! "
    "application/x-rtp,media=audio,encoding-name=OPUS,payload=97 ! wrtc. "
)
TIMEOUT_S = 30


def capture(description, with_data_channel):
    """Returns the SDP text of webrtcbin's offer for the given pipeline."""
    pipeline = Gst.parse_launch(description + "webrtcbin name=wrtc bundle-policy=max-bundle")
    if not isinstance(pipeline, Gst.Pipeline):
        # A lone element parses to itself, not to a pipeline holding it.
        lone = pipeline
        pipeline = Gst.Pipeline.new()
        pipeline.add(lone)
    webrtc = pipeline.get_by_name("wrtc")
    loop = GLib.MainLoop()
    result = {}

    def fail(message):
        result["error"] = message
        loop.quit()

    def on_gathering_state(element, _pspec):
        if element.get_property("ice-gathering-state") == GstWebRTC.WebRTCICEGatheringState.COMPLETE:
            result["sdp"] = element.get_property("local-description").sdp.as_text()
            loop.quit()

    def on_offer_created(promise, _user_data):
        promise.wait()
        reply = promise.get_reply()
        offer = reply.get_value("offer") if reply is not None else None
        if offer is None:
            GLib.idle_add(fail, "create-offer gave no offer: %s" % reply)
            return
        webrtc.emit("set-local-description", offer, Gst.Promise.new())

    def create_offer():
        webrtc.emit("create-offer", None, Gst.Promise.new_with_change_func(on_offer_created, None))
        return False

    webrtc.connect("notify::ice-gathering-state", on_gathering_state)
    pipeline.set_state(Gst.State.PLAYING)
    if with_data_channel:
        webrtc.emit("create-data-channel", "corpus", None)
    # Offer once, explicitly, after the channel exists, rather than on each
    # on-negotiation-needed: the transceivers already exist from the linked pads.
    GLib.idle_add(create_offer)
    GLib.timeout_add_seconds(TIMEOUT_S, fail, "timed out after %d s" % TIMEOUT_S)
    loop.run()
    pipeline.set_state(Gst.State.NULL)
    if "error" in result:
        raise RuntimeError(result["error"])
    return result["sdp"]


def write(out_dir, name, sdp):
    with open(os.path.join(out_dir, name + ".sdp"), "w", encoding="utf-8", newline="") as f:
        f.write(sdp)
    print("gstreamer: wrote " + name, file=sys.stderr)


def main(out_dir):
    Gst.init(None)
    os.makedirs(out_dir, exist_ok=True)
    write(out_dir, "offer-vp8-opus", capture(MEDIA, False))
    write(out_dir, "offer-vp8-opus-datachannel", capture(MEDIA, True))
    write(out_dir, "offer-datachannel-only", capture("", True))


if __name__ == "__main__":
    main(sys.argv[1])
