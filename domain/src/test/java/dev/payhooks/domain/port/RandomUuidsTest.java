package dev.payhooks.domain.port;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomUuidsTest {

    @Test
    void theyAreRandomVersionFourUuidsInTheirUsualForm() {
        UUID id = RandomUuids.next();

        assertEquals(4, id.version());
        assertEquals(2, id.variant());
        assertEquals(id, UUID.fromString(id.toString()));
        assertTrue(id.toString().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id.toString());
    }

    @Test
    void threadsDrawDifferentIds() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    Set<UUID> mine = new HashSet<>();
                    for (int i = 0; i < 10_000; i++) {
                        mine.add(RandomUuids.next());
                    }
                    seen.addAll(mine);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(80_000, seen.size());
    }
}
