package dev.payhooks.domain.provider.npatobarai;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefundStepTest {

    @ParameterizedTest
    @EnumSource(RefundStep.class)
    void aFailureMessageNamesItsStep(RefundStep step) {
        assertEquals(Optional.of(step), RefundStep.ofFailure(step.failure("NP said no")));
    }

    @Test
    void otherMessagesNameNoStep() {
        assertEquals(Optional.empty(), RefundStep.ofFailure("Refund refused: amount too high"));
        assertEquals(Optional.empty(), RefundStep.ofFailure(null));
    }

    @Test
    void onlyStepsAfterTheCancelLeftNpChanged() {
        assertTrue(RefundStep.RE_REGISTER.leftNpChanged());
        assertTrue(RefundStep.SHIPMENT.leftNpChanged());
        assertFalse(RefundStep.CANCEL.leftNpChanged());
        assertFalse(RefundStep.UPDATE.leftNpChanged());
    }
}
