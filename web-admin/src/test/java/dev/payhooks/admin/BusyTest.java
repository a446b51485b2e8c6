package dev.payhooks.admin;

import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusyTest {

    @Test
    void theButtonIsDisabledAndSaysWhatRunsWhileTheWorkRunsAndIsAsBeforeAfterwards() {
        Button button = new Button("Send test");
        List<String> seen = new ArrayList<>();
        Busy.on(button, "Sending…", () -> seen.add(button.getText() + "|" + button.isEnabled() + "|"
            + button.getElement().getAttribute("aria-busy")));
        assertTrue(button.isDisableOnClick(), "a second click before the answer does nothing");

        button.click();

        assertEquals(List.of("Sending…|false|true"), seen);
        assertEquals("Send test", button.getText());
        assertTrue(button.isEnabled());
        assertNull(button.getElement().getAttribute("aria-busy"));
    }

    @Test
    void aFailingWorkStillGivesTheButtonBack() {
        Button button = new Button("Replay");
        assertThrows(IllegalStateException.class, () -> Busy.during(button, "Replaying…", () -> {
            throw new IllegalStateException("refused");
        }));
        assertEquals("Replay", button.getText());
        assertTrue(button.isEnabled());
        assertFalse(button.getElement().hasAttribute("aria-busy"));
    }
}
