package dev.payhooks.persistence.merchant;

import dev.payhooks.persistence.jpa.StampedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.util.HashMap;
import java.util.Map;

@Entity
@Table(name = "channel")
public class ChannelEntity extends StampedEntity {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    String id;

    @Column(name = "merchant_id", length = 36, nullable = false)
    String merchantId;

    @Column(name = "slug", length = 64, nullable = false)
    String slug;

    @Column(name = "name", length = 200, nullable = false)
    String name;

    @Column(name = "currency", length = 3, nullable = false)
    String currency;

    @Column(name = "country", length = 2, nullable = false)
    String country;

    /** Keyed by provider slug. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "channel_provider", joinColumns = @JoinColumn(name = "channel_id"))
    @MapKeyColumn(name = "provider", length = 20)
    Map<String, ChannelProviderSettings> providers = new HashMap<>();

    protected ChannelEntity() {
        // for JPA
    }
}
