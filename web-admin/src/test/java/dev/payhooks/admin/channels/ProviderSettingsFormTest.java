package dev.payhooks.admin.channels;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.payhooks.admin.channels.ProviderConfiguration.Setting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated form without a browser: one field per setting, secrets write-only, values fired as typed. */
class ProviderSettingsFormTest {

    static ProviderConfiguration adyen(boolean configured) {
        return new ProviderConfiguration("jp", "adyen", "Adyen", configured, List.of(
            new Setting("apiKey", "SECRET", true, List.of(), configured ? "••••3456" : "", configured),
            new Setting("merchantAccount", "TEXT", true, List.of(), "ShopECOM", configured),
            new Setting("environment", "CHOICE", false, List.of("TEST", "LIVE"), "TEST", configured),
            new Setting("apiBaseUrl", "URL", false, List.of(), "", false),
            new Setting("hmacKeys", "SECRET_LIST", true, List.of(), configured ? "••••EB0C, ••••EB0D" : "", configured),
            new Setting("verify", "FLAG", false, List.of(), "true", configured)),
            configured ? "https://hub.example/api/notifications/adyen/k" : "");
    }

    @Test
    void oneFieldPerSettingOfTheRightKindAndSecretsStartEmpty() {
        ProviderSettingsForm form = new ProviderSettingsForm(adyen(true), true);

        assertEquals(List.of("apiKey", "merchantAccount", "environment", "apiBaseUrl", "hmacKeys", "verify"),
            new ArrayList<>(form.fields.keySet()));
        PasswordField apiKey = assertInstanceOf(PasswordField.class, form.fields.get("apiKey"));
        assertEquals("", apiKey.getValue(), "a secret never goes back to the browser");
        assertTrue(apiKey.getPlaceholder().contains("••••3456"));
        assertFalse(apiKey.isRevealButtonVisible());
        assertEquals("", assertInstanceOf(TextArea.class, form.fields.get("hmacKeys")).getValue());
        assertEquals("ShopECOM", assertInstanceOf(TextField.class, form.fields.get("merchantAccount")).getValue());
        assertEquals("TEST", assertInstanceOf(Select.class, form.fields.get("environment")).getValue());
        assertTrue(assertInstanceOf(Checkbox.class, form.fields.get("verify")).getValue());
        assertTrue(form.remove.isVisible());
    }

    @Test
    void aSecretListShowsItsStoredMasksAsTextAndKeepsTheValuesWriteOnly() {
        ProviderSettingsForm form = new ProviderSettingsForm(adyen(true), true);
        TextArea hmacKeys = assertInstanceOf(TextArea.class, form.fields.get("hmacKeys"));

        assertEquals("", hmacKeys.getValue(), "no stored value goes back to the browser");
        assertEquals("disc", hmacKeys.getStyle().get("-webkit-text-security"), "what is typed shows as discs");
        assertFalse(hmacKeys.getPlaceholder().contains("••••"), "the masks are not in the masked box, where they would be discs");
        Span stored = form.getChildren().flatMap(ProviderSettingsFormTest::descendants)
            .filter(c -> c.getId().orElse("").equals("setting-hmacKeys-stored")).map(Span.class::cast).findFirst().orElseThrow();
        assertEquals("Stored: ••••EB0C (current), ••••EB0D (previous)", stored.getText());
        assertNull(stored.getStyle().get("-webkit-text-security"));

        assertEquals("Nothing stored yet.", ProviderSettingsForm.storedListText(
            new Setting("hmacKeys", "SECRET_LIST", true, List.of(), "", false)));
        assertEquals("Stored: ••••AAAA (current), ••••BBBB (previous), ••••CCCC (older)", ProviderSettingsForm.storedListText(
            new Setting("hmacKeys", "SECRET_LIST", true, List.of(), "••••AAAA, ••••BBBB, ••••CCCC", true)));
    }

    @Test
    void aViewerReadsTheStoredMasksButTheListIsReadOnly() {
        ProviderSettingsForm form = new ProviderSettingsForm(adyen(true), false);
        assertTrue(form.fields.get("hmacKeys").isReadOnly());
        assertTrue(form.getChildren().flatMap(ProviderSettingsFormTest::descendants)
            .anyMatch(c -> c instanceof Span span && span.getText().equals("Stored: ••••EB0C (current), ••••EB0D (previous)")));
        assertFalse(form.testCredentials.isEnabled());
    }

    static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(ProviderSettingsFormTest::descendants));
    }

    @Test
    void saveFiresEveryValueAsTypedWithUntouchedSecretsEmpty() {
        ProviderSettingsForm form = new ProviderSettingsForm(adyen(true), true);
        List<ProviderSettingsForm.SaveEvent> saved = new ArrayList<>();
        form.addListener(ProviderSettingsForm.SaveEvent.class, saved::add);

        ((TextField) form.fields.get("merchantAccount")).setValue("ShopJP");
        ((Checkbox) form.fields.get("verify")).setValue(false);
        ((TextArea) form.fields.get("hmacKeys")).setValue("AAA\nBBB");
        form.save.click();

        assertEquals(1, saved.size());
        assertEquals("ShopJP", saved.get(0).values().get("merchantAccount"));
        assertEquals("false", saved.get(0).values().get("verify"));
        assertEquals("AAA\nBBB", saved.get(0).values().get("hmacKeys"));
        assertEquals("", saved.get(0).values().get("apiKey"), "empty keeps the stored secret (the model leaves it out)");
        assertEquals("TEST", saved.get(0).values().get("environment"));
    }

    @Test
    void theDomainsProblemGoesNextToItsFieldAndIsClearedOnTheNextSave() {
        ProviderSettingsForm form = new ProviderSettingsForm(adyen(false), true);
        assertFalse(form.remove.isVisible(), "nothing to remove before the first save");

        assertTrue(form.showProblem("apiBaseUrl", "must be an absolute http(s) URL"));
        TextField url = (TextField) form.fields.get("apiBaseUrl");
        assertTrue(url.isInvalid());
        assertEquals("must be an absolute http(s) URL", url.getErrorMessage());
        assertTrue(form.showProblem("verify", "must be true or false"));
        assertTrue(((Checkbox) form.fields.get("verify")).isInvalid());
        assertFalse(form.showProblem("unknown", "x"));

        form.save.click();
        assertFalse(url.isInvalid());
    }

    @Test
    void viewersSeeAReadOnlyForm() {
        ProviderSettingsForm form = new ProviderSettingsForm(adyen(true), false);
        assertFalse(form.save.isEnabled());
        assertFalse(form.remove.isEnabled());
        assertTrue(form.fields.values().stream().allMatch(f -> f.isReadOnly()));
    }

    @Test
    void testCredentialsIsOfferedOnlyWhenAskedAndSendsTheValuesAsTyped() {
        ProviderSettingsForm form = new ProviderSettingsForm(adyen(true), true);
        assertFalse(form.testCredentials.isVisible(), "only providers that can check credentials offer it");
        form.offerCredentialsTest();
        assertTrue(form.testCredentials.isVisible());
        List<ProviderSettingsForm.TestCredentialsEvent> asked = new java.util.ArrayList<>();
        form.addListener(ProviderSettingsForm.TestCredentialsEvent.class, asked::add);

        form.testCredentials.click();

        assertEquals(1, asked.size());
        assertEquals("", asked.get(0).values().get("apiKey"), "an empty secret: the model leaves it out, so the stored one is used");
        form.showCredentialsResult(false, "NP Atobarai refused the credentials (HTTP 401)");
        assertEquals("NP Atobarai refused the credentials (HTTP 401)", form.credentialsResult.getText());
        assertTrue(form.credentialsResult.getElement().getThemeList().contains("error"));
    }
}
