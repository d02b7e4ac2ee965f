package org.streamframer.app.ui;

/**
 * The one way the application tells the user something went wrong (or right). Implementations
 * show each message once, in plain words, never a stack trace. Callable from any thread.
 */
public interface Notifier {

    /** Something failed: {@code what} the user was doing, and why, from {@code cause}. */
    void error(String what, Throwable cause);

    /** Something failed, said in words already. */
    void error(String message);

    /** Something worth knowing that is not a failure. */
    void info(String message);
}
