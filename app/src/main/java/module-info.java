/** Streamframer Console: the JavaFX console, the simulated instrument and the CLI. */
module org.streamframer.app {
    requires org.streamframer.framing;
    requires javafx.controls;

    exports org.streamframer.app;
}
