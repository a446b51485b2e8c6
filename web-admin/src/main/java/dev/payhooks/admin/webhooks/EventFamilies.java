package dev.payhooks.admin.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The event catalog's types by family (transactions, refunds, fulfillment, subscriptions…), for picking a whole family at once. */
final class EventFamilies {

    private EventFamilies() {
    }

    /** The family a type belongs to, by its name's prefix. */
    static String of(String type) {
        if (type.startsWith("transaction.refund.")) {
            return "Refunds";
        }
        String head = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        return switch (head) {
            case "transaction" -> "Transactions";
            case "fulfillment" -> "Fulfillment";
            case "subscription" -> "Subscriptions";
            case "settlement" -> "Settlement";
            case "product" -> "Products";
            case "ach" -> "ACH";
            case "cau" -> "Card updates";
            default -> "Other";
        };
    }

    /** The types by family, families in the order their first type comes. */
    static Map<String, List<String>> group(List<String> types) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        for (String type : types) {
            families.computeIfAbsent(of(type), f -> new java.util.ArrayList<>()).add(type);
        }
        return families;
    }
}
