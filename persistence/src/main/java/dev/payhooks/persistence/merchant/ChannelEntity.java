package dev.payhooks.persistence.merchant;

import dev.payhooks.persistence.jpa.OwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.util.HashMap;
import java.util.Map;

@Entity
@Table(name = "channel")
public class ChannelEntity extends OwnedEntity {

    @Column(nullable = false) String slug;
    @Column(nullable = false) String name;
    @Column(nullable = false) String currency;
    @Column(nullable = false) String country;

    /** Keyed by provider slug. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "channel_provider", joinColumns = @JoinColumn(name = "channel_id"))
    @MapKeyColumn(name = "provider", length = 20)
    Map<String, ChannelProviderSettings> providers = new HashMap<>();
}
