package dev.payhooks.domain.merchant;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.Secrets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a client sent for a provider into {@link ProviderSettings}: every field checked
 * against the provider's schema, defaults filled in, secrets sealed. Secrets are write-only, so
 * a secret left out keeps its stored value; that lets a client change plain fields without
 * sending the secrets again.
 */
public final class ProviderSettingsInput {

    static final int MAX_TEXT = 500;
    static final int MAX_SECRETS_IN_LIST = 5;
    static final int ENDPOINT_KEY_LENGTH = 32;

    private final Secrets secrets;
    private final IdGenerator ids;

    public ProviderSettingsInput(Secrets secrets, IdGenerator ids) {
        this.secrets = secrets;
        this.ids = ids;
    }

    public ProviderSettings settings(ProviderId provider, Map<String, SettingInput> input, Optional<ProviderSettings> previous) {
        ProviderSettingsSchema schema = ProviderSettingsSchema.of(provider);
        for (String name : input.keySet()) {
            if (schema.field(name).isEmpty()) {
                throw new InvalidField(name, "is not a setting of " + provider.slug());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SealedSecret> sealed = new LinkedHashMap<>();
        for (SettingField field : schema.fields()) {
            SettingInput given = input.get(field.name());
            if (field.kind().secret()) {
                Optional<SealedSecret> kept = previous.flatMap(p -> p.secret(field.name()));
                if (given != null) {
                    sealed.put(field.name(), secrets.seal(secretText(field, given), ProviderSettings.secretContext(provider, field.name())));
                } else if (kept.isPresent()) {
                    sealed.put(field.name(), kept.get());
                } else if (field.required()) {
                    throw new InvalidField(field.name(), "is required");
                }
            } else if (given != null) {
                values.put(field.name(), plainText(field, given));
            } else if (field.defaultValue() != null) {
                values.put(field.name(), field.defaultValue());
            } else if (field.required()) {
                throw new InvalidField(field.name(), "is required");
            }
        }
        String endpointKey = schema.receivesNotifications()
            ? previous.flatMap(ProviderSettings::endpointKey).orElseGet(() -> ids.randomToken(ENDPOINT_KEY_LENGTH))
            : null;
        return new ProviderSettings(provider, endpointKey, values, sealed);
    }

    private static String plainText(SettingField field, SettingInput given) {
        return switch (field.kind()) {
            case FLAG -> {
                if (given instanceof SettingInput.Flag flag) {
                    yield String.valueOf(flag.value());
                }
                throw new InvalidField(field.name(), "must be true or false, not " + describe(given));
            }
            case TEXT -> boundedText(field, given);
            case URL -> {
                String url = boundedText(field, given);
                requireHttpUrl(field.name(), url);
                yield url;
            }
            case CHOICE -> {
                String choice = boundedText(field, given);
                if (!field.choices().contains(choice)) {
                    throw new InvalidField(field.name(), "must be one of " + String.join(", ", field.choices()));
                }
                yield choice;
            }
            case SECRET, SECRET_LIST -> throw new IllegalStateException("secrets are sealed, not stored as text");
        };
    }

    private static String secretText(SettingField field, SettingInput given) {
        if (field.kind() == SettingField.Kind.SECRET) {
            return boundedText(field, given);
        }
        if (!(given instanceof SettingInput.TextList list)) {
            throw new InvalidField(field.name(), "must be a list of strings, not " + describe(given));
        }
        List<String> items = list.values();
        if (items.isEmpty() || items.size() > MAX_SECRETS_IN_LIST) {
            throw new InvalidField(field.name(), "must hold 1 to " + MAX_SECRETS_IN_LIST + " values");
        }
        for (String item : items) {
            if (item == null || item.isBlank() || item.length() > MAX_TEXT || item.contains("\n")) {
                throw new InvalidField(field.name(), "values must be non-blank single-line strings of at most " + MAX_TEXT + " characters");
            }
        }
        return String.join("\n", items);
    }

    /** A sealed SECRET_LIST opens to its values joined by newlines. */
    public static List<String> secretListValues(String opened) {
        return List.of(opened.split("\n"));
    }

    private static String boundedText(SettingField field, SettingInput given) {
        if (!(given instanceof SettingInput.Text text)) {
            throw new InvalidField(field.name(), "must be a string, not " + describe(given));
        }
        String value = text.value().trim();
        if (value.isEmpty() && field.required()) {
            throw new InvalidField(field.name(), "must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidField(field.name(), "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static void requireHttpUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidField(field, "must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidField(field, "must be an absolute http(s) URL");
        }
    }

    private static String describe(SettingInput given) {
        if (given instanceof SettingInput.Other other) {
            return other.description();
        }
        if (given instanceof SettingInput.Text) {
            return "a string";
        }
        return given instanceof SettingInput.Flag ? "a boolean" : "a list";
    }
}
