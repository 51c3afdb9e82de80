package dev.jrtc.interop;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that measure jrtc's speed or CPU against another program: runs the test class at
 * Netty's default leak detection level ({@code SIMPLE}: a sample of buffers is tracked, with no
 * access records), the level a service runs with, and restores the build's level afterwards.
 *
 * <p>The build runs every test with {@code paranoid} leak detection, which records a stack trace at
 * every access to every buffer. In a profile of {@code ChromiumDataChannelThroughputIT} that took
 * about a third of jrtc's event loop, and jrtc's rate rose from 0.84x to 1.15x of the Chromium pair
 * without it. A rate or CPU figure taken that way describes the test setup, not jrtc. Leaks are
 * still reported at the sampled level, and every other test keeps {@code paranoid}.
 */
public final class MeasuredAtNettysDefaultLeakDetection implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(MeasuredAtNettysDefaultLeakDetection.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("level", ResourceLeakDetector.getLevel());
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ResourceLeakDetector.setLevel(context.getStore(NS).get("level", ResourceLeakDetector.Level.class));
    }
}
