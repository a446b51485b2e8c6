package dev.payhooks.admin.channels;

import java.time.Instant;

/** A Saleor instance one of the Saleor apps is installed in, as the console lists it (never the token). */
public record SaleorInstallationRow(String id, String provider, String apiUrl, String appId, Instant installedAt,
                                    Instant updatedAt) {
}
