package dev.vigil.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * Sends requests at a fixed arrival rate whatever the server does (open loop), and times each
 * from the moment it was due, not from when it left, so a stalled server shows its full cost
 * instead of hiding it (no coordinated omission).
 */
final class OpenLoopRun {

    /** The most requests in flight; past it, arrivals are counted as dropped, not queued without bound. */
    private static final int MAX_IN_FLIGHT = 20_000;

    private final HttpClient http;

    OpenLoopRun(HttpClient http) {
        this.http = http;
    }

    Result run(Target target, int ratePerSecond, Duration duration) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.uri()).timeout(Duration.ofSeconds(10)).GET();
        target.headers().forEach(builder::header);
        HttpRequest request = builder.build();
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        Map<String, LongAdder> errors = new ConcurrentSkipListMap<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long total = ratePerSecond * duration.toSeconds();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                dropped.incrementAndGet();
                continue;
            }
            this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                recorder.recordValue(Math.max(0, System.nanoTime() - due));
                if (error == null && response.statusCode() < 400) {
                    ok.incrementAndGet();
                }
                else {
                    failed.incrementAndGet();
                    String kind = (error != null) ? rootCause(error).getClass().getSimpleName()
                            : String.valueOf(response.statusCode());
                    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
        return new Result(target.name(), ratePerSecond, ok.get(), failed.get(), errorCounts, dropped.get(), seconds,
                recorder.getIntervalHistogram());
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** What one run measured. */
    record Result(String target, int offeredRate, long ok, long failed, Map<String, Long> errors, long dropped,
            double seconds, Histogram latency) {

        double throughput() {
            return this.ok / this.seconds;
        }

        double millis(double percentile) {
            return this.latency.getValueAtPercentile(percentile) / 1e6;
        }
    }
}
