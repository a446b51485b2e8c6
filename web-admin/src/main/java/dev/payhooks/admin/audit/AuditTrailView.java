package dev.payhooks.admin.audit;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import dev.payhooks.admin.DateTimeBoxes;
import dev.payhooks.admin.eventlog.KeysetPages;
import dev.payhooks.admin.Busy;
import dev.payhooks.admin.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Who changed which webhook, secret, key or channel setting, and when; newest first, loaded by
 * keyset; filtered by who, change, subject and time, and exported as CSV with the same filter.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit trail · Payhooks")
@PermitAll
public class AuditTrailView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditModel model;
    private final Grid<AuditRow> grid = new Grid<>(AuditRow.class, false);
    private final TextField actor = new TextField("Who");
    private final TextField action = new TextField("Change");
    private final TextField subject = new TextField("Subject");
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private AuditFilter filter = AuditFilter.none();

    @Inject
    public AuditTrailView(AuditModel model) {
        this.model = model;
        addClassName("audit-trail-view");
        setSizeFull();
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> TIME.format(r.at())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRow::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(r -> switch (r.source()) {
            case "API" -> "REST API";
            case "SYSTEM" -> "Payhooks";
            default -> "Console";
        }).setHeader("Via").setAutoWidth(true).setFlexGrow(0);
        // the change in words, and the action's code (what the filter and the CSV use) in small print after it
        grid.addComponentColumn(r -> {
            Span code = new Span(r.action());
            code.addClassName("audit-action-code");
            code.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)")
                .set("margin-left", "var(--lumo-space-s)");
            return new Span(new Span(AuditActions.label(r.action())),
                code);
        }).setHeader("Change").setAutoWidth(true);
        grid.addColumn(AuditRow::subject).setHeader("Subject").setFlexGrow(2).setTooltipGenerator(AuditRow::subject);
        grid.addColumn(AuditRow::detail).setHeader("Detail").setFlexGrow(3).setTooltipGenerator(AuditRow::detail);
        grid.setEmptyStateText("No changes recorded yet.");
        grid.setSizeFull();

        actor.setId("audit-filter-actor");
        action.setId("audit-filter-action");
        action.setPlaceholder("e.g. webhook, api-key.issued");
        subject.setId("audit-filter-subject");
        DateTimeBoxes.named(from, "audit-filter-from");
        DateTimeBoxes.named(to, "audit-filter-to");
        for (TextField text : new TextField[] {actor, action, subject}) {
            text.setClearButtonVisible(true);
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.addValueChangeListener(e -> applyFilter());
        }
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());
        // the button reads the entries (busy meanwhile), then the hidden link hands them to the browser as a download
        Anchor download = new Anchor();
        download.getElement().setAttribute("download", true);
        download.getStyle().set("display", "none");
        Button export = Busy.on(new Button("Export CSV", VaadinIcon.DOWNLOAD.create()), "Exporting…", () -> {
            byte[] csv = model.csv(filter).getBytes(StandardCharsets.UTF_8);
            download.setHref(new StreamResource("audit.csv", () -> new ByteArrayInputStream(csv)));
            download.getElement().executeJs("this.click()");
        });
        export.setId("audit-export");
        HorizontalLayout filters = new HorizontalLayout(actor, action, subject, from, to, export, download);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        add(new H2("Audit trail"), new Paragraph("Every change made in this console to webhooks, secrets, API keys and channel "
            + "settings, recorded with the change itself. Secret values are never recorded. The export holds the newest "
            + "10,000 entries that match the filter."), filters, grid);
        expand(grid);
        applyFilter();
    }

    private void applyFilter() {
        filter = new AuditFilter(actor.getValue(), action.getValue(), subject.getValue(), utc(from.getValue()),
            utc(to.getValue()));
        AuditFilter current = filter;
        KeysetPages<AuditRow, AuditPage.Mark> pages = new KeysetPages<>(after -> {
            AuditPage page = model.auditEntries(current, after, PAGE_SIZE);
            return new KeysetPages.Page<>(page.rows(), page.next());
        }, PAGE_SIZE);
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()).stream());
    }

    private static java.time.Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
