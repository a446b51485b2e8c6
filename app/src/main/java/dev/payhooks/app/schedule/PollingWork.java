package dev.payhooks.app.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A startup singleton that polls for work: from its start until its stop it runs {@link #tick}
 * with the {@link #pollEvery interval} it was given between runs (the first run after one
 * interval), each run after the previous one ended.
 */
public abstract class PollingWork {

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final RepeatingWork loop = new RepeatingWork();
    private Duration interval;

    /** Sets the wait between runs; to be called before the start, e.g. by an injected settings method. */
    protected void pollEvery(Duration interval) {
        this.interval = interval;
    }

    /** One run; a failure in it must not escape (see {@link RepeatingWork#attempt}). */
    protected abstract void tick();

    @PostConstruct
    void start() {
        long every = interval.toMillis();
        loop.start(scheduler, this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }
}
