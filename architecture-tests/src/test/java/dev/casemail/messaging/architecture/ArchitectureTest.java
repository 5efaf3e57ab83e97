package dev.casemail.messaging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of README.md (Modules), proven on the compiled classes: the API is plain values and
 * interfaces, the core is a pure domain behind ports, adapters know nothing of each other.
 */
class ArchitectureTest {

  private static final String API = "dev.casemail.messaging.api..";
  private static final String CORE = "dev.casemail.messaging.core..";
  private static final String INMEMORY = "dev.casemail.messaging.inmemory..";
  private static final String JDBC = "dev.casemail.messaging.jdbc..";
  /** Writes record exports as PDF and JSON: an adapter on the way out, beside the storage adapters. */
  private static final String RECORD_EXPORT = "dev.casemail.messaging.record.export..";
  /** Checks record exports offline: a tool for courts, reading what the export writes. */
  private static final String RECORD_VERIFIER = "dev.casemail.messaging.record.verifier..";
  /** Runs the host's handlers on outbox events: the one module with threads, on top of the API. */
  private static final String EVENTS_DISPATCHER = "dev.casemail.messaging.events.dispatcher..";
  private static final String[] PDF_AND_JSON = {"org.apache.pdfbox..", "org.apache.fontbox..", "com.fasterxml.jackson.."};
  private static final String[] DOMAIN = {
    "dev.casemail.messaging.core.access..",
    "dev.casemail.messaging.core.autoresponder..",
    "dev.casemail.messaging.core.draft..",
    "dev.casemail.messaging.core.folder..",
    "dev.casemail.messaging.core.mailbox..",
    "dev.casemail.messaging.core.message..",
    "dev.casemail.messaging.core.paging..",
    "dev.casemail.messaging.core.participant..",
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.casemail.messaging");
  }

  @Test
  void theApiDependsOnNothingButTheJdkAndImmutablesAnnotations() {
    ArchRule rule =
        classes()
            .that().resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage(API, "java..", "org.immutables.value..");
    rule.check(classes);
  }

  @Test
  void theCoreKnowsNoAdapterNoSqlNoThreadsAndNoLoggingBackEnd() {
    ArchRule rule =
        noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                INMEMORY,
                JDBC,
                "java.sql..",
                "javax.sql..",
                "java.util.logging..",
                "org.slf4j.simple..",
                "org.slf4j.impl..",
                "ch.qos.logback..",
                "org.apache.logging.log4j..",
                "org.apache.log4j..")
            .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.Executor.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .because("the core knows nothing of JDBC, SQL, storage, threads or logging back-ends");
    rule.check(classes);
  }

  @Test
  void theCoreLogsOnlyThroughTheSlf4jApi() {
    ArchRule rule =
        classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                API, CORE, "java..", "com.google.common..", "com.google.errorprone.annotations..",
                "org.immutables.value..", "org.slf4j", "com.ibm.icu..");
    rule.check(classes);
  }

  @Test
  void theDomainDoesNotDependOnTheApplicationServices() {
    ArchRule rule =
        noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("dev.casemail.messaging.core.application..")
            .because("the domain is what the services use, never the other way round");
    rule.check(classes);
  }

  @Test
  void thePackagesOfTheCoreAreFreeOfCycles() {
    slices().matching("dev.casemail.messaging.core.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    noClasses()
        .that().resideInAPackage(INMEMORY)
        .should().dependOnClassesThat().resideInAnyPackage(JDBC, RECORD_EXPORT)
        .check(classes);
    noClasses()
        .that().resideInAPackage(JDBC)
        .should().dependOnClassesThat().resideInAnyPackage(INMEMORY, RECORD_EXPORT)
        .check(classes);
    noClasses()
        .that().resideInAPackage(RECORD_EXPORT)
        .should().dependOnClassesThat().resideInAnyPackage(INMEMORY, JDBC)
        .check(classes);
  }

  @Test
  void theCoreNeverDependsOnPdfBoxOrJackson() {
    noClasses()
        .that().resideInAnyPackage(API, CORE)
        .should().dependOnClassesThat().resideInAnyPackage(PDF_AND_JSON)
        .because("the record's PDF and JSON are written by messaging-record-export, outside the domain")
        .check(classes);
  }

  @Test
  void onlyTheRecordExportAndItsVerifierKnowPdfBoxAndJackson() {
    noClasses()
        .that().resideOutsideOfPackages(RECORD_EXPORT, RECORD_VERIFIER)
        .should().dependOnClassesThat().resideInAnyPackage(PDF_AND_JSON)
        .check(classes);
  }

  @Test
  void theVerifierKnowsOnlyTheRecordItsExportAndTheLibrariesThatReadThem() {
    classes()
        .that().resideInAPackage(RECORD_VERIFIER)
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            RECORD_VERIFIER, RECORD_EXPORT, API, "dev.casemail.messaging.core.record..", "java..",
            "org.apache.pdfbox..", "org.bouncycastle..")
        .because("a court's expert runs it offline on the files alone: no service, no storage, no database")
        .check(classes);
  }

  @Test
  void nothingButTheVerifierKnowsBouncyCastle() {
    noClasses()
        .that().resideOutsideOfPackage(RECORD_VERIFIER)
        .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
        .because("RFC 3161 tokens are read only when an export is verified; the library takes them through a port")
        .check(classes);
  }

  @Test
  void theRecordExportUsesTheApiAndTheCoresRecordOnly() {
    classes()
        .that().resideInAPackage(RECORD_EXPORT)
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            RECORD_EXPORT, API, "dev.casemail.messaging.core.record..", "java..",
            "org.apache.pdfbox..", "org.apache.fontbox..", "com.fasterxml.jackson..")
        .because("an export is written from the RecordExport the API hands out, with the record's encoding; "
            + "the services and the storage ports are not its business")
        .check(classes);
  }

  @Test
  void theEventsDispatcherKnowsOnlyTheApiSlf4jAndTheJdk() {
    classes()
        .that().resideInAPackage(EVENTS_DISPATCHER)
        .should().onlyDependOnClassesThat().resideInAnyPackage(EVENTS_DISPATCHER, API, "java..", "org.slf4j")
        .because("it leases through its own EventSource port, whatever the outbox behind it; the core, which has "
            + "no threads, stays out of it")
        .check(classes);
  }

  @Test
  void nothingInTheLibraryDependsOnTheEventsDispatcher() {
    noClasses()
        .that().resideOutsideOfPackage(EVENTS_DISPATCHER)
        .should().dependOnClassesThat().resideInAPackage(EVENTS_DISPATCHER)
        .because("a send never waits for the dispatcher: it sits on top, started by the host")
        .check(classes);
  }

  @Test
  void onlyTheJdbcAdapterKnowsSql() {
    noClasses()
        .that().resideOutsideOfPackage(JDBC)
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..")
        .check(classes);
  }

  @Test
  void adaptersUseOnlyTheCoresPortsNotItsServices() {
    noClasses()
        .that().resideInAnyPackage(INMEMORY, JDBC, RECORD_EXPORT)
        .should().dependOnClassesThat().resideInAPackage("dev.casemail.messaging.core.application..")
        .check(classes);
  }

  @Test
  void anAdapterShowsTheWorldOnlyItsFactory() {
    classes()
        .that().resideInAnyPackage(INMEMORY, JDBC)
        .and().haveModifier(JavaModifier.PUBLIC)
        .should().haveSimpleNameEndingWith("Messaging")
        .because("adapters are package-private behind one public factory")
        .check(classes);
  }
}
