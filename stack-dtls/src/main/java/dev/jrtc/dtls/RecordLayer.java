package dev.jrtc.dtls;

/** Which code protects application data and alerts after the handshake. */
enum RecordLayer {
    /** {@link GcmRecordLayer} when an AES-GCM suite was negotiated, Bouncy Castle otherwise (production). */
    JDK_AES_GCM,
    /** Bouncy Castle for every record (tests check the two against each other). */
    BOUNCY_CASTLE
}
