package org.civitas.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The server's used heap (survivors, eden, old) every second, from {@code jstat -gc}. */
final class ServerHeap extends Thread {
    final String pid;
    final AtomicLong peakKb = new AtomicLong();
    final AtomicLong peakOldKb = new AtomicLong();
    volatile double firstGcSeconds = -1;
    volatile double lastGcSeconds;
    final AtomicBoolean running = new AtomicBoolean(true);

    ServerHeap(String pid) {
        this.pid = pid;
        setDaemon(true);
    }

    @Override
    public void run() {
        if (pid.isBlank()) {
            return;
        }
        try {
            Process p = new ProcessBuilder("jstat", "-gc", pid, "1000").redirectErrorStream(true).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String header = in.readLine();
                List<String> columns = header == null ? List.of() : List.of(header.trim().split("\\s+"));
                String line;
                while (running.get() && (line = in.readLine()) != null) {
                    String[] v = line.trim().split("\\s+");
                    if (v.length != columns.size()) {
                        continue;
                    }
                    double used = 0;
                    for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                        int i = columns.indexOf(col);
                        used += i < 0 ? 0 : Double.parseDouble(v[i]);
                    }
                    peakKb.accumulateAndGet((long) used, Math::max);
                    int old = columns.indexOf("OU");
                    if (old >= 0) {
                        peakOldKb.accumulateAndGet((long) Double.parseDouble(v[old]), Math::max);
                    }
                    int gct = columns.indexOf("GCT");
                    if (gct >= 0) {
                        double g = Double.parseDouble(v[gct]);
                        if (firstGcSeconds < 0) {
                            firstGcSeconds = g;
                        }
                        lastGcSeconds = g;
                    }
                }
            } finally {
                p.destroy();
            }
        } catch (Exception e) {
            System.err.println("heap sampling failed: " + e);
        }
    }

    long peakMb() {
        return peakKb.get() / 1024;
    }

    long peakOldMb() {
        return peakOldKb.get() / 1024;
    }

    double gcSeconds() {
        return firstGcSeconds < 0 ? 0 : lastGcSeconds - firstGcSeconds;
    }

    void finish() {
        running.set(false);
    }

    /** The server's -Xmx as the JVM itself reports it (jcmd VM.flags); unknown is reported as too large. */
    static long maxMb(String pid) {
        if (pid.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            Process p = new ProcessBuilder("jcmd", pid, "VM.flags").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            var m = java.util.regex.Pattern.compile("MaxHeapSize=(\\d+)").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / (1024 * 1024) : Long.MAX_VALUE;
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }
}
