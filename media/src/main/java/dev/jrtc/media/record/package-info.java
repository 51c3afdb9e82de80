/** Recorders that write received streams to files players open: IVF, Annex B, MP4, Ogg Opus and WAV. */
package dev.jrtc.media.record;
