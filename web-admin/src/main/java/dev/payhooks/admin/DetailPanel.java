package dev.payhooks.admin;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Span;
import dev.payhooks.domain.error.DomainException;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A detail panel's record, read as the panel opens: one that is gone shows the reason in the panel instead. */
public final class DetailPanel {

    private DetailPanel() {
    }

    /** Reads the record and shows it with {@code show}; a record the use case does not find shows its message. */
    public static <T> void show(HasComponents panel, Supplier<T> read, Consumer<T> show) {
        T found;
        try {
            found = read.get();
        } catch (DomainException gone) {
            panel.add(new Span(gone.getMessage()));
            return;
        }
        show.accept(found);
    }
}
