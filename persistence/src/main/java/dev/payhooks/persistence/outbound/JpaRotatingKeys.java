package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.outbound.RotatingKey;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the repositories of the merchants' {@link RotatingKey}s ({@code K}) share: one row
 * ({@code E}) per merchant, keyed by the merchant; a second key of a merchant is refused, and so
 * is a rotation stored from an older read. The caller owns the transaction.
 */
abstract class JpaRotatingKeys<K extends RotatingKey<?>, E extends RotatingKeyEntity> extends JpaRepository<E> {

    private final Supplier<E> newRow;
    private final String aKey;
    private final String theKey;

    /** {@code newRow} makes an empty row; {@code aKey} and {@code theKey} name the key in refusals ("a signature key", "the signature key"). */
    JpaRotatingKeys(EntityManager em, Class<E> type, Supplier<E> newRow, String aKey, String theKey) {
        super(em, type);
        this.newRow = newRow;
        this.aKey = aKey;
        this.theKey = theKey;
    }

    abstract K toDomain(E row);

    /** Copies the current and the previous value. */
    abstract void copyValues(K from, E to);

    public final Optional<K> ofMerchant(String merchantId) {
        return find(merchantId).map(this::toDomain);
    }

    /** Checked first so the usual case gets a Conflict; two first uses racing meet the primary key at flush. */
    public final void add(K key) {
        E row = newRow.get();
        row.merchantId = key.merchantId();
        row.createdAt = key.createdAt();
        copy(key, row);
        store(key.merchantId(), row, () -> new Conflict("the merchant has " + aKey + " already"));
    }

    public final void update(K key) {
        change(key.merchantId(), key.version(), () -> new Conflict(theKey + " was rotated meanwhile"), row -> copy(key, row));
    }

    private void copy(K key, E row) {
        copyValues(key, row);
        row.rotatedAt = key.rotatedAt().orElse(null);
    }
}
