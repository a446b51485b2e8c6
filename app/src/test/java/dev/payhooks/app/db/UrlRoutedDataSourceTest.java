package dev.payhooks.app.db;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlRoutedDataSourceTest {

    @Test
    void h2UrlGivesAnH2Connection() throws SQLException {
        UrlRoutedDataSource ds = new UrlRoutedDataSource();
        ds.setURL("jdbc:h2:mem:routed;DB_CLOSE_DELAY=-1");
        ds.setUser(" ");
        try (Connection c = ds.getConnection("", null)) {
            assertEquals("H2", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void fileDatabasesWriteEachCommitUnlessTheUrlSaysOtherwise() {
        assertEquals("jdbc:h2:file:./data/payhooks;WRITE_DELAY=0", UrlRoutedDataSource.durableH2("jdbc:h2:file:./data/payhooks"));
        assertEquals("jdbc:h2:file:/x;AUTO_SERVER=TRUE;WRITE_DELAY=0", UrlRoutedDataSource.durableH2("jdbc:h2:file:/x;AUTO_SERVER=TRUE"));
        assertEquals("jdbc:h2:file:/x;write_delay=500", UrlRoutedDataSource.durableH2("jdbc:h2:file:/x;write_delay=500"));
        assertEquals("jdbc:h2:mem:t", UrlRoutedDataSource.durableH2("jdbc:h2:mem:t"));
    }

    @Test
    void postgresqlUrlGivesThePgDataSource() throws SQLException {
        UrlRoutedDataSource ds = new UrlRoutedDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:5432/x");
        assertTrue(ds.isWrapperFor(org.postgresql.ds.PGSimpleDataSource.class));
    }

    @Test
    void postgresqlErrorsCarryNoDetailWithTheRowsValues() throws SQLException {
        // "Detail: Key (key_hash)=(…) already exists" would put bound values into exception messages
        UrlRoutedDataSource ds = new UrlRoutedDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:5432/x");
        assertEquals(false, ds.unwrap(org.postgresql.ds.PGSimpleDataSource.class).getLogServerErrorDetail());
    }

    @Test
    void unsupportedUrlsAreRefusedWithoutEchoingCredentials() {
        UrlRoutedDataSource ds = new UrlRoutedDataSource();
        ds.setUrl("jdbc:mysql://db/x?password=hunter2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ds::getConnection);
        assertEquals("Unsupported database URL (use jdbc:postgresql:… or jdbc:h2:…): jdbc:mysql://db/x?…", e.getMessage());
    }

    @Test
    void redactionDropsQueryAndH2Settings() {
        assertEquals("jdbc:postgresql://db:5432/payhooks?…", UrlRoutedDataSource.redact("jdbc:postgresql://db:5432/payhooks?user=u&password=p"));
        assertEquals("jdbc:h2:file:./data/payhooks;…", UrlRoutedDataSource.redact("jdbc:h2:file:./data/payhooks;PASSWORD=x"));
        assertEquals("jdbc:h2:file:./data/payhooks", UrlRoutedDataSource.redact("jdbc:h2:file:./data/payhooks"));
    }
}
