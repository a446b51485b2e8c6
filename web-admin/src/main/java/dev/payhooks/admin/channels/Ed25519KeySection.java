package dev.payhooks.admin.channels;

import dev.payhooks.admin.CopyButton;
import dev.payhooks.admin.DestructiveConfirm;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Notices;
import dev.payhooks.domain.error.DomainException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The merchant's Ed25519 key on the Channels &amp; merchant page: its key id and the JWK Set URL
 * receivers verify {@code v1a} signatures with (copyable), and rotation for those who may change
 * the merchant's configuration.
 */
final class Ed25519KeySection extends VerticalLayout {

    private final ChannelsModel model;
    private final Supplier<String> requestApiBase;
    private final Span keyId = new Span();
    private final Span jwksUrl = new Span();
    private final HorizontalLayout urlRow;

    Ed25519KeySection(ChannelsModel model, Supplier<String> requestApiBase, boolean mayChange) {
        this.model = model;
        this.requestApiBase = requestApiBase;
        setPadding(false);
        setSpacing(false);
        keyId.setId("ed25519-key-id");
        jwksUrl.setId("ed25519-jwks-url");
        urlRow = new HorizontalLayout(new Span("Key set: "), jwksUrl,
            CopyButton.of("copy-ed25519-jwks-url", jwksUrl::getText, "Key set URL copied."));
        urlRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Button rotate = new Button("Rotate…", VaadinIcon.REFRESH.create(), click -> confirmRotate());
        rotate.setId("rotate-ed25519-key");
        rotate.setEnabled(mayChange);
        add(new H3("Ed25519 key"), new Paragraph("Webhooks that sign with “Ed25519 (public key)” use it: receivers verify "
            + "with the public keys at the key set URL, no secret shared. After a rotation the previous key keeps signing, "
            + "and stays listed, for 24 hours."), keyId, urlRow, rotate);
        refresh();
    }

    private void refresh() {
        Optional<Ed25519Key> key = model.ed25519Key(requestApiBase.get());
        keyId.setText(key.map(k -> "Key id: " + k.keyId())
            .orElse("No Ed25519 key yet: it is made when a webhook first signs with “Ed25519 (public key)”, or by Rotate."));
        jwksUrl.setText(key.map(Ed25519Key::jwksUrl).orElse(""));
        urlRow.setVisible(key.isPresent());
    }

    private void confirmRotate() {
        DestructiveConfirm.open("confirm-rotate-ed25519", "Rotate the Ed25519 key?",
            "A new key pair signs from now on; the previous one keeps signing and stays in the key set for 24 hours, so "
                + "receivers that cache the key set keep verifying. After that it is gone.", "Rotate", () -> {
                try {
                    model.rotateEd25519Key();
                    refresh();
                    Notices.success("Ed25519 key rotated.");
                } catch (NotAllowed | DomainException refused) {
                    Notices.problem(refused.getMessage());
                }
            });
    }
}
