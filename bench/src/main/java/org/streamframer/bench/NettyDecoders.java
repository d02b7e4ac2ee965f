package org.streamframer.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;

/**
 * Netty's frame decoders for each {@link Workload}, called as directly as Netty allows: each
 * decoder's protected {@code decode(ctx, buffer)} is exposed by a subclass so that the
 * benchmark can drive it on a cumulation buffer without a pipeline. The {@code ctx} is only
 * used by Netty to report over-long frames, which these streams do not contain.
 */
final class NettyDecoders {

    private NettyDecoders() {
    }

    /** One decode step: the next frame from the cumulation, or null when it needs more bytes. */
    interface Direct {
        ByteBuf decodeOne(ByteBuf cumulation) throws Exception;
    }

    static final int MAX = 64 * 1024;

    /** A fresh handler for an {@code EmbeddedChannel}. */
    static ChannelHandler handler(Workload w) {
        switch (w.kind) {
            case LF: case CRLF: return new LineBasedFrameDecoder(MAX, true, false);
            case DELIM2: return new DelimiterBasedFrameDecoder(MAX, true, Unpooled.wrappedBuffer(Workload.DELIM2));
            case LENGTH4: return new LengthFieldBasedFrameDecoder(MAX, 0, 4, 0, 4);
            default: return new FixedLengthFrameDecoder(w.wireLength);
        }
    }

    /** A decoder called directly. */
    static Direct direct(Workload w) {
        switch (w.kind) {
            case LF: case CRLF: return new Line();
            case DELIM2: return new Delimiter();
            case LENGTH4: return new LengthField();
            default: return new Fixed(w.wireLength);
        }
    }

    private static final ChannelHandlerContext NO_CONTEXT = null;

    static final class Line extends LineBasedFrameDecoder implements Direct {
        Line() {
            super(MAX, true, false);
        }

        @Override
        public ByteBuf decodeOne(ByteBuf in) throws Exception {
            return (ByteBuf) decode(NO_CONTEXT, in);
        }
    }

    static final class Delimiter extends DelimiterBasedFrameDecoder implements Direct {
        Delimiter() {
            super(MAX, true, Unpooled.wrappedBuffer(Workload.DELIM2));
        }

        @Override
        public ByteBuf decodeOne(ByteBuf in) throws Exception {
            return (ByteBuf) decode(NO_CONTEXT, in);
        }
    }

    static final class LengthField extends LengthFieldBasedFrameDecoder implements Direct {
        LengthField() {
            super(MAX, 0, 4, 0, 4);
        }

        @Override
        public ByteBuf decodeOne(ByteBuf in) throws Exception {
            return (ByteBuf) decode(NO_CONTEXT, in);
        }
    }

    static final class Fixed extends FixedLengthFrameDecoder implements Direct {
        Fixed(int length) {
            super(length);
        }

        @Override
        public ByteBuf decodeOne(ByteBuf in) throws Exception {
            return (ByteBuf) decode(NO_CONTEXT, in);
        }
    }
}
