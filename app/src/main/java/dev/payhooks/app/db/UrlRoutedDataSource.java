package dev.payhooks.app.db;

import dev.payhooks.app.files.OwnerOnlyFiles;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The application's data source class: picks the driver's own data source from the JDBC URL,
 * so one setting ({@code PAYHOOKS_DB_URL}) switches between the embedded H2 file database and
 * PostgreSQL. The application server pools the connections it hands out.
 *
 * <p>Blank user or password settings are ignored, so credentials may live in the URL instead.
 */
public class UrlRoutedDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeoutSeconds;

    public void setUrl(String url) {
        this.url = url;
        this.delegate = null;
    }

    /** Same as {@link #setUrl}; application servers use either spelling. */
    public void setURL(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The database product a JDBC URL points at. */
    public static String productOf(String jdbcUrl) {
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("No database URL configured (payhooks.db.url / PAYHOOKS_DB_URL)");
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "PostgreSQL";
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "H2";
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:postgresql:… or jdbc:h2:…): "
            + redact(jdbcUrl));
    }

    /** The URL without anything that may be a credential (query parameters). */
    public static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
        int semicolon = base.indexOf(';');
        return semicolon < 0 ? base : base.substring(0, semicolon) + ";…";
    }

    private DataSource delegate() {
        DataSource ds = delegate;
        if (ds == null) {
            synchronized (this) {
                ds = delegate;
                if (ds == null) {
                    ds = create();
                    delegate = ds;
                }
            }
        }
        return ds;
    }

    private DataSource create() {
        String product = productOf(url);
        if (product.equals("PostgreSQL")) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setUrl(url);
            if (present(user)) {
                pg.setUser(user);
            }
            if (present(password)) {
                pg.setPassword(password);
            }
            pg.setApplicationName("payhooks");
            // no "Detail: Key (key_hash)=(…)" in exception messages: they reach logs and status reasons
            pg.setLogServerErrorDetail(false);
            if (loginTimeoutSeconds == 0) {
                pg.setLoginTimeout(10);
                pg.setConnectTimeout(10);
            }
            return pg;
        }
        // the database holds merchant data and sealed secrets: its file and directory owner-only from the start
        OwnerOnlyFiles.prepareH2(url);
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(durableH2(url));
        h2.setUser(present(user) ? user : "sa");
        h2.setPassword(present(password) ? password : "");
        return h2;
    }

    /**
     * H2 writes committed transactions to its file up to a second later by default, so a killed
     * process (SIGKILL, OOM killer) loses what it had acknowledged. {@code WRITE_DELAY=0} writes
     * at each commit (into the OS page cache: a process crash loses nothing, a power cut still
     * can — PostgreSQL is the production database). An explicit setting in the URL wins.
     */
    static String durableH2(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:mem:") || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        if (!present(username)) {
            return getConnection();
        }
        return delegate().getConnection(username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        this.loginTimeoutSeconds = seconds;
        if (seconds > 0) {
            delegate().setLoginTimeout(seconds);
        }
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
