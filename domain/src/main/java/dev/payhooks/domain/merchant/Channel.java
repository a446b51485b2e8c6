package dev.payhooks.domain.merchant;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.StampedAggregate;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.ProviderId;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sales channel of a merchant (a Saleor channel has the same slug): its currency, its
 * country, and at most one configuration per payment provider.
 */
public final class Channel extends StampedAggregate {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final String id;
    private final String merchantId;
    private final String slug;
    private String name;
    private String currency;
    private String country;
    private final Map<ProviderId, ProviderSettings> providers;

    private Channel(String id, String merchantId, String slug, String name, String currency, String country,
                    Map<ProviderId, ProviderSettings> providers, Instant createdAt, Instant updatedAt, long version) {
        super(createdAt, updatedAt, version);
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.slug = validSlug(slug);
        this.name = validName(name);
        this.currency = validCurrency(currency);
        this.country = validCountry(country);
        this.providers = new EnumMap<>(ProviderId.class);
        this.providers.putAll(providers);
    }

    public static Channel open(String id, String merchantId, String slug, String name, String currency,
                               String country, Instant at) {
        return new Channel(id, merchantId, slug, name, currency, country, Map.of(), at, at, 0);
    }

    public static Channel reconstitute(String id, String merchantId, String slug, String name, String currency,
                                       String country, Map<ProviderId, ProviderSettings> providers,
                                       Instant createdAt, Instant updatedAt, long version) {
        return new Channel(id, merchantId, slug, name, currency, country, providers, createdAt, updatedAt, version);
    }

    /** Changes name, currency and country together, so a failed validation changes nothing. */
    public void describe(String newName, String newCurrency, String newCountry, Instant at) {
        String validName = validName(newName);
        String validCurrency = validCurrency(newCurrency);
        String validCountry = validCountry(newCountry);
        this.name = validName;
        this.currency = validCurrency;
        this.country = validCountry;
        updatedAt(at);
    }

    /** Sets (or replaces) the configuration of one provider. */
    public void configure(ProviderSettings settings, Instant at) {
        providers.put(settings.provider(), settings);
        updatedAt(at);
    }

    /** Removes a provider's configuration; false if there was none. */
    public boolean removeProvider(ProviderId provider, Instant at) {
        boolean removed = providers.remove(provider) != null;
        if (removed) {
            updatedAt(at);
        }
        return removed;
    }

    public Optional<ProviderSettings> provider(ProviderId provider) {
        return Optional.ofNullable(providers.get(provider));
    }

    public Map<ProviderId, ProviderSettings> providers() {
        return Collections.unmodifiableMap(providers);
    }

    static String validSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidField("slug", "must be 1-64 characters of a-z, 0-9, '-', '_' starting with a letter or digit");
        }
        return slug;
    }

    static String validName(String name) {
        return Required.trimmedText(name, "name", 200);
    }

    /** One of the currencies the payment domain knows ({@link dev.payhooks.domain.payment.Currency}). */
    static String validCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidField("currency", "must be an ISO 4217 code in upper case, e.g. JPY");
        }
        try {
            return dev.payhooks.domain.payment.Currency.of(code).name();
        } catch (InvalidValue unknown) {
            throw new InvalidField("currency", "'" + code + "' is not a supported ISO 4217 currency");
        }
    }

    static String validCountry(String code) {
        if (code == null || !COUNTRIES.contains(code)) {
            throw new InvalidField("country", "must be an ISO 3166-1 alpha-2 code in upper case, e.g. JP");
        }
        return code;
    }

    public String id() { return id; }
    public String merchantId() { return merchantId; }
    public String slug() { return slug; }
    public String name() { return name; }
    public String currency() { return currency; }
    public String country() { return country; }
}
