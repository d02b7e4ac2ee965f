package org.streamframer.app.settings;

/**
 * What the console remembers between runs, in {@code settings.json}: theme, window placement,
 * layout, table capacity and the last profile.
 *
 * @param x              window position, or -1 to let the system place it
 * @param sidebarDivider divider between the side panel and the rest (0..1)
 * @param consoleDivider divider between the frames and the console (0..1)
 * @param frameCap       the most frames the table holds
 * @param hexContent     whether frame content shows as hex
 * @param lastProfile    name of the profile used last, or null
 * @param blockViewerAuto whether an answer carrying a binary block opens the block viewer at once
 *                       (without taking the keyboard from the command line); null = yes
 * @param rawLog         which frames a raw-bytes session log records; null = received only
 */
public record AppSettings(boolean dark, double x, double y, double width, double height, boolean maximized,
                          double sidebarDivider, double consoleDivider, int frameCap, boolean hexContent,
                          String lastProfile, int selectedTab, Boolean blockViewerAuto,
                          org.streamframer.app.log.RawDirections rawLog) {

    /** 100,000 frames. */
    public static final int DEFAULT_FRAME_CAP = 100_000;

    public AppSettings {
        width = width < 400 ? 1280 : width;
        height = height < 300 ? 820 : height;
        sidebarDivider = sidebarDivider <= 0 || sidebarDivider >= 1 ? 0.25 : sidebarDivider;
        consoleDivider = consoleDivider <= 0 || consoleDivider >= 1 ? 0.62 : consoleDivider;
        frameCap = frameCap < 1 ? DEFAULT_FRAME_CAP : frameCap;
        blockViewerAuto = blockViewerAuto == null ? Boolean.TRUE : blockViewerAuto;
        rawLog = rawLog == null ? org.streamframer.app.log.RawDirections.RX : rawLog;
    }

    /** First start: light theme, system-placed 1280x820 window. */
    public static AppSettings defaults() {
        return new AppSettings(false, -1, -1, 1280, 820, false, 0.25, 0.62, DEFAULT_FRAME_CAP, false, null, 0, true,
                org.streamframer.app.log.RawDirections.RX);
    }

    public AppSettings withDark(boolean d) {
        return new AppSettings(d, x, y, width, height, maximized, sidebarDivider, consoleDivider, frameCap,
                hexContent, lastProfile, selectedTab, blockViewerAuto, rawLog);
    }

    public AppSettings withWindow(double nx, double ny, double w, double h, boolean max) {
        return new AppSettings(dark, nx, ny, w, h, max, sidebarDivider, consoleDivider, frameCap, hexContent,
                lastProfile, selectedTab, blockViewerAuto, rawLog);
    }

    public AppSettings withLayout(double sidebar, double console, int tab) {
        return new AppSettings(dark, x, y, width, height, maximized, sidebar, console, frameCap, hexContent,
                lastProfile, tab, blockViewerAuto, rawLog);
    }

    public AppSettings withFrameCap(int cap) {
        return new AppSettings(dark, x, y, width, height, maximized, sidebarDivider, consoleDivider, cap, hexContent,
                lastProfile, selectedTab, blockViewerAuto, rawLog);
    }

    public AppSettings withHexContent(boolean hex) {
        return new AppSettings(dark, x, y, width, height, maximized, sidebarDivider, consoleDivider, frameCap, hex,
                lastProfile, selectedTab, blockViewerAuto, rawLog);
    }

    public AppSettings withLastProfile(String name) {
        return new AppSettings(dark, x, y, width, height, maximized, sidebarDivider, consoleDivider, frameCap,
                hexContent, name, selectedTab, blockViewerAuto, rawLog);
    }

    public AppSettings withBlockViewerAuto(boolean auto) {
        return new AppSettings(dark, x, y, width, height, maximized, sidebarDivider, consoleDivider, frameCap,
                hexContent, lastProfile, selectedTab, auto, rawLog);
    }

    public AppSettings withRawLog(org.streamframer.app.log.RawDirections directions) {
        return new AppSettings(dark, x, y, width, height, maximized, sidebarDivider, consoleDivider, frameCap,
                hexContent, lastProfile, selectedTab, blockViewerAuto, directions);
    }
}
