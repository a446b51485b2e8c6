package dev.payhooks.application.channels;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.merchant.ProviderSettingsInput;
import dev.payhooks.domain.merchant.ProviderSettingsSchema;
import dev.payhooks.domain.merchant.SettingField;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.ProviderEndpointPolicy;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.Secrets;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A merchant's channels and their provider configurations. Every method acts within one
 * merchant: a channel of another merchant is simply not found. Changes (and a credentials check,
 * which sends the typed credentials out) need a {@link Caller} who may change the merchant's
 * configuration; reads take the merchant. The caller owns the transaction.
 */
public class ManageChannels {

    /** What a client sends to open or describe a channel. */
    public record ChannelDescription(String slug, String name, String currency, String country) { }

    private final Channels channels;
    private final Secrets secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final ProviderSettingsInput settingsInput;
    private final AuditRecorder audit;
    private final ProviderEndpointPolicy endpoints;

    /** @param endpoints which API URLs a provider's settings may hold (the hub sends the merchant's credentials there) */
    public ManageChannels(Channels channels, Secrets secrets, IdGenerator ids, Clock clock, AuditRecorder audit,
                          ProviderEndpointPolicy endpoints) {
        this.audit = audit;
        this.endpoints = java.util.Objects.requireNonNull(endpoints, "endpoints");
        this.channels = channels;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
        this.settingsInput = new ProviderSettingsInput(secrets, ids);
    }

    public Channel open(Caller caller, ChannelDescription description) {
        String merchantId = caller.requireMayChange();
        Channel channel = Channel.open(ids.newId(), merchantId, description.slug(), description.name(),
            description.currency(), description.country(), clock.instant());
        if (channels.bySlug(merchantId, channel.slug()).isPresent()) {
            throw new Conflict("a channel with slug '" + channel.slug() + "' exists already");
        }
        channels.add(channel);
        audit.record(merchantId, "channel.opened", "channel " + channel.slug(), description(channel));
        return channel;
    }

    public List<Channel> list(String merchantId) {
        return channels.ofMerchant(merchantId);
    }

    public Channel get(String merchantId, String slug) {
        return channels.bySlug(merchantId, slug).orElseThrow(() -> new NotFound("channel '" + slug + "'"));
    }

    /** Changes name, currency and country; the slug is the channel's identity and stays. */
    public Channel describe(Caller caller, String slug, ChannelDescription description) {
        String merchantId = caller.requireMayChange();
        Channel channel = get(merchantId, slug);
        if (description.slug() != null && !description.slug().equals(slug)) {
            throw new dev.payhooks.domain.error.InvalidField("slug", "cannot change; open a new channel instead");
        }
        channel.describe(description.name(), description.currency(), description.country(), clock.instant());
        channels.update(channel);
        audit.record(merchantId, "channel.described", "channel " + channel.slug(), description(channel));
        return channel;
    }

    public void close(Caller caller, String slug) {
        String merchantId = caller.requireMayChange();
        channels.remove(get(merchantId, slug));
        audit.record(merchantId, "channel.closed", "channel " + slug, "");
    }

    private static String description(Channel channel) {
        return "name " + channel.name() + "; currency " + channel.currency() + "; country " + channel.country();
    }

    public Channel configureProvider(Caller caller, String slug, ProviderId provider, Map<String, SettingInput> input) {
        String merchantId = caller.requireMayChange();
        Channel channel = get(merchantId, slug);
        Optional<ProviderSettings> before = channel.provider(provider);
        ProviderSettings settings = checkedSettings(provider, input, before);
        channel.configure(settings, clock.instant());
        channels.update(channel);
        List<String> changed = new java.util.ArrayList<>();
        List<String> secretsReplaced = new java.util.ArrayList<>();
        for (SettingField field : ProviderSettingsSchema.of(provider).fields()) {
            if (field.kind().secret()) {
                if (input.containsKey(field.name())) {
                    secretsReplaced.add(field.name());
                }
            } else if (!settings.value(field.name()).equals(before.flatMap(b -> b.value(field.name())))) {
                changed.add(field.name());
            }
        }
        // field names only: a secret's value never reaches the audit trail
        audit.record(merchantId, before.isPresent() ? "channel.provider.changed" : "channel.provider.configured",
            "channel " + channel.slug() + " / " + provider.displayName(),
            "settings changed: " + (changed.isEmpty() ? "none" : String.join(", ", changed))
                + "; secrets replaced: " + (secretsReplaced.isEmpty() ? "none" : String.join(", ", secretsReplaced)));
        return channel;
    }

    /**
     * The settings {@link #configureProvider} would store for this input (checked, secrets sealed,
     * a left-out secret kept from the stored settings), without storing them: what a credentials
     * check tests before staff save.
     */
    public ProviderSettings candidateSettings(Caller caller, String slug, ProviderId provider, Map<String, SettingInput> input) {
        String merchantId = caller.requireMayChange();
        return checkedSettings(provider, input, get(merchantId, slug).provider(provider));
    }

    /** The input as settings, each URL field checked against the provider's endpoint policy before anything is stored. */
    private ProviderSettings checkedSettings(ProviderId provider, Map<String, SettingInput> input,
                                             Optional<ProviderSettings> before) {
        ProviderSettings settings = settingsInput.settings(provider, input, before);
        for (SettingField field : ProviderSettingsSchema.of(provider).fields()) {
            if (field.kind() == SettingField.Kind.URL) {
                settings.value(field.name()).filter(value -> !value.isBlank())
                    .ifPresent(value -> endpoints.check(provider, field.name(), URI.create(value)));
            }
        }
        return settings;
    }

    public ProviderSettings providerSettings(String merchantId, String slug, ProviderId provider) {
        return get(merchantId, slug).provider(provider)
            .orElseThrow(() -> new NotFound(provider.slug() + " configuration of channel '" + slug + "'"));
    }

    public void removeProvider(Caller caller, String slug, ProviderId provider) {
        String merchantId = caller.requireMayChange();
        Channel channel = get(merchantId, slug);
        if (!channel.removeProvider(provider, clock.instant())) {
            throw new NotFound(provider.slug() + " configuration of channel '" + slug + "'");
        }
        channels.update(channel);
        audit.record(merchantId, "channel.provider.removed", "channel " + slug + " / " + provider.displayName(), "");
    }

    /**
     * The configuration as staff may see it: plain values as they are (flags as booleans),
     * secrets masked, secret lists as a list of masks.
     */
    public Map<String, Object> displayed(ProviderSettings settings) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (SettingField field : ProviderSettingsSchema.of(settings.provider()).fields()) {
            if (field.kind().secret()) {
                Optional<SealedSecret> sealed = settings.secret(field.name());
                if (sealed.isEmpty()) {
                    continue;
                }
                String opened = secrets.open(sealed.get(), ProviderSettings.secretContext(settings.provider(), field.name()));
                shown.put(field.name(), field.kind() == SettingField.Kind.SECRET_LIST
                    ? ProviderSettingsInput.secretListValues(opened).stream().map(SealedSecret::mask).toList()
                    : SealedSecret.mask(opened));
            } else {
                settings.value(field.name()).ifPresent(value -> shown.put(field.name(),
                    field.kind() == SettingField.Kind.FLAG ? (Object) Boolean.valueOf(value) : value));
            }
        }
        return shown;
    }
}
