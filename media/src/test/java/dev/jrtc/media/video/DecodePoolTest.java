package dev.jrtc.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ivf;
import dev.jrtc.media.Md5;
import dev.jrtc.media.TestFiles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool, stepped by hand: tasks run only when the test says so, so overload is exact. The
 * stream is the VP8 test clip (key frames at 0, 8 and 16).
 */
class DecodePoolTest {
    private final List<Ivf.Frame> frames = Ivf.frames(TestFiles.resource("/vp8/clip-96x64.ivf"));
    private final List<String> expected = TestFiles.framemd5(TestFiles.resourceText("/vp8/clip-96x64.framemd5"));
    private final ManualExecutor executor = new ManualExecutor();
    private final List<I420Frame> pictures = new ArrayList<>();
    private final AtomicInteger keyFrameRequests = new AtomicInteger();

    /** Runs submitted tasks only when asked. */
    static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private DecodeStream open(int queue) {
        DecodePool pool = new DecodePool(executor, queue, VideoDecoder::forCodec);
        return pool.open("VP8", pictures::add, keyFrameRequests::incrementAndGet);
    }

    private void submit(DecodeStream s, int i) {
        s.submit(frames.get(i).data(), 100L * i, i % 8 == 0);
    }

    @Test
    void keepingUpDecodesEveryFrameInOrder() {
        DecodeStream s = open(4);
        for (int i = 0; i < frames.size(); i++) {
            submit(s, i);
            if (i % 3 == 2) {
                executor.runAll();
            }
        }
        executor.runAll();
        assertEquals(24, pictures.size());
        for (int i = 0; i < 24; i++) {
            assertEquals(100L * i, pictures.get(i).rtpTimestamp());
            assertEquals(expected.get(i), Md5.hex(pictures.get(i).toPacked()));
        }
        assertEquals(new DecodeStats(24, 3, 0, 0, 0, 96, 64), s.stats());
        assertEquals(0, keyFrameRequests.get());
    }

    @Test
    void overloadDropsTheBacklogAsksOnceAndResumesAtTheKeyFrame() {
        DecodeStream s = open(4);
        for (int i = 0; i < 8; i++) {
            submit(s, i); // the worker never runs: 0..3 fill the queue, 4 overflows it
        }
        assertEquals(1, keyFrameRequests.get());
        assertEquals(8, s.stats().framesDropped());
        submit(s, 8); // the key frame is queued again
        executor.runAll();
        for (int i = 9; i < 24; i++) {
            submit(s, i);
            executor.runAll();
        }
        assertEquals(16, pictures.size());
        for (int i = 0; i < 16; i++) {
            assertEquals(expected.get(8 + i), Md5.hex(pictures.get(i).toPacked()));
        }
        assertEquals(new DecodeStats(16, 2, 8, 0, 1, 96, 64), s.stats());
        assertEquals(1, keyFrameRequests.get());
    }

    @Test
    void aKeyFrameArrivingOnAFullQueueReplacesTheBacklog() {
        DecodeStream s = open(3);
        for (int i = 5; i < 8; i++) {
            submit(s, i);
        }
        submit(s, 8);
        executor.runAll();
        assertEquals(0, keyFrameRequests.get());
        assertEquals(1, pictures.size());
        assertEquals(expected.get(8), Md5.hex(pictures.get(0).toPacked()));
        assertEquals(3, s.stats().framesDropped());
    }

    @Test
    void corruptFrameAsksForAKeyFrameAndLaterInterFramesAreDroppedUntilIt() {
        DecodeStream s = open(30);
        submit(s, 0);
        submit(s, 1);
        s.submit(Arrays.copyOf(frames.get(2).data(), 4), 200, false);
        for (int i = 3; i < 8; i++) {
            submit(s, i);
        }
        executor.runAll();
        assertEquals(1, keyFrameRequests.get());
        DecodeStats st = s.stats();
        assertEquals(2, st.framesDecoded());
        assertEquals(1, st.decodeErrors());
        assertEquals(5, st.framesDropped());
        submit(s, 8);
        executor.runAll();
        assertEquals(3, pictures.size());
        assertEquals(expected.get(8), Md5.hex(pictures.get(2).toPacked()));
    }

    @Test
    void joiningOnAnInterFrameAsksForAKeyFrameAndAsksAgainIfNoneComes() {
        DecodeStream s = open(100);
        for (int i = 0; i < 31; i++) {
            submit(s, 1 + i % 7); // never a key frame
        }
        executor.runAll();
        assertEquals(0, pictures.size());
        assertEquals(2, keyFrameRequests.get(), "asked at once and again after 30 frames");
        assertEquals(31, s.stats().framesDropped());
    }

    @Test
    void aThrowingPictureHandlerDoesNotStopTheStream() {
        DecodePool pool = new DecodePool(executor, 8, VideoDecoder::forCodec);
        AtomicInteger calls = new AtomicInteger();
        DecodeStream s = pool.open("VP8", f -> {
            calls.incrementAndGet();
            throw new IllegalStateException("user bug");
        }, () -> { });
        for (int i = 0; i < 4; i++) {
            submit(s, i);
        }
        executor.runAll();
        assertEquals(4, calls.get());
        assertEquals(4, s.stats().framesDecoded());
    }

    @Test
    void closedStreamIgnoresFrames() {
        DecodeStream s = open(8);
        submit(s, 0);
        s.close();
        submit(s, 1);
        executor.runAll();
        assertEquals(0, pictures.size());
    }

    @Test
    void unknownCodecAndBadSizesAreClearErrors() {
        DecodePool pool = new DecodePool(executor, 2, VideoDecoder::forCodec);
        assertThrows(dev.jrtc.media.UnsupportedCodecException.class, () -> pool.open("AV1", f -> { }, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> new DecodePool(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new DecodePool(1, 0));
    }

    @Test
    void realWorkersDecodeSeveralStreamsEachInOrder() throws Exception {
        try (DecodePool pool = new DecodePool(2, 64)) {
            int streams = 3;
            CountDownLatch done = new CountDownLatch(streams * 24);
            List<List<I420Frame>> got = new ArrayList<>();
            List<DecodeStream> open = new ArrayList<>();
            for (int k = 0; k < streams; k++) {
                List<I420Frame> mine = new CopyOnWriteArrayList<>();
                got.add(mine);
                open.add(pool.open("VP8", f -> {
                    assertTrue(Thread.currentThread().getName().startsWith("jrtc-decode-"));
                    mine.add(f);
                    done.countDown();
                }, () -> { }));
            }
            for (int i = 0; i < 24; i++) {
                for (DecodeStream s : open) {
                    submit(s, i);
                }
            }
            assertTrue(done.await(30, TimeUnit.SECONDS));
            for (List<I420Frame> mine : got) {
                for (int i = 0; i < 24; i++) {
                    assertEquals(100L * i, mine.get(i).rtpTimestamp());
                    assertEquals(expected.get(i), Md5.hex(mine.get(i).toPacked()));
                }
            }
            open.forEach(DecodeStream::close);
        }
    }
}
