package dev.payhooks.admin.eventlog;

import dev.payhooks.application.notifications.ReceiveNotifications;
import dev.payhooks.domain.inbound.InboundNotification;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** How the detail panels show a payload or a notification body, and why a notification offers no replay. */
final class EventPayloads {

    /** Looked up once: {@code Json.create…} repeats a ServiceLoader scan on every call (ArchitectureTest). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private EventPayloads() {
    }

    /**
     * Why the console offers no replay for a notification. The pipeline applies a notification
     * only while it awaits processing, and its retry loop already does that; a finished one is
     * final in the domain ({@link InboundNotification}), and re-applying it would only find the
     * facts already recorded.
     */
    static String replayNote(InboundNotification n) {
        return switch (n.status()) {
            case RECEIVED -> "Not applied yet: the retry loop applies it within "
                + ReceiveNotifications.GRACE_BEFORE_RETRY.toSeconds() + " seconds of its arrival; there is nothing to replay.";
            case FAILED -> n.isAwaitingProcessing()
                ? "The retry loop tries it again " + ReceiveNotifications.RETRY_DELAY.toSeconds()
                    + " seconds after each failure, up to " + InboundNotification.MAX_PROCESSING_ATTEMPTS + " attempts."
                : "All " + InboundNotification.MAX_PROCESSING_ATTEMPTS + " attempts failed. The pipeline cannot re-open it "
                    + "yet; ask the provider to send it again once the cause is fixed (a resend with a new key is applied).";
            case PROCESSED -> "Processed: final. Applying it again would find its facts already recorded, so the console "
                + "offers no replay; replay the outbound events it caused instead.";
            case IGNORED -> n.verification().isFailed()
                ? "Refused by verification: never applied, by design."
                : "Ignored: final, with the reason above. The pipeline does not re-open finished notifications.";
        };
    }

    /** JSON pretty-printed; other UTF-8 text as it is; anything else summarised (it is not text). */
    static String readableBody(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notText) {
            return "(" + body.length + " bytes, not UTF-8 text)";
        }
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? prettyJson(text) : text;
    }

    static String prettyJson(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonStructure structure = reader.read();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
                writer.write(structure);
            }
            return out.toString().trim();
        } catch (RuntimeException notJson) {
            return json;
        }
    }
}
