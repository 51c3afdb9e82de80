package dev.jrtc.demo;

/**
 * The demo receiver's entry point. The receiver itself (a page that sends a browser's camera to
 * jrtc and shows the decoded frames) is issue 10; until then this says so, so that the README's
 * first command runs on a fresh clone and tells the truth.
 */
public final class DemoReceiver {
    private DemoReceiver() {
    }

    /** Prints what the demo will do and which modules are ready today. */
    public static void main(String[] args) {
        System.out.println("""
                jrtc demo receiver: not built yet (issue 10).
                When it lands, this command starts an HTTP server on 127.0.0.1:8080 with a page that sends
                the browser's camera to jrtc and shows the frames jrtc decodes.
                Until then, see README.md (module map) for what each module does today.""");
    }
}
