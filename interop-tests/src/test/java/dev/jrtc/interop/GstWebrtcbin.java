package dev.jrtc.interop;

/**
 * GStreamer's webrtcbin (through python3-gi) driven by a script from
 * src/test/resources/interop/, in JSON lines; see {@link JsonLinesPeer}.
 */
public final class GstWebrtcbin extends JsonLinesPeer {
    private GstWebrtcbin(String scriptResource) {
        super("gstreamer", PeerPrograms.gstreamerWebrtcPython(), scriptResource);
    }

    public static GstWebrtcbin run(String scriptResource) {
        return new GstWebrtcbin(scriptResource);
    }
}
