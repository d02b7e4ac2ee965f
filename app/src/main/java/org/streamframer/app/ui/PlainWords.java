package org.streamframer.app.ui;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into one sentence a user can act on: no class names, no stack trace. */
public final class PlainWords {

    private PlainWords() {
    }

    /** The sentence for {@code error}, e.g. "Connection refused (tcp 127.0.0.1:1)". */
    public static String describe(Throwable error) {
        if (error == null) {
            return "Unknown error";
        }
        Throwable t = error;
        // wrappers (ExecutionException, CompletionException, RuntimeException(cause)) say nothing new
        while (t.getCause() != null && t.getCause() != t
                && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null || t.getMessage().isBlank() ? null : t.getMessage().strip();
        if (t instanceof UnknownHostException) {
            return "Unknown host: " + msg;
        }
        if (t instanceof ConnectException) {
            return msg == null ? "Connection refused" : capitalize(msg);
        }
        if (t instanceof NoRouteToHostException) {
            return "No route to host" + (msg == null ? "" : ": " + msg);
        }
        if (t instanceof SocketTimeoutException) {
            return "Timed out" + (msg == null ? "" : ": " + msg);
        }
        if (t instanceof NoSuchFileException) {
            return "No such file: " + msg;
        }
        if (t instanceof AccessDeniedException) {
            return "Permission denied: " + msg;
        }
        if (msg != null) {
            return capitalize(msg);
        }
        return words(t.getClass().getSimpleName());
    }

    /** "IllegalStateException" -> "Illegal state". */
    static String words(String className) {
        String base = className.replaceAll("(Exception|Error)$", "");
        String spaced = base.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return spaced.isEmpty() ? "Unexpected error" : capitalize(spaced);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
