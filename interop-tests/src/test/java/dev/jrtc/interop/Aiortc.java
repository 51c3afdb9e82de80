package dev.jrtc.interop;

/**
 * aiortc 1.4 (Debian's python3-aiortc) driven by a script from src/test/resources/interop/,
 * in JSON lines; see {@link JsonLinesPeer}.
 */
public final class Aiortc extends JsonLinesPeer {
    private Aiortc(String scriptResource) {
        super("aiortc", PeerPrograms.aiortcPython(), scriptResource);
    }

    public static Aiortc run(String scriptResource) {
        return new Aiortc(scriptResource);
    }
}
