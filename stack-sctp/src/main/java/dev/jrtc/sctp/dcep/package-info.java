/** The Data Channel Establishment Protocol (RFC 8832) and the WebRTC PPIDs (RFC 8831 §8). */
package dev.jrtc.sctp.dcep;
