package org.civitas.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves what the browser showed when a test failed: {@code target/screenshots/<class>.<test>.png} (parameterized
 * tests add the invocation's display name). TestWatcher runs after the test's {@code @AfterEach} methods and before
 * {@code @AfterAll}, so the class's browser is still open.
 */
public class ScreenshotOnFailure implements TestWatcher {

    private static final Logger log = LoggerFactory.getLogger(ScreenshotOnFailure.class);

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        if (!context.getDisplayName().startsWith(context.getRequiredTestMethod().getName() + "(")) {
            name += "-" + context.getDisplayName();
        }
        try {
            Path saved = BrowserTest.saveScreenshot(name);
            if (saved != null) {
                log.warn("Test failed; screenshot of the browser: {}", saved.toAbsolutePath());
            }
        } catch (RuntimeException | AssertionError e) {
            log.warn("Test failed; no screenshot could be taken: {}", e.toString());
        }
    }
}
