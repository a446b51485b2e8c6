package dev.payhooks.application.saleor;

import dev.payhooks.domain.saleor.SaleorInstallation;

import java.util.Optional;

/** A Saleor webhook the hub acts on for one channel of the calling installation's merchant. */
interface ChannelRequest {

    /** The installation whose signature was checked: its merchant acts. */
    SaleorInstallation caller();

    /** The Saleor channel (empty: no channel, so not configured). */
    Optional<String> channelSlug();
}
