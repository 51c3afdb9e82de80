#!/usr/bin/python3
"""Captures aiortc SDPs for the corpus.

usage: aiortc_capture.py OUT_DIR [OFFER_TO_ANSWER.sdp]

Writes OUT_DIR/offer-audio-video-datachannel.sdp, OUT_DIR/offer-datachannel-only.sdp
and, given a foreign offer, OUT_DIR/answer-to-chromium-offer.sdp. aiortc gathers
inside setLocalDescription, so its localDescription already holds the candidates.
"""
import asyncio
import os
import sys

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.exceptions import InvalidStateError
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack


def new_pc():
    # No ICE servers: nothing may leave this machine.
    return RTCPeerConnection(RTCConfiguration(iceServers=[]))


def write(out_dir, name, sdp):
    # newline="" keeps aiortc's CRLF exactly.
    with open(os.path.join(out_dir, name + ".sdp"), "w", encoding="utf-8", newline="") as f:
        f.write(sdp)
    print("aiortc: wrote " + name, file=sys.stderr)


async def offer(pc):
    await pc.setLocalDescription(await pc.createOffer())
    return pc.localDescription.sdp


def ignore_closed_transport(loop, context):
    # Closing a pc right after setLocalDescription(answer) aborts aiortc's own
    # background connect task; that is expected here, anything else is not.
    if not isinstance(context.get("exception"), InvalidStateError):
        loop.default_exception_handler(context)


async def main(out_dir, offer_file):
    asyncio.get_running_loop().set_exception_handler(ignore_closed_transport)
    os.makedirs(out_dir, exist_ok=True)

    pc = new_pc()
    pc.addTrack(AudioStreamTrack())
    pc.addTrack(VideoStreamTrack())
    pc.createDataChannel("corpus")
    write(out_dir, "offer-audio-video-datachannel", await offer(pc))
    await pc.close()

    pc = new_pc()
    pc.createDataChannel("corpus")
    write(out_dir, "offer-datachannel-only", await offer(pc))
    await pc.close()

    if offer_file:
        with open(offer_file, encoding="utf-8", newline="") as f:
            remote = f.read()
        pc = new_pc()
        await pc.setRemoteDescription(RTCSessionDescription(sdp=remote, type="offer"))
        # addTrack reuses the offered transceivers, so the answer is sendrecv.
        pc.addTrack(AudioStreamTrack())
        pc.addTrack(VideoStreamTrack())
        await pc.setLocalDescription(await pc.createAnswer())
        write(out_dir, "answer-to-chromium-offer", pc.localDescription.sdp)
        await pc.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
