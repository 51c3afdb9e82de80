package dev.jrtc.peerconnection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

/**
 * The build turns Netty's leak detector to paranoid for every test JVM, and fails on any LEAK:
 * line a test prints. This checks the first half: a test JVM that ran at a lower level would let
 * leaks through unseen.
 */
class NettyLeakDetectionIsParanoidInTestsTest {
    @Test
    void everyAllocationIsTracked() {
        assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel());
    }
}
