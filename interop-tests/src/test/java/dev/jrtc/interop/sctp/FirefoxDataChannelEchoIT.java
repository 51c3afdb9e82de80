package dev.jrtc.interop.sctp;

import dev.jrtc.interop.HeadlessFirefox;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.sctp.BrowserSuiteRun.JrtcRole;
import dev.jrtc.interop.sctp.BrowserSuiteRun.Suite;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Firefox ESR (usrsctp behind NSS DTLS) offers a data channel and jrtc answers: the echo test of
 * {@link ChromiumDataChannelSuiteIT}, {@code jrtc.interop.sctp.messages} (1,000) messages of random
 * sizes up to 256 KiB (jrtc's max-message-size), strings and binary, each checked by the page.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FirefoxDataChannelEchoIT {

    @Test
    void jrtcEchoesAThousandMessagesOfFirefoxWholeAndInOrder() throws Exception {
        int messages = ChromiumDataChannelSuiteIT.MESSAGES;
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessFirefox firefox = HeadlessFirefox.open(server.pageUri("sctp-browser-suite.html",
                        BrowserSuiteRun.query(JrtcRole.ANSWERER, Suite.ECHO, messages,
                                ChromiumDataChannelSuiteIT.MAX_SIZE, 0)));
                BrowserSuiteRun run = BrowserSuiteRun.connect(server, JrtcRole.ANSWERER, Suite.ECHO, "firefox",
                        firefox::logTail)) {
            run.awaitDone();
            BrowserSuiteRun.assertEchoed(run.result("echo"), messages);
        }
    }
}
