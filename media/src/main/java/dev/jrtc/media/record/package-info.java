/**
 * Recorders that write received streams to files players open: IVF, Annex B, MP4, Ogg Opus and WAV
 * for one track each, and {@link dev.jrtc.media.record.MatroskaWriter} for video and audio together
 * in WebM ({@code .webm}: VP8, Opus) or Matroska ({@code .mkv}: H.264, Opus).
 */
package dev.jrtc.media.record;
