package dev.payhooks.admin.webhooks;

import dev.payhooks.admin.Option;
import dev.payhooks.admin.webhooks.WebhookDraft.AuthenticationChoice;
import dev.payhooks.admin.webhooks.WebhookDraft.SignatureChoice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookFormTest {

    final WebhookForm form = new WebhookForm(
        List.of(new Option("transaction.sale.success", "transaction.sale.success"),
            new Option("transaction.refund.success", "transaction.refund.success")),
        List.of(new Option("key-1", "bootstrap (phk_ab12…)")));
    final List<WebhookForm.SaveEvent> saved = new ArrayList<>();
    final List<WebhookForm.CloseEvent> closed = new ArrayList<>();
    final List<WebhookForm.DeleteEvent> deleted = new ArrayList<>();

    WebhookFormTest() {
        form.addListener(WebhookForm.SaveEvent.class, saved::add);
        form.addListener(WebhookForm.CloseEvent.class, closed::add);
        form.addListener(WebhookForm.DeleteEvent.class, deleted::add);
    }

    static WebhookSummary stored() {
        return new WebhookSummary("wh-1", "Shop", "https://shop.example/hooks", List.of("transaction.sale.success"),
            AuthenticationChoice.BASIC, "shop-user", SignatureChoice.SOURCE_KEY, "key-1", true, null, "never");
    }

    @Test
    void addHookFiresSaveWithEverythingFilledIn() {
        form.editNew();
        assertEquals("Add Hook", form.save.getText());
        assertFalse(form.delete.isVisible());
        assertFalse(form.resetAuthentication.isVisible());

        form.label.setValue("ERP");
        form.url.setValue("https://erp.example/in");
        form.events.setValue(Set.of("transaction.sale.success", "transaction.refund.success"));
        form.authentication.setValue(AuthenticationChoice.BASIC);
        assertTrue(form.username.isVisible() && form.password.isVisible(), "Basic asks for username and password");
        form.username.setValue("erp");
        form.password.setValue("s3cret");
        form.signature.setValue(SignatureChoice.SOURCE_KEY);
        assertTrue(form.sourceKey.isVisible());
        form.sourceKey.setValue("key-1");
        form.save.click();

        assertEquals(1, saved.size());
        assertEquals(new WebhookDraft("ERP", "https://erp.example/in",
            Set.of("transaction.sale.success", "transaction.refund.success"), AuthenticationChoice.BASIC, "erp", "s3cret",
            SignatureChoice.SOURCE_KEY, "key-1"), saved.get(0).draft());
        assertTrue(saved.get(0).resetAuthentication(), "a new webhook always sets its authentication");
    }

    @Test
    void editingKeepsTheAuthenticationLockedUntilItIsReset() {
        form.edit(stored());
        assertEquals("Save Changes", form.save.getText());
        assertTrue(form.authentication.isReadOnly());
        assertTrue(form.username.isReadOnly());
        assertFalse(form.password.isVisible());
        assertTrue(form.storedPassword.isVisible());
        assertEquals(WebhookForm.RESET_AUTHENTICATION, form.resetAuthentication.getText());

        form.label.setValue("Shop (EU)");
        form.save.click();

        assertEquals("Shop (EU)", saved.get(0).draft().label());
        assertFalse(saved.get(0).resetAuthentication());
    }

    @Test
    void resetAuthenticationUnlocksItAndKeepCurrentConfigurationPutsTheStoredValuesBack() {
        form.edit(stored());

        form.resetAuthentication.click();
        assertEquals(WebhookForm.KEEP_AUTHENTICATION, form.resetAuthentication.getText());
        assertFalse(form.authentication.isReadOnly());
        assertTrue(form.password.isVisible());
        form.authentication.setValue(AuthenticationChoice.NONE);
        assertTrue(form.hasUnsavedChanges());

        form.resetAuthentication.click();
        assertEquals(WebhookForm.RESET_AUTHENTICATION, form.resetAuthentication.getText());
        assertEquals(AuthenticationChoice.BASIC, form.authentication.getValue());
        assertEquals("shop-user", form.username.getValue());
        assertTrue(form.authentication.isReadOnly());
        assertFalse(form.hasUnsavedChanges());

        form.resetAuthentication.click();
        form.authentication.setValue(AuthenticationChoice.NONE);
        form.save.click();
        assertTrue(saved.get(0).resetAuthentication());
        assertEquals(AuthenticationChoice.NONE, saved.get(0).draft().authentication());
    }

    @Test
    void closeSaysWhetherThereAreUnsavedChanges() {
        form.edit(stored());
        form.close.click();
        assertFalse(closed.get(0).unsavedChanges());

        form.events.setValue(Set.of("transaction.refund.success"));
        form.close.click();
        assertTrue(closed.get(1).unsavedChanges());

        form.edit(stored());
        form.resetAuthentication.click();
        form.close.click();
        assertTrue(closed.get(2).unsavedChanges(), "a pressed reset is a change even before another field changes");
    }

    @Test
    void deleteHookFiresDelete() {
        form.edit(stored());
        assertTrue(form.delete.isVisible());
        form.delete.click();
        assertEquals(1, deleted.size());
        assertEquals("wh-1", form.editingId());
    }

    @Test
    void theDomainsProblemsShowNextToTheirFields() {
        form.editNew();

        form.showProblem("url", "address 10.0.0.5 is in a private network");
        form.showProblem("events", "must name at least one event type");
        form.showProblem("authentication.password", "must be 1-200 characters");
        form.showProblem("signature.apiKeyId", "is not an active API key of this merchant");

        assertTrue(form.url.isInvalid());
        assertEquals("Address 10.0.0.5 is in a private network", form.url.getErrorMessage());
        assertTrue(form.events.isInvalid());
        assertEquals("Must name at least one event type", form.events.getErrorMessage());
        assertTrue(form.password.isInvalid());
        assertTrue(form.sourceKey.isInvalid());
        assertFalse(form.label.isInvalid());
        assertFalse(form.formProblem.isVisible());

        form.showProblem("", "Your role lets you look, not change.");
        assertTrue(form.formProblem.isVisible());
        assertEquals("Your role lets you look, not change.", form.formProblem.getText());

        form.clearProblems();
        assertFalse(form.url.isInvalid());
        assertEquals("", form.url.getErrorMessage());
        assertFalse(form.formProblem.isVisible());
    }

    @Test
    void aSourceKeyIsSentOnlyWithSignatureSourceKey() {
        form.edit(stored());
        form.signature.setValue(SignatureChoice.SIGNATURE_KEY);
        assertFalse(form.sourceKey.isVisible());
        form.save.click();
        assertNull(saved.get(0).draft().sourceKeyId());
    }

    @Test
    void aViewerSeesTheWebhookReadOnlyWithCloseAsTheOnlyAction() {
        form.edit(stored());
        form.setReadOnly(true);

        assertTrue(form.label.isReadOnly() && form.url.isReadOnly() && form.events.isReadOnly());
        assertTrue(form.authentication.isReadOnly() && form.username.isReadOnly());
        assertTrue(form.signature.isReadOnly() && form.sourceKey.isReadOnly());
        assertFalse(form.save.isVisible());
        assertFalse(form.delete.isVisible());
        assertFalse(form.resetAuthentication.isVisible());
        assertFalse(form.password.isVisible());
        assertTrue(form.close.isVisible());
        assertFalse(form.hasUnsavedChanges());

        form.setReadOnly(false);
        assertFalse(form.label.isReadOnly());
        assertTrue(form.save.isVisible() && form.delete.isVisible() && form.resetAuthentication.isVisible());
    }
}
