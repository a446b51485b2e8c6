package dev.payhooks.domain.port;

import java.util.concurrent.atomic.AtomicInteger;

/** Predictable ids and tokens for tests: id-1, id-2…; tokens of repeated digits. */
public class SequentialIds implements IdGenerator {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public String newId() {
        return "id-" + next.incrementAndGet();
    }

    @Override
    public String randomToken(int length) {
        String digit = String.valueOf(next.incrementAndGet() % 10);
        return ("t" + digit.repeat(length)).substring(0, length);
    }
}
