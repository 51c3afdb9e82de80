/**
 * What every jrtc protocol core shares: injected time ({@link dev.jrtc.common.MonotonicClock},
 * {@link dev.jrtc.common.WallClock}) and randomness ({@link dev.jrtc.common.RandomSource}),
 * bounds-checked wire readers and writers ({@link dev.jrtc.common.ByteReader},
 * {@link dev.jrtc.common.ByteWriter}), the RFC 7983 first-byte demux ({@link dev.jrtc.common.PacketKind}),
 * and the sans-IO {@link dev.jrtc.common.Output} types.
 *
 * <p>Nothing here opens a socket, starts a thread or reads a clock; the production clocks live at
 * the edge, in {@code peerconnection}.
 */
package dev.jrtc.common;
