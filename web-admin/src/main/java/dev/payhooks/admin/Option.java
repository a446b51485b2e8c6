package dev.payhooks.admin;

import dev.payhooks.domain.payment.ProviderId;

import java.util.Arrays;
import java.util.List;

/** A choice in a select: a value and what the user reads. */
public record Option(String value, String caption) {

    /** The known payment providers, by slug. */
    public static List<Option> providers() {
        return Arrays.stream(ProviderId.values()).map(p -> new Option(p.slug(), p.displayName())).toList();
    }
}
