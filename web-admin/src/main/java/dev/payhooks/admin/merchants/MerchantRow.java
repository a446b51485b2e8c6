package dev.payhooks.admin.merchants;

import java.time.Instant;

/**
 * A merchant as the Merchants view lists it; {@code installation}: the installation's own merchant
 * (never disabled); {@code actingFor}: the one the console acts for now.
 */
public record MerchantRow(String id, String name, boolean enabled, Instant createdAt, boolean installation,
                          boolean actingFor) {
}
