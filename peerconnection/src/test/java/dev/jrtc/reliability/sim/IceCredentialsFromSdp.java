package dev.jrtc.reliability.sim;

import dev.jrtc.peerconnection.engine.PeerConnectionEngine;

/** The ICE ufrag and password a side put into its local description, read from the SDP text. */
public record IceCredentialsFromSdp(String ufrag, String password) {

    /** Reads them from {@code engine}'s local description. */
    public static IceCredentialsFromSdp of(PeerConnectionEngine engine) {
        String sdp = engine.localDescription().orElseThrow().toSdpString();
        return new IceCredentialsFromSdp(attribute(sdp, "a=ice-ufrag:"), attribute(sdp, "a=ice-pwd:"));
    }

    private static String attribute(String sdp, String prefix) {
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IllegalStateException("no " + prefix + " in " + sdp);
    }
}
