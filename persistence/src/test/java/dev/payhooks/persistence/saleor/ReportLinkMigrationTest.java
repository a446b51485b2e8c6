package dev.payhooks.persistence.saleor;

import dev.payhooks.persistence.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migration that links Saleor reports to their transaction and says why a FAILED one failed,
 * on a database holding reports from before it: one failed after all ten attempts is undelivered
 * and linked to the installation's merchant's one matching transaction; a refused one, an
 * ambiguous one and one whose installation is gone are not linked.
 */
class ReportLinkMigrationTest {

    static final String AT = "TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00'";

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void givenUpReportsAreLinkedToTheirMerchantsTransactionAndRefusedOnesAreTold(String kind) throws SQLException {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        DataSource ds = TestDatabase.emptySchema(kind, schema);
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target("36").load().migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into merchant (id, name, merchant_key, created_at, version) values"
                    + " ('m1', 'Shop', 'aaaaaaaaaaaaaaa', " + AT + ", 0), ('m2', 'Other', 'bbbbbbbbbbbbbbb', " + AT + ", 0)");
                s.executeUpdate("insert into saleor_installation (api_url, provider, merchant_id, app_id, sealed_token, jwks,"
                    + " installed_at, updated_at, version) values ('https://a/graphql/', 'adyen', 'm1', 'A', 's', '{}', "
                    + AT + ", " + AT + ", 0)");
                for (String[] t : new String[][] {{"adyen-1", "m1", "T1"}, {"adyen-2", "m2", "T2"}, {"adyen-3a", "m1", "T3"},
                        {"adyen-3b", "m1", "T3"}}) {
                    s.executeUpdate("insert into payment_transaction (id, merchant_id, channel_slug, provider,"
                        + " merchant_reference, currency, status, authorized, charged, refunded, cancelled, charged_back,"
                        + " authorization_pending, charge_pending, refund_pending, cancel_pending, created_at, updated_at,"
                        + " version) values ('" + t[0] + "', '" + t[1] + "', 'eu', 'adyen', '" + t[2] + "', 'EUR',"
                        + " 'CHARGED', 0, 100, 0, 0, 0, 0, 0, 0, 0, " + AT + ", " + AT + ", 0)");
                }
                // id, api URL, Saleor transaction, status, attempts
                for (String[] r : new String[][] {{"given-up", "https://a/graphql/", "T1", "FAILED", "10"},
                        {"refused", "https://a/graphql/", "T1", "FAILED", "2"}, {"sent", "https://a/graphql/", "T1", "SENT", "1"},
                        {"other-merchants", "https://a/graphql/", "T2", "FAILED", "10"},
                        {"ambiguous", "https://a/graphql/", "T3", "FAILED", "10"},
                        {"uninstalled", "https://gone/graphql/", "T1", "FAILED", "10"}}) {
                    s.executeUpdate("insert into saleor_transaction_report (id, api_url, provider, saleor_transaction_id,"
                        + " psp_reference, event_type, amount, event_time, status, attempts, due_at, created_at, updated_at)"
                        + " values ('" + r[0] + "', '" + r[1] + "', 'adyen', '" + r[2] + "', 'CAP', 'CHARGE_SUCCESS',"
                        + " '1.00', " + AT + ", '" + r[3] + "', " + r[4] + ", " + AT + ", " + AT + ", " + AT + ")");
                }
            }

            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();

            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select id, failure, merchant_id, transaction_id, redeliveries"
                     + " from saleor_transaction_report order by id")) {
                List<String> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3) + "|"
                        + rows.getString(4) + "|" + rows.getInt(5));
                }
                assertEquals(List.of("ambiguous|UNDELIVERED|null|null|0", "given-up|UNDELIVERED|m1|adyen-1|0",
                    "other-merchants|UNDELIVERED|null|null|0", "refused|REFUSED|null|null|0", "sent|null|null|null|0",
                    "uninstalled|UNDELIVERED|null|null|0"), found);
            }
        } finally {
            TestDatabase.dropSchema(kind, schema, ds);
        }
    }
}
