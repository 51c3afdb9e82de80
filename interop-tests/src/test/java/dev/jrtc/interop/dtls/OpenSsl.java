package dev.jrtc.interop.dtls;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jrtc.dtls.CertificateFingerprint;
import dev.jrtc.dtls.FingerprintAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The openssl command-line tool as a DTLS-SRTP peer and key oracle. */
final class OpenSsl {
    static final String SRTP_PROFILE = "SRTP_AES128_CM_SHA1_80";
    private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-Fa-f]+)");

    private OpenSsl() {
    }

    /** The openssl binary; a missing one fails the test with the package to install. */
    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "openssl");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        fail("openssl not found: apt-get install openssl");
        return null;
    }

    /** An ECDSA P-256 self-signed certificate made by openssl itself, in {@code dir}. */
    record Identity(Path cert, Path key, CertificateFingerprint fingerprint) {
    }

    static Identity newIdentity(Path dir, String name) throws IOException, InterruptedException {
        Path cert = dir.resolve(name + "-cert.pem");
        Path key = dir.resolve(name + "-key.pem");
        run(List.of(binary().toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "30", "-nodes", "-subj", "/CN=" + name));
        return new Identity(cert, key, CertificateFingerprint.of(FingerprintAlgorithm.SHA_256, derOf(cert)));
    }

    /** The DER bytes of a PEM certificate file. */
    static byte[] derOf(Path pem) throws IOException {
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
            return c.getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read " + pem, e);
        }
    }

    static List<String> serverCommand(int port, Identity id) {
        return new ArrayList<>(List.of(binary().toString(), "s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port,
                "-cert", id.cert().toString(), "-key", id.key().toString(), "-use_srtp", SRTP_PROFILE,
                "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "60",
                // -Verify: request the client's certificate and fail without one.
                "-Verify", "1"));
    }

    static List<String> clientCommand(int port, Identity id) {
        return new ArrayList<>(List.of(binary().toString(), "s_client", "-dtls1_2", "-connect", "127.0.0.1:" + port,
                "-cert", id.cert().toString(), "-key", id.key().toString(), "-use_srtp", SRTP_PROFILE,
                "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "60"));
    }

    /** The exported keying material openssl printed, or null if it has not (yet). */
    static byte[] keyingMaterial(String output) {
        Matcher m = KEYING_MATERIAL.matcher(output);
        return m.find() ? java.util.HexFormat.of().parseHex(m.group(1)) : null;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail(command + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
    }
}
