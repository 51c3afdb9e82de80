/**
 * RTCP packets as a sealed interface of records, parsed and written as compound or reduced-size datagrams (RFC 3550, 4585, 5104, 5506, 3611; REMB; transport-wide CC feedback).
 */
package dev.jrtc.rtp.rtcp;
