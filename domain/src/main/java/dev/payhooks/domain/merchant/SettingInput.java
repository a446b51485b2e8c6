package dev.payhooks.domain.merchant;

import java.util.List;

/** A configuration value as a client sent it, before the schema checks it. */
public sealed interface SettingInput {

    record Text(String value) implements SettingInput { }

    record Flag(boolean value) implements SettingInput { }

    record TextList(List<String> values) implements SettingInput {
        public TextList {
            values = List.copyOf(values);
        }
    }

    /** Anything else (a number, an object, null…): always refused, with the kind named. */
    record Other(String description) implements SettingInput { }
}
