/**
 * STUN (RFC 8489), ICE (RFC 8445), TURN client (RFC 8656) and mDNS candidate resolution, as sans-IO state machines.
 */
package dev.jrtc.ice;
