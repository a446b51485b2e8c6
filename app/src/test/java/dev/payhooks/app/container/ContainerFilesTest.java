package dev.payhooks.app.container;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps docker/Dockerfile and docker/compose.yaml true to the build and the application. No
 * container engine is needed (none runs where the tests run): the files are read as text and
 * compared with app/pom.xml, README's settings table and what production mode requires.
 */
class ContainerFilesTest {

    /** The settings the server refuses to start without in production mode (SettingsReader, MasterKeySource, DatabaseStartup). */
    private static final Set<String> REQUIRED_IN_PRODUCTION = Set.of("PAYHOOKS_MASTER_KEY", "PAYHOOKS_PUBLIC_URL");

    /** MicroProfile Health's readiness path, served by Payara at the server's root. */
    private static final String READINESS_PATH = "/health/ready";

    private static Path root;
    private static String dockerfile;
    private static String compose;

    @BeforeAll
    static void read() throws IOException {
        Path app = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        root = app.getParent();
        dockerfile = Files.readString(root.resolve("docker/Dockerfile"));
        compose = Files.readString(root.resolve("docker/compose.yaml"));
    }

    @Test
    void everyCopySourceIsInTheRepositoryOrBuiltByPackage() throws Exception {
        Set<String> built = buildOutputs();
        List<String> sources = copySources();
        assertFalse(sources.isEmpty(), "the Dockerfile copies the application in");
        for (String source : sources) {
            boolean inRepository = !source.startsWith("app/target/") && Files.exists(root.resolve(source));
            assertTrue(inRepository || built.contains(source),
                "COPY " + source + " is neither in the repository nor produced by ./mvnw -pl app -am package " + built);
        }
        assertTrue(sources.contains("app/target/payhooks.jar") && built.contains("app/target/payhooks.jar"),
            "the image runs the uber jar the build produces: " + sources + " / " + built);
        assertTrue(dockerfile.contains("-jar /opt/payhooks/payhooks.jar"), "the entry point runs the copied jar");
    }

    @Test
    void exposedPortServerPortAndHealthChecksAgree() throws IOException {
        String port = single(dockerfile, "(?m)^EXPOSE\\s+(\\d+)\\s*$");
        assertEquals(port, single(dockerfile, "--port (\\d+)"), "the server listens on the exposed port");
        String dockerCheck = single(dockerfile, "(?s)HEALTHCHECK.*?curl [^\\n]*?(http://\\S+)");
        String composeCheck = single(compose, "(?s)healthcheck:\\s*\\n\\s*test: \\[\"CMD\", \"curl\"[^\\]]*\"(http://[^\"]+)\"");
        String expected = "http://127.0.0.1:" + port + readinessPath();
        assertEquals(expected, dockerCheck, "the image's health check asks the server's readiness");
        assertEquals(expected, composeCheck, "compose's health check asks the server's readiness");
        assertEquals(port, single(compose, "(?m)^\\s+- \"\\d+:(\\d+)\"\\s*$"), "compose publishes the container's port");
        assertTrue(Files.readString(root.resolve("app/src/main/java/dev/payhooks/app/health/DatabaseReadiness.java"))
            .contains("@Readiness"), "readiness reports the application's own check");
    }

    @Test
    void composeBuildsFromTheRepositoryWithTheDockerfile() {
        Path composeDir = root.resolve("docker");
        Path context = composeDir.resolve(single(compose, "(?m)^\\s+context: (\\S+)\\s*$")).normalize();
        Path file = context.resolve(single(compose, "(?m)^\\s+dockerfile: (\\S+)\\s*$")).normalize();
        assertEquals(root, context, "the build context is the repository root (COPY app/target/...)");
        assertEquals(root.resolve("docker/Dockerfile"), file);
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void composePassesOnlySettingsTheApplicationReadsAndAllThatProductionRequires() throws IOException {
        Map<String, String> environment = payhooksEnvironment();
        Set<String> known = knownSettings();
        for (String name : environment.keySet()) {
            assertTrue(known.contains(name), name + " is passed to the hub but no setting of that name exists " + known);
        }
        assertEquals("${PAYHOOKS_MODE:-production}", environment.get("PAYHOOKS_MODE"), "compose runs production mode");
        for (String required : REQUIRED_IN_PRODUCTION) {
            assertTrue(environment.containsKey(required), required + " is required in production mode but not passed");
            assertTrue(environment.get(required).startsWith("${" + required + ":?"),
                required + " must be a required variable (${" + required + ":?...}), not a silent empty default");
        }
    }

    @Test
    void theRequiredSettingsAreTheOnesTheCodeRequires() throws IOException {
        String masterKey = Files.readString(root.resolve("app/src/main/java/dev/payhooks/app/secrets/MasterKeySource.java"));
        assertTrue(masterKey.contains("PAYHOOKS_MASTER_KEY is required in production mode"));
        String startup = Files.readString(root.resolve("app/src/main/java/dev/payhooks/app/startup/DatabaseStartup.java"));
        assertTrue(startup.contains("checkSecrets()") && startup.contains("settings.get()"),
            "startup loads the master key and the settings, the public URL among them");
        String settings = Files.readString(root.resolve("app/src/main/java/dev/payhooks/app/config/SettingsReader.java"));
        assertTrue(settings.contains("PublicUrl.of(text(\"payhooks.public-url\"), mode.production())"),
            "the settings require the public URL in production mode");
    }

    /** The files {@code package} writes to app/target that a Dockerfile could copy: the WAR and the uber jar. */
    private static Set<String> buildOutputs() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(root.resolve("app/pom.xml").toFile());
        Element build = (Element) pom.getDocumentElement().getElementsByTagName("build").item(0);
        String finalName = build.getElementsByTagName("finalName").item(0).getTextContent().trim();
        Set<String> outputs = new LinkedHashSet<>();
        outputs.add("app/target/" + finalName + ".war");
        NodeList arguments = build.getElementsByTagName("argument");
        for (int i = 0; i + 1 < arguments.getLength(); i++) {
            if ("--outputUberJar".equals(arguments.item(i).getTextContent().trim())) {
                outputs.add("app/target/" + arguments.item(i + 1).getTextContent().trim());
            }
        }
        return outputs;
    }

    private static List<String> copySources() {
        List<String> sources = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(.+)$").matcher(dockerfile);
        while (copy.find()) {
            List<String> words = new ArrayList<>(List.of(copy.group(1).trim().split("\\s+")));
            words.removeIf(word -> word.startsWith("--"));
            sources.addAll(words.subList(0, words.size() - 1));
        }
        return sources;
    }

    /** The payhooks service's environment block: name to value as written. */
    private static Map<String, String> payhooksEnvironment() {
        int service = compose.indexOf("\n  payhooks:");
        assertTrue(service > 0, "compose has a payhooks service");
        String rest = compose.substring(service + 1);
        Matcher nextService = Pattern.compile("(?m)^  \\S").matcher(rest);
        String block = nextService.find(1) ? rest.substring(0, nextService.start()) : rest;
        int environment = block.indexOf("    environment:\n");
        assertTrue(environment > 0, "the payhooks service has an environment");
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : block.substring(environment).split("\n")) {
            if (line.equals("    environment:") || line.startsWith("      #") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith("      ")) {
                break;
            }
            Matcher variable = Pattern.compile("^\\s+([A-Z0-9_]+): (.*)$").matcher(line);
            assertTrue(variable.matches(), "environment entry " + line);
            variables.put(variable.group(1), variable.group(2).trim());
        }
        return variables;
    }

    /**
     * The environment names of the settings the application reads: the second column of README's
     * settings table (each row is a setting some class reads through MicroProfile Config).
     */
    private static Set<String> knownSettings() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Pattern name = Pattern.compile("`(PAYHOOKS_[A-Z0-9_]+)`");
        for (String line : Files.readAllLines(root.resolve("README.md"))) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| `payhooks.") && cells.length > 2) {
                Matcher matcher = name.matcher(cells[2]);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        assertTrue(names.contains("PAYHOOKS_DB_URL") && names.contains("PAYHOOKS_MASTER_KEY"), names.toString());
        return names;
    }

    /** /health/ready unless the pre-boot commands move MicroProfile Health's endpoint. */
    private static String readinessPath() throws IOException {
        String commands = Files.readString(root.resolve("app/src/main/payara/pre-boot-commands.txt"));
        Matcher endpoint = Pattern.compile("set-microprofile-healthcheck-configuration[^\\n]*--endpoint[= ](\\S+)").matcher(commands);
        return endpoint.find() ? "/" + endpoint.group(1) + "/ready" : READINESS_PATH;
    }

    private static String single(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "no match for " + regex);
        String value = matcher.group(1);
        assertFalse(matcher.find(), "more than one match for " + regex);
        return value;
    }
}
