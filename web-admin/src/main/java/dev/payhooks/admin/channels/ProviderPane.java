package dev.payhooks.admin.channels;

import dev.payhooks.admin.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.payhooks.admin.DestructiveConfirm;
import dev.payhooks.admin.CopyButton;
import dev.payhooks.admin.DetailPanel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.InvalidField;
import jakarta.servlet.http.HttpServletRequest;

import java.util.function.Consumer;

/**
 * A channel's settings of one provider (a tab of the channel's page): the notification URL to give the provider and
 * the settings form (save, test credentials, remove).
 */
class ProviderPane extends VerticalLayout {

    private final ChannelsModel model;
    private final Runnable onChanged;

    /** {@code onChanged}: what the view reloads after a save or a removal. */
    ProviderPane(ChannelsModel model, Runnable onChanged) {
        this.model = model;
        this.onChanged = onChanged;
        setId("provider-pane");
        setPadding(false);
    }

    /** Shows the provider's settings of the channel. */
    void show(ChannelSummary channel, Option provider) {
        removeAll();
        DetailPanel.show(this, () -> model.providerConfiguration(channel.slug(), provider.value(), requestApiBase()),
            configuration -> showConfiguration(channel, configuration));
    }

    private void showConfiguration(ChannelSummary channel, ProviderConfiguration configuration) {
        add(new H3(configuration.providerName() + " in channel " + channel.slug()
            + (configuration.configured() ? "" : " (not configured)")));
        if (!configuration.notificationUrl().isEmpty()) {
            TextField url = new TextField("Notification URL — give this to " + configuration.providerName());
            url.setId("notification-url");
            url.setValue(configuration.notificationUrl());
            url.setReadOnly(true);
            url.setWidthFull();
            Button copy = CopyButton.of("copy-notification-url", configuration::notificationUrl, "Notification URL copied.");
            HorizontalLayout row = new HorizontalLayout(url, copy);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.setWidthFull();
            row.expand(url);
            add(row);
        }
        ProviderSettingsForm form = new ProviderSettingsForm(configuration, model.mayChange());
        form.addListener(ProviderSettingsForm.SaveEvent.class, this::save);
        form.addListener(ProviderSettingsForm.RemoveEvent.class, this::confirmRemove);
        form.addListener(ProviderSettingsForm.TestCredentialsEvent.class, this::testCredentials);
        if (model.canTestCredentials(configuration.provider())) {
            form.offerCredentialsTest();
        }
        add(form);
    }

    private void save(ProviderSettingsForm.SaveEvent event) {
        withValues(event, c -> {
            model.configureProvider(c.channel(), c.provider(), event.values(), requestApiBase());
            Notices.success(c.providerName() + " settings of channel " + c.channel() + " saved.");
            onChanged.run();
        });
    }

    private void testCredentials(ProviderSettingsForm.TestCredentialsEvent event) {
        withValues(event, c -> {
            CredentialsCheckResult result = model.testCredentials(c.channel(), c.provider(), event.values());
            event.getSource().showCredentialsResult(result.accepted(), result.message());
        });
    }

    /** Acts on the form's values: a field's problem is shown at the field, any other refusal as a notification. */
    private static void withValues(ProviderSettingsForm.ValuesEvent event, Consumer<ProviderConfiguration> action) {
        ProviderSettingsForm form = event.getSource();
        try {
            action.accept(form.configuration());
        } catch (InvalidField invalid) {
            if (!form.showProblem(invalid.field(), invalid.problem())) {
                Notices.problem(invalid.getMessage());
            }
        } catch (NotAllowed | DomainException refused) {
            Notices.problem(refused.getMessage());
        }
    }

    private void confirmRemove(ProviderSettingsForm.RemoveEvent event) {
        ProviderConfiguration c = event.getSource().configuration();
        DestructiveConfirm.open("confirm-remove-provider", "Remove " + c.providerName() + " from channel " + c.channel() + "?",
            "Its settings and secrets are deleted; payments of this channel can no longer use " + c.providerName() + ".",
            "Remove", () -> {
            try {
                model.removeProvider(c.channel(), c.provider());
                onChanged.run();
            } catch (NotAllowed | DomainException refused) {
                Notices.problem(refused.getMessage());
            }
        });
    }

    /** Where this server's API answers, as the browser reached it: the notification URL when no public URL is configured. */
    static String requestApiBase() {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String base = request.getRequestURL().toString();
        String path = request.getRequestURI();
        return base.substring(0, base.length() - path.length()) + request.getContextPath() + "/api/";
    }

}
