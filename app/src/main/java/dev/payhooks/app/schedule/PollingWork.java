package dev.payhooks.app.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A startup singleton that polls for work: from its start until its stop it runs {@link #tick}
 * every {@link #pollInterval} (the first time after one interval), each run after the previous
 * one ended.
 */
public abstract class PollingWork {

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final RepeatingWork loop = new RepeatingWork();

    /** How long to wait after a run before the next; read once, at start. */
    protected abstract Duration pollInterval();

    /** One run; a failure in it must not escape (see {@link RepeatingWork#attempt}). */
    protected abstract void tick();

    @PostConstruct
    void start() {
        long every = pollInterval().toMillis();
        loop.start(scheduler, this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }
}
