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

    exports org.streamframer.app;
    exports org.streamframer.app.ui;
    exports org.streamframer.app.settings;
    exports org.streamframer.app.connection;
    exports org.streamframer.app.frames;
    exports org.streamframer.app.command;
    exports org.streamframer.app.plot;
    exports org.streamframer.app.blocks;
    exports org.streamframer.app.log;

    // Jackson reads and writes the saved settings, profiles, history and favourites
    opens org.streamframer.app.settings to com.fasterxml.jackson.databind;
    opens org.streamframer.app.connection to com.fasterxml.jackson.databind;
    opens org.streamframer.app.frames to com.fasterxml.jackson.databind;
    opens org.streamframer.app.command to com.fasterxml.jackson.databind;
    exports org.streamframer.app.sim;
    exports org.streamframer.app.cli;
    opens org.streamframer.app.cli to info.picocli;
}
