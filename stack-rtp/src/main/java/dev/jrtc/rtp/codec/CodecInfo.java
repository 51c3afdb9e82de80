package dev.jrtc.rtp.codec;

/** What a depacketizer learned about a frame beyond its bytes, per codec. */
public sealed interface CodecInfo permits CodecInfo.None, Vp8Info, Vp9Info {
    /** Nothing more to say (H.264, AV1, audio). */
    record None() implements CodecInfo {
    }

    /** The shared empty value. */
    CodecInfo NONE = new None();
}
