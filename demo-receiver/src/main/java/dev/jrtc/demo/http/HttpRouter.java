package dev.jrtc.demo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends each HTTP request to the endpoint that serves its path. */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRouter.class);

    private final Cors cors;
    private final WhipEndpoint whip;
    private final WhipEndpoint whep;
    private final SessionsApi api;
    private final StaticFiles files;

    HttpRouter(Cors cors, WhipEndpoint whip, WhipEndpoint whep, SessionsApi api, StaticFiles files) {
        this.cors = cors;
        this.whip = whip;
        this.whep = whep;
        this.api = api;
        this.files = files;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            new Exchange(ctx, request, cors, false).reply(Responses.text(HttpResponseStatus.BAD_REQUEST, "bad request"));
            return;
        }
        String path = new io.netty.handler.codec.http.QueryStringDecoder(request.uri()).path();
        boolean crossOrigin = whip.serves(path) || whep.serves(path) || api.serves(path);
        Exchange x = new Exchange(ctx, request, cors, crossOrigin);
        LOG.debug("{} {}", x.method(), path);
        try {
            route(ctx, x, path);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", x.method(), path, e);
            x.reply(Responses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e));
        }
    }

    private void route(ChannelHandlerContext ctx, Exchange x, String path) {
        if (whip.serves(path)) {
            whip.handle(x);
        } else if (whep.serves(path)) {
            whep.handle(x);
        } else if (api.serves(path)) {
            api.handle(ctx, x);
        } else if (x.method().equals(HttpMethod.GET) || x.method().equals(HttpMethod.HEAD)) {
            Optional<io.netty.handler.codec.http.FullHttpResponse> file = files.serve(path);
            x.reply(file.orElseGet(() -> Responses.text(HttpResponseStatus.NOT_FOUND, "not found: " + path)));
        } else {
            x.reply(Responses.text(HttpResponseStatus.NOT_FOUND, "not found: " + path));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof java.io.IOException) {
            LOG.debug("HTTP connection failed", cause);
        } else {
            LOG.warn("HTTP connection failed", cause);
        }
        ctx.close();
    }
}
