/** Streamframer Console: the JavaFX console, the simulated instrument and the CLI. */
module org.streamframer.app {
    requires org.streamframer.framing;
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires org.controlsfx.controls;
    requires atlantafx.base;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.csv;
    requires java.prefs;
    requires com.fazecast.jSerialComm;

    exports org.streamframer.app;
    exports org.streamframer.app.sim;
    exports org.streamframer.app.cli;
    opens org.streamframer.app.cli to info.picocli;
}
