package dev.jrtc.ice;

/**
 * How the controlling agent nominates (RFC 8445 section 8.1.1; aggressive is from RFC 5245).
 * Regular: check first, then repeat the check on the best valid pair with USE-CANDIDATE.
 * Aggressive: USE-CANDIDATE in every check; the best pair that succeeds is used.
 */
public enum NominationMode { REGULAR, AGGRESSIVE }
