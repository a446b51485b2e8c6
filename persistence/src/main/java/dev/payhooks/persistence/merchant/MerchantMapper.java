package dev.payhooks.persistence.merchant;

import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.SealedSecret;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Entity ↔ domain for merchants, channels and API keys. */
final class MerchantMapper {

    /** Looked up once: {@code Json.create…} repeats a ServiceLoader scan on every call (see adapters' Jsonp). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private MerchantMapper() {
    }

    static Merchant toDomain(MerchantEntity e) {
        return Merchant.reconstitute(e.id, e.name, e.merchantKey, e.createdAt, e.disabledAt, e.bulkReplayApprovalAbove,
            e.version());
    }

    static MerchantEntity toNewEntity(Merchant m) {
        MerchantEntity e = new MerchantEntity();
        e.id = m.id();
        e.merchantKey = m.merchantKey();
        e.createdAt = m.createdAt();
        e.name = m.name();
        e.disabledAt = m.disabledAt().orElse(null);
        e.bulkReplayApprovalAbove = m.bulkReplayApprovalAbove().orElse(null);
        return e;
    }

    static ApiKey toDomain(ApiKeyEntity e) {
        return ApiKey.reconstitute(e.id, e.merchantId, e.label, e.displayPrefix, e.keyHash,
            new SealedSecret(e.sealedKey), e.createdAt, e.revokedAt, e.version());
    }

    static ApiKeyEntity toNewEntity(ApiKey k) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.id = k.id();
        e.merchantId = k.merchantId();
        e.label = k.label();
        e.displayPrefix = k.displayPrefix();
        e.keyHash = k.keyHash();
        e.sealedKey = k.sealedKey().value();
        e.createdAt = k.createdAt();
        e.revokedAt = k.revokedAt().orElse(null);
        return e;
    }

    static Channel toDomain(ChannelEntity e) {
        Map<ProviderId, ProviderSettings> providers = new EnumMap<>(ProviderId.class);
        e.providers.forEach((slug, row) -> {
            ProviderId provider = ProviderId.fromSlug(slug);
            providers.put(provider, new ProviderSettings(provider, row.endpointKey(),
                fromJson(row.values(), Function.identity()), fromJson(row.sealedSecrets(), SealedSecret::new)));
        });
        return Channel.reconstitute(e.id(), e.merchantId(), e.slug, e.name, e.currency, e.country, providers,
            e.createdAt(), e.updatedAt(), e.version());
    }

    static ChannelEntity toNewEntity(Channel c) {
        ChannelEntity e = new ChannelEntity();
        e.ownedBy(c.merchantId(), c.id());
        e.slug = c.slug();
        e.createdAt(c.createdAt());
        copyMutableState(c, e);
        return e;
    }

    static void copyMutableState(Channel c, ChannelEntity e) {
        e.name = c.name();
        e.currency = c.currency();
        e.country = c.country();
        e.updatedAt(c.updatedAt());
        Map<String, ChannelProviderSettings> rows = new TreeMap<>();
        c.providers().forEach((provider, settings) -> rows.put(provider.slug(), new ChannelProviderSettings(
            settings.endpointKey().orElse(null),
            toJson(settings.values(), Function.identity()),
            toJson(settings.secrets(), SealedSecret::value))));
        // change the managed map in place, so Hibernate sees row-level differences
        e.providers.keySet().retainAll(rows.keySet());
        e.providers.putAll(rows);
    }

    private static <V> String toJson(Map<String, V> map, Function<V, String> text) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        new TreeMap<>(map).forEach((key, value) -> json.add(key, text.apply(value)));
        return json.build().toString();
    }

    private static <V> Map<String, V> fromJson(String json, Function<String, V> value) {
        Map<String, V> map = new LinkedHashMap<>();
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((key, v) -> map.put(key, value.apply(((JsonString) v).getString())));
        }
        return map;
    }
}
