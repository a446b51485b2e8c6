package dev.payhooks.admin;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;

/** The console's date-time pickers (UTC), each of their two boxes named for screen readers. */
public final class DateTimeBoxes {

    private DateTimeBoxes() {
    }

    /**
     * Gives {@code picker} the id {@code id}; its boxes are named by its label followed by "date" and
     * "time" (e.g. "From (UTC) date"), not by the label alone twice.
     */
    public static DateTimePicker named(DateTimePicker picker, String id) {
        picker.setId(id);
        picker.setDateAriaLabel("date");
        picker.setTimeAriaLabel("time");
        return picker;
    }
}
