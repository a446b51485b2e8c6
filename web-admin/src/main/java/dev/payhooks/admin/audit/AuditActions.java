package dev.payhooks.admin.audit;

import dev.payhooks.admin.Wording;

import java.util.Map;

/** What an audit entry's action reads as for staff ("Staff password reset" for {@code staff.reset}); the action code stays beside it in small print and in the CSV. */
final class AuditActions {

    private static final Map<String, String> LABELS = Map.ofEntries(
        Map.entry("api-key.issued", "API key issued"),
        Map.entry("api-key.revoked", "API key revoked"),
        Map.entry("approval.approved", "Bulk replay approved (four-eyes)"),
        Map.entry("replay.bulk", "Bulk replay"),
        Map.entry("approval.policy.changed", "Four-eyes threshold set"),
        Map.entry("approval.policy.loosened", "Four-eyes loosened or turned off"),
        Map.entry("approval.rejected", "Bulk replay rejected (four-eyes)"),
        Map.entry("approval.requested", "Bulk replay held for approval"),
        Map.entry("channel.closed", "Channel closed"),
        Map.entry("channel.described", "Channel details changed"),
        Map.entry("channel.opened", "Channel opened"),
        Map.entry("channel.provider.changed", "Provider settings changed"),
        Map.entry("channel.provider.configured", "Provider configured"),
        Map.entry("channel.provider.removed", "Provider removed"),
        Map.entry("ed25519-key.created", "Ed25519 key created"),
        Map.entry("ed25519-key.rotated", "Ed25519 key rotated"),
        Map.entry("merchant.created", "Merchant added by an operator"),
        Map.entry("merchant.renamed", "Merchant renamed"),
        Map.entry("merchant.disabled", "Merchant disabled by an operator"),
        Map.entry("merchant.enabled", "Merchant enabled by an operator"),
        Map.entry("merchant.saleor-url-assigned", "Saleor API URL assigned by an operator"),
        Map.entry("merchant.saleor-url-unassigned", "Saleor API URL removed by an operator"),
        Map.entry("saleor-installation.removed", "Saleor installation removed"),
        Map.entry("signature-key.created", "Signature Key created"),
        Map.entry("signature-key.reveal-refused", "Signature Key reveal refused"),
        Map.entry("signature-key.revealed", "Signature Key revealed"),
        Map.entry("signature-key.rotated", "Signature Key rotated"),
        Map.entry("staff.added", "Staff user added"),
        Map.entry("staff.disabled", "Staff user disabled"),
        Map.entry("staff.enabled", "Staff user enabled"),
        Map.entry("staff.refused", "Staff change refused"),
        Map.entry("staff.reset", "Staff password reset"),
        Map.entry("staff.role-changed", "Staff role changed"),
        Map.entry("webhook.changed", "Webhook changed"),
        Map.entry("webhook.created", "Webhook created"),
        Map.entry("webhook.deleted", "Webhook deleted"),
        Map.entry("webhook.disabled", "Webhook disabled"),
        Map.entry("webhook.enabled", "Webhook enabled"),
        Map.entry("webhook.test", "Test event sent"));

    private AuditActions() {
    }

    static String label(String action) {
        return Wording.of(LABELS, action, action.replace('.', ' ').replace('-', ' '));
    }
}
