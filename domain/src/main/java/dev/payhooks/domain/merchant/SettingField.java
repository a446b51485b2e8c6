package dev.payhooks.domain.merchant;

import java.util.List;

/**
 * One field of a provider's per-channel configuration: its name (as in the API), kind,
 * whether it must be given, and its default when not.
 */
public record SettingField(String name, Kind kind, boolean required, String defaultValue, List<String> choices) {

    public enum Kind {
        /** Free text up to 500 characters. */
        TEXT,
        /** An absolute http(s) URL. */
        URL,
        /** true / false. */
        FLAG,
        /** One of {@link #choices()}. */
        CHOICE,
        /** Write-only text, encrypted at rest, shown masked. */
        SECRET,
        /** Write-only list of one or more secrets (e.g. current and previous HMAC key). */
        SECRET_LIST;

        public boolean secret() {
            return this == SECRET || this == SECRET_LIST;
        }
    }

    public SettingField {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    static SettingField text(String name, boolean required) {
        return new SettingField(name, Kind.TEXT, required, null, null);
    }

    static SettingField url(String name, boolean required) {
        return new SettingField(name, Kind.URL, required, null, null);
    }

    static SettingField flag(String name, boolean defaultValue) {
        return new SettingField(name, Kind.FLAG, false, String.valueOf(defaultValue), null);
    }

    static SettingField choice(String name, String defaultValue, String... choices) {
        return new SettingField(name, Kind.CHOICE, false, defaultValue, List.of(choices));
    }

    static SettingField secret(String name, boolean required) {
        return new SettingField(name, Kind.SECRET, required, null, null);
    }

    static SettingField secretList(String name, boolean required) {
        return new SettingField(name, Kind.SECRET_LIST, required, null, null);
    }
}
