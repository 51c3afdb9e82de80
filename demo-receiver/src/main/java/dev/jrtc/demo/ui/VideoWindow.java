package dev.jrtc.demo.ui;

import dev.jrtc.demo.session.Session;
import dev.jrtc.demo.session.SessionRegistry;
import dev.jrtc.media.video.I420Frame;
import dev.jrtc.demo.video.VideoDecoding;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * {@code --window}: a desktop window showing the video of the newest session that has decoded a
 * picture, scaled to fit, with its id and size; the way the seed's desktop app shows a camera.
 */
public final class VideoWindow {
    private static final int REFRESH_MS = 50;

    private final JFrame frame;
    private final Timer timer;

    private VideoWindow(JFrame frame, Timer timer) {
        this.frame = frame;
        this.timer = timer;
    }

    /**
     * Opens the window.
     *
     * @throws IllegalStateException if there is no display
     */
    public static VideoWindow open(SessionRegistry sessions) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("--window needs a display (is DISPLAY set?)");
        }
        VideoWindow[] out = new VideoWindow[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                VideoPanel panel = new VideoPanel(sessions);
                JFrame f = new JFrame("jrtc demo receiver: what Java decodes");
                f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
                f.add(panel);
                f.pack();
                f.setLocation(0, 0);
                f.setVisible(true);
                Timer t = new Timer(REFRESH_MS, e -> panel.refresh());
                t.start();
                out[0] = new VideoWindow(f, t);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted opening the window", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot open the window: " + e.getCause(), e.getCause());
        }
        return out[0];
    }

    /** Closes the window. */
    public void close() {
        SwingUtilities.invokeLater(() -> {
            timer.stop();
            frame.dispose();
        });
    }

    private static final class VideoPanel extends JPanel {
        private static final long serialVersionUID = 1L;
        private final transient SessionRegistry sessions;
        private transient I420Frame shown;
        private transient BufferedImage image;
        private String caption = "waiting for a sender: open the page, or POST to /whip";

        VideoPanel(SessionRegistry sessions) {
            this.sessions = sessions;
            setPreferredSize(new Dimension(640, 480));
            setBackground(Color.BLACK);
        }

        void refresh() {
            List<Session> live = sessions.list();
            Optional<Session> newest = live.stream()
                    .filter(s -> s.video().flatMap(VideoDecoding::latest).isPresent())
                    .reduce((a, b) -> b);
            if (newest.isEmpty()) {
                if (image != null) {
                    image = null;
                    shown = null;
                    caption = "no video; " + live.size() + " session(s)";
                    repaint();
                }
                return;
            }
            I420Frame p = newest.get().video().flatMap(VideoDecoding::latest).orElseThrow();
            if (p != shown) {
                shown = p;
                image = p.toBufferedImage();
                caption = newest.get().id() + "  " + newest.get().videoCodec().orElse("?") + "  " + p.width() + "x"
                        + p.height();
                repaint();
            }
        }

        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            Graphics2D g2 = (Graphics2D) g;
            if (image != null) {
                double scale = Math.min(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight());
                int w = (int) (image.getWidth() * scale);
                int h = (int) (image.getHeight() * scale);
                g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g2.drawImage(image, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
            }
            g2.setColor(Color.WHITE);
            g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g2.drawString(caption, 8, getHeight() - 10);
        }
    }
}
