package dev.payhooks.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The dependency arrows between the modules: the domain depends on nothing but Java; the
 * persistence, adapters and admin modules depend on the domain and their frameworks but never
 * on each other; only the app wires them together.
 */
class ArchitectureTest {

    static final String DOMAIN = "dev.payhooks.domain..";
    static final String APPLICATION = "dev.payhooks.application..";
    static final String PERSISTENCE = "dev.payhooks.persistence..";
    static final String ADAPTERS = "dev.payhooks.adapters..";
    static final String ADMIN = "dev.payhooks.admin..";
    static final String APP = "dev.payhooks.app..";
    static final String SANDBOX = "dev.payhooks.sandbox..";

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // the modules arrive as target/classes folders or as jars, depending on how Maven resolved them
        production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages("dev.payhooks");
        if (production.stream().noneMatch(c -> c.getPackageName().startsWith("dev.payhooks.domain"))) {
            throw new IllegalStateException("the domain classes are not on the test class path");
        }
    }

    static ArchRule domainDependsOnlyOnJava() {
        return classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "")
            .because("the domain is plain Java 17: no jakarta.*, no Hibernate, no Vaadin, no JSON library");
    }

    static ArchRule noDependencyOn(String from, String... forbidden) {
        return noClasses().that().resideInAPackage(from)
            .should().dependOnClassesThat().resideInAnyPackage(forbidden);
    }

    @Test
    void domainDependsOnNothingButJava() {
        domainDependsOnlyOnJava().check(production);
    }

    /** The application layer: commands, handlers and read models over the domain, plain Java 17. */
    @Test
    void applicationDependsOnlyOnTheDomain() {
        classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION, "")
            .because("adapters, the admin UI and jobs call the application layer; it calls only the domain")
            .check(production);
    }

    @Test
    void persistenceImplementsDomainPortsOnly() {
        noDependencyOn(PERSISTENCE, APPLICATION, ADAPTERS, ADMIN, APP).check(production);
    }

    @Test
    void adaptersDependOnTheApplicationAndTheDomainOnly() {
        noDependencyOn(ADAPTERS, PERSISTENCE, ADMIN, APP).check(production);
    }

    @Test
    void adminUiDependsOnTheApplicationAndTheDomainOnly() {
        noDependencyOn(ADMIN, PERSISTENCE, ADAPTERS, APP).check(production);
    }

    /** The provider simulators and test-only operations stay out of production code: only the app deploys them. */
    @Test
    void nothingButTheAppKnowsTheSandbox() {
        noDependencyOn(APPLICATION, SANDBOX).check(production);
        noDependencyOn(ADAPTERS, SANDBOX).check(production);
        noDependencyOn(ADMIN, SANDBOX).check(production);
        noDependencyOn(PERSISTENCE, SANDBOX).check(production);
        noDependencyOn(DOMAIN, SANDBOX).check(production);
    }

    @Test
    void theSandboxDependsOnTheAdaptersTheApplicationAndTheDomainOnly() {
        noDependencyOn(SANDBOX, PERSISTENCE, ADMIN, APP).check(production);
    }

    @Test
    void onlyTheAppWires() {
        noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .check(production);
    }

    static final List<String> PROVIDER_PACKAGES = List.of("dev.payhooks.adapters.adyen..",
        "dev.payhooks.adapters.npatobarai..", "dev.payhooks.adapters.walley..", "dev.payhooks.adapters.annanow..");

    /**
     * The notification endpoint, the Saleor app plumbing and the REST API serve every provider
     * alike: what differs per provider (an acknowledgement body, a mapping) the provider states
     * through a domain SPI, so adding a provider never edits them.
     */
    @Test
    void sharedAdapterPiecesNameNoProvider() {
        noClasses().that().resideInAnyPackage("dev.payhooks.adapters.notifications..", "dev.payhooks.adapters.saleor..",
                "dev.payhooks.adapters.api..")
            .should().dependOnClassesThat().resideInAnyPackage(PROVIDER_PACKAGES.toArray(String[]::new))
            .because("shared adapter pieces name no provider")
            .check(production);
    }

    /** Each provider adapter stands alone: what two providers share lives in a shared adapter package. */
    @Test
    void noProviderPackageImportsAnotherProviderPackage() {
        for (String provider : PROVIDER_PACKAGES) {
            String[] others = PROVIDER_PACKAGES.stream().filter(other -> !other.equals(provider)).toArray(String[]::new);
            noClasses().that().resideInAPackage(provider)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("no provider package imports another provider package")
                .check(production);
        }
    }

    /**
     * Settings are read once, into {@code app.config.PayhooksSettings}, and handed out typed by the
     * wiring. The persistence provider is the exception: the server creates it while deploying,
     * before any bean exists, and it reads only the database URL (to name Hibernate's dialect).
     */
    @Test
    void onlyTheSettingsReadMicroProfileConfig() {
        noClasses().that().resideOutsideOfPackage("dev.payhooks.app.config..")
            .and().doNotHaveFullyQualifiedName("dev.payhooks.app.wiring.SettingsWiring")
            .and().doNotHaveFullyQualifiedName("dev.payhooks.persistence.jpa.PayhooksPersistenceProvider")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.config..")
            .because("every payhooks.* setting is mapped once, checked at startup, in dev.payhooks.app.config")
            .check(production);
    }

    /**
     * {@code jakarta.json.Json}'s factories look the provider up with a ServiceLoader scan on every
     * call (docs/PERFORMANCE.md, ingest): adapters, persistence and the admin UI use one looked-up provider.
     */
    @Test
    void jsonComesFromOneLookedUpProvider() {
        noClasses().that().resideInAnyPackage(ADAPTERS, PERSISTENCE, ADMIN, APP)
            .should().accessClassesThat().haveFullyQualifiedName("jakarta.json.Json")
            .because("Json.create… repeats a ServiceLoader scan per call; use adapters.api.Jsonp.JSON")
            .check(production);
    }

    /**
     * A produced bean that holds a JDK HttpClient is produced once per instance: a dependent one
     * built a client (a selector thread, its own connection pool) for every request that
     * injected it (docs/PERFORMANCE.md, sync webhook overhead).
     */
    /**
     * A provider's API URL is merchant configuration and its requests carry the merchant's
     * credentials: the provider adapters send only through the provider gate (host policy, SSRF
     * guard, pinned address), never with an HTTP client or socket of their own. The simulators
     * (the sandbox module, sandbox mode only) call the hub itself and are not provider adapters.
     */
    @Test
    void providerClientsSendOnlyThroughTheProviderGate() {
        noClasses().that().resideInAnyPackage("dev.payhooks.adapters.npatobarai..", "dev.payhooks.adapters.adyen..",
                "dev.payhooks.adapters.walley..", "dev.payhooks.adapters.annanow..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "javax.net..", "org.apache.http..",
                "org.apache.hc..", "okhttp3..", "jakarta.ws.rs.client..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.payhooks.adapters.outbound.PinnedHttpTransport")
            .because("provider calls go through dev.payhooks.adapters.outbound.ProviderGate")
            .check(production);
        classes().that().haveFullyQualifiedName("dev.payhooks.adapters.npatobarai.NpAtobaraiClient")
            .or().haveFullyQualifiedName("dev.payhooks.adapters.adyen.AdyenCheckoutClient")
            .or().haveFullyQualifiedName("dev.payhooks.adapters.walley.WalleyClient")
            .or().haveFullyQualifiedName("dev.payhooks.adapters.annanow.AnnanowApi")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.payhooks.adapters.outbound.ProviderGate")
            .check(production);
    }

    /** Every producer method of the wiring package's producer classes (one class per area). */
    static List<Method> producers() {
        List<Method> producers = new ArrayList<>();
        production.stream().filter(c -> c.getPackageName().equals("dev.payhooks.app.wiring")).forEach(type -> {
            for (Method method : type.reflect().getDeclaredMethods()) {
                if (method.isAnnotationPresent(jakarta.enterprise.inject.Produces.class)) {
                    producers.add(method);
                }
            }
        });
        if (producers.size() < 50) {
            throw new IllegalStateException("found only " + producers.size() + " producers in dev.payhooks.app.wiring");
        }
        return producers;
    }

    /**
     * One scope for the produced services: {@code @Singleton}, built once, no client proxy. The
     * secrets are the exception, application scoped so the master key loads inside the startup check.
     */
    @Test
    void producedServicesAreSingletons() {
        List<String> otherScopes = new ArrayList<>();
        for (Method producer : producers()) {
            boolean secrets = producer.getReturnType() == dev.payhooks.domain.port.Secrets.class;
            boolean singleton = producer.isAnnotationPresent(jakarta.inject.Singleton.class);
            boolean applicationScoped = producer.isAnnotationPresent(jakarta.enterprise.context.ApplicationScoped.class);
            if (secrets ? !applicationScoped : !singleton || applicationScoped) {
                otherScopes.add(producer.getDeclaringClass().getSimpleName() + "." + producer.getName());
            }
        }
        assertEquals(List.of(), otherScopes, "producers with another scope than @Singleton");
    }

    @Test
    void httpClientsAreProducedOncePerInstance() {
        List<String> perInjection = new ArrayList<>();
        for (Method producer : producers()) {
            if (!producer.isAnnotationPresent(jakarta.enterprise.inject.Produces.class)) {
                continue;
            }
            boolean holdsClient = Arrays.stream(producer.getReturnType().getDeclaredFields())
                .anyMatch(field -> field.getType() == java.net.http.HttpClient.class);
            boolean once = producer.isAnnotationPresent(jakarta.inject.Singleton.class)
                || producer.isAnnotationPresent(jakarta.enterprise.context.ApplicationScoped.class);
            if (holdsClient && !once) {
                perInjection.add(producer.getName());
            }
        }
        assertEquals(List.of(), perInjection, "producers of HttpClient holders without @Singleton/@ApplicationScoped");
    }

    /** What every ingest, publish or Saleor request uses is built once, not per request (the sync benchmark's profile). */
    @Test
    void requestPathServicesAreProducedOncePerInstance() {
        Set<Class<?>> hotPath = Set.of(dev.payhooks.adapters.notifications.NotificationEndpoint.class,
            dev.payhooks.application.notifications.ReceiveNotifications.class,
            dev.payhooks.application.notifications.ApplyNotifications.class, dev.payhooks.domain.outbound.EventQueue.class,
            dev.payhooks.domain.outbound.TransactionNotices.class, dev.payhooks.application.events.PublishEvents.class,
            dev.payhooks.adapters.saleor.SaleorWebhookCheck.class, dev.payhooks.adapters.saleor.SaleorRegistration.class);
        List<String> perInjection = new ArrayList<>();
        for (Method producer : producers()) {
            if (producer.isAnnotationPresent(jakarta.enterprise.inject.Produces.class) && hotPath.contains(producer.getReturnType())
                && !producer.isAnnotationPresent(jakarta.inject.Singleton.class)) {
                perInjection.add(producer.getName());
            }
        }
        assertEquals(List.of(), perInjection, "request-path producers without @Singleton");
    }

    @Test
    void theRuleCatchesAJpaAnnotationInTheDomain() {
        JavaClasses leaky = new ClassFileImporter().importClasses(dev.payhooks.domain.leak.LeakyEntity.class);
        assertThrows(AssertionError.class, () -> domainDependsOnlyOnJava().check(leaky));
    }
}
