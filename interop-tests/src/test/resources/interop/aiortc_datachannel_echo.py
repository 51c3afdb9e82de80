"""aiortc side of AiortcDataChannelEchoIT: aiortc offers a data channel 'echo', jrtc answers and
echoes every message; aiortc sends N messages of random sizes up to the negotiated
max-message-size (the smaller of the two sides' a=max-message-size), strings and binary, and checks
every echo in order.

JSON lines on stdin/stdout (diagnostics go to stderr):
  {"type": "start", "messages": N, "maxSize": M}   -> {"type": "offer", "sdp": ...}
  {"type": "answer", "sdp": ...}                   -> {"type": "open"},
      then {"type": "result", "name": "echo", "count", "received", "mismatches", "firstMismatch", "bytes", "ms", "maxSize"}
Anything unexpected -> {"type": "error", "error": ...}.
"""
import asyncio
import json
import random
import sys
import time
import traceback

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription

HIGH_WATER = 8 << 20
LETTERS = bytes(97 + b % 26 for b in range(256))


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def message(rng, i, max_size):
    """Message i: the largest first, an empty one second, then uniform sizes; even ones text."""
    size = max_size if i == 0 else 0 if i == 1 else rng.randint(0, max_size)
    if i % 2 == 0:
        return rng.randbytes(size).translate(LETTERS).decode("ascii")
    return rng.randbytes(size)


async def echo(channel, count, max_size):
    rng = random.Random(1)
    expected = []
    state = {"received": 0, "mismatches": 0, "first": None, "inflight": 0}
    done = asyncio.get_running_loop().create_future()
    drained = asyncio.Event()

    @channel.on("message")
    def on_message(data):
        want = expected.pop(0) if expected else None
        if want is None or type(want) is not type(data) or want != data:
            state["mismatches"] += 1
            if state["first"] is None:
                state["first"] = {"index": state["received"], "gotSize": len(data),
                                  "wantSize": None if want is None else len(want)}
        if want is not None:
            state["inflight"] -= len(want)
        state["received"] += 1
        drained.set()
        if state["received"] == count and not done.done():
            done.set_result(None)

    start = time.monotonic()
    sent_bytes = 0
    for i in range(count):
        m = message(rng, i, max_size)
        while state["inflight"] > HIGH_WATER:
            drained.clear()
            await drained.wait()
        expected.append(m)
        state["inflight"] += len(m)
        sent_bytes += len(m)
        channel.send(m)
        if i % 16 == 0:
            await asyncio.sleep(0)  # let the SCTP transport run
    await done
    return {"type": "result", "name": "echo", "count": count, "received": state["received"],
            "mismatches": state["mismatches"], "firstMismatch": state["first"], "bytes": sent_bytes,
            "ms": int((time.monotonic() - start) * 1000), "maxSize": max_size}


async def main():
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    start = json.loads(await reader.readline())
    # No ICE servers: nothing may leave the private namespace.
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    channel = pc.createDataChannel("echo")
    opened = loop.create_future()
    channel.on("open", lambda: opened.done() or opened.set_result(None))
    await pc.setLocalDescription(await pc.createOffer())
    reply({"type": "offer", "sdp": pc.localDescription.sdp})
    answer = json.loads(await reader.readline())
    await pc.setRemoteDescription(RTCSessionDescription(sdp=answer["sdp"], type="answer"))
    await asyncio.wait_for(opened, 30)
    reply({"type": "open"})
    # What jrtc echoes back must fit aiortc's own limit too (RFC 8841).
    # (aiortc 1.4 announces RTCSctpTransport.getCapabilities(); jrtc's is in its answer.)
    theirs = [int(line.split(":", 1)[1]) for line in answer["sdp"].splitlines() if line.startswith("a=max-message-size:")]
    max_size = min([start["maxSize"], pc.sctp.getCapabilities().maxMessageSize] + theirs)
    reply(await echo(channel, start["messages"], max_size))
    await pc.close()


try:
    asyncio.run(main())
except Exception as e:  # report, so the test fails with the reason
    traceback.print_exc()
    reply({"type": "error", "error": "%s: %s" % (type(e).__name__, e)})
