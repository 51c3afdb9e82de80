/**
 * A pure-Java VP8 decoder (RFC 6386), bit-exact with libvpx.
 *
 * <p>{@link dev.jrtc.vp8.Vp8Decoder} is the entry point: one compressed frame in, an I420
 * {@link dev.jrtc.vp8.Vp8Frame} (or nothing, for a hidden frame) out, {@link
 * dev.jrtc.vp8.Vp8DecodeException} for corrupt input. Inside, each class does one step of the RFC:
 * {@code BoolDecoder} (7), {@code FrameHeaderParser} (9, 19.2), {@code ModeParser} and {@code
 * MotionVectorDecoder} (11, 16, 17), {@code TokenDecoder} (13), {@code Idct} (14), {@code
 * IntraPredictor} (12), {@code InterPredictor}, {@code SubpixelFilter} and {@code
 * SixTapLanes} (18), {@code LoopFilter}
 * (15) and {@code ReferenceFrames} (9.7-9.8); the constant tables are in the {@code *Tables}
 * classes. The package is sans-IO: no threads, clocks or sockets.
 */
package dev.jrtc.vp8;
