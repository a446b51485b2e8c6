package dev.payhooks.persistence.payment;

import dev.payhooks.persistence.jpa.OwnedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "payment_transaction")
public class PaymentTransactionEntity extends OwnedEntity {

    @Column(nullable = false) String channelSlug;
    @Column(nullable = false) String provider;
    @Column(nullable = false) String merchantReference;

    /** The current payment reference, for lookups; the history is in {@link #providerReferences}. */
    String providerReference;
    @Column(nullable = false) String currency;
    @Column(nullable = false) String status;
    long authorized;
    long charged;
    long refunded;
    long cancelled;
    long chargedBack;
    long authorizationPending;
    long chargePending;
    long refundPending;
    long cancelPending;

    /** Card and products as JSON ({@link PaymentDetailsJson}); null when the provider told none. */
    @Column(columnDefinition = "TEXT") String paymentDetails;
    /** The customer's contact as JSON: personal data, removed by retention; null when none is held. */
    @Column(columnDefinition = "TEXT") String contactDetails;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "transaction_id", referencedColumnName = "id", insertable = false, updatable = false)
    @OrderBy("sequence")
    // a set: read together with the references in one joined statement, each event row comes once per reference
    Set<TransactionEventEntity> events = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "transaction_provider_reference", joinColumns = @JoinColumn(name = "transaction_id"))
    @OrderColumn(name = "position")
    List<ProviderReferenceRow> providerReferences = new ArrayList<>();
}
