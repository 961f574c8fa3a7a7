package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.civitas.test.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * Real-browser tests: the app on a random port, driven by Debian's headless Chromium through Selenium.
 *
 * <p>Every browser test class uses exactly this configuration, so they share one Spring context (a second one next to
 * the MOCK context of {@code @IntegrationTest}). That second context starts its own embedded MariaDB, so it gets its
 * own data folder: both run {@code fresh}, and sharing {@code target/mariadb-test/data} would wipe the other's
 * database under it. The binaries folder is shared (read-only once unpacked).
 *
 * <p>One browser per test class, reused by its tests. Without Chromium the tests fail with a clear message, unless
 * {@code -Dcivitas.browser.skip=true}. A failed test leaves {@code target/screenshots/<class>.<test>.png}. Every test
 * starts logged out, with no cookies.
 *
 * <p>The two contexts would fight over one global: Vaadin's security configuration installs its own
 * {@code SecurityContextHolder} strategy (a static) when a context starts, and the method-security interceptors of
 * each context keep the strategy they saw at start-up. Once this context has started, the MOCK context's tests would
 * put their authentication where their services no longer look ("An Authentication object was not found"). So
 * browser tests install this context's strategy for each test and put back the one they found after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civitas.embedded-db.data-dir=target/mariadb-browser/data",
        // Dev mode's "Development Mode" pop-up would cover the bottom right of every screenshot.
        "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@ExtendWith({SkipBrowserTests.class, ScreenshotOnFailure.class})
public abstract class BrowserTest {

    /** The demo users' password (src/main/resources/demo, README). */
    protected static final String PASSWORD = "Demo@Civitas2026";
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String SKIP_PROPERTY = SkipBrowserTests.PROPERTY;

    /** Selenium 4.41 has no CDP for Chromium 156 and says so at every start; the tests use no CDP. */
    private static final java.util.logging.Logger CDP_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final java.util.logging.Logger CHROMIUM_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");

    private static WebDriver driver;
    private static Path profile;
    /** Where the browser saves downloads (a fresh folder per test class). */
    private static Path downloads;
    /** The strategy other test classes had installed before this class ran: put back after it. */
    private static SecurityContextHolderStrategy strategyOutside;

    /** This context's own strategy (Vaadin's bean); its services and filters read the security context from it. */
    @Autowired
    private VaadinAwareSecurityContextHolderStrategy browserContextStrategy;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void rememberSecurityContextStrategy() {
        strategyOutside = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterAll
    static void restoreSecurityContextStrategy() {
        if (strategyOutside != null) {
            SecurityContextHolder.setContextHolderStrategy(strategyOutside);
            strategyOutside = null;
        }
    }

    @BeforeEach
    void useThisContextsSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(browserContextStrategy);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Path chromium = executable("chromium", "chromium-browser", "google-chrome").orElseThrow(() ->
                new IllegalStateException("Browser tests need Chromium: no chromium on PATH or in /usr/bin. Install "
                        + "Debian's chromium and chromium-driver (.ci/run does), or skip them with -D"
                        + SKIP_PROPERTY + "=true"));
        Path chromedriver = Optional.ofNullable(System.getProperty("webdriver.chrome.driver")).map(Path::of)
                .or(() -> executable("chromedriver")).orElseThrow(() ->
                        new IllegalStateException("Browser tests need chromedriver on PATH (Debian: chromium-driver), "
                                + "or skip them with -D" + SKIP_PROPERTY + "=true"));
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        CHROMIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createDirectories(Path.of("target", "chromium-profiles"))
                .resolve("profile-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        downloads = Files.createDirectories(Path.of("target", "downloads")
                .resolve("run-" + ProcessHandle.current().pid() + "-" + System.nanoTime())).toAbsolutePath();
        // the console (CSP violations among it) for ContentSecurityPolicyBrowserTest
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // Both paths given: Selenium Manager (which may go online) is never asked.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                driver = null;
                FileSystemUtils.deleteRecursively(profile.toFile());
            }
        }
    }

    @BeforeEach
    void startLoggedOut() {
        if (driver.getCurrentUrl().startsWith("http")) {
            driver.manage().deleteAllCookies();
        }
    }

    /** /usr/bin first (Debian's packages), then PATH. */
    static Optional<Path> executable(String... names) {
        Stream<String> dirs = Stream.concat(Stream.of("/usr/bin"),
                Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)));
        List<String> folders = dirs.filter(d -> !d.isBlank()).distinct().toList();
        for (String name : names) {
            for (String folder : folders) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Waits until a download whose name ends with {@code suffix} is complete and returns it. */
    protected Path downloaded(String suffix) {
        return downloaded("", suffix);
    }

    /** Waits until a download whose name holds {@code part} and ends with {@code suffix} is complete. */
    protected Path downloaded(String part, String suffix) {
        return waitUntil(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)
                        && f.getFileName().toString().contains(part)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    protected static WebDriver driver() {
        return driver;
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Opens a route and waits until Vaadin has rendered it and finished talking to the server. */
    protected void open(String path) {
        driver.get(url(path));
        waitForVaadin();
    }

    // ---- logging in and out -------------------------------------------------------------------------------------

    /** Logs a demo user in through the login form; waits for the back-office shell. */
    protected void login(String username) {
        submitLogin(username, PASSWORD);
        waitUntil(d -> !d.getCurrentUrl().endsWith("/login") || d.getCurrentUrl().contains("expired"));
        if (driver().getCurrentUrl().contains("/login?expired")) {
            // a form whose token went stale meanwhile is sent back with a word; a person enters the password again
            submitLogin(username, PASSWORD);
        }
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        waitForElement(By.tagName("vaadin-app-layout"));
        waitForVaadin();
    }

    /** Opens the login page, fills the form and submits it; does not wait for the outcome. */
    protected void submitLogin(String username, String password) {
        open("login");
        WebElement user = waitForVisible(By.cssSelector("vaadin-login-form input[name=username]"));
        WebElement pass = waitForVisible(By.cssSelector("vaadin-login-form input[name=password]"));
        user.clear();
        user.sendKeys(username);
        pass.clear();
        pass.sendKeys(password);
        submitButton().click();
    }

    protected WebElement submitButton() {
        return waitForVisible(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]"));
    }

    /** Logs out with the button in the top bar; waits for the login page. */
    protected void logout() {
        waitForVisible(By.id("logout")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        waitForElement(By.tagName("vaadin-login-form"));
        waitForVaadin();
    }

    // ---- waiting --------------------------------------------------------------------------------------------------

    protected <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100)).until(condition);
    }

    protected WebElement waitForElement(By by) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(by));
    }

    protected WebElement waitForVisible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until the page's Flow client exists and has no request in flight (what TestBench's waitForVaadin checks).
     */
    protected void waitForVaadin() {
        waitUntil(d -> (Boolean) js("""
                if (document.readyState !== 'complete') return false;
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) return false;
                const clients = Object.values(flow.clients).filter(c => c && typeof c.isActive === 'function');
                return clients.length > 0 && clients.every(c => !c.isActive());
                """));
    }

    /** Replaces a field's text and leaves it with Tab, so its value reaches the server. */
    protected void type(String css, String text) {
        WebElement field = waitForVisible(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
        field.sendKeys(Keys.TAB);
        waitForVaadin();
    }

    /** Types into a combo box until it offers the match, then takes it with Enter. */
    protected void pick(String css, String text) {
        WebElement field = waitForVisible(By.cssSelector(css));
        field.click();
        field.sendKeys(text);
        waitUntil(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        field.sendKeys(Keys.ENTER);
        waitForVaadin();
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Visible text of the page (light DOM) shows no "!key" of a missing translation. */
    protected void assertNoMissingTranslations() {
        String text = (String) js("return document.body.innerText");
        assertThat(text).as("visible text of %s", driver.getCurrentUrl()).doesNotContainPattern("![a-zA-Z]+\\.[\\w.]+");
    }

    // ---- screenshots ----------------------------------------------------------------------------------------------

    /** Waits for Vaadin to settle, then saves the page to {@code target/screenshots/<name>.png}. */
    protected Path screenshot(String name) {
        waitForVaadin();
        Path saved = saveScreenshot(name);
        assertThat(saved).isNotEmptyFile();
        return saved;
    }

    static Path saveScreenshot(String name) {
        if (driver == null) {
            return null;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".png");
            return Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
