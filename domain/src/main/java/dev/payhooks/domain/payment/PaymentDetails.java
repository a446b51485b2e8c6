package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.retention.PersonalDataRedaction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a provider told about a payment beyond its amounts (Annanow): the payment method (card
 * brand, masked card number, expiry, wallet), the products bought, and the customer's contact.
 * Informational: nothing here changes the payment's state. A full card number is never held:
 * {@link PaymentMethod} accepts only a masked one.
 *
 * <p>The contact is personal data: it is kept apart from the rest, shown masked to staff who may
 * only look, and removed by retention after the redaction age (docs/RETENTION.md).
 */
public record PaymentDetails(Optional<PaymentMethod> method, List<LineItem> lineItems, Optional<Contact> contact) {

    /** The most line items kept; a notification with more keeps the first ones. */
    public static final int MAX_LINE_ITEMS = 100;
    /** The longest text kept in any field. */
    public static final int MAX_TEXT_LENGTH = 200;

    public static final PaymentDetails NONE = new PaymentDetails(Optional.empty(), List.of(), Optional.empty());

    public PaymentDetails {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(contact, "contact");
        lineItems = List.copyOf(lineItems);
        if (lineItems.size() > MAX_LINE_ITEMS) {
            throw new InvalidValue("at most " + MAX_LINE_ITEMS + " line items, got " + lineItems.size());
        }
    }

    public boolean isEmpty() {
        return method.isEmpty() && lineItems.isEmpty() && contact.isEmpty();
    }

    /**
     * These details as a later notification of the same payment tells them: each payment method
     * field it gives replaces the one held (a capture naming only the brand keeps the masked number
     * and expiry of the authorization), and products or a contact it gives replace those held.
     * Whatever it leaves out stays.
     */
    public PaymentDetails updatedBy(PaymentDetails later) {
        Optional<PaymentMethod> merged = later.method.map(told -> method.map(held -> held.updatedBy(told)).orElse(told))
            .or(() -> method);
        return new PaymentDetails(merged, later.lineItems.isEmpty() ? lineItems : later.lineItems,
            later.contact.or(() -> contact));
    }

    public PaymentDetails withoutContact() {
        return new PaymentDetails(method, lineItems, Optional.empty());
    }

    /** A text as kept: stripped, at most {@link #MAX_TEXT_LENGTH} characters without control characters; else empty. */
    public static Optional<String> keptText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(stripped.length() > MAX_TEXT_LENGTH ? stripped.substring(0, MAX_TEXT_LENGTH) : stripped);
    }

    private static String checked(String text, String name) {
        if (text == null) {
            return null;
        }
        if (keptText(text).filter(text::equals).isEmpty()) {
            throw new InvalidValue(name + " must be 1-" + MAX_TEXT_LENGTH + " printable characters without surrounding blanks");
        }
        return text;
    }

    /**
     * How the customer paid. Each part may be null; at least one is given.
     *
     * @param brand        the card brand or payment means ("VISA", "twint")
     * @param maskedNumber the card number as the provider masked it ("424242******4242"); never a full number
     * @param expiry       the card's expiry as YY-MM ("27-08")
     * @param wallet       the wallet it was paid through ("apple-pay")
     */
    public record PaymentMethod(String brand, String maskedNumber, String expiry, String wallet) {

        private static final Pattern EXPIRY = Pattern.compile("[0-9]{2}-(0[1-9]|1[0-2])");
        private static final Pattern MASK_CHARACTERS = Pattern.compile("[*xX•#]");
        private static final Pattern NUMBER_CHARACTERS = Pattern.compile("[0-9*xX•# -]{4,32}");
        /** At most the first six and the last four digits may show (PCI DSS). */
        private static final int MAX_VISIBLE_DIGITS = 10;

        public PaymentMethod {
            brand = checked(brand, "payment method brand");
            wallet = checked(wallet, "payment method wallet");
            if (maskedNumber != null && !isMasked(maskedNumber)) {
                throw new InvalidValue("a card number must be masked (at most " + MAX_VISIBLE_DIGITS
                    + " digits showing, the rest masked)");
            }
            if (expiry != null && !isExpiry(expiry)) {
                throw new InvalidValue("a card expiry must be YY-MM");
            }
            if (brand == null && maskedNumber == null && expiry == null && wallet == null) {
                throw new InvalidValue("a payment method needs at least one of brand, masked number, expiry, wallet");
            }
        }

        /**
         * Whether a card number is masked: digits, mask characters ({@code * x X • #}), blanks and
         * dashes only, at least one mask character, and at most ten digits showing.
         */
        public static boolean isMasked(String number) {
            return number != null && NUMBER_CHARACTERS.matcher(number).matches() && MASK_CHARACTERS.matcher(number).find()
                && number.chars().filter(Character::isDigit).count() <= MAX_VISIBLE_DIGITS;
        }

        /** This method with each field {@code later} gives replacing the one held. */
        public PaymentMethod updatedBy(PaymentMethod later) {
            return new PaymentMethod(later.brand != null ? later.brand : brand,
                later.maskedNumber != null ? later.maskedNumber : maskedNumber,
                later.expiry != null ? later.expiry : expiry, later.wallet != null ? later.wallet : wallet);
        }

        public static boolean isExpiry(String expiry) {
            return expiry != null && EXPIRY.matcher(expiry).matches();
        }
    }

    /**
     * One product of the order.
     *
     * @param name     the product's name, or null
     * @param price    the unit price in the payment currency's smallest unit, or null when not given
     * @param quantity how many, or null when not given
     * @param sku      the merchant's article number, or null
     * @param vatRate  the VAT rate in percent as sent ("7.7"), or null
     */
    public record LineItem(String name, Long price, Long quantity, String sku, String vatRate) {

        private static final Pattern RATE = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,4})?");

        public LineItem {
            name = checked(name, "line item name");
            sku = checked(sku, "line item sku");
            if (price != null && price < 0 || quantity != null && quantity < 0) {
                throw new InvalidValue("a line item's price and quantity must not be negative");
            }
            if (vatRate != null && !isRate(vatRate)) {
                throw new InvalidValue("a line item's VAT rate must be a percentage such as 7.7");
            }
        }

        public static boolean isRate(String rate) {
            return rate != null && RATE.matcher(rate).matches();
        }
    }

    /**
     * The customer's contact, by the provider's field names: only {@link #FIELDS}, in that order.
     * Personal data throughout.
     */
    public record Contact(Map<String, String> fields) {

        private static final List<String> OWN = List.of("title", "firstname", "lastname", "company", "street", "zip",
            "place", "country", "countryISO", "phone", "email", "date_of_birth");

        /** The fields kept: the contact's own, then the same for delivery ({@code delivery_firstname}…). */
        public static final List<String> FIELDS = java.util.stream.Stream.concat(OWN.stream(),
            OWN.stream().map(name -> "delivery_" + name)).toList();

        /** What a masked value reads: as in redacted notification bodies. */
        public static final String MASK = PersonalDataRedaction.MARKER;

        public Contact {
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String name : FIELDS) {
                String value = fields.get(name);
                if (value != null) {
                    ordered.put(name, checked(value, "contact " + name));
                }
            }
            if (ordered.size() != fields.size()) {
                throw new InvalidValue("a contact holds only the fields " + FIELDS);
            }
            if (ordered.isEmpty()) {
                throw new InvalidValue("a contact needs at least one field");
            }
            fields = Collections.unmodifiableMap(ordered);
        }

        /** The same fields, every value replaced by {@link #MASK}: what staff who may only look see. */
        public Contact masked() {
            Map<String, String> masked = new LinkedHashMap<>();
            fields.keySet().forEach(name -> masked.put(name, MASK));
            return new Contact(masked);
        }
    }
}
