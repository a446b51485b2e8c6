package dev.payhooks.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;

/**
 * Busy states for work that may take a while (a replay, a test delivery, a call to a provider, a
 * chart's queries). The work runs in a second round trip, after the browser has shown the busy
 * state: the button disabled (from the click on, so a second click does nothing), its text saying
 * what is happening and {@code aria-busy} set; once the work is done the button is as before.
 * Vaadin's loading bar shows at the top meanwhile.
 */
public final class Busy {

    private Busy() {
    }

    /** Makes {@code button} run {@code work} with a busy state reading {@code busyText} (e.g. "Sending…"). */
    public static Button on(Button button, String busyText, Runnable work) {
        button.setDisableOnClick(true);
        button.addClickListener(click -> during(button, busyText, work));
        return button;
    }

    /** Shows {@code button} busy while {@code work} runs (e.g. the replay a confirmation started from it). */
    public static void during(Button button, String busyText, Runnable work) {
        String text = button.getText();
        button.setEnabled(false);
        button.setText(busyText);
        button.getElement().setAttribute("aria-busy", "true");
        afterPaint(button, () -> {
            try {
                work.run();
            } finally {
                button.setText(text);
                button.getElement().removeAttribute("aria-busy");
                button.setEnabled(true);
            }
        });
    }

    /**
     * Runs {@code work} in the round trip after this one, once the browser has shown what this one
     * changed; at once when {@code shown} is in no UI (nothing to show first). The browser answers
     * through the page, not through {@code shown}: the server drops answers from a disabled
     * component, such as the busy button itself. Not for use while a modal dialog is open (its
     * modality drops the page's answer too): close the dialog first.
     */
    public static void afterPaint(Component shown, Runnable work) {
        shown.getUI().ifPresentOrElse(ui -> ui.getPage().executeJs("return null").then(done -> work.run()), work);
    }
}
