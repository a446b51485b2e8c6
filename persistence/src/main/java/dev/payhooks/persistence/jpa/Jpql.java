package dev.payhooks.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JPQL statement put together from conditions, each condition with the parameters it names,
 * so a condition that is left out binds nothing either. Listings that filter on optional
 * criteria and page by keyset build their query with it.
 */
public final class Jpql {

    private final StringBuilder text;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** A statement starting with {@code start}, its parameters given as name, value, name, value… */
    public Jpql(String start, Object... namesAndValues) {
        this.text = new StringBuilder(start);
        put(namesAndValues);
    }

    /** Appends {@code " and " + condition} with the parameters it names. */
    public Jpql and(String condition, Object... namesAndValues) {
        text.append(" and ").append(condition);
        put(namesAndValues);
        return this;
    }

    /** {@link #and(String, Object...)} when {@code value} is present, binding it to {@code name}. */
    public Jpql and(Optional<?> value, String condition, String name) {
        return and(value, condition, name, Function.identity());
    }

    /** {@link #and(String, Object...)} when {@code value} is present, binding what {@code bound} makes of it to {@code name}. */
    public <T> Jpql and(Optional<T> value, String condition, String name, Function<? super T, ?> bound) {
        value.ifPresent(v -> and(condition, name, bound.apply(v)));
        return this;
    }

    /**
     * When a cursor is present: only rows after it in a listing ordered by {@code atPath} then
     * {@code idPath}, both descending (newest first), with the cursor's time and id.
     */
    public <C> Jpql before(Optional<C> cursor, String atPath, String idPath, Function<C, ?> at, Function<C, ?> id) {
        cursor.ifPresent(c -> and("(" + atPath + " < :afterAt or (" + atPath + " = :afterAt and " + idPath + " < :afterId))",
            "afterAt", at.apply(c), "afterId", id.apply(c)));
        return this;
    }

    /** Appends text that names no parameter, such as the order. */
    public Jpql append(String more) {
        text.append(more);
        return this;
    }

    /** The statement as a query of {@code R}, every parameter bound. */
    public <R> TypedQuery<R> query(EntityManager em, Class<R> type) {
        TypedQuery<R> query = em.createQuery(text.toString(), type);
        parameters.forEach(query::setParameter);
        return query;
    }

    /**
     * A {@code like} pattern (with {@code escape '!'}) for any text containing {@code part},
     * compared in lower case: {@code lower(column) like :p escape '!'}.
     */
    public static String containing(String part) {
        return "%" + part.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /**
     * {@code path in (:name0, :name1, …)}, one parameter per value, bound to {@code query}: Hibernate
     * keeps the SQL of a statement with such a list (one per number of values), where a list
     * parameter ({@code in :name}) is translated anew every time the query runs.
     */
    public static String in(String path, String name, int count) {
        StringBuilder in = new StringBuilder(path).append(" in (");
        for (int i = 0; i < count; i++) {
            in.append(i == 0 ? ":" : ", :").append(name).append(i);
        }
        return in.append(')').toString();
    }

    /** Binds the values of an {@link #in} list to a query. */
    public static <Q extends Query> Q bindIn(Q query, String name, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(name + i, values.get(i));
        }
        return query;
    }

    /** Binds parameters given as name, value, name, value… to a query. */
    public static <Q extends Query> Q bind(Q query, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.setParameter((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void put(Object[] namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
    }
}
