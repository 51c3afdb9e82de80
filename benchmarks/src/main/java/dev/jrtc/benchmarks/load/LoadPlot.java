package dev.jrtc.benchmarks.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * A two-axis line chart (Java2D, headless): connections against CPU (left axis) and the p99 added
 * latency, socket read to jitter buffer (right axis; the end-to-end frame latency is in the table).
 */
final class LoadPlot {
    private static final int W = 800;
    private static final int H = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 70;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private LoadPlot() {
    }

    static void write(List<LoadStep> steps, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double maxX = steps.stream().mapToInt(LoadStep::connections).max().orElse(1);
        double maxCpu = Math.max(2.0, steps.stream().mapToDouble(LoadStep::cpuCores).max().orElse(0));
        double maxLat = Math.max(1.0, steps.stream().mapToDouble(LoadStep::processingP99Millis).filter(d -> !Double.isNaN(d)).max().orElse(0)) * 1.1;
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 25);
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (int i = 0; i <= 5; i++) {
            int y = TOP + (H - TOP - BOTTOM) * (5 - i) / 5;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(LEFT + 1, y, W - RIGHT - 1, y);
            g.setColor(new Color(0, 90, 200));
            g.drawString(String.format(Locale.ROOT, "%.1f", maxCpu * i / 5), 30, y + 4);
            g.setColor(new Color(200, 60, 0));
            g.drawString(String.format(Locale.ROOT, "%.2f", maxLat * i / 5), W - RIGHT + 8, y + 4);
            int x = LEFT + (W - LEFT - RIGHT) * i / 5;
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.0f", maxX * i / 5), x - 10, H - BOTTOM + 18);
        }
        g.drawString("receiving connections (100 packets/s each)", W / 2 - 120, H - 15);
        g.setColor(new Color(0, 90, 200));
        g.drawString("CPU, cores (left)", LEFT, TOP - 8);
        g.setColor(new Color(200, 60, 0));
        g.drawString("p99 added latency (socket to jitter buffer), ms (right)", W - RIGHT - 330, TOP - 8);
        line(g, steps, LoadStep::cpuCores, maxX, maxCpu, new Color(0, 90, 200));
        line(g, steps, LoadStep::processingP99Millis, maxX, maxLat, new Color(200, 60, 0));
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(img, "png", png.toFile());
    }

    private static void line(Graphics2D g, List<LoadStep> steps, ToDoubleFunction<LoadStep> y, double maxX, double maxY, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (LoadStep s : steps) {
            double v = y.applyAsDouble(s);
            if (Double.isNaN(v)) {
                continue;
            }
            int x = LEFT + (int) ((W - LEFT - RIGHT) * s.connections() / maxX);
            int yy = TOP + (int) ((H - TOP - BOTTOM) * (1 - Math.min(v, maxY) / maxY));
            g.fillOval(x - 3, yy - 3, 6, 6);
            if (px >= 0) {
                g.drawLine(px, py, x, yy);
            }
            px = x;
            py = yy;
        }
    }
}
