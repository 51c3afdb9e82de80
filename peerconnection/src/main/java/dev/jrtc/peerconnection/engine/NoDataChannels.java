package dev.jrtc.peerconnection.engine;

/** The data channel transport until stack-sctp plugs in: records are counted and dropped. */
public final class NoDataChannels implements DataChannelTransport {
    private long droppedRecords;

    @Override
    public void onDtlsConnected(long nowNanos, DtlsSender sender) {
        // nothing to open without SCTP
    }

    @Override
    public void handleApplicationData(long nowNanos, byte[] record) {
        droppedRecords++;
    }

    @Override
    public void close(long nowNanos) {
        // nothing to close
    }

    /** Application-data records received and dropped. */
    public long droppedRecords() {
        return droppedRecords;
    }
}
