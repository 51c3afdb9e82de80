package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrtc.srtp.SrtpKeys;

/** Checks on the {@link DtlsEvent.SrtpKeysExported} events of the two ends of one association. */
final class SrtpKeysAssertions {
    private SrtpKeysAssertions() {
    }

    /**
     * Both ends exported the same material for the same profile, and their {@link SrtpKeys} mirror
     * each other: what the client protects with, the server unprotects with, and the other way round.
     */
    static void assertSameAssociation(DtlsEvent.SrtpKeysExported client, DtlsEvent.SrtpKeysExported server) {
        assertEquals(DtlsRole.CLIENT, client.localRole());
        assertEquals(DtlsRole.SERVER, server.localRole());
        assertEquals(client.profile(), server.profile());
        assertArrayEquals(client.exportedKeyingMaterial(), server.exportedKeyingMaterial(),
                "both ends must derive the same material");
        assertMirrored(client.keys(), server.keys());
    }

    /** The client's local key and salt are the server's remote ones, and the other way round. */
    static void assertMirrored(SrtpKeys client, SrtpKeys server) {
        assertEquals(client.profile(), server.profile());
        assertArrayEquals(client.localMasterKey(), server.remoteMasterKey(), "client write key");
        assertArrayEquals(client.localMasterSalt(), server.remoteMasterSalt(), "client write salt");
        assertArrayEquals(client.remoteMasterKey(), server.localMasterKey(), "server write key");
        assertArrayEquals(client.remoteMasterSalt(), server.localMasterSalt(), "server write salt");
    }
}
