package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;

/**
 * The ICE username fragment and password of one side ({@code a=ice-ufrag}, {@code a=ice-pwd},
 * RFC 8839 section 5.4): ufrag 4..256 and pwd 22..256 ice-chars.
 *
 * @param ufrag the username fragment
 * @param pwd   the password
 */
public record IceCredentials(String ufrag, String pwd) {
    /** Attribute name of the ufrag. */
    public static final String UFRAG = "ice-ufrag";
    /** Attribute name of the password. */
    public static final String PWD = "ice-pwd";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** Checks the RFC 8839 lengths and alphabet. */
    public IceCredentials {
        if (!isValidUfrag(ufrag)) {
            throw new IllegalArgumentException("ice-ufrag must be 4..256 ice-chars");
        }
        if (!isValidPwd(pwd)) {
            throw new IllegalArgumentException("ice-pwd must be 22..256 ice-chars");
        }
    }

    /** Fresh credentials: an 8-character ufrag and a 24-character password (144 bits). */
    public static IceCredentials random(RandomSource random) {
        return new IceCredentials(randomString(random, 8), randomString(random, 24));
    }

    private static String randomString(RandomSource random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** ALPHA / DIGIT / "+" / "/". */
    public static boolean isIceChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    static boolean allIceChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isIceChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 4..256 ice-chars. */
    public static boolean isValidUfrag(String s) {
        return s.length() >= 4 && s.length() <= 256 && allIceChars(s);
    }

    /** 22..256 ice-chars. */
    public static boolean isValidPwd(String s) {
        return s.length() >= 22 && s.length() <= 256 && allIceChars(s);
    }

    /**
     * What the parser demands of a received ufrag or password: non-empty ice-chars. Lengths are not
     * enforced on input, as some stacks send short ones; {@link #isValidUfrag} tells.
     */
    static void checkReceived(String name, String value) throws ParseException {
        if (value == null || value.isEmpty() || value.length() > 256 || !allIceChars(value)) {
            throw new ParseException(name + " must be 1..256 of A-Z a-z 0-9 + /");
        }
    }
}
