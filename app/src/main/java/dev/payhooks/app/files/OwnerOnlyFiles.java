package dev.payhooks.app.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Files that hold secrets or merchant data (the embedded H2 database, the sandbox master key) and
 * the directories Payhooks creates for them: created readable by the owner only (POSIX
 * {@code rw-------} and {@code rwx------}) with the permissions given at creation, so there is no
 * moment at which the process umask leaves them readable by others. On a file system without POSIX
 * permissions the files are created plainly.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    public static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static final Logger LOG = Logger.getLogger(OwnerOnlyFiles.class.getName());

    private OwnerOnlyFiles() {
    }

    /** Creates the missing directories of the path, each {@code rwx------}; existing ones are left as they are. */
    public static Path createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                if (posix(next)) {
                    Files.createDirectory(next, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectory(next);
                }
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(next)) {
                    throw raced;
                }
            }
        }
        return directory;
    }

    /** Creates an empty {@code rw-------} file; throws {@link FileAlreadyExistsException} when it exists. */
    public static Path createFile(Path file) throws IOException {
        if (posix(file)) {
            return Files.createFile(file, attribute(FILE));
        }
        return Files.createFile(file);
    }

    /**
     * Narrows an existing file to {@code rw-------} when it grants anyone but the owner access (a
     * file of an older version or copied in under another umask); a failure is logged, not thrown.
     */
    public static void restrict(Path file) {
        try {
            if (posix(file) && Files.exists(file) && !FILE.containsAll(Files.getPosixFilePermissions(file))) {
                Files.setPosixFilePermissions(file, FILE);
                LOG.info(() -> "Made " + file + " readable by its owner only");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.warning(() -> "Could not make " + file + " readable by its owner only: " + e);
        }
    }

    /**
     * Before H2 opens a file database: its directory created owner-only, its data file
     * ({@code <name>.mv.db}) created empty and {@code rw-------} (H2 starts a new database in an
     * empty file) or, when it exists, narrowed to that. In-memory and server URLs are left alone.
     */
    public static void prepareH2(String jdbcUrl) {
        h2DataFile(jdbcUrl).ifPresent(file -> {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    createDirectories(parent);
                }
                if (Files.exists(file)) {
                    restrict(file);
                } else {
                    createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                restrict(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the database file " + file, e);
            }
        });
    }

    /** The data file of an H2 file database URL ({@code jdbc:h2:[file:]path[;…]}), if it is one. */
    public static Optional<Path> h2DataFile(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int semicolon = name.indexOf(';');
        if (semicolon >= 0) {
            name = name.substring(0, semicolon);
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("(?i)[a-z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio:… — not a plain file this process creates
        }
        if (name.isBlank()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db"));
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
