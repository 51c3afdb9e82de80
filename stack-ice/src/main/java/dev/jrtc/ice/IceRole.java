package dev.jrtc.ice;

/** Which agent nominates (RFC 8445, section 6.1.1). */
public enum IceRole {
    CONTROLLING, CONTROLLED;

    /** The other role. */
    public IceRole opposite() {
        return this == CONTROLLING ? CONTROLLED : CONTROLLING;
    }
}
