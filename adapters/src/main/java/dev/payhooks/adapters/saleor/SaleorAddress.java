package dev.payhooks.adapters.saleor;

import jakarta.json.JsonObject;

/** Saleor's {@code Address} fragment. */
public record SaleorAddress(String firstName, String lastName, String companyName, String streetAddress1,
                            String streetAddress2, String city, String cityArea, String postalCode,
                            String countryArea, String countryCode, String phone) {

    static SaleorAddress from(JsonObject json) {
        JsonObject country = SaleorJson.object(json, "country");
        return new SaleorAddress(SaleorJson.string(json, "firstName"), SaleorJson.string(json, "lastName"),
            SaleorJson.string(json, "companyName"), SaleorJson.string(json, "streetAddress1"),
            SaleorJson.string(json, "streetAddress2"), SaleorJson.string(json, "city"),
            SaleorJson.string(json, "cityArea"), SaleorJson.string(json, "postalCode"),
            SaleorJson.string(json, "countryArea"), country == null ? null : SaleorJson.string(country, "code"),
            SaleorJson.string(json, "phone"));
    }

    /** The Japanese order of an address on one line: prefecture, city, area, streets. */
    public String japaneseAddressLine() {
        StringBuilder line = new StringBuilder();
        for (String part : new String[] {countryArea, city, cityArea, streetAddress1, streetAddress2}) {
            if (part != null && !part.isBlank()) {
                line.append(part.strip());
            }
        }
        return line.toString();
    }

    public String fullName() {
        return (nonNull(lastName) + " " + nonNull(firstName)).strip();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.strip();
    }
}
