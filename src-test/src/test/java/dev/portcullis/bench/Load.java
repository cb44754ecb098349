package dev.portcullis.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** Requests 0..count-1 sent from several threads; a status per request (-1: no answer) and its latency. */
record Load(int[] statuses, long[] latencies, long elapsedNanos) {

    static Load drive(int count, int threads, IntUnaryOperator request) {
        return drive(count, threads, Long.MAX_VALUE, request);
    }

    /** The same, stopping early once {@code seconds} have passed; only the requests sent count. */
    static Load drive(int count, int threads, long seconds, IntUnaryOperator request) {
        int[] statuses = new int[count];
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = seconds == Long.MAX_VALUE ? Long.MAX_VALUE : start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while (System.nanoTime() < end && (i = next.getAndIncrement()) < count) {
                        long sent = System.nanoTime();
                        try {
                            statuses[i] = request.applyAsInt(i);
                        } catch (RuntimeException e) {
                            statuses[i] = -1;
                        }
                        latencies[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        int sent = Math.min(next.get(), count);
        return new Load(Arrays.copyOf(statuses, sent), Arrays.copyOf(latencies, sent), System.nanoTime() - start);
    }

    int ok() {
        return (int) Arrays.stream(statuses).filter(s -> s == 200).count();
    }

    int errors() {
        return statuses.length - ok();
    }

    double okPerSecond() {
        return elapsedNanos == 0 ? 0 : ok() / (elapsedNanos / 1e9);
    }

    double meanMillis() {
        return Arrays.stream(latencies).average().orElse(Double.NaN) / 1e6;
    }

    int completed() {
        return statuses.length;
    }

    double perSecond() {
        return elapsedNanos == 0 ? 0 : completed() / (elapsedNanos / 1e9);
    }

    /** Error counts by HTTP status (-1: no answer), e.g. " {400=3}". */
    String errorDetail() {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Arrays.stream(statuses).filter(s -> s != 200).forEach(s -> byStatus.merge(s, 1, Integer::sum));
        return byStatus.isEmpty() ? "" : " " + byStatus;
    }

    double percentileMillis(int percentile) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
