package org.streamframer.app.cli;

import java.net.InetSocketAddress;

/**
 * {@code HOST:PORT} as typed on the command line ({@code 127.0.0.1:5025}, {@code [::1]:5025},
 * {@code localhost:0} for a listener on any free port).
 */
record HostPort(String host, int port) {

    HostPort {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range 0-65535");
        }
    }

    /** @throws IllegalArgumentException the text is not HOST:PORT (the message says why) */
    static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (e.g. 127.0.0.1:5025)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': port '" + text.substring(colon + 1) + "' is not a number");
        }
        return new HostPort(host, port);
    }

    InetSocketAddress toAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
