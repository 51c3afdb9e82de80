package dev.jrtc.dtls;

import dev.jrtc.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The {@code use_srtp} extension (RFC 5764 section 4.1): the client offers its profiles in
 * preference order, the server picks one from the client's list by the server's own preference,
 * and the client accepts only a single profile that it offered. WebRTC cannot work without SRTP,
 * so a missing or foreign profile aborts the handshake.
 *
 * <p>Profiles go on the wire as {@link SrtpProfile#dtlsProfileId()}, which is the RFC 5764 /
 * RFC 7714 registry value and so also Bouncy Castle's {@code SRTPProtectionProfile} constant.
 */
final class SrtpNegotiation {
    private final List<SrtpProfile> ours;
    private final HandshakeRecorder recorder;

    SrtpNegotiation(List<SrtpProfile> ours, HandshakeRecorder recorder) {
        this.ours = ours;
        this.recorder = recorder;
    }

    /** Client: adds our offer (with an empty MKI) to the ClientHello extensions. */
    void offer(Hashtable<Integer, byte[]> clientExtensions) throws IOException {
        int[] ids = ours.stream().mapToInt(SrtpProfile::dtlsProfileId).toArray();
        TlsSRTPUtils.addUseSRTPExtension(clientExtensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
    }

    /** Client: checks the server's choice. */
    void acceptServerChoice(Hashtable<?, ?> serverExtensions) throws IOException {
        UseSRTPData data = serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        int[] chosen = data == null ? new int[0] : data.getProtectionProfiles();
        if (chosen.length == 1) {
            for (SrtpProfile p : ours) {
                if (p.dtlsProfileId() == chosen[0]) {
                    recorder.srtpProfile(p);
                    return;
                }
            }
        }
        throw recorder.fail(new DtlsFailure.NoCommonSrtpProfile(ours, boxed(chosen)), AlertDescription.illegal_parameter);
    }

    /** Server: picks our most preferred profile among the client's, or aborts. */
    SrtpProfile select(Hashtable<?, ?> clientExtensions) throws IOException {
        UseSRTPData data = clientExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        int[] offered = data == null ? new int[0] : data.getProtectionProfiles();
        for (SrtpProfile p : ours) {
            if (Arrays.stream(offered).anyMatch(id -> id == p.dtlsProfileId())) {
                recorder.srtpProfile(p);
                return p;
            }
        }
        throw recorder.fail(new DtlsFailure.NoCommonSrtpProfile(ours, boxed(offered)), AlertDescription.handshake_failure);
    }

    /** Server: the ServerHello extension naming the chosen profile. */
    static void answer(Hashtable<Integer, byte[]> serverExtensions, SrtpProfile chosen) throws IOException {
        TlsSRTPUtils.addUseSRTPExtension(serverExtensions, new UseSRTPData(new int[] {chosen.dtlsProfileId()}, TlsUtils.EMPTY_BYTES));
    }

    private static List<Integer> boxed(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
