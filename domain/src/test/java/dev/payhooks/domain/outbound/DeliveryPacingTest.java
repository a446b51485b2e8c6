package dev.payhooks.domain.outbound;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryPacingTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final Duration TICK = Duration.ofMillis(250);

    @Test
    void slotsAreSpacedByTheIntervalFromNowAndOnlyOneTickAhead() {
        DeliveryPacing.Plan plan = DeliveryPacing.plan(null, T0, 10, 50, TICK);
        assertEquals(List.of(T0, T0.plusMillis(100), T0.plusMillis(200)), plan.starts());
        assertEquals(T0.plusMillis(300), plan.nextFreeSlot());
    }

    @Test
    void aStoredSlotInTheFutureIsRespectedAndOneInThePastIsNotSavedUp() {
        assertEquals(List.of(T0.plusMillis(200)), DeliveryPacing.plan(T0.plusMillis(200), T0, 2, 5, TICK).starts());
        assertEquals(List.of(), DeliveryPacing.plan(T0.plusSeconds(1), T0, 2, 5, TICK).starts());
        // an idle subscription does not bank a burst: an old slot counts as now
        assertEquals(T0, DeliveryPacing.plan(T0.minusSeconds(3600), T0, 2, 5, TICK).starts().get(0));
    }

    @Test
    void onlyWhatIsWantedIsHandedOut() {
        DeliveryPacing.Plan plan = DeliveryPacing.plan(null, T0, 1000, 3, TICK);
        assertEquals(3, plan.starts().size());
        assertEquals(T0.plusMillis(3), plan.nextFreeSlot());
    }

    /** However the engine ticks, no one-second window holds more than rate + 1 starts. */
    @Property(tries = 200)
    void noSecondSeesMoreThanTheRatePlusOne(@ForAll @IntRange(min = 1, max = 200) int perSecond,
                                            @ForAll @IntRange(min = 1, max = 40) int wantedPerTick,
                                            @ForAll @IntRange(min = 50, max = 1000) int tickMillis) {
        List<Instant> starts = new ArrayList<>();
        Instant next = null;
        for (Instant now = T0; now.isBefore(T0.plusSeconds(5)); now = now.plusMillis(tickMillis)) {
            DeliveryPacing.Plan plan = DeliveryPacing.plan(next, now, perSecond, wantedPerTick, Duration.ofMillis(tickMillis));
            starts.addAll(plan.starts());
            next = plan.nextFreeSlot();
        }
        for (Instant start : starts) {
            long inWindow = starts.stream().filter(s -> !s.isBefore(start) && s.isBefore(start.plusSeconds(1))).count();
            assertTrue(inWindow <= perSecond + 1, inWindow + " starts within one second at " + perSecond + "/s");
        }
    }
}
