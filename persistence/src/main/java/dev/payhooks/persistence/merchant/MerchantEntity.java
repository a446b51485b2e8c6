package dev.payhooks.persistence.merchant;

import dev.payhooks.persistence.jpa.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "merchant")
public class MerchantEntity extends VersionedEntity {

    @Id String id;
    @Column(nullable = false) String name;
    @Column(nullable = false) String merchantKey;
    @Column(nullable = false) Instant createdAt;
    Instant disabledAt;
    Integer bulkReplayApprovalAbove;
}
