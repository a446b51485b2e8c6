package dev.payhooks.app.files;

import dev.payhooks.app.db.UrlRoutedDataSource;
import dev.payhooks.app.secrets.MasterKeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnerOnlyFilesTest {

    @TempDir
    Path tmp;

    @Test
    void theEmbeddedDatabaseFileAndItsDirectoryAreCreatedOwnerOnly() throws Exception {
        Path dir = tmp.resolve("data").resolve("db");
        UrlRoutedDataSource ds = new UrlRoutedDataSource();
        ds.setUrl("jdbc:h2:file:" + dir.resolve("payhooks") + ";AUTO_SERVER=TRUE");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INT)");
            s.execute("INSERT INTO t VALUES (42)");
        }
        assertEquals("rw-------", permissions(dir.resolve("payhooks.mv.db")));
        assertEquals("rwx------", permissions(dir));
        assertEquals("rwx------", permissions(tmp.resolve("data")));
        // the pre-created empty file is a working database, and opens again
        UrlRoutedDataSource again = new UrlRoutedDataSource();
        again.setUrl("jdbc:h2:file:" + dir.resolve("payhooks"));
        try (Connection c = again.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT x FROM t")) {
            assertTrue(r.next());
            assertEquals(42, r.getInt(1));
        }
        assertEquals("rw-------", permissions(dir.resolve("payhooks.mv.db")));
    }

    @Test
    void anExistingDatabaseFileReadableByOthersIsNarrowed() throws Exception {
        Path file = tmp.resolve("old.mv.db");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        OwnerOnlyFiles.prepareH2("jdbc:h2:" + tmp.resolve("old"));
        assertEquals("rw-------", permissions(file));
    }

    @Test
    void theMasterKeyAndItsDataDirectoryAreCreatedOwnerOnly() throws Exception {
        Path dataDir = tmp.resolve("fresh").resolve("data");
        MasterKeySource.load(Optional.empty(), false, dataDir);
        assertEquals("rw-------", permissions(dataDir.resolve("master.key")));
        assertEquals("rwx------", permissions(dataDir));
        assertEquals("rwx------", permissions(tmp.resolve("fresh")));
    }

    @Test
    void onlyFileDatabaseUrlsNameAFile() {
        assertEquals(Optional.of(Path.of("./data/payhooks.mv.db")), OwnerOnlyFiles.h2DataFile("jdbc:h2:file:./data/payhooks"));
        assertEquals(Optional.of(Path.of("/x/y.mv.db")), OwnerOnlyFiles.h2DataFile("jdbc:h2:/x/y;AUTO_SERVER=TRUE"));
        assertEquals(Optional.of(Path.of(System.getProperty("user.home") + "/p.mv.db")), OwnerOnlyFiles.h2DataFile("jdbc:h2:~/p"));
        assertEquals(Optional.empty(), OwnerOnlyFiles.h2DataFile("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1"));
        assertEquals(Optional.empty(), OwnerOnlyFiles.h2DataFile("jdbc:h2:tcp://localhost/~/t"));
        assertEquals(Optional.empty(), OwnerOnlyFiles.h2DataFile("jdbc:postgresql://127.0.0.1:5432/x"));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
