package dev.payhooks.admin.dashboard;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.payhooks.admin.Busy;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.domain.error.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import dev.payhooks.admin.ConsoleSettings;

/** The landing page after sign-in. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Payhooks")
@PermitAll
public class DashboardView extends VerticalLayout {

    static final int CHART_DAYS = 14;

    @Inject
    public DashboardView(SecurityContext securityContext, DashboardModel model, ConsoleSettings settings) {
        addClassName("dashboard-view");
        String caller = securityContext.getCallerPrincipal() == null ? "" : securityContext.getCallerPrincipal().getName();
        boolean sandbox = settings.sandbox();
        Span modeBadge = new Span(sandbox ? "Sandbox mode" : "Production mode");
        modeBadge.getElement().getThemeList().add(sandbox ? "badge contrast" : "badge success");
        modeBadge.setId("mode-badge");
        add(new H2("Dashboard"), new Paragraph("Signed in as " + caller + "."), modeBadge);
        if (sandbox) {
            add(new Paragraph("Sandbox mode: provider simulators are reachable and test-only operations are allowed. "
                + "Set PAYHOOKS_MODE=production before taking real payments."));
        }
        add(AttentionPanels.attention(model.attention(), model.flaggedTransactions()));
        add(charts(model));
    }

    /** The charts, drawn once the page shows: until their queries answer, a progress bar says they are loading. */
    private static VerticalLayout charts(DashboardModel model) {
        VerticalLayout charts = new VerticalLayout();
        charts.setId("dashboard-charts");
        charts.setPadding(false);
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setId("charts-loading");
        progress.setWidth("min(100%, 20rem)");
        progress.getElement().setAttribute("aria-label", "Loading the charts");
        charts.add(new Span("Loading the charts…"), progress);
        charts.getElement().setAttribute("aria-busy", "true");
        Busy.afterPaint(charts, () -> {
            charts.removeAll();
            try {
                charts.add(activity(model.transactionActivity(CHART_DAYS)));
            } catch (DomainException unavailable) {
                charts.add(new Paragraph("No transaction chart: " + unavailable.getMessage()));
            }
            charts.add(AttentionPanels.activity(model.activity()));
            charts.getElement().removeAttribute("aria-busy");
        });
        return charts;
    }

    private static VerticalLayout activity(TransactionActivity activity) {
        int created = activity.days().stream().mapToInt(DailyActivity::created).sum();
        int succeeded = activity.days().stream().mapToInt(DailyActivity::succeeded).sum();
        int failed = activity.days().stream().mapToInt(DailyActivity::failed).sum();
        Image chart = new Image(ActivityChartSvg.dataUrl(activity.days()), "Transactions created per day over the last "
            + CHART_DAYS + " days (bars) and their success rate (line)");
        chart.setId("activity-chart");
        chart.setWidth("min(100%, 720px)");
        Span totals = new Span(created + (created == 1 ? " transaction" : " transactions") + " in the last " + CHART_DAYS + " days (UTC); " + succeeded
            + " succeeded, " + failed + " failed" + (succeeded + failed == 0 ? "."
            : " — success rate " + Math.round(100.0 * succeeded / (succeeded + failed)) + " %."));
        totals.setId("activity-totals");
        VerticalLayout section = new VerticalLayout(new H3("Transactions"), chart, totals);
        section.setPadding(false);
        return section;
    }
}
