package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DtlsNoCommonSrtpProfileFailsHandshakeTest {

    @Test
    void disjointProfileListsFailWithTheReasonOnBothSides() throws Exception {
        DtlsConfig clientConfig = TestCertificates.defaultClient()
                .withSrtpProfiles(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        DtlsConfig serverConfig = TestCertificates.defaultServer()
                .withSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM));
        try (EnginePump pump = new EnginePump(clientConfig, serverConfig)) {
            pump.start().runUntil(() -> pump.client.closed() && pump.server.closed(), Duration.ofSeconds(20));

            DtlsFailure.NoCommonSrtpProfile none = assertInstanceOf(DtlsFailure.NoCommonSrtpProfile.class,
                    pump.server.only(DtlsEvent.Closed.class).reason());
            assertEquals(List.of(0x0001), none.theirs());
            assertTrue(none.describe().contains("0x0001"), none.describe());
            assertEquals(new DtlsFailure.AlertReceived(AlertDescription.handshake_failure),
                    pump.client.only(DtlsEvent.Closed.class).reason());
        }
    }
}
