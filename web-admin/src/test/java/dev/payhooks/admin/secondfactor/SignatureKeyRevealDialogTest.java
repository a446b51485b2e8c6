package dev.payhooks.admin.secondfactor;

import dev.payhooks.admin.NotAllowed;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reveal dialog without a browser: one accepted code shows the key with Copy, and nothing asks for another. */
class SignatureKeyRevealDialogTest {

    final List<String> codesAsked = new ArrayList<>();

    UnaryOperator<String> answering(UnaryOperator<String> answer) {
        return code -> {
            codesAsked.add(code);
            return answer.apply(code);
        };
    }

    @Test
    void oneAcceptedCodeShowsTheKeyWithCopyAndAsksForNoOther() {
        SignatureKeyRevealDialog dialog = new SignatureKeyRevealDialog(answering(code -> "whsec_" + code + "key"));
        assertEquals(SignatureKeyRevealDialog.MASKED, dialog.value.getText());
        assertFalse(dialog.copy.isVisible(), "nothing to copy before the reveal");

        dialog.code.setValue("123456");
        dialog.show.click();

        assertEquals("whsec_123456key", dialog.value.getText());
        assertTrue(dialog.copy.isVisible());
        assertFalse(dialog.code.isVisible());
        assertEquals("", dialog.code.getValue(), "the spent code does not stay in the field");
        assertFalse(dialog.show.isVisible());
        assertFalse(dialog.show.isEnabled());
        dialog.show.click();
        assertEquals(List.of("123456"), codesAsked, "one code, one reveal");
    }

    @Test
    void aWrongCodeMayBeCorrectedAndShowsNoKey() {
        SignatureKeyRevealDialog dialog = new SignatureKeyRevealDialog(answering(code -> {
            if (!code.equals("654321")) {
                throw new InvalidField("code", "the code is not valid");
            }
            return "whsec_right";
        }));

        dialog.code.setValue("111111");
        dialog.show.click();
        assertTrue(dialog.code.isInvalid());
        assertEquals("the code is not valid", dialog.code.getErrorMessage());
        assertEquals(SignatureKeyRevealDialog.MASKED, dialog.value.getText());
        assertFalse(dialog.copy.isVisible());
        assertTrue(dialog.show.isVisible());

        dialog.code.setValue("654321");
        dialog.show.click();
        assertFalse(dialog.code.isInvalid());
        assertEquals("whsec_right", dialog.value.getText());
        assertTrue(dialog.copy.isVisible());
    }

    @Test
    void aRefusalOrAMissingKeyEndsTheOfferWithoutAKey() {
        SignatureKeyRevealDialog refused = new SignatureKeyRevealDialog(answering(code -> {
            throw new NotAllowed(NotAllowed.LOOK_NOT_CHANGE);
        }));
        refused.code.setValue("123456");
        refused.show.click();
        assertEquals(NotAllowed.LOOK_NOT_CHANGE, refused.value.getText());
        assertFalse(refused.copy.isVisible());
        assertFalse(refused.code.isVisible(), "no further code is asked of a reader who may not see the key");
        assertFalse(refused.show.isEnabled());

        SignatureKeyRevealDialog none = new SignatureKeyRevealDialog(answering(code -> {
            throw new NotFound("signature key");
        }));
        none.code.setValue("123456");
        none.show.click();
        assertTrue(none.value.getText().startsWith("No signature key yet"), none.value.getText());
        assertFalse(none.copy.isVisible());
        assertFalse(none.code.isVisible());
        none.show.click();
        assertEquals(List.of("123456", "123456"), codesAsked, "each dialog asked once");
    }
}
