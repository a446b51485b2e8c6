package dev.payhooks.adapters.annanow;

import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentDetails.Contact;
import dev.payhooks.domain.payment.PaymentDetails.LineItem;
import dev.payhooks.domain.payment.PaymentDetails.PaymentMethod;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an Annanow transaction notification tells about the payment beyond its amounts, from the
 * same tree whichever encoding it came in ({@link AnnanowFields}): {@code payment{brand,
 * cardNumber, expiry, wallet}}, {@code invoice.products[]{name, price|amount, quantity, sku,
 * vatRate}} and {@code contact{…}} with its {@code delivery_*} fields.
 *
 * <p>Informational, so lenient: a part that does not read as documented is left out rather than
 * refusing the notification, and a card number that is not masked is never kept (the brand,
 * expiry and wallet still are). Only the contact fields {@link Contact#FIELDS} names are kept.
 */
final class AnnanowDetails {

    private AnnanowDetails() {
    }

    static PaymentDetails of(AnnanowFields fields) {
        return new PaymentDetails(method(fields), lineItems(fields), contact(fields));
    }

    private static Optional<PaymentMethod> method(AnnanowFields fields) {
        Map<?, ?> payment = group(fields.at("transaction", "payment"));
        String brand = text(payment, "brand");
        String number = Optional.ofNullable(text(payment, "cardNumber")).filter(PaymentMethod::isMasked).orElse(null);
        String expiry = Optional.ofNullable(text(payment, "expiry")).filter(PaymentMethod::isExpiry).orElse(null);
        String wallet = text(payment, "wallet");
        if (brand == null && number == null && expiry == null && wallet == null) {
            return Optional.empty();
        }
        return Optional.of(new PaymentMethod(brand, number, expiry, wallet));
    }

    private static List<LineItem> lineItems(AnnanowFields fields) {
        Object products = fields.at("transaction", "invoice", "products").orElse(null);
        // a list, or PHP's array with gaps in its indexes (a map of index → product)
        Collection<?> all = products instanceof List<?> list ? list
            : products instanceof Map<?, ?> map ? map.values() : List.of();
        List<LineItem> items = new ArrayList<>();
        for (Object product : all) {
            if (items.size() == PaymentDetails.MAX_LINE_ITEMS) {
                break;
            }
            if (product instanceof Map<?, ?> item) {
                String name = text(item, "name");
                Long price = whole(text(item, "price"));
                if (price == null) {
                    price = whole(text(item, "amount"));
                }
                Long quantity = whole(text(item, "quantity"));
                String sku = text(item, "sku");
                String vatRate = Optional.ofNullable(text(item, "vatRate")).filter(LineItem::isRate).orElse(null);
                if (name != null || price != null || quantity != null || sku != null || vatRate != null) {
                    items.add(new LineItem(name, price, quantity, sku, vatRate));
                }
            }
        }
        return items;
    }

    private static Optional<Contact> contact(AnnanowFields fields) {
        Map<?, ?> contact = group(fields.at("transaction", "contact"));
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : Contact.FIELDS) {
            String value = text(contact, name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(new Contact(kept));
    }

    private static Map<?, ?> group(Optional<Object> node) {
        return node.filter(Map.class::isInstance).map(Map.class::cast).orElse(Map.of());
    }

    /** A text leaf as kept ({@link PaymentDetails#keptText}), or null: a group, a list or nothing there. */
    private static String text(Map<?, ?> group, String name) {
        return group.get(name) instanceof String text ? PaymentDetails.keptText(text).orElse(null) : null;
    }

    /** A whole non-negative number of at most 18 digits, or null. */
    private static Long whole(String text) {
        return text != null && text.matches("[0-9]{1,18}") ? Long.parseLong(text) : null;
    }
}
