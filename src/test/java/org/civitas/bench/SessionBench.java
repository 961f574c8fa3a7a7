package org.civitas.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 500 concurrent back-office sessions on the inbox, as browsers make them, against a running Civitas (its own JVM,
 * {@code -Xmx1g}, started by {@code bench/sessions.sh}): each session signs in through the login form, opens the
 * inbox ({@code ?v-r=init}, which builds the view and its lazy grid on the server) and then, every 2–8 s, scrolls the
 * grid to a random page: the UIDL request {@code setViewportRange} the grid's connector sends, answered with the rows,
 * then {@code confirmUpdate} as the browser sends it. The round trip of each scroll is measured on the client. The raw
 * operation is a plain HTTP round trip to the health endpoint on the management port ({@code BENCH_HEALTH_URL}) from
 * the same number of clients at the same pace.
 * The server's used heap is sampled with {@code jstat} throughout. Skipped unless {@code BENCH_APP_URL} is set.
 */
class SessionBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Bench@Civitas2026";
    static final int PAGE = 50;

    String url = Bench.env("BENCH_APP_URL", "");
    /** Actuator's liveness on the management port: no database query (the app's port answers 404 there). */
    String healthUrl = Bench.env("BENCH_HEALTH_URL", "http://127.0.0.1:9080/actuator/health/liveness");
    final int sessions = Integer.parseInt(Bench.env("BENCH_SESSIONS", "500"));
    final int seconds = Integer.parseInt(Bench.env("BENCH_SESSION_SECONDS", "120"));
    /** The scrolling before the measured run: the server's first minute after a start compiles its code. */
    final int warmup = Integer.parseInt(Bench.env("BENCH_SESSION_WARMUP", "60"));
    String pid = Bench.env("BENCH_APP_PID", "");
    /** Set while {@link FromReadiness} measures: every HTTP round trip of the sessions, by kind. */
    volatile FromReadiness.Recorder recorder;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8)).build();

    @Test
    void five_hundred_sessions_scroll_their_inbox() throws Exception {
        assumeTrue(!url.isBlank(), "BENCH_APP_URL not set: start the app with bench/sessions.sh");
        List<String> users = SessionUsers.make(sessions, PASSWORD);
        ServerHeap heap = new ServerHeap(pid);
        heap.start();

        // sign in and open the inbox, 16 at a time
        List<Session> open = new ArrayList<>();
        ConcurrentLinkedQueue<Session> opened = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> openMillis = new ConcurrentLinkedQueue<>();
        AtomicInteger failedOpen = new AtomicInteger();
        ExecutorService openers = Executors.newFixedThreadPool(16);
        long t0 = System.nanoTime();
        for (String user : users) {
            openers.submit(() -> {
                long s = System.nanoTime();
                try {
                    Session session = new Session(user);
                    session.signIn();
                    session.openInbox();
                    opened.add(session);
                    openMillis.add((System.nanoTime() - s) / 1e6);
                } catch (Exception e) {
                    if (failedOpen.incrementAndGet() <= 3) {
                        System.err.println("open failed for " + user + ": " + e);
                    }
                }
            });
        }
        openers.shutdown();
        openers.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES);
        open.addAll(opened);
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d sessions open in %.0f s (%d failed)%n", open.size(), openSeconds, failedOpen.get());

        // every session scrolls its inbox every 2–8 s, all at once: first while the server's JIT compiles (a server
        // just started; reported, not the target), then the measured run; the CPU each scroll costs does not depend
        // on what else the two cores run, as its round trip does
        double[] cpu0 = cpuMillis();
        Phase first = run(open, session -> session.scroll(), warmup);
        double[] cpu1 = cpuMillis();
        Phase scrolls = run(open, session -> session.scroll(), seconds);
        double[] cpu = cpuMillis();
        String firstPerScroll = perScroll(cpu0, cpu1, first.count());
        String perScroll = perScroll(cpu1, cpu, scrolls.count());
        System.out.println("first " + warmup + " s: " + firstPerScroll + "; then " + seconds + " s: " + perScroll);
        for (int q : new int[] {50, 75, 90, 95, 99, 100}) {
            System.out.printf("scroll p%d: first %s, then %s%n", q, Bench.ms(Bench.percentile(first.millis(), q)),
                    Bench.ms(Bench.percentile(scrolls.millis(), q)));
        }
        long peakAfterScrolls = heap.peakMb();
        // the raw round trip: the same clients, the same pace, a bare endpoint
        Phase raw = run(open, session -> session.health(), seconds);
        heap.finish();

        double p50 = Bench.percentile(scrolls.millis(), 50);
        double p95 = Bench.percentile(scrolls.millis(), 95);
        double rawP95 = Bench.percentile(raw.millis(), 95);
        boolean met = open.size() == sessions && failedOpen.get() == 0 && scrolls.failed() == 0
                && p95 < 200 && ServerHeap.maxMb(pid) <= 1024;
        Bench.row("64-sessions", String.format("%d concurrent back-office sessions on the inbox, server JVM -Xmx1g: "
                        + "each signed in through the form, inbox opened, then every 2–8 s a scroll to a random page "
                        + "(UIDL `setViewportRange` → rows → `confirmUpdate`), %d s after %d s of the same", sessions,
                        seconds, warmup),
                String.format("%s%,d scrolls: p50 %s, p95 %s, %d failed; %s; heap (max %,d MB): peak used %,d MB, "
                                + "peak old generation %,d MB, GC %.1f s in all; %d of %d sessions opened in %.0f s "
                                + "(open p95 %s)", first.count() == 0 ? "" : String.format("the first %d s after the "
                                + "start: %,d scrolls, p50 %s, p95 %s, %d failed, %s; then ", warmup, first.count(),
                                Bench.ms(Bench.percentile(first.millis(), 50)),
                                Bench.ms(Bench.percentile(first.millis(), 95)), first.failed(), firstPerScroll),
                        scrolls.count(), Bench.ms(p50), Bench.ms(p95),
                        scrolls.failed(), perScroll, ServerHeap.maxMb(pid), peakAfterScrolls, heap.peakOldMb(), heap.gcSeconds(), open.size(), sessions,
                        openSeconds,
                        Bench.ms(Bench.percentile(openMillis.stream().mapToDouble(Double::doubleValue).toArray(), 95))),
                String.format("`GET /actuator/health/liveness` (management port) from the same %d clients at the same"
                        + " pace: p50 %s, p95 %s",
                        open.size(), Bench.ms(Bench.percentile(raw.millis(), 50)), Bench.ms(rawP95)),
                Bench.ratio(p95, rawP95) + " (p95)", "1 GB heap, round trip p95 < 200 ms", met);
    }

    /**
     * A node's first minutes, as behind nginx, which sends it sessions from the instant its readiness is UP: this
     * starts the production jar itself ({@code BENCH_READINESS_JAR}; bench/run.sh with
     * {@code BENCH_SESSIONS_FROM_READINESS=1}), polls readiness on the management port every 50 ms, and at UP starts
     * all sessions at once: each signs in, opens its inbox and then scrolls every 2–8 s, for {@code warmup} +
     * {@code seconds}. Every round trip counts by when it started after readiness: the first minute (the target's
     * "from the first minute") and after, scrolls apart from the sign-ins and inbox openings of the rush.
     */
    @Test
    void five_hundred_sessions_from_readiness() throws Exception {
        String jar = Bench.env("BENCH_READINESS_JAR", "");
        assumeTrue(!jar.isBlank(), "BENCH_READINESS_JAR not set: bench/run.sh with BENCH_SESSIONS_FROM_READINESS=1");
        List<String> users = SessionUsers.make(sessions, PASSWORD);
        int first = 60;
        int total = Math.max(first, warmup) + seconds;
        try (FromReadiness.Node node = FromReadiness.Node.start(jar)) {
            url = node.appUrl();
            healthUrl = node.healthUrl();
            pid = node.pid();
            long ready = node.awaitReady(Duration.ofMinutes(30));
            double startSeconds = (ready - node.started) / 1e9;
            FromReadiness.Recorder rec = new FromReadiness.Recorder(ready);
            recorder = rec;
            ServerHeap heap = new ServerHeap(pid);
            heap.start();
            long end = ready + total * 1_000_000_000L;
            ConcurrentLinkedQueue<Session> opened = new ConcurrentLinkedQueue<>();
            AtomicInteger failedOpen = new AtomicInteger();
            AtomicInteger failedScrolls = new AtomicInteger();
            java.util.concurrent.atomic.AtomicLong lastOpen = new java.util.concurrent.atomic.AtomicLong();
            CountDownLatch done = new CountDownLatch(users.size());
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                // each browser from an address of its own, as nginx forwards it: 500 sign-ins at once from one
                // address are refused by the per-address login allowance (DD021), in-flight attempts count
                String address = "10.77." + (i / 250) + "." + (i % 250 + 1);
                Thread t = new Thread(() -> {
                    try {
                        Session session = new Session(user);
                        session.forwardedFor = address;
                        try {
                            session.signIn();
                            session.openInbox();
                            opened.add(session);
                            lastOpen.accumulateAndGet(System.nanoTime() - ready, Math::max);
                        } catch (Exception e) {
                            if (failedOpen.incrementAndGet() <= 3) {
                                System.err.println("open failed for " + user + ": " + e);
                            }
                            return;
                        }
                        ThreadLocalRandom r = ThreadLocalRandom.current();
                        Thread.sleep(r.nextLong(2000, 8000));
                        while (System.nanoTime() < end) {
                            try {
                                session.scroll();
                            } catch (Exception e) {
                                if (failedScrolls.incrementAndGet() <= 3) {
                                    System.err.println("scroll failed for " + user + ": " + e);
                                }
                            }
                            Thread.sleep(r.nextLong(2000, 8000));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            done.await();
            recorder = null;
            long peak = heap.peakMb();
            // the raw round trip: the same clients, the same pace, Actuator's liveness on the management port
            Phase raw = run(new ArrayList<>(opened), session -> session.health(), 30);
            heap.finish();

            double[] firstScrolls = rec.millis("scroll", 0, first);
            double[] laterScrolls = rec.millis("scroll", first, total);
            double firstP95 = firstScrolls.length == 0 ? Double.NaN : Bench.percentile(firstScrolls, 95);
            double laterP95 = laterScrolls.length == 0 ? Double.NaN : Bench.percentile(laterScrolls, 95);
            double firstAllP95 = Bench.percentile(rec.millis(null, 0, first), 95);
            double rawP95 = Bench.percentile(raw.millis(), 95);
            System.out.printf("start to readiness %.1f s; warm-up %s%n", startSeconds, node.warmUpLine());
            System.out.printf("%d of %d sessions open %.1f s after readiness (%d failed); %d scrolls failed%n",
                    opened.size(), sessions, lastOpen.get() / 1e9, failedOpen.get(), failedScrolls.get());
            for (String kind : new String[] {"sign-in", "open", "scroll", null}) {
                System.out.printf("%-8s first %d s: %s; then: %s%n", kind == null ? "all" : kind, first,
                        rec.summary(kind, 0, first), rec.summary(kind, first, total));
            }
            System.out.println("scroll p95 by 10 s after readiness: " + FromReadiness.byTenSeconds(rec, "scroll", total));
            System.out.println("all p95 by 10 s after readiness: " + FromReadiness.byTenSeconds(rec, null, total));
            boolean met = opened.size() == sessions && failedScrolls.get() == 0 && firstP95 < 200 && laterP95 < 200;
            Bench.row("65-sessions-from-readiness", String.format("%d back-office sessions started all at once at the "
                            + "instant the node's readiness answered UP (production jar, %s; readiness polled every 50 "
                            + "ms): each signs in, opens the inbox, then scrolls to a random page every 2–8 s; round "
                            + "trips by when they started, first %d s after readiness and the %d s after", sessions,
                            String.join(" ", node.command.subList(1, node.command.indexOf("-jar"))), first,
                            total - first),
                    String.format("start to readiness %.0f s (warm-up %s); scrolls in the first minute: %s; after: %s; "
                                    + "every round trip of the first minute (sign-ins and inbox openings of the rush "
                                    + "included): %s; sign-ins in the first minute: %s; %d of %d sessions open %.0f s "
                                    + "after readiness; %d scrolls failed; heap peak %,d MB", startSeconds,
                            node.warmUpLine(), rec.summary("scroll", 0, first), rec.summary("scroll", first, total),
                            rec.summary(null, 0, first), rec.summary("sign-in", 0, first), opened.size(), sessions,
                            lastOpen.get() / 1e9, failedScrolls.get(), peak),
                    String.format("`GET /actuator/health/liveness` (management port) from the same %d clients at the "
                            + "same pace afterwards: p50 %s, p95 %s", opened.size(),
                            Bench.ms(Bench.percentile(raw.millis(), 50)), Bench.ms(rawP95)),
                    Bench.ratio(firstP95, rawP95) + " (scroll p95, first minute)",
                    "p95 < 200 ms from the first minute at 500 sessions", met);
            System.out.printf("first-minute p95: scrolls %s, every round trip %s; after: scrolls %s%n",
                    Bench.ms(firstP95), Bench.ms(firstAllP95), Bench.ms(laterP95));
        }
    }

    private static String perScroll(double[] before, double[] after, int scrolls) {
        return String.format("CPU per scroll: Civitas %.2f ms + MariaDB %.2f ms, the sessions' driver %.2f ms",
                (after[0] - before[0]) / scrolls, (after[1] - before[1]) / scrolls, (after[2] - before[2]) / scrolls);
    }

    /** CPU time used so far, in ms: by Civitas ({@code BENCH_APP_PID}; -1 unknown), MariaDB and this JVM. */
    double[] cpuMillis() {
        double app = pid.isBlank() ? -1 : ProcessHandle.of(Long.parseLong(pid))
                .flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e6).orElse(-1.0);
        return new double[] {app, Bench.serverCpuMillis(Bench.databasePort()), Bench.jvmCpuMillis()};
    }

    record Phase(double[] millis, int failed, int count) {
    }

    interface Step {
        double run(Session session) throws Exception;
    }

    /** Each session on its own thread: think 2–8 s, act, record the round trip; for {@code seconds}. */
    Phase run(List<Session> open, Step step, int seconds) throws Exception {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(open.size());
        for (Session s : open) {
            Thread t = new Thread(() -> {
                try {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    Thread.sleep(r.nextLong(0, 8000));
                    while (System.nanoTime() < end) {
                        try {
                            millis.add(step.run(s));
                        } catch (Exception e) {
                            if (failed.incrementAndGet() <= 3) {
                                System.err.println("step failed for " + s.user + ": " + e);
                            }
                        }
                        Thread.sleep(r.nextLong(2000, 8000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        done.await();
        return new Phase(millis.stream().mapToDouble(Double::doubleValue).toArray(), failed.get(), millis.size());
    }

    /** One browser tab: its cookie, its UI and the Vaadin client's counters. */
    final class Session {
        final String user;
        String cookie;
        String csrf;
        int uiId;
        int syncId;
        int clientId;
        int gridNode = -1;
        int size = 1000;
        Integer pendingConfirm;
        int lastStart;

        Session(String user) {
            this.user = user;
        }

        void signIn() throws Exception {
            kind = "sign-in";
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url + "/login")).GET());
            keepCookie(page);
            // the login form carries the page's CSRF token, as the browser's does
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]*)\"")
                    .matcher(page.body());
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + (token.find() ? "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : "");
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(url + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            keepCookie(login);
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error") || location.contains("login")) {
                throw new IllegalStateException("sign-in refused: " + login.statusCode() + " " + location);
            }
        }

        /**
         * What the browser does on {@code /cases}: {@code ?v-r=init} makes the UI, then the client router's
         * {@code ui-navigate} event builds the inbox, whose first answer holds the grid's first rows.
         */
        void openInbox() throws Exception {
            kind = "open";
            HttpResponse<String> init = send(HttpRequest.newBuilder(URI.create(url
                    + "/?v-r=init&location=cases&query=")).GET());
            if (init.statusCode() != 200) {
                throw new IllegalStateException("init answered " + init.statusCode());
            }
            JsonNode config = JSON.readTree(init.body()).path("appConfig");
            uiId = config.path("v-uiId").asInt();
            JsonNode uidl = config.path("uidl");
            csrf = uidl.path("Vaadin-Security-Key").asText();
            syncId = uidl.path("syncId").asInt();
            clientId = uidl.path("clientId").asInt(0);
            ObjectNode navigate = JSON.createObjectNode();
            navigate.put("type", "event");
            navigate.put("node", 1);
            navigate.put("event", "ui-navigate");
            ObjectNode data = navigate.putObject("data");
            data.put("route", "cases");
            data.put("query", "");
            data.put("appShellTitle", "");
            data.putObject("historyState").put("idx", 0);
            data.put("trigger", "");
            JsonNode view = rpc(navigate);
            for (JsonNode change : view.path("changes")) {
                if ("tag".equals(change.path("key").asText()) && "vaadin-grid".equals(change.path("value").asText())) {
                    gridNode = change.path("node").asInt();
                    break;
                }
            }
            if (gridNode < 0) {
                throw new IllegalStateException("no grid in the inbox: " + view.toString().substring(0, 200));
            }
            read(view);
        }

        double scroll() throws Exception {
            kind = "scroll";
            int pages = Math.max(1, size / PAGE);
            int start = ThreadLocalRandom.current().nextInt(pages) * PAGE;
            if (start == lastStart && pages > 1) {
                start = (start + PAGE) % (pages * PAGE);
            }
            lastStart = start;
            long s = System.nanoTime();
            JsonNode response = rpc(range(start));
            double ms = (System.nanoTime() - s) / 1e6;
            // a one-page inbox has nothing new to send; a deeper one must answer with the rows
            if (pages > 1 && !response.toString().contains("$connector.set(")) {
                throw new IllegalStateException("no rows in the answer to a scroll to " + start);
            }
            return ms;
        }

        double health() throws Exception {
            long s = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(healthUrl)).GET());
            double ms = (System.nanoTime() - s) / 1e6;
            // Actuator's own answer, never a page that happens to answer 200 on that path
            if (r.statusCode() != 200 || !r.body().startsWith("{\"status\":\"UP\"")) {
                throw new IllegalStateException("health answered " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(80, r.body().length())));
            }
            return ms;
        }

        ObjectNode range(int start) {
            ObjectNode call = JSON.createObjectNode();
            call.put("type", "publishedEventHandler");
            call.put("node", gridNode);
            call.put("templateEventMethodName", "setViewportRange");
            ArrayNode args = call.putArray("templateEventMethodArgs");
            args.add(start);
            args.add(PAGE);
            call.put("promise", 0);
            return call;
        }

        ObjectNode confirm(int id) {
            ObjectNode call = JSON.createObjectNode();
            call.put("type", "publishedEventHandler");
            call.put("node", gridNode);
            call.put("templateEventMethodName", "confirmUpdate");
            call.putArray("templateEventMethodArgs").add(id);
            call.put("promise", 0);
            return call;
        }

        /** One UIDL request; the confirmation of the previous update goes with it, as a browser would have sent it. */
        JsonNode rpc(ObjectNode call) throws Exception {
            ObjectNode body = JSON.createObjectNode();
            body.put("csrfToken", csrf);
            ArrayNode rpc = body.putArray("rpc");
            if (pendingConfirm != null) {
                rpc.add(confirm(pendingConfirm));
                pendingConfirm = null;
            }
            rpc.add(call);
            body.put("syncId", syncId);
            body.put("clientId", clientId);
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("UIDL answered " + r.statusCode());
            }
            String text = r.body().startsWith("for(;;);") ? r.body().substring(8) : r.body();
            JsonNode answer = JSON.readTree(text);
            JsonNode uidl = answer.isArray() ? answer.get(0) : answer;
            if (uidl.has("meta") && uidl.path("meta").has("appError")) {
                throw new IllegalStateException("application error: " + uidl.path("meta"));
            }
            clientId++;
            read(uidl);
            return uidl;
        }

        /** The counters, the grid's size and the update to confirm, from a server message. */
        void read(JsonNode uidl) {
            if (uidl.has("syncId")) {
                syncId = uidl.path("syncId").asInt();
            }
            if (uidl.has("clientId")) {
                clientId = uidl.path("clientId").asInt();
            }
            for (JsonNode exec : uidl.path("execute")) {
                // [[0, node], arg, …, "script"]: calls on the grid's connector
                if (exec.size() < 3 || !exec.get(0).isArray() || exec.get(0).path(1).asInt(-1) != gridNode) {
                    continue;
                }
                String script = exec.get(exec.size() - 1).asText();
                if (script.contains("$connector.confirm(") && exec.get(1).isNumber()) {
                    pendingConfirm = exec.get(1).asInt();
                } else if (script.contains("$connector.updateSize(") && exec.get(1).isNumber()) {
                    size = Math.max(PAGE, exec.get(1).asInt());
                }
            }
        }

        /** What the next requests are, for the {@link #recorder}: sign-in, open (the inbox), scroll. */
        String kind = "sign-in";
        /** The browser's own address as nginx would forward it (start-at-readiness mode), else none. */
        String forwardedFor;

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            long s = System.nanoTime();
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            FromReadiness.Recorder rec = recorder;
            if (rec != null) {
                rec.add(kind, s, System.nanoTime());
            }
            return r;
        }

        void keepCookie(HttpResponse<?> r) {
            for (String c : r.headers().allValues("Set-Cookie")) {
                if (c.startsWith("JSESSIONID=")) {
                    cookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                }
            }
        }
    }
}
