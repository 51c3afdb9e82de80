/** Audio decoders to 16-bit PCM: Opus through Concentus, and G.711 mu-law and A-law; a tone meter for tests. */
package dev.jrtc.media.audio;
