package dev.jrtc.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer's answers to bad or unusual requests, over real HTTP on loopback: content types,
 * malformed SDP, unknown sessions, the bearer token, the session limit, CORS.
 */
class WhipEndpointAnswersBadRequestsTest {

    @Test
    void thePageIsServedAtTheRoot() throws Exception {
        try (Demo demo = DemoHttp.start()) {
            DemoHttp http = new DemoHttp(demo);
            HttpResponse<String> page = http.get("/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("/app.js"), page.body());
            assertEquals(200, http.get("/app.js").statusCode());
            assertEquals(404, http.get("/../pom.xml").statusCode());
            assertEquals(404, http.get("/nothing-here.html").statusCode());
        }
    }

    @Test
    void anOfferThatIsNotApplicationSdpGets415() throws Exception {
        try (Demo demo = DemoHttp.start()) {
            DemoHttp http = new DemoHttp(demo);
            HttpResponse<String> r = http.post("/whip", "application/json", "{\"sdp\":\"v=0\"}");
            assertEquals(415, r.statusCode(), r.body());
            assertEquals(415, http.post("/whep", "text/plain", "v=0").statusCode());
        }
    }

    @Test
    void malformedSdpGets400WithTheReason() throws Exception {
        try (Demo demo = DemoHttp.start()) {
            DemoHttp http = new DemoHttp(demo);
            HttpResponse<String> r = http.post("/whip", "application/sdp", "v=0\r\no=broken\r\nthis is not sdp\r\n");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().startsWith("malformed SDP: "), r.body());
            assertTrue(r.body().length() > "malformed SDP: ".length() + 5, "no reason given: " + r.body());
            HttpResponse<String> noMedia = http.post("/whip", "application/sdp",
                    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
            assertEquals(400, noMedia.statusCode());
            assertTrue(noMedia.body().contains("no media"), noMedia.body());
            assertTrue(demo.sessions().list().isEmpty(), "a rejected offer left a session");
        }
    }

    @Test
    void unknownSessionsGet404() throws Exception {
        try (Demo demo = DemoHttp.start()) {
            DemoHttp http = new DemoHttp(demo);
            assertEquals(404, http.send(http.request("/whip/0123456789abcdef").DELETE()).statusCode());
            assertEquals(404, http.send(http.request("/whip/0123456789abcdef")
                    .header("Content-Type", "application/trickle-ice-sdpfrag")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("a=end-of-candidates\r\n"))).statusCode());
            assertEquals(404, http.get("/api/sessions/0123456789abcdef").statusCode());
            assertEquals(404, http.get("/api/sessions/0123456789abcdef/snapshot.jpg").statusCode());
            HttpResponse<String> list = http.get("/api/sessions");
            assertEquals(200, list.statusCode());
            assertEquals("[]", list.body());
        }
    }

    @Test
    void withATokenWhipAndWhepAnswer401WithoutIt() throws Exception {
        try (Demo demo = DemoHttp.start("--token", "s3cret")) {
            DemoHttp http = new DemoHttp(demo);
            String offer = "v=0\r\n";
            HttpResponse<String> none = http.post("/whip", "application/sdp", offer);
            assertEquals(401, none.statusCode());
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
            HttpResponse<String> wrong = http.send(http.request("/whep").header("Content-Type", "application/sdp")
                    .header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.ofString(offer)));
            assertEquals(401, wrong.statusCode());
            // The right token gets past the check (to the SDP check, here: 400).
            HttpResponse<String> right = http.send(http.request("/whip").header("Content-Type", "application/sdp")
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(offer)));
            assertEquals(400, right.statusCode(), right.body());
            // The page and the API stay open.
            assertEquals(200, http.get("/api/sessions").statusCode());
        }
    }

    @Test
    void preflightsAreAnsweredForAnyOriginByDefault() throws Exception {
        try (Demo demo = DemoHttp.start()) {
            DemoHttp http = new DemoHttp(demo);
            for (String path : new String[] {"/whip", "/whep", "/api/sessions", "/whip/0123456789abcdef"}) {
                HttpResponse<String> r = http.send(http.request(path).header("Origin", "http://elsewhere.example:3000")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type, authorization")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
                assertEquals(204, r.statusCode(), path);
                assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
                String methods = r.headers().firstValue("Access-Control-Allow-Methods").orElse("");
                assertTrue(methods.contains("POST") && methods.contains("PATCH") && methods.contains("DELETE"), methods);
                String headers = r.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase();
                assertTrue(headers.contains("content-type") && headers.contains("authorization"), headers);
            }
            HttpResponse<String> post = http.send(http.request("/whip").header("Origin", "http://elsewhere.example:3000")
                    .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")));
            assertEquals("*", post.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(post.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Location"));
        }
    }

    @Test
    void configuredOriginsAreTheOnlyOnesAllowed() throws Exception {
        try (Demo demo = DemoHttp.start("--cors-origin", "http://allowed.example")) {
            DemoHttp http = new DemoHttp(demo);
            HttpResponse<String> allowed = http.send(http.request("/whip").header("Origin", "http://allowed.example")
                    .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals("http://allowed.example", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpResponse<String> other = http.send(http.request("/whip").header("Origin", "http://other.example")
                    .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        }
    }

    @Test
    void sessionsBeyondTheLimitGet503() throws Exception {
        try (Demo demo = DemoHttp.start("--max-sessions", "1");
                JavaWhipClient first = new JavaWhipClient();
                JavaWhipClient second = new JavaWhipClient()) {
            DemoHttp http = new DemoHttp(demo);
            HttpResponse<String> one = http.post("/whip", "application/sdp", first.offer(true));
            assertEquals(201, one.statusCode(), one.body());
            HttpResponse<String> two = http.post("/whip", "application/sdp", second.offer(true));
            assertEquals(503, two.statusCode(), two.body());
            assertEquals(1, demo.sessions().list().size());
            // Ending the first frees the slot.
            String location = one.headers().firstValue("Location").orElseThrow();
            assertEquals(200, http.send(http.request(location).DELETE()).statusCode());
            JavaWhipClient third = new JavaWhipClient();
            try (third) {
                assertEquals(201, http.post("/whip", "application/sdp", third.offer(true)).statusCode());
            }
        }
    }
}
