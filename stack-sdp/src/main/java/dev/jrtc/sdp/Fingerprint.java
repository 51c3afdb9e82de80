package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code a=fingerprint:<hash function> <XX:XX:...>} (RFC 8122 section 5): the hash of the DTLS
 * certificate the writer will present. An SDP may carry several, with any hash function.
 *
 * @param hashFunction e.g. {@code sha-256}, as written (compare ignoring case)
 * @param hex          upper- or lower-case hex pairs joined by colons, as written
 */
public record Fingerprint(String hashFunction, String hex) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "fingerprint";

    // Digest sizes of the hash functions RFC 8122 names, so a truncated fingerprint is caught early.
    private static final Map<String, Integer> DIGEST_BYTES = Map.of(
            "md2", 16, "md5", 16, "sha-1", 20, "sha-224", 28, "sha-256", 32, "sha-384", 48, "sha-512", 64);

    /** Validates the fields. */
    public Fingerprint {
        try {
            check(hashFunction, hex);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A fingerprint from a digest, written in upper-case hex as browsers do. */
    public static Fingerprint of(String hashFunction, byte[] digest) {
        StringBuilder sb = new StringBuilder();
        for (byte b : digest) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
        return new Fingerprint(hashFunction, sb.toString());
    }

    /** Parses the text after {@code a=fingerprint:}. */
    public static Fingerprint parse(String value) throws ParseException {
        var f = Tokens.fields(value);
        if (f.size() != 2) {
            throw new ParseException("fingerprint needs '<hash function> <hex>'");
        }
        check(f.get(0), f.get(1));
        return new Fingerprint(f.get(0), f.get(1));
    }

    private static void check(String hashFunction, String hex) throws ParseException {
        if (hashFunction.isEmpty() || hashFunction.indexOf(' ') >= 0) {
            throw new ParseException("fingerprint hash function is missing");
        }
        int bytes = hexPairs(hex);
        Integer expected = DIGEST_BYTES.get(hashFunction.toLowerCase(Locale.ROOT));
        if (expected != null && expected != bytes) {
            throw new ParseException("a " + hashFunction + " fingerprint has " + expected + " bytes, got " + bytes);
        }
    }

    /** Counts the {@code XX} pairs, failing on anything that is not {@code XX(:XX)*}. */
    private static int hexPairs(String hex) throws ParseException {
        if (hex.isEmpty() || (hex.length() + 1) % 3 != 0) {
            throw new ParseException("fingerprint must be hex pairs joined by ':'");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            boolean ok = (i % 3 == 2) ? c == ':' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                throw new ParseException("fingerprint must be hex pairs joined by ':'");
            }
        }
        return (hex.length() + 1) / 3;
    }

    /** The digest bytes. */
    public byte[] digest() {
        byte[] out = new byte[(hex.length() + 1) / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(i * 3, i * 3 + 2), 16);
        }
        return out;
    }

    /** True when this fingerprint uses {@code function} (ignoring case) and equals {@code digest}. */
    public boolean matches(String function, byte[] digest) {
        return hashFunction.equalsIgnoreCase(function) && java.util.Arrays.equals(digest(), digest);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return hashFunction + " " + hex;
    }
}
