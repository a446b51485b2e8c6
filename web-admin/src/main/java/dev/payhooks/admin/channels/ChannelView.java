package dev.payhooks.admin.channels;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.payhooks.admin.Option;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.admin.secondfactor.SecondFactorGate;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One channel's page ({@code /admin/channels/{slug}}, opened from the channels list): one tab per
 * provider, each with the channel's settings of that provider (see {@link ProviderPane}).
 * {@code ?provider=adyen} opens that provider's tab, and choosing a tab puts it in the URL.
 * Behind the second factor, like the channels list.
 */
@Route(value = "channels/:slug", layout = MainLayout.class)
@PageTitle("Channel · Payhooks")
@PermitAll
public class ChannelView extends VerticalLayout implements BeforeEnterObserver {

    static final String PROVIDER = "provider";

    private final ChannelsModel model;
    private String slug;
    private String requestedProvider;

    @Inject
    public ChannelView(ChannelsModel model) {
        this.model = model;
        addClassName("channel-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SecondFactorGate.require(event, model.caller(), "channels");
        slug = event.getRouteParameters().get("slug").orElse("").trim();
        requestedProvider = event.getLocation().getQueryParameters().getParameters().getOrDefault(PROVIDER, List.of())
            .stream().findFirst().orElse(null);
        if (SecondFactorGate.verified(model.caller())) {
            render();
        }
    }

    private void render() {
        removeAll();
        RouterLink back = new RouterLink("← Channels & merchant", ChannelsView.class);
        back.setId("back-to-channels");
        ChannelSummary channel = model.channels().stream().filter(c -> c.slug().equals(slug)).findFirst().orElse(null);
        if (channel == null) {
            H2 missing = new H2("Channel not found");
            missing.setId("channel-page-title");
            add(back, missing, new Paragraph("There is no channel “" + slug + "” for your merchant."));
            return;
        }
        H2 title = new H2(channel.name() + " (" + channel.slug() + ")");
        title.setId("channel-page-title");
        Span facts = new Span(channel.currency() + " · " + channel.country());
        facts.getStyle().set("color", "var(--lumo-secondary-text-color)");

        Tabs tabs = new Tabs();
        tabs.setId("provider-tabs");
        tabs.getElement().setAttribute("aria-label", "Providers of channel " + channel.slug());
        Map<Tab, Option> providers = new LinkedHashMap<>();
        for (Option provider : model.providerOptions()) {
            Tab tab = new Tab(provider.caption());
            tab.setId("provider-tab-" + provider.value());
            providers.put(tab, provider);
            tabs.add(tab);
        }
        ProviderPane pane = new ProviderPane(model, this::render);
        pane.getElement().setAttribute("role", "tabpanel");
        Tab chosen = providers.entrySet().stream().filter(e -> e.getValue().value().equals(requestedProvider))
            .map(Map.Entry::getKey).findFirst().orElse(tabs.getTabAt(0));
        tabs.setSelectedTab(chosen);
        tabs.addSelectedChangeListener(change -> {
            Option provider = providers.get(change.getSelectedTab());
            requestedProvider = provider.value();
            pane.show(channel, provider);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(ui.getActiveViewLocation().getPath(), QueryParameters.of(PROVIDER, provider.value()))));
        });
        pane.show(channel, providers.get(chosen));
        add(back, title, facts, tabs, pane);
    }
}
