package dev.jrtc.sdp;

/**
 * Syntax checks for addresses in SDP. Nothing here resolves a name: a core must not do DNS, and
 * mDNS names ({@code <uuid>.local}) are resolved, if at all, by the ICE agent.
 */
final class Addresses {
    private Addresses() {}

    /** An IPv4 literal, an IPv6 literal or a host name. */
    static boolean isValid(String a) {
        return isIpv4(a) || isIpv6(a) || isHostName(a);
    }

    static boolean isIpv4(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !Tokens.isDigits(p) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * An IPv6 literal: hex groups and colons, at most one {@code ::}, optionally an embedded IPv4
     * tail and a {@code %zone}.
     */
    static boolean isIpv6(String a) {
        int pct = a.indexOf('%');
        String s = pct >= 0 ? a.substring(0, pct) : a;
        if (pct >= 0 && pct == a.length() - 1) {
            return false;
        }
        if (s.indexOf(':') < 0 || s.length() > 45) {
            return false;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        // A lone colon may not start or end the address; only "::" may.
        if ((s.startsWith(":") && !s.startsWith("::")) || (s.endsWith(":") && !s.endsWith("::"))) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue; // part of "::" (checked above) or a leading/trailing colon of it
            }
            if (i == groups.length - 1 && g.indexOf('.') >= 0) {
                if (!isIpv4(g)) {
                    return false;
                }
                count += 2;
                continue;
            }
            if (g.length() > 4) {
                return false;
            }
            for (int k = 0; k < g.length(); k++) {
                if (Character.digit(g.charAt(k), 16) < 0 || g.charAt(k) > 127) {
                    return false;
                }
            }
            count++;
        }
        if (dbl < 0) {
            return count == 8 && !s.startsWith(":") && !s.endsWith(":");
        }
        return count < 8;
    }

    /** Letters, digits, '-', '_' and dots; labels non-empty; at most 253 characters. */
    static boolean isHostName(String a) {
        if (a.isEmpty() || a.length() > 253 || a.startsWith(".") || a.contains("..")) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
