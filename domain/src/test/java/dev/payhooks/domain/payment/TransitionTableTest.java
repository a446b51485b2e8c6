package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.IllegalTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.payhooks.domain.payment.TransactionFixture.report;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every (status × operation × result), applied to a real transaction in that status: either
 * allowed, landing in the expected status, or rejected with the transaction untouched.
 * The expectations are written out here independently of {@link TransitionTable}, so a change
 * to the table must be made twice, on purpose.
 */
class TransitionTableTest {

    /** from, operation, results (S F R A), to — for an amount of EUR 10.00 on the fixtures. */
    private static final String EXPECTED = """
        NEW                           AUTHORIZE        S AUTHORIZED
        NEW                           AUTHORIZE        F FAILED
        NEW                           AUTHORIZE        R AUTHORIZATION_REQUESTED
        NEW                           AUTHORIZE        A AUTHORIZATION_ACTION_REQUIRED
        NEW                           CHARGE           S CHARGED
        NEW                           CHARGE           F FAILED
        NEW                           CHARGE           R CHARGE_REQUESTED
        NEW                           CHARGE           A CHARGE_ACTION_REQUIRED
        FAILED                        AUTHORIZE        S AUTHORIZED
        FAILED                        AUTHORIZE        F FAILED
        FAILED                        AUTHORIZE        R AUTHORIZATION_REQUESTED
        FAILED                        AUTHORIZE        A AUTHORIZATION_ACTION_REQUIRED
        FAILED                        CHARGE           S CHARGED
        FAILED                        CHARGE           F FAILED
        FAILED                        CHARGE           R CHARGE_REQUESTED
        FAILED                        CHARGE           A CHARGE_ACTION_REQUIRED
        AUTHORIZATION_REQUESTED       AUTHORIZE        S AUTHORIZED
        AUTHORIZATION_REQUESTED       AUTHORIZE        F FAILED
        AUTHORIZATION_REQUESTED       AUTHORIZE        R AUTHORIZATION_REQUESTED
        AUTHORIZATION_REQUESTED       AUTHORIZE        A AUTHORIZATION_ACTION_REQUIRED
        AUTHORIZATION_ACTION_REQUIRED AUTHORIZE        S AUTHORIZED
        AUTHORIZATION_ACTION_REQUIRED AUTHORIZE        F FAILED
        AUTHORIZATION_ACTION_REQUIRED AUTHORIZE        R AUTHORIZATION_REQUESTED
        AUTHORIZATION_ACTION_REQUIRED AUTHORIZE        A AUTHORIZATION_ACTION_REQUIRED
        CHARGE_REQUESTED              CHARGE           S CHARGED
        CHARGE_REQUESTED              CHARGE           F FAILED
        CHARGE_REQUESTED              CHARGE           R CHARGE_REQUESTED
        CHARGE_REQUESTED              CHARGE           A CHARGE_ACTION_REQUIRED
        CHARGE_ACTION_REQUIRED        CHARGE           S CHARGED
        CHARGE_ACTION_REQUIRED        CHARGE           F FAILED
        CHARGE_ACTION_REQUIRED        CHARGE           R CHARGE_REQUESTED
        CHARGE_ACTION_REQUIRED        CHARGE           A CHARGE_ACTION_REQUIRED
        AUTHORIZED                    CHARGE           S CHARGED
        AUTHORIZED                    CHARGE           F AUTHORIZED
        AUTHORIZED                    CHARGE           R AUTHORIZED
        AUTHORIZED                    CANCEL           S CANCELLED
        AUTHORIZED                    CANCEL           F AUTHORIZED
        AUTHORIZED                    CANCEL           R AUTHORIZED
        CHARGED                       CHARGE           S CHARGED
        CHARGED                       CHARGE           F CHARGED
        CHARGED                       CHARGE           R CHARGED
        CHARGED                       CANCEL           S CHARGED
        CHARGED                       CANCEL           F CHARGED
        CHARGED                       CANCEL           R CHARGED
        CHARGED                       REFUND           S PARTIALLY_REFUNDED
        CHARGED                       REFUND           F CHARGED
        CHARGED                       REFUND           R CHARGED
        CHARGED                       CHARGEBACK       S CHARGED_BACK
        CHARGED                       CHARGEBACK       F CHARGED
        CHARGED                       CHARGEBACK       R CHARGED
        PARTIALLY_REFUNDED            REFUND           S PARTIALLY_REFUNDED
        PARTIALLY_REFUNDED            REFUND           F PARTIALLY_REFUNDED
        PARTIALLY_REFUNDED            REFUND           R PARTIALLY_REFUNDED
        PARTIALLY_REFUNDED            REFUND_REVERSAL  S PARTIALLY_REFUNDED
        PARTIALLY_REFUNDED            CHARGEBACK       S CHARGED_BACK
        PARTIALLY_REFUNDED            CHARGEBACK       F PARTIALLY_REFUNDED
        PARTIALLY_REFUNDED            CHARGEBACK       R PARTIALLY_REFUNDED
        REFUNDED                      REFUND_REVERSAL  S PARTIALLY_REFUNDED
        REFUNDED                      CHARGEBACK       S CHARGED_BACK
        REFUNDED                      CHARGEBACK       F REFUNDED
        REFUNDED                      CHARGEBACK       R REFUNDED
        """;

    private static final Map<String, TransactionStatus> ALLOWED = parse(EXPECTED);

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (TransactionStatus from : TransactionStatus.values()) {
            for (Operation operation : Operation.values()) {
                for (OperationResult result : OperationResult.values()) {
                    all.add(Arguments.of(from, operation, result));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} + {1} {2}")
    @MethodSource("everyCombination")
    void everyCombinationIsAllowedAsExpectedOrRejected(TransactionStatus from, Operation operation,
                                                       OperationResult result) {
        PaymentTransaction tx = TransactionFixture.in(from);
        TransactionSnapshot before = tx.snapshot();
        TransactionStatus expected = ALLOWED.get(key(from, operation, result));

        assertEquals(expected != null, TransitionTable.allows(from, operation, result), "table entry");
        if (expected == null) {
            IllegalTransition rejected = assertThrows(IllegalTransition.class,
                () -> tx.apply(operation, result, report(1_000)));
            assertTrue(rejected.getMessage().contains(from.name()), rejected.getMessage());
            assertTrue(rejected.getMessage().contains(operation + " " + result), rejected.getMessage());
            assertEquals("illegal_transition", rejected.code());
            assertEquals(before, tx.snapshot(), "a rejected operation changes nothing");
        } else {
            List<TransactionEvent> events = tx.apply(operation, result, report(1_000));
            assertEquals(expected, tx.status());
            assertEquals(1, events.size());
            TransactionEvent event = events.get(0);
            assertEquals(operation, event.operation());
            assertEquals(result, event.result());
            assertEquals(expected, event.statusAfter());
            assertEquals(TransactionFixture.eur(1_000), event.amount());
            assertEquals(before.events().size() + 1, event.sequence());
        }
    }

    @Test
    void theExpectationsCoverOnlyRealCombinations() {
        assertEquals(61, ALLOWED.size(), "rows in EXPECTED; duplicates would hide a missing case");
    }

    @ParameterizedTest
    @EnumSource(TransactionStatus.class)
    void onlyCancelledAndChargedBackAreFinal(TransactionStatus status) {
        assertEquals(EnumSet.of(TransactionStatus.CANCELLED, TransactionStatus.CHARGED_BACK).contains(status),
            status.isFinal());
    }

    @Test
    void everyStatusIsReachableFromNew() {
        Set<TransactionStatus> reached = EnumSet.of(TransactionStatus.NEW);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TransactionStatus to : new ArrayList<>(ALLOWED.values())) {
                if (!reached.contains(to) && ALLOWED.entrySet().stream().anyMatch(e ->
                    e.getValue() == to && reached.contains(TransactionStatus.valueOf(e.getKey().split(" ")[0])))) {
                    reached.add(to);
                    grew = true;
                }
            }
        }
        reached.add(TransactionStatus.REFUNDED); // by the amount: a refund of everything that is left
        assertEquals(EnumSet.allOf(TransactionStatus.class), reached);
    }

    @Test
    void actionRequiredOnlyBeforeMoneyMoved() {
        for (TransactionStatus from : TransactionStatus.values()) {
            for (Operation operation : Operation.values()) {
                if (TransitionTable.allows(from, operation, OperationResult.ACTION_REQUIRED)) {
                    assertTrue(operation == Operation.AUTHORIZE || operation == Operation.CHARGE);
                    assertTrue(TransitionTable.allowedFrom(from).stream()
                        .allMatch(op -> op == Operation.AUTHORIZE || op == Operation.CHARGE), from.name());
                }
            }
        }
    }

    private static Map<String, TransactionStatus> parse(String table) {
        Map<String, TransactionStatus> allowed = new HashMap<>();
        Map<String, OperationResult> results = Map.of("S", OperationResult.SUCCESS, "F", OperationResult.FAILURE,
            "R", OperationResult.REQUEST, "A", OperationResult.ACTION_REQUIRED);
        table.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            String key = key(TransactionStatus.valueOf(cells[0]), Operation.valueOf(cells[1]), results.get(cells[2]));
            if (allowed.put(key, TransactionStatus.valueOf(cells[3])) != null) {
                throw new AssertionError("duplicate row " + Arrays.toString(cells));
            }
        });
        return allowed;
    }

    private static String key(TransactionStatus from, Operation operation, OperationResult result) {
        return from + " " + operation + " " + result;
    }
}
