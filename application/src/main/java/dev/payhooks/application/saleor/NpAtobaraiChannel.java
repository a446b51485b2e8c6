package dev.payhooks.application.saleor;

import java.util.Optional;

/** A channel configured for NP Atobarai: what its refunds and shipment reports need besides the merchant. */
public interface NpAtobaraiChannel extends ProviderChannel {

    /** Whether goods are named by their SKU at NP. */
    boolean skuAsName();

    /** The carrier (PD company) code used when a fulfillment names none. */
    Optional<String> defaultCarrierCode();
}
