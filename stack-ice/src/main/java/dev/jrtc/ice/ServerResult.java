package dev.jrtc.ice;

import java.net.InetSocketAddress;

/**
 * What happened with one configured STUN or TURN server, in the terms of the W3C
 * {@code icecandidateerror} event: {@link #errorCode()} is 701 when the server could not be
 * reached, otherwise the STUN error code it sent.
 */
public sealed interface ServerResult {
    /** The server. */
    IceServer server();

    /** The W3C error code; 0 for {@link Reachable} and {@link Pending}. */
    int errorCode();

    /** A sentence for a human. */
    String describe();

    /** Still waiting for an answer. */
    record Pending(IceServer server) implements ServerResult {
        @Override
        public int errorCode() {
            return 0;
        }

        @Override
        public String describe() {
            return server.url() + ": no answer yet";
        }
    }

    /** The server answered: a reflexive address for STUN, and a relayed address too for TURN. */
    record Reachable(IceServer server, InetSocketAddress mapped, InetSocketAddress relayed) implements ServerResult {
        @Override
        public int errorCode() {
            return 0;
        }

        @Override
        public String describe() {
            return server.url() + " answered: we appear as " + (mapped == null ? "?" : IpAddresses.toText(mapped))
                    + (relayed == null ? "" : ", relay at " + IpAddresses.toText(relayed));
        }
    }

    /** No answer at all (W3C error 701, "server could not be reached"). */
    record TimedOut(IceServer server, String detail) implements ServerResult {
        @Override
        public int errorCode() {
            return 701;
        }

        @Override
        public String describe() {
            return server.url() + " could not be reached (701): " + detail;
        }
    }

    /** The TURN server refused our credentials (401, or 441 wrong credentials). */
    record AuthFailed(IceServer server, int code, String reason) implements ServerResult {
        @Override
        public int errorCode() {
            return code;
        }

        @Override
        public String describe() {
            return "TURN " + server.url() + " refused our credentials (" + code + (reason.isEmpty() ? "" : " " + reason)
                    + ")";
        }
    }

    /** The TURN server answered but would not allocate (e.g. 486 quota, 508 capacity). */
    record AllocationFailed(IceServer server, int code, String reason) implements ServerResult {
        @Override
        public int errorCode() {
            return code == 0 ? 701 : code;
        }

        @Override
        public String describe() {
            return "TURN " + server.url() + " did not give us a relay (" + (code == 0 ? "" : code + " ") + reason + ")";
        }
    }
}
