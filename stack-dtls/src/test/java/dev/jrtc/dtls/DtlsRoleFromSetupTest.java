package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DtlsRoleFromSetupTest {
    @Test
    void activeIsClientAndPassiveIsServer() {
        assertEquals(DtlsRole.CLIENT, DtlsRole.fromSetup("active", "passive"));
        assertEquals(DtlsRole.SERVER, DtlsRole.fromSetup("passive", "active"));
        // The offerer said actpass; the answer decides.
        assertEquals(DtlsRole.SERVER, DtlsRole.fromSetup("actpass", "active"));
        assertEquals(DtlsRole.CLIENT, DtlsRole.fromSetup("actpass", "passive"));
        // The answerer chose, the offerer's actpass stays in its own description.
        assertEquals(DtlsRole.CLIENT, DtlsRole.fromSetup("ACTIVE", "actpass"));
    }

    @Test
    void pairsThatDoNotFixARoleAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DtlsRole.fromSetup("actpass", "actpass"));
        assertThrows(IllegalArgumentException.class, () -> DtlsRole.fromSetup("active", "active"));
        assertThrows(IllegalArgumentException.class, () -> DtlsRole.fromSetup("passive", "passive"));
        assertThrows(IllegalArgumentException.class, () -> DtlsRole.fromSetup("holdconn", "active"));
    }
}
