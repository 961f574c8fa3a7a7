package org.civitas.security.ui;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's browser as a person names it, "Chrome 131 · Windows", in place of the whole User-Agent header (which
 * the session lists keep in the tooltip). The checks go from the most specific token: Edge and Opera also say Chrome,
 * Chrome also says Safari.
 */
final class BrowserLabel {

    private static final List<Map.Entry<String, Pattern>> BROWSERS = List.of(
            Map.entry("Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)")),
            Map.entry("Opera", Pattern.compile("OPR/(\\d+)")),
            Map.entry("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)")),
            Map.entry("Chrome", Pattern.compile("(?:HeadlessChrome|Chrome|CriOS)/(\\d+)")),
            Map.entry("Safari", Pattern.compile("Version/(\\d+)(?:\\.\\d+)*.*Safari/")));
    private static final List<Map.Entry<String, Pattern>> SYSTEMS = List.of(
            Map.entry("Windows", Pattern.compile("Windows")),
            Map.entry("Android", Pattern.compile("Android")),
            Map.entry("iOS", Pattern.compile("iPhone|iPad|iPod")),
            Map.entry("macOS", Pattern.compile("Mac OS X|Macintosh")),
            Map.entry("Linux", Pattern.compile("Linux|X11")));

    private BrowserLabel() {
    }

    /** "Chrome 131 · Windows"; the header itself when no browser is recognised; "" for none. */
    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "";
        }
        String browser = null;
        for (Map.Entry<String, Pattern> b : BROWSERS) {
            Matcher m = b.getValue().matcher(userAgent);
            if (m.find()) {
                browser = b.getKey() + " " + m.group(1);
                break;
            }
        }
        if (browser == null) {
            return userAgent;
        }
        for (Map.Entry<String, Pattern> s : SYSTEMS) {
            if (s.getValue().matcher(userAgent).find()) {
                return browser + " · " + s.getKey();
            }
        }
        return browser;
    }
}
