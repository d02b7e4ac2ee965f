package org.streamframer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class NotificationCenterTest {

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theSameErrorIsShownOnceInPlainWords() {
        MutableClock clock = new MutableClock();
        NotificationCenter n = new NotificationCenter(Dispatcher.currentThread(), clock);
        n.error("Connecting to tcp 127.0.0.1:1 failed", new ConnectException("connection refused"));
        n.error("Connecting to tcp 127.0.0.1:1 failed", new ConnectException("connection refused"));
        assertEquals(1, n.shownCount());
        assertEquals("Connecting to tcp 127.0.0.1:1 failed: Connection refused", n.currentProperty().get().text());
        clock.now = clock.now.plus(Duration.ofSeconds(11));
        n.error("Connecting to tcp 127.0.0.1:1 failed", new ConnectException("connection refused"));
        assertEquals(2, n.shownCount());
        n.dismiss();
        assertEquals(null, n.currentProperty().get());
    }

    @Test
    void anUncaughtExceptionBecomesOneNoticeWithoutAStackTrace() throws Exception {
        NotificationCenter n = new NotificationCenter(Dispatcher.currentThread(), Clock.systemUTC());
        UncaughtErrors handler = new UncaughtErrors(n);
        Thread t = new Thread(() -> {
            throw new IllegalStateException("frame table index 7 out of range");
        }, "console-bg-9");
        t.setUncaughtExceptionHandler(handler);
        t.start();
        t.join(5_000);
        assertEquals("Unexpected problem in console-bg-9: Frame table index 7 out of range", n.currentProperty().get().text());
        assertEquals(NotificationCenter.Kind.ERROR, n.currentProperty().get().kind());
    }

    @Test
    void plainWordsUnwrapAndNeverShowClassNamesWhenThereIsAMessage() {
        assertEquals("Disk full", PlainWords.describe(new ExecutionException(new java.io.IOException("disk full"))));
        assertEquals("Illegal state", PlainWords.describe(new IllegalStateException()));
        assertEquals("Unknown host: nohost", PlainWords.describe(new java.net.UnknownHostException("nohost")));
    }
}
