package org.streamframer.app.ui;

import javafx.application.Application;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The AtlantaFX Primer themes. */
public final class Theme {
    private Theme() {
    }

    /** Sets the application-wide user agent stylesheet. FX thread. */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** The console's own additions. */
    public static String consoleCss() {
        return Theme.class.getResource("console.css").toExternalForm();
    }
}
