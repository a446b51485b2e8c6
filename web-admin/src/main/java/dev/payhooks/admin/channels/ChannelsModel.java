package dev.payhooks.admin.channels;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.channels.ManageSaleorInstallations;
import dev.payhooks.application.webhooks.ManageAsymmetricSigningKeys;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.hub.PublicUrl;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.merchant.ProviderSettingsSchema;
import dev.payhooks.domain.merchant.SettingField;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.ProviderCredentialsCheck;
import dev.payhooks.domain.provider.ProviderCredentialsChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Channels & merchant view's model: channels and their provider settings, the credentials
 * check, API keys, the Signature Key's and the Ed25519 key's rotation and the Saleor installations. Each method runs in
 * one transaction; the use cases decide who may change what, and their refusal reads as
 * {@link NotAllowed}.
 */
@ApplicationScoped
@Transactional
public class ChannelsModel extends ConsoleModel {

    static final String ADMINISTRATORS_ONLY = "Only administrators remove Saleor installations.";

    @Inject
    ManageChannels manageChannels;
    @Inject
    ManageApiKeys manageApiKeys;
    @Inject
    ManageSignatureKeys signatureKeys;
    @Inject
    ManageAsymmetricSigningKeys asymmetricKeys;
    @Inject
    ManageSaleorInstallations manageSaleorInstallations;
    @Inject
    ProviderCredentialsChecks credentialsChecks;
    @Inject
    PublicUrl publicUrl;

    /** Whether the signed-in member may remove a Saleor installation (it decides which Saleor app the hub trusts). */
    public boolean mayRemoveSaleorInstallations() {
        return signedIn.caller().mayAdminister();
    }

    public List<Option> providerOptions() {
        return Option.providers();
    }

    public List<ChannelSummary> channels() {
        return manageChannels.list(signedIn.merchantId()).stream()
            .sorted(Comparator.comparing(Channel::slug))
            .map(c -> new ChannelSummary(c.slug(), c.name(), c.currency(), c.country(),
                c.providers().keySet().stream().sorted().map(ProviderId::slug).toList()))
            .toList();
    }

    public ChannelSummary openChannel(ChannelDraft draft) {
        Caller caller = signedIn.caller();
        Channel channel = NotAllowed.lookNotChange(() -> manageChannels.open(caller,
            new ManageChannels.ChannelDescription(draft.slug(), draft.name(), draft.currency(), draft.country())));
        return new ChannelSummary(channel.slug(), channel.name(), channel.currency(), channel.country(), List.of());
    }

    /**
     * A provider's settings of a channel for the form: plain values (or defaults), secrets only
     * masked. {@code requestApiBase} ("https://host/api/") is where notifications go when no
     * {@code payhooks.public-url} is configured.
     */
    public ProviderConfiguration providerConfiguration(String channelSlug, String providerSlug, String requestApiBase) {
        ProviderId provider = provider(providerSlug);
        Channel channel = manageChannels.get(signedIn.merchantId(), channelSlug);
        Optional<ProviderSettings> stored = channel.provider(provider);
        Map<String, Object> shown = stored.map(manageChannels::displayed).orElse(Map.of());
        List<ProviderConfiguration.Setting> settings = new ArrayList<>();
        for (SettingField field : ProviderSettingsSchema.of(provider).fields()) {
            Object value = shown.get(field.name());
            String text = value == null ? (stored.isEmpty() && field.defaultValue() != null ? field.defaultValue() : "")
                : value instanceof List<?> masks ? masks.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
            settings.add(new ProviderConfiguration.Setting(field.name(), field.kind().name(), field.required(), field.choices(),
                text, value != null));
        }
        String url = stored.flatMap(ProviderSettings::endpointKey)
            .map(key -> publicUrl.resolve("api/", () -> requestApiBase) + "notifications/" + provider.slug() + "/" + key)
            .orElse("");
        return new ProviderConfiguration(channel.slug(), provider.slug(), provider.displayName(), stored.isPresent(), settings, url);
    }

    /**
     * Saves a provider's settings from the form (see {@link #settingInput}); the use case checks
     * each field, and its audit entry names the fields that changed and the secrets replaced.
     */
    public ProviderConfiguration configureProvider(String channelSlug, String providerSlug, Map<String, String> form,
                                                   String requestApiBase) {
        Caller caller = signedIn.caller();
        ProviderId provider = provider(providerSlug);
        NotAllowed.lookNotChange(() -> manageChannels.configureProvider(caller, channelSlug, provider, settingInput(provider, form)));
        return providerConfiguration(channelSlug, providerSlug, requestApiBase);
    }

    /** Whether the provider can check credentials from the form ("Test credentials"). */
    public boolean canTestCredentials(String providerSlug) {
        return credentialsChecks.of(provider(providerSlug)).isPresent();
    }

    /**
     * Asks the provider whether it accepts the form's credentials, or the stored ones where a
     * secret field is left empty. Nothing is saved or audited; the use case checks the fields first
     * (its {@link InvalidField} goes next to the field, as on save).
     */
    public CredentialsCheckResult testCredentials(String channelSlug, String providerSlug, Map<String, String> form) {
        Caller caller = signedIn.caller();
        ProviderId provider = provider(providerSlug);
        ProviderCredentialsCheck check = credentialsChecks.of(provider)
            .orElseThrow(() -> new InvalidField("provider", provider.displayName() + " offers no credentials check"));
        ProviderSettings candidate = NotAllowed.lookNotChange(() ->
            manageChannels.candidateSettings(caller, channelSlug, provider, settingInput(provider, form)));
        ProviderCredentialsCheck.Result result = check.check(candidate);
        return new CredentialsCheckResult(result.accepted(), result.message());
    }

    public void removeProvider(String channelSlug, String providerSlug) {
        Caller caller = signedIn.caller();
        ProviderId provider = provider(providerSlug);
        NotAllowed.lookNotChange(() -> manageChannels.removeProvider(caller, channelSlug, provider));
    }

    public List<ApiKeyRow> apiKeys() {
        return manageApiKeys.list(signedIn.merchantId()).stream()
            .sorted(Comparator.comparing(ApiKey::createdAt))
            .map(ChannelsModel::apiKeyRow).toList();
    }

    /** Issues an API key; the answer holds its plaintext, the one time it is shown. */
    public IssuedApiKey issueApiKey(String label) {
        Caller caller = signedIn.caller();
        ManageApiKeys.IssuedKey issued = NotAllowed.lookNotChange(() -> manageApiKeys.issue(caller, label));
        return new IssuedApiKey(apiKeyRow(issued.key()), issued.plaintext());
    }

    public ApiKeyRow revokeApiKey(String keyId) {
        Caller caller = signedIn.caller();
        return apiKeyRow(NotAllowed.lookNotChange(() -> manageApiKeys.revoke(caller, keyId)));
    }

    /** A new Signature Key (the first one if none); the previous one still signs for a while, so receivers can switch. */
    public void rotateSignatureKey() {
        Caller caller = signedIn.caller();
        NotAllowed.lookNotChange(() -> signatureKeys.rotate(caller));
    }

    /**
     * The merchant's current Ed25519 public key and where receivers fetch the key set
     * ({@code requestApiBase} when no public URL is configured); empty while it has none. Every
     * staff member may look: nothing of it is secret.
     */
    public Optional<Ed25519Key> ed25519Key(String requestApiBase) {
        String merchantId = signedIn.merchantId();
        try {
            ManageAsymmetricSigningKeys.PublishedKey current = asymmetricKeys.published(merchantId).get(0);
            return Optional.of(new Ed25519Key(current.keyId(), current.publicKey(),
                publicUrl.resolve("api/", () -> requestApiBase) + "webhook-keys/" + merchantId + "/jwks.json"));
        } catch (NotFound none) {
            return Optional.empty();
        }
    }

    /** A new Ed25519 key pair (the first one if none); the previous one still signs, and stays published, for 24 h. */
    public void rotateEd25519Key() {
        Caller caller = signedIn.caller();
        NotAllowed.lookNotChange(() -> asymmetricKeys.rotate(caller));
    }

    /** The Saleor instances the merchant's Saleor apps are installed in; every staff member may look. */
    public List<SaleorInstallationRow> saleorInstallations() {
        return manageSaleorInstallations.list(signedIn.merchantId()).stream()
            .map(i -> new SaleorInstallationRow(i.id(), i.provider().slug(), i.apiUrl(), i.appId(), i.installedAt(),
                i.updatedAt()))
            .toList();
    }

    /** Removes an installation (audited), so that its Saleor may install another app. */
    public void removeSaleorInstallation(String installationId) {
        Caller caller = signedIn.caller();
        NotAllowed.mapping(ADMINISTRATORS_ONLY, () -> manageSaleorInstallations.remove(caller, installationId));
    }

    /**
     * The form's values as the use case's input: every value as typed ("true"/"false" for flags, one
     * secret per line for secret lists); a blank secret is left out (keep the stored one), and so
     * is a blank optional plain field (its default applies).
     */
    private static Map<String, SettingInput> settingInput(ProviderId provider, Map<String, String> form) {
        Map<String, SettingInput> input = new LinkedHashMap<>();
        for (SettingField field : ProviderSettingsSchema.of(provider).fields()) {
            String typed = form.get(field.name());
            boolean blank = typed == null || typed.isBlank();
            if (field.kind().secret()) {
                if (!blank) {
                    input.put(field.name(), field.kind() == SettingField.Kind.SECRET_LIST
                        ? new SettingInput.TextList(typed.lines().map(String::trim).filter(l -> !l.isEmpty()).toList())
                        : new SettingInput.Text(typed));
                }
                continue;
            }
            if (blank && !field.required()) {
                continue;
            }
            input.put(field.name(), field.kind() == SettingField.Kind.FLAG
                ? new SettingInput.Flag(Boolean.parseBoolean(typed.trim())) : new SettingInput.Text(typed == null ? "" : typed));
        }
        return input;
    }

    private static ApiKeyRow apiKeyRow(ApiKey k) {
        return new ApiKeyRow(k.id(), k.label(), k.displayPrefix(), k.createdAt(), k.revokedAt().orElse(null));
    }

    private static ProviderId provider(String slug) {
        try {
            return ProviderId.fromSlug(slug);
        } catch (InvalidValue unknown) {
            throw new InvalidField("provider", unknown.getMessage());
        }
    }
}
