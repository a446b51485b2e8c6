package dev.payhooks.adapters.notifications;

import dev.payhooks.adapters.walley.WalleyNotifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the bad-input corpus ({@code src/test/resources/bad-input}, written by
 * {@code src/test/corpus/generate_bad_input.py}): '# ' directives, an empty line, the body.
 * Header values may name the channel's Walley credentials ({@code {walley-basic}},
 * {@code {walley-user}}, {@code {walley-password}}) and times ({@code {now}}, {@code {now-600}},
 * {@code {now+600}} in UNIX seconds); {@code sign: walley} adds a valid {@code Walley-Signature}.
 */
public record CorpusCase(String name, int expectedStatus, String provider, String endpoint, boolean walleySignature,
                         List<String[]> rawHeaders, boolean signWalley, byte[] body) {

    public static CorpusCase read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int split = indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII));
        if (split < 0) {
            throw new IllegalArgumentException(file + ": no empty line after the directives");
        }
        String head = new String(bytes, 0, split, StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOfRange(bytes, split + 2, bytes.length);
        int expected = 0;
        String provider = null;
        String endpoint = "valid";
        boolean signature = false;
        boolean sign = false;
        List<String[]> headers = new ArrayList<>();
        for (String line : head.split("\n")) {
            if (!line.startsWith("# ")) {
                throw new IllegalArgumentException(file + ": directive without '# ': " + line);
            }
            String directive = line.substring(2);
            int colon = directive.indexOf(':');
            String name = directive.substring(0, colon);
            String value = directive.substring(colon + 1).strip();
            switch (name) {
                case "expect" -> expected = Integer.parseInt(value);
                case "provider" -> provider = value;
                case "endpoint" -> endpoint = value;
                case "walley-signature" -> signature = value.equals("on");
                case "sign" -> sign = value.equals("walley");
                case "header" -> {
                    int separator = value.indexOf(':');
                    headers.add(new String[] {value.substring(0, separator).strip(), value.substring(separator + 1).strip()});
                }
                case "body-repeat" -> {
                    String[] parts = value.split(" ");
                    byte[] repeated = new byte[Integer.parseInt(parts[0])];
                    Arrays.fill(repeated, (byte) parts[1].charAt(0));
                    body = repeated;
                }
                case "why" -> { }
                default -> throw new IllegalArgumentException(file + ": unknown directive " + name);
            }
        }
        if (expected == 0 || provider == null) {
            throw new IllegalArgumentException(file + ": expect and provider are required");
        }
        return new CorpusCase(file.getFileName().toString(), expected, provider, endpoint, signature, headers, sign, body);
    }

    /** The request headers with the placeholders filled in. */
    public Map<String, String> headers(String walleyUser, String walleyPassword, String walleyHmacKey, long nowSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        String basic = "Basic " + Base64.getEncoder().encodeToString((walleyUser + ":" + walleyPassword).getBytes(StandardCharsets.UTF_8));
        for (String[] header : rawHeaders) {
            headers.put(header[0], header[1]
                .replace("{walley-basic}", basic)
                .replace("{walley-user}", walleyUser)
                .replace("{walley-password}", walleyPassword)
                .replace("{now-600}", String.valueOf(nowSeconds - 600))
                .replace("{now+600}", String.valueOf(nowSeconds + 600))
                .replace("{now}", String.valueOf(nowSeconds)));
        }
        if (signWalley) {
            String timestamp = headers.get("Walley-Timestamp");
            headers.put("Walley-Signature", HexFormat.of().formatHex(WalleyNotifications.signature(walleyHmacKey, timestamp, body)));
        }
        return headers;
    }

    public Map<String, String> headers(String walleyUser, String walleyPassword, String walleyHmacKey) {
        return headers(walleyUser, walleyPassword, walleyHmacKey, System.currentTimeMillis() / 1000);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
