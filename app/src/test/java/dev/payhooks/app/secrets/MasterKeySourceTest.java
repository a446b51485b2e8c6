package dev.payhooks.app.secrets;

import dev.payhooks.app.startup.StartupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterKeySourceTest {

    @TempDir
    Path dataDir;

    @Test
    void theConfiguredKeyWins() {
        byte[] key = new byte[32];
        key[0] = 42;

        assertArrayEquals(key, MasterKeySource.load(Optional.of(Base64.getEncoder().encodeToString(key)), true, dataDir));
        assertFalse(Files.exists(dataDir.resolve("master.key")));
    }

    @Test
    void productionWithoutAKeyRefusesToStart() {
        StartupFailure failure = assertThrows(StartupFailure.class, () -> MasterKeySource.load(Optional.empty(), true, dataDir));

        assertTrue(failure.getMessage().startsWith("PAYHOOKS_MASTER_KEY is required in production mode"));
    }

    @Test
    void sandboxCreatesAnOwnerOnlyKeyFileOnceAndReusesIt() throws Exception {
        byte[] first = MasterKeySource.load(Optional.empty(), false, dataDir.resolve("nested"));
        byte[] second = MasterKeySource.load(Optional.of(" "), false, dataDir.resolve("nested"));

        assertArrayEquals(first, second);
        assertEquals(32, first.length);
        Path file = dataDir.resolve("nested").resolve("master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void badKeysAreNamed() {
        assertEquals("PAYHOOKS_MASTER_KEY is not valid Base64",
            assertThrows(StartupFailure.class, () -> MasterKeySource.load(Optional.of("%%%"), false, dataDir)).getMessage());
        assertEquals("PAYHOOKS_MASTER_KEY must hold 32 bytes (256 bits), not 16",
            assertThrows(StartupFailure.class, () -> MasterKeySource.load(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), false, dataDir)).getMessage());
    }
}
