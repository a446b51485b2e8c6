package dev.payhooks.persistence.payment;

import dev.payhooks.persistence.jpa.StampedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "payment_transaction")
public class PaymentTransactionEntity extends StampedEntity {

    @Id
    @Column(name = "id", length = 64, nullable = false)
    String id;

    @Column(name = "merchant_id", length = 36, nullable = false)
    String merchantId;

    @Column(name = "channel_slug", length = 255, nullable = false)
    String channelSlug;

    @Column(name = "provider", length = 20, nullable = false)
    String provider;

    @Column(name = "merchant_reference", length = 255, nullable = false)
    String merchantReference;

    /** The current payment reference, for lookups; the history is in {@link #providerReferences}. */
    @Column(name = "provider_reference", length = 255)
    String providerReference;

    @Column(name = "currency", length = 3, nullable = false)
    String currency;

    @Column(name = "status", length = 40, nullable = false)
    String status;

    @Column(name = "authorized", nullable = false) long authorized;
    @Column(name = "charged", nullable = false) long charged;
    @Column(name = "refunded", nullable = false) long refunded;
    @Column(name = "cancelled", nullable = false) long cancelled;
    @Column(name = "charged_back", nullable = false) long chargedBack;
    @Column(name = "authorization_pending", nullable = false) long authorizationPending;
    @Column(name = "charge_pending", nullable = false) long chargePending;
    @Column(name = "refund_pending", nullable = false) long refundPending;
    @Column(name = "cancel_pending", nullable = false) long cancelPending;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "transaction_id", referencedColumnName = "id", insertable = false, updatable = false)
    @OrderBy("sequence")
    List<TransactionEventEntity> events = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "transaction_provider_reference", joinColumns = @JoinColumn(name = "transaction_id"))
    @OrderColumn(name = "position")
    List<ProviderReferenceRow> providerReferences = new ArrayList<>();

    protected PaymentTransactionEntity() {
        // for JPA
    }
}
