package dev.vigil.common.watchdog;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;
import reactor.netty.http.HttpResources;

import org.springframework.context.SmartLifecycle;

/**
 * Samples this instance every {@code interval}: how late a task runs on the server's event loops,
 * how full the heap is, and whether the database answers {@code select 1}. Sustained breaches
 * move it to degraded (out of rotation) and, past the down limits, down (restart). Database loss
 * is reported, not acted on here: every instance shares it, so taking them out of rotation would
 * turn a database outage into a total one; the health service raises safe mode instead.
 */
public class Watchdog implements SmartLifecycle {

    /** Where this instance stands. */
    public enum State {
        OK, DEGRADED, DOWN
    }

    private final WatchdogProperties limits;

    private final @Nullable DatabasePing database;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    private final AtomicLong lagNanos = new AtomicLong();

    private final AtomicBoolean databaseUp = new AtomicBoolean(true);

    private volatile double heapUsed;

    private volatile State state = State.OK;

    private volatile @Nullable String why;

    private int breaching;

    private int failing;

    private @Nullable Disposable sampling;

    public Watchdog(WatchdogProperties limits, @Nullable DatabasePing database, MeterRegistry meters) {
        this.limits = limits;
        this.database = database;
        Gauge.builder("vigil.watchdog.event.loop.lag", this.lagNanos, lag -> lag.get() / 1e9).baseUnit("seconds")
            .description("How late a task last ran on the server's event loops").register(meters);
        Gauge.builder("vigil.watchdog.heap.used", this, watchdog -> watchdog.heapUsed)
            .description("Share of the maximum heap in use").register(meters);
        Gauge.builder("vigil.watchdog.database.up", this.databaseUp, up -> up.get() ? 1 : 0)
            .description("1 while the database answers select 1").register(meters);
        Gauge.builder("vigil.watchdog.state", this, watchdog -> watchdog.state.ordinal())
            .description("0 ok, 1 degraded (out of rotation), 2 down (to be restarted)").register(meters);
    }

    public State state() {
        return this.state;
    }

    public @Nullable String why() {
        return this.why;
    }

    public boolean databaseUp() {
        return this.databaseUp.get();
    }

    public Duration eventLoopLag() {
        return Duration.ofNanos(this.lagNanos.get());
    }

    public double heapUsed() {
        return this.heapUsed;
    }

    @Override
    public void start() {
        // A sample slower than the interval (a starved machine is what this watches for) skips ticks, never ends sampling.
        this.sampling = Flux.interval(this.limits.interval(), Schedulers.single())
            .onBackpressureDrop()
            .concatMap(tick -> Mono.when(sampleEventLoops(), sampleDatabase())
                .then(Mono.fromRunnable(this::assess))
                .onErrorResume(error -> Mono.empty()), 1)
            .subscribe();
    }

    @Override
    public void stop() {
        if (this.sampling != null) {
            this.sampling.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return this.sampling != null && !this.sampling.isDisposed();
    }

    /** Submits a no-op to every server event loop and records the longest wait. */
    private Mono<Void> sampleEventLoops() {
        return Flux.fromIterable(HttpResources.get().onServer(LoopResources.DEFAULT_NATIVE))
            .flatMap(this::lagOf)
            .reduce(0L, Math::max)
            .doOnNext(this.lagNanos::set)
            .then();
    }

    private Mono<Long> lagOf(EventExecutor loop) {
        long submitted = System.nanoTime();
        return Mono.<Long>create(sink -> loop.execute(() -> sink.success(System.nanoTime() - submitted)))
            .timeout(this.limits.lagDown().multipliedBy(2), Mono.just(this.limits.lagDown().multipliedBy(2).toNanos()));
    }

    private Mono<Void> sampleDatabase() {
        if (this.database == null) {
            return Mono.empty();
        }
        return this.database.ping()
            .timeout(this.limits.databaseTimeout())
            .doOnSuccess(ok -> this.databaseUp.set(true))
            .onErrorResume(error -> {
                this.databaseUp.set(false);
                return Mono.empty();
            });
    }

    private void assess() {
        MemoryUsage heap = this.memory.getHeapMemoryUsage();
        this.heapUsed = (heap.getMax() > 0) ? (double) heap.getUsed() / heap.getMax() : 0;
        long lag = this.lagNanos.get();
        boolean down = lag >= this.limits.lagDown().toNanos() || this.heapUsed >= this.limits.heapDown();
        boolean degraded = down || lag >= this.limits.lagDegraded().toNanos() || this.heapUsed >= this.limits.heapDegraded();
        this.failing = down ? this.failing + 1 : 0;
        this.breaching = degraded ? this.breaching + 1 : 0;
        if (this.failing >= this.limits.downAfter()) {
            this.state = State.DOWN;
        }
        else if (this.breaching >= this.limits.degradedAfter()) {
            this.state = State.DEGRADED;
        }
        else if (!degraded) {
            this.state = State.OK;
        }
        this.why = (this.state == State.OK) ? null : String.format("event-loop lag %d ms, heap %.0f%% used",
                lag / 1_000_000, this.heapUsed * 100);
    }
}
