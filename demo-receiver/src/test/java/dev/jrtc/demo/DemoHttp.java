package dev.jrtc.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client against a demo on loopback. */
final class DemoHttp {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    DemoHttp(Demo demo) {
        this.base = "http://127.0.0.1:" + demo.httpAddress().getPort();
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(15));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Loopback only, a free port, the given extra options. */
    static Demo start(String... options) {
        String[] all = new String[options.length + 6];
        all[0] = "--port";
        all[1] = "0";
        all[2] = "--bind";
        all[3] = "127.0.0.1";
        all[4] = "--ice-address";
        all[5] = "127.0.0.1";
        System.arraycopy(options, 0, all, 6, options.length);
        return Demo.start(DemoOptions.parse(all));
    }
}
