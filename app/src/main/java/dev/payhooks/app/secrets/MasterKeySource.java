package dev.payhooks.app.secrets;

import dev.payhooks.app.files.OwnerOnlyFiles;
import dev.payhooks.app.startup.StartupFailure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the master key comes from: {@code PAYHOOKS_MASTER_KEY} (Base64 of 32 bytes), required
 * in production mode; otherwise {@code master.key} in the data directory, created on first
 * start (owner-only permissions, in a directory created owner-only) so the embedded default needs no setup.
 */
public final class MasterKeySource {

    static final String FILE_NAME = "master.key";
    private static final Logger LOG = Logger.getLogger(MasterKeySource.class.getName());

    private MasterKeySource() {
    }

    public static byte[] load(Optional<String> configured, boolean production, Path dataDir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return decode(configured.get().trim(), "PAYHOOKS_MASTER_KEY");
        }
        if (production) {
            throw new StartupFailure("PAYHOOKS_MASTER_KEY is required in production mode "
                + "(Base64 of 32 random bytes, e.g. from: openssl rand -base64 32)");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrict(file);
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            OwnerOnlyFiles.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            write(file, Base64.getEncoder().encodeToString(key));
            LOG.info("Created a new master key in " + file + " (sandbox mode); set PAYHOOKS_MASTER_KEY in production");
            return key;
        } catch (FileAlreadyExistsException raced) {
            return load(configured, production, dataDir);
        } catch (IOException e) {
            throw new StartupFailure("cannot read or create the master key file " + file, e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        OwnerOnlyFiles.createFile(file);
        Files.writeString(file, content + "\n", StandardCharsets.US_ASCII);
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(source + " is not valid Base64");
        }
        if (key.length != 32) {
            throw new StartupFailure(source + " must hold 32 bytes (256 bits), not " + key.length);
        }
        return key;
    }
}
