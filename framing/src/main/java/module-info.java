/**
 * Streamframer framing: a buffer that keeps bytes across reads, framing rules, zero-copy
 * frames consumed explicitly, transports (TCP, serial), a background reader service and an
 * SCPI instrument session. No JavaFX.
 */
module org.streamframer.framing {
    requires com.fazecast.jSerialComm;

    exports org.streamframer.framing;

    exports org.streamframer.framing.rules;

    exports org.streamframer.framing.fstrm;

    exports org.streamframer.framing.transport;

    exports org.streamframer.framing.reader;

    exports org.streamframer.framing.scpi;
}
