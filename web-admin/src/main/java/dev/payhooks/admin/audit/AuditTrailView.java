package dev.payhooks.admin.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.payhooks.admin.eventlog.KeysetPages;
import dev.payhooks.admin.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Who changed which webhook, secret, key or channel setting, and when; newest first, loaded by keyset. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit trail · Payhooks")
@PermitAll
public class AuditTrailView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    public AuditTrailView(AuditModel model) {
        addClassName("audit-trail-view");
        setSizeFull();
        KeysetPages<AuditRow, AuditPage.Mark> pages = new KeysetPages<>(after -> {
            AuditPage page = model.auditEntries(after, PAGE_SIZE);
            return new KeysetPages.Page<>(page.rows(), page.next());
        }, PAGE_SIZE);
        Grid<AuditRow> grid = new Grid<>(AuditRow.class, false);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> TIME.format(r.at())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRow::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(r -> switch (r.source()) {
            case "API" -> "REST API";
            case "SYSTEM" -> "Payhooks";
            default -> "Console";
        }).setHeader("Via").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRow::action).setHeader("Change").setAutoWidth(true);
        grid.addColumn(AuditRow::subject).setHeader("Subject").setFlexGrow(2).setTooltipGenerator(AuditRow::subject);
        grid.addColumn(AuditRow::detail).setHeader("Detail").setFlexGrow(3).setTooltipGenerator(AuditRow::detail);
        grid.setEmptyStateText("No changes recorded yet.");
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()).stream());
        grid.setSizeFull();
        add(new H2("Audit trail"), new Paragraph("Every change made in this console to webhooks, secrets, API keys and channel "
            + "settings, recorded with the change itself. Secret values are never recorded."), grid);
        expand(grid);
    }
}
