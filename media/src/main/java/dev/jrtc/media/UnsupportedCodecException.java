package dev.jrtc.media;

/** A codec name that this module has no decoder, encoder or container for. */
public final class UnsupportedCodecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param codecName the name that was asked for
     * @param supported the names that would have been accepted, for the message
     */
    public UnsupportedCodecException(String codecName, String supported) {
        super("unsupported codec '" + codecName + "'; supported: " + supported);
    }
}
