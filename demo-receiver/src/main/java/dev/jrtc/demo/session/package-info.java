/**
 * The demo's sessions: one peer connection each, opened from an offer, reaped when ICE consent is
 * lost; their statistics, recording and test-pattern playback.
 */
package dev.jrtc.demo.session;
