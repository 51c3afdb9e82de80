package dev.jrtc.demo.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP request, copied out of Netty's buffers so that it can be answered later from another
 * thread (a peer connection's future), and the means to answer it once.
 */
final class Exchange {
    private final ChannelHandlerContext ctx;
    private final FullHttpRequest head;
    private final HttpMethod method;
    private final String path;
    private final HttpHeaders headers;
    private final byte[] body;
    private final boolean keepAlive;
    private final Cors cors;
    private final boolean crossOrigin;

    Exchange(ChannelHandlerContext ctx, FullHttpRequest request, Cors cors, boolean crossOrigin) {
        this.ctx = ctx;
        this.method = request.method();
        this.path = new QueryStringDecoder(request.uri()).path();
        this.headers = request.headers().copy();
        this.body = ByteBufUtil.getBytes(request.content());
        this.keepAlive = HttpUtil.isKeepAlive(request);
        this.cors = cors;
        this.crossOrigin = crossOrigin;
        this.head = request.replace(io.netty.buffer.Unpooled.EMPTY_BUFFER);
    }

    HttpMethod method() {
        return method;
    }

    String path() {
        return path;
    }

    /** The request's headers (a copy). */
    HttpHeaders headers() {
        return headers;
    }

    /** The media type of the body, lower case, without parameters. */
    Optional<String> contentType() {
        String t = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (t == null) {
            return Optional.empty();
        }
        int semi = t.indexOf(';');
        return Optional.of((semi < 0 ? t : t.substring(0, semi)).trim().toLowerCase(Locale.ROOT));
    }

    /** The body as UTF-8 text. */
    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Answers a CORS preflight. */
    void replyPreflight(String acceptPost) {
        write(cors.preflight(head, acceptPost));
    }

    /** Sends the response (with CORS headers on cross-origin endpoints); callable from any thread. */
    void reply(FullHttpResponse response) {
        if (crossOrigin) {
            cors.decorate(head, response);
        }
        write(response);
    }

    private void write(FullHttpResponse response) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
