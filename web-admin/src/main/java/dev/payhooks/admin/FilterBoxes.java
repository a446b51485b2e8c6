package dev.payhooks.admin;

import com.vaadin.flow.component.combobox.ComboBox;

import java.util.Collection;

/** The clearable combo boxes the list views filter by. */
public final class FilterBoxes {

    private FilterBoxes() {
    }

    /** Offers {@code items} in {@code box}, which can be cleared to filter by nothing. */
    public static <T> void clearable(ComboBox<T> box, String id, Collection<T> items) {
        box.setId(id);
        box.setItems(items);
        box.setClearButtonVisible(true);
    }

    /** {@link #clearable} for options, each shown by its caption. */
    public static void options(ComboBox<Option> box, String id, Collection<Option> options) {
        clearable(box, id, options);
        box.setItemLabelGenerator(Option::caption);
    }
}
