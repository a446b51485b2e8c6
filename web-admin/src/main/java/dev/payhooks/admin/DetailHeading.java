package dev.payhooks.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The top of a detail panel: a title row aligned on its text, and the record's id in small monospace. */
public final class DetailHeading {

    private DetailHeading() {
    }

    public static HorizontalLayout title(Component... parts) {
        HorizontalLayout title = new HorizontalLayout(parts);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return title;
    }

    public static Span identifier(String elementId, String value) {
        Span id = new Span(value);
        id.setId(elementId);
        id.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "var(--lumo-font-size-s)");
        return id;
    }
}
