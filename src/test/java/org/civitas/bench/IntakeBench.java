package org.civitas.bench;

import static org.civitas.bench.Bench.as;
import static org.civitas.bench.Bench.ms;
import static org.civitas.bench.Bench.percentile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.civitas.cases.Reports;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake measures (docs/benchmarks.md): cases filed by 16 threads through the service, by 16 HTTP clients one
 * report per request and in batches, each beside bare INSERT transactions on as many connections, with the CPU
 * used per case.
 */
class IntakeBench extends BenchFixture {

    @Autowired
    org.civitas.channel.ChannelService channels;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** CPU per case of the last {@link #rawIntake}. */
    private String rawCpu = "";

    /**
     * CPU time used by this JVM (Civitas and the measure's clients) and by the MariaDB server. Per case it does not
     * depend on what else the shared cores run, as a rate does; the server's figure includes anything else it ran.
     */
    private record Cpu(double jvm, double db) {
        static Cpu now() {
            return new Cpu(Bench.jvmCpuMillis(), Bench.serverCpuMillis(Bench.databasePort()));
        }

        Cpu since(Cpu start) {
            return new Cpu(jvm - start.jvm, db < 0 || start.db < 0 ? -1 : db - start.db);
        }

        String perCase(int cases) {
            double j = jvm / cases, d = db / cases;
            return db < 0 ? String.format("CPU per case: JVM %.2f ms", j)
                    : String.format("CPU per case: JVM %.2f ms + MariaDB %.2f ms (≈ %,.0f cases/s on %d saturated "
                    + "cores)", j, d, Runtime.getRuntime().availableProcessors() * 1000 / (j + d),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void intake_through_the_service_with_16_threads() throws Exception {
        int threads = 16, perThread = 125;
        // warm-up, as over HTTP: the JIT has compiled the path before the measured cases
        for (int i = 0; i < 1000; i++) {
            RunAs.user("operator", () -> cases.register(Reports.aReport().build()), "OPERATOR");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        Cpu c0 = Cpu.now();
        long t0 = System.nanoTime();
        List<Future<?>> fs = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    RunAs.user("operator", () -> cases.register(Reports.aReport().build()), "OPERATOR");
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double civitas = done.get() / ((System.nanoTime() - t0) / 1e9);
        String cpu = Cpu.now().since(c0).perCase(done.get());
        pool.shutdown();
        double raw = rawIntake(threads, perThread);
        Bench.row("40-intake", "intake through `CaseService.register` (dispatch, deadlines, history, outbox), "
                        + threads + " threads, " + threads * perThread + " cases", String.format("%,.0f cases/s; %s", civitas, cpu),
                String.format("bare INSERT of a case and a history row per transaction: %,.0f cases/s; %s", raw,
                        rawCpu),
                String.format("%.2f× slower", raw / civitas), "≥ 1,000 cases/s (the target is over HTTP, next row)",
                civitas >= 1000);
    }

    /** Cases per second of bare single-case transactions (a case row and a history row) on {@code threads} connections. */
    private double rawIntake(int threads, int perThread) throws Exception {
        return rawIntake(threads, perThread, 1);
    }

    /**
     * Cases per second of bare transactions of {@code perTransaction} cases each (one multi-row INSERT of the case
     * rows and one of their history rows) on {@code threads} connections.
     */
    private double rawIntake(int threads, int perThread, int perTransaction) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new java.util.ArrayList<>();
        long base = jdbc.queryForObject("select max(id) from case_file", Long.class) + 1_000_000;
        var sample = jdbc.queryForMap("select * from case_file where status = 'DISPATCHED' limit 1");
        String caseRow = """
                (?, ?, 'APP', now(), '13800000000', false, ?, '测试地址', '基准测试', ?, ?, ?, ?, ?, ?, 'DISPATCHED',
                 now(), ?, ?, ?, false, 0, 'bench', 0)""";
        String caseSql = """
                insert into case_file (id, number, channel, received_at, complainant_phone, anonymous, district_code,
                  address, description, list_item_id, list_version_id, item_code, category_code, urgency,
                  lead_unit_code, status, dispatched_at, sign_due_at, handle_due_at, warn_at, reply_accepted,
                  reopen_count, created_by, version) values """ + String.join(", ",
                java.util.Collections.nCopies(perTransaction, caseRow));
        String historySql = "insert into case_history (case_id, at, actor, action, from_status, to_status, internal) "
                + "values " + String.join(", ", java.util.Collections.nCopies(perTransaction,
                "(?, now(), 'bench', 'REGISTER', null, 'REGISTERED', false)"));
        AtomicInteger next = new AtomicInteger();
        Cpu c1 = Cpu.now();
        long t1 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ins = c.prepareStatement(caseSql);
                     PreparedStatement his = c.prepareStatement(historySql)) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < perThread; i += perTransaction) {
                        for (int r = 0; r < perTransaction; r++) {
                            long id = base + next.incrementAndGet();
                            int p = r * 12;
                            ins.setLong(p + 1, id);
                            ins.setString(p + 2, "BENCH" + id);
                            ins.setObject(p + 3, sample.get("district_code"));
                            ins.setObject(p + 4, sample.get("list_item_id"));
                            ins.setObject(p + 5, sample.get("list_version_id"));
                            ins.setObject(p + 6, sample.get("item_code"));
                            ins.setObject(p + 7, sample.get("category_code"));
                            ins.setObject(p + 8, sample.get("urgency"));
                            ins.setObject(p + 9, sample.get("lead_unit_code"));
                            ins.setObject(p + 10, sample.get("sign_due_at"));
                            ins.setObject(p + 11, sample.get("handle_due_at"));
                            ins.setObject(p + 12, sample.get("warn_at"));
                            his.setLong(r + 1, id);
                        }
                        ins.executeUpdate();
                        his.executeUpdate();
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        int cases = next.get();
        double raw = cases / ((System.nanoTime() - t1) / 1e9);
        rawCpu = Cpu.now().since(c1).perCase(cases);
        pool.shutdown();
        // the bare rows are no cases: gone again, so they do not pile up from run to run
        jdbc.update("delete from case_history where case_id > ? and actor = 'bench'", base);
        jdbc.update("delete from case_file where id > ? and number like 'BENCH%'", base);
        return raw;
    }

    /**
     * Intake over HTTP: 16 client threads POST reports to {@code /api/v1/cases} with a key of a channel system made
     * for the run (the whole path: key check, idempotency, validation, dispatch, deadlines, history, outbox),
     * against the same number of bare INSERT transactions (a case row and a history row) on 16 connections.
     */
    @Test
    void intake_over_http_with_16_clients() throws Exception {
        httpIntake("41-intake-http", 1);
    }

    /** The same reports through {@code POST /api/v1/cases/batch}, 100 per request: a hotline system's bulk push. */
    @Test
    void intake_over_http_in_batches_with_16_clients() throws Exception {
        httpIntake("42-intake-http-batch", Integer.parseInt(Bench.env("BENCH_HTTP_BATCH", "100")));
    }

    private void httpIntake(String rowKey, int perRequest) throws Exception {
        // batches: 10 requests per client, so that the measure lasts seconds, not the time of two requests
        int threads = 16, perThread = Integer.parseInt(Bench.env("BENCH_HTTP_PER_CLIENT", perRequest == 1 ? "250"
                : Integer.toString(10 * perRequest)));
        int requestsPerThread = Math.max(1, perThread / perRequest);
        String key = as("ADMIN", () -> {
            channels.saveSystem("BENCH_APP", "基准测试渠道", org.civitas.cases.Channel.APP, null, true);
            return channels.createKey("BENCH_APP", "bench " + LocalDateTime.now());
        });
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> headers = Map.of("X-API-Key", key, "Content-Type", "application/json");
        // BENCH_HTTP_ITEM=none: reports without an item, so the complaint classifier decides at intake (DD051)
        String item = Bench.env("BENCH_HTTP_ITEM", "SR-01").replace("none", "");
        String itemField = item.isEmpty() ? "" : ",\"item\":\"" + item + "\"";
        java.util.function.IntFunction<String> report = i -> """
                {"ref":"BENCH-%s-%d","phone":"13812345678","district":"D05","street":"S0501",
                 "address":"中华路 %d 号","description":"路边有暴露垃圾，请尽快清运"%s}"""
                .formatted(run, i, Math.abs(i) % 300, itemField);
        String path = perRequest == 1 ? "/api/v1/cases" : "/api/v1/cases/batch";
        // request n carries reports n*perRequest … n*perRequest+perRequest-1
        java.util.function.IntFunction<String> request = n -> {
            if (perRequest == 1) {
                return report.apply(n);
            }
            StringBuilder b = new StringBuilder("{\"cases\":[");
            for (int i = 0; i < perRequest; i++) {
                b.append(i == 0 ? "" : ",").append(report.apply(n < 0 ? n * perRequest - i : n * perRequest + i));
            }
            return b.append("]}").toString();
        };
        // warm-up: 1,000 reports, so the JIT has compiled the path before the measured ones (a server runs warm)
        try (RawHttp http = new RawHttp("127.0.0.1", port)) {
            for (int i = 0; i < Math.max(1, 1000 / perRequest); i++) {
                var r = http.post(path, headers, request.apply(-1 - i));
                if (r.status() != (perRequest == 1 ? 201 : 200) || r.body().contains("\"status\":4")) {
                    throw new IllegalStateException(r.status() + " " + r.body());
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        double[] latency = new double[threads * requestsPerThread];
        Cpu c0 = Cpu.now();
        long t0 = System.nanoTime();
        List<Future<?>> fs = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                try (RawHttp http = new RawHttp("127.0.0.1", port)) {
                    for (int i = 0; i < requestsPerThread; i++) {
                        int n = next.getAndIncrement();
                        long s0 = System.nanoTime();
                        var r = http.post(path, headers, request.apply(n));
                        // 409 "conflicted with another request, retry" (a deadlock between concurrent intakes): the
                        // client retries the same report, as docs/api.md tells channel systems to; in a batch the
                        // whole batch is sent again (its filed reports answer 200, the others are filed)
                        for (int retry = 0; retry < 5 && (r.status() == 409 || r.body().contains("\"status\":409"));
                             retry++) {
                            retries.incrementAndGet();
                            r = http.post(path, headers, request.apply(n));
                        }
                        latency[n] = (System.nanoTime() - s0) / 1e6;
                        if (r.status() != (perRequest == 1 ? 201 : 200) || r.body().contains("\"status\":4")) {
                            throw new IllegalStateException(r.status() + " " + r.body());
                        }
                        created.addAndGet(perRequest);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double civitas = created.get() / ((System.nanoTime() - t0) / 1e9);
        String cpu = Cpu.now().since(c0).perCase(created.get());
        pool.shutdown();
        double raw = rawIntake(threads, perThread, perRequest);
        Bench.row(rowKey, String.format("intake over HTTP: `POST %s` (key, idempotency, dispatch, deadlines, "
                        + "history, notices, outbox; %s%s), %d clients, %,d cases", path, perRequest == 1
                        ? "one report per request" : perRequest + " reports per request in one transaction",
                        item.isEmpty() ? "; no item: the classifier decides" : "", threads,
                        created.get()),
                String.format("%,.0f cases/s (request p50 %s, p95 %s; %d retries after a 409); %s", civitas,
                        ms(percentile(latency, 50)), ms(percentile(latency, 95)), retries.get(), cpu),
                String.format("bare INSERT of %s per transaction, %d connections: %,.0f cases/s; %s",
                        perRequest == 1 ? "a case and a history row" : perRequest + " cases and their history rows "
                        + "(two multi-row INSERTs)", threads, raw, rawCpu), String.format("%.2f× slower", raw / civitas),
                "≥ 1,000 cases/s", civitas >= 1000);
    }
}
