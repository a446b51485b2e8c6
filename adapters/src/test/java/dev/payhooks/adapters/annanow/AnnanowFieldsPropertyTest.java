package dev.payhooks.adapters.annanow;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same data sent as JSON and as PHP form fields reads as the same tree. */
class AnnanowFieldsPropertyTest {

    @Property(tries = 300)
    void jsonAndPhpFormOfTheSameDataParseToTheSameTree(@ForAll("trees") Map<String, Object> data) {
        AnnanowFields fromJson = AnnanowFields.fromJson(json(data).getBytes(StandardCharsets.UTF_8));
        AnnanowFields fromForm = AnnanowFields.fromForm(form(data).getBytes(StandardCharsets.US_ASCII));

        assertEquals(fromJson.tree(), fromForm.tree());
        assertEquals(data, fromJson.tree());
    }

    @Property(tries = 200)
    void jsonAndPhpFormOfTheSameTransactionGiveTheSameCardProductsAndContact(@ForAll("transactions") Map<String, Object> data) {
        assertEquals(AnnanowDetails.of(AnnanowFields.fromJson(json(data).getBytes(StandardCharsets.UTF_8))),
            AnnanowDetails.of(AnnanowFields.fromForm(form(data).getBytes(StandardCharsets.US_ASCII))));
    }

    /** A transaction with a payment, products and a contact, each field any text, number or card-like number. */
    @Provide
    Arbitrary<Map<String, Object>> transactions() {
        Arbitrary<Object> value = Arbitraries.oneOf(node(0), Arbitraries.of("424242******4242", "4111111111111111",
            "27-08", "2027-08", "7.7", "-1", "12.50", " Tea ", "VISA"));
        Arbitrary<Map<String, Object>> payment = fields(value, "brand", "cardNumber", "expiry", "wallet");
        Arbitrary<Map<String, Object>> product = fields(value, "name", "price", "amount", "quantity", "sku", "vatRate");
        Arbitrary<Map<String, Object>> contact = fields(value, "title", "firstname", "email", "countryISO",
            "delivery_street", "date_of_birth", "id", "other");
        return net.jqwik.api.Combinators.combine(payment, product.list().ofMinSize(1).ofMaxSize(3), contact)
            .as((p, products, c) -> {
                Map<String, Object> invoice = new LinkedHashMap<>(Map.of("currency", "CHF"));
                invoice.put("products", new ArrayList<Object>(products));
                Map<String, Object> transaction = new LinkedHashMap<>();
                transaction.put("payment", p);
                transaction.put("invoice", invoice);
                transaction.put("contact", c);
                return new LinkedHashMap<>(Map.of("transaction", (Object) transaction));
            });
    }

    private static Arbitrary<Map<String, Object>> fields(Arbitrary<Object> value, String... names) {
        return Arbitraries.subsetOf(names).ofMinSize(1).flatMap(chosen -> {
            List<Arbitrary<Object>> values = chosen.stream().map(name -> value).toList();
            return net.jqwik.api.Combinators.combine(values).as(list -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int i = 0;
                for (String name : chosen) {
                    map.put(name, list.get(i++));
                }
                return map;
            });
        });
    }

    @Provide
    Arbitrary<Map<String, Object>> trees() {
        return map(3);
    }

    private Arbitrary<Map<String, Object>> map(int depth) {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('_', 'A', 'Z').ofMinLength(1).ofMaxLength(8)
            .filter(name -> !name.matches("[0-9]+"));
        return Arbitraries.maps(names, node(depth - 1)).ofMinSize(1).ofMaxSize(4).map(LinkedHashMap::new);
    }

    private Arbitrary<Object> node(int depth) {
        // text with everything a form body must escape: & = [ ] % + blanks, and non-ASCII
        Arbitrary<Object> leaf = Arbitraries.strings().all().ofMaxLength(12)
            .filter(s -> s.codePoints().allMatch(Character::isDefined) && s.chars().noneMatch(c -> Character.isSurrogate((char) c))
                && s.indexOf('\0') < 0) // U+0000 is refused in both forms (JsonInput)
            .map(s -> (Object) s);
        Arbitrary<Object> digits = Arbitraries.longs().between(0, 999_999_999_999L).map(n -> (Object) String.valueOf(n));
        if (depth <= 0) {
            return Arbitraries.oneOf(leaf, digits);
        }
        Arbitrary<Object> list = Arbitraries.oneOf(leaf, digits, map(depth - 1).map(m -> (Object) m)).list().ofMinSize(1).ofMaxSize(3)
            .map(items -> (Object) new ArrayList<>(items));
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(2, digits),
            net.jqwik.api.Tuple.of(2, map(depth - 1).map(m -> (Object) m)), net.jqwik.api.Tuple.of(1, list));
    }

    @SuppressWarnings("unchecked")
    static String json(Map<String, Object> data) {
        return objectOf(data).build().toString();
    }

    @SuppressWarnings("unchecked")
    private static JsonObjectBuilder objectOf(Map<String, Object> map) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        map.forEach((name, value) -> {
            if (value instanceof Map<?, ?> child) {
                object.add(name, objectOf((Map<String, Object>) child));
            } else if (value instanceof List<?> list) {
                object.add(name, arrayOf((List<Object>) list));
            } else if (((String) value).matches("[1-9][0-9]{0,11}")) {
                object.add(name, Long.parseLong((String) value)); // numbers travel as JSON numbers
            } else {
                object.add(name, (String) value);
            }
        });
        return object;
    }

    @SuppressWarnings("unchecked")
    private static JsonArrayBuilder arrayOf(List<Object> list) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Object value : list) {
            if (value instanceof Map<?, ?> child) {
                array.add(objectOf((Map<String, Object>) child));
            } else if (value instanceof List<?> nested) {
                array.add(arrayOf((List<Object>) nested));
            } else {
                array.add((String) value);
            }
        }
        return array;
    }

    /** PHP's http_build_query: nested keys in brackets, lists by index. */
    static String form(Map<String, Object> data) {
        List<String> pairs = new ArrayList<>();
        data.forEach((name, value) -> flatten(name, value, pairs));
        return String.join("&", pairs);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, List<String> pairs) {
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((name, child) -> flatten(prefix + "[" + name + "]", child, pairs));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), pairs);
            }
        } else {
            pairs.add(URLEncoder.encode(prefix, StandardCharsets.UTF_8) + "=" + URLEncoder.encode((String) value, StandardCharsets.UTF_8));
        }
    }
}
