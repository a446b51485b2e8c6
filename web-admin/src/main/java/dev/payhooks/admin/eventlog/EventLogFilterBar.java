package dev.payhooks.admin.eventlog;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasTheme;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.payhooks.admin.DateTimeBoxes;
import dev.payhooks.admin.FilterBoxes;
import dev.payhooks.admin.Option;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log's filters as one compact bar: free text, direction, event type and status in one
 * row with the bar's actions; provider, webhook and the time range behind "More filters" (the
 * toggle counts the ones set while they are hidden). Every change calls {@code onChange}; the
 * view reads {@link #filter()}. A further filter is one more field in {@link #primary} or
 * {@link #secondary}, registered with {@link #watch}.
 */
final class EventLogFilterBar extends VerticalLayout {

    private final Select<String> direction = new Select<>();
    private final ComboBox<Option> provider = new ComboBox<>("Provider");
    private final ComboBox<String> type = new ComboBox<>("Event type");
    private final ComboBox<Option> webhook = new ComboBox<>("Webhook");
    private final Select<String> status = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final TextField idText = new TextField("Id or reference");
    private final HorizontalLayout primary = new HorizontalLayout();
    private final HorizontalLayout secondary = new HorizontalLayout();
    private final Button more = new Button();
    private final List<HasValue<?, ?>> hidden = new ArrayList<>();
    private final Runnable onChange;

    EventLogFilterBar(EventLogModel model, Runnable onChange) {
        this.onChange = onChange;
        setId("event-log-filters");
        setPadding(false);
        setSpacing(false);

        idText.setId("filter-id");
        idText.setPlaceholder("event, webhook, notification, transaction, correlation id or provider reference");
        idText.setPrefixComponent(VaadinIcon.SEARCH.create());
        idText.setClearButtonVisible(true);
        idText.setValueChangeMode(ValueChangeMode.LAZY);
        idText.setMinWidth("14rem");
        direction.setId("filter-direction");
        direction.setLabel("Direction");
        direction.setItems("", EventRow.Direction.INBOUND.name(), EventRow.Direction.OUTBOUND.name());
        direction.setItemLabelGenerator(d -> d.isEmpty() ? "Both" : d.equals(EventRow.Direction.INBOUND.name())
            ? "Inbound (provider notifications)" : "Outbound (webhook events)");
        direction.setValue("");
        direction.setWidth("11rem");
        FilterBoxes.clearable(type, "filter-type", model.eventLogTypes());
        type.setWidth("14rem");
        status.setId("filter-status");
        status.setLabel("Status");
        List<String> statuses = new ArrayList<>(List.of(""));
        statuses.addAll(model.eventLogStatuses());
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : s.charAt(0) + s.substring(1).toLowerCase()
            + (EventLogModel.isNotificationStatus(s) ? " (notification)" : " (delivery)"));
        status.setValue("");
        status.setWidth("12rem");
        FilterBoxes.options(provider, "filter-provider", model.providerOptions());
        FilterBoxes.options(webhook, "filter-webhook", model.webhookOptions());
        DateTimeBoxes.named(from, "filter-from");
        DateTimeBoxes.named(to, "filter-to");

        more.setId("more-filters");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.getElement().setAttribute("aria-controls", "event-log-more-filters");
        more.addClickListener(click -> showSecondary(!secondary.isVisible()));

        primary.add(idText, direction, type, status, more);
        primary.setWidthFull();
        primary.expand(idText);
        primary.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        secondary.setId("event-log-more-filters");
        secondary.add(provider, webhook, from, to);
        secondary.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        secondary.getStyle().set("flex-wrap", "wrap");
        add(primary, secondary);

        for (Component field : List.of(idText, direction, type, status, provider, webhook, from, to)) {
            ((HasTheme) field).addThemeName("small");
        }
        watch(idText, direction, type, status);
        watch(provider, webhook, from, to);
        hidden.addAll(List.of(provider, webhook, from, to));
        showSecondary(false);
    }

    /** Calls {@code onChange} when any of the fields changes. */
    private void watch(AbstractField<?, ?>... fields) {
        for (AbstractField<?, ?> field : fields) {
            field.addValueChangeListener(changed -> {
                onChange.run();
                countHidden();
            });
        }
    }

    /** Puts {@code action} (e.g. bulk replay) at the end of the bar's row. */
    void addAction(Component action) {
        primary.add(action);
    }

    private void showSecondary(boolean shown) {
        secondary.setVisible(shown);
        more.getElement().setAttribute("aria-expanded", Boolean.toString(shown));
        more.setIcon((shown ? VaadinIcon.ANGLE_UP : VaadinIcon.ANGLE_DOWN).create());
        countHidden();
    }

    private void countHidden() {
        long set = hidden.stream().filter(field -> !field.isEmpty()).count();
        more.setText((secondary.isVisible() ? "Fewer filters" : "More filters") + (set == 0 || secondary.isVisible()
            ? "" : " (" + set + ")"));
    }

    /** The filter the fields make; the view checks it (a "to" before "from" is refused). */
    EventFilter filter() {
        return new EventFilter(direction.getValue(), provider.getValue() == null ? null : provider.getValue().value(),
            type.getValue(), webhook.getValue() == null ? null : webhook.getValue().value(),
            status.getValue(), instant(from.getValue()), instant(to.getValue()), idText.getValue());
    }

    /** Searches for this text (e.g. a correlation id), as if typed into the search box. */
    void search(String text) {
        idText.setValue(text);
    }

    /** Chooses {@code wanted} as the status (a link to the dead letters) if the log knows it. */
    void chooseStatus(String wanted, List<String> known) {
        if (known.contains(wanted)) {
            status.setValue(wanted);
        }
    }

    /** Shows {@code problem} at the end of the time range, or clears it with null. */
    void rangeProblem(String problem) {
        if (problem != null) {
            to.setErrorMessage(problem);
            showSecondary(true);
        }
        to.setInvalid(problem != null);
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
