package dev.casemail.messaging.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.casemail.messaging.api.blob.BlobStore;
import dev.casemail.messaging.inmemory.InMemoryMessaging;
import dev.casemail.messaging.jdbc.JdbcMessaging;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
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
  /** Attachments' bytes in a directory: an adapter of the BlobStore port, on the API alone. */
  private static final String FILES = "dev.casemail.messaging.files..";
  /** What a host sets when it builds the library: the configuration and the access policy. */
  private static final String API_CONFIG = "dev.casemail.messaging.api.config..";
  private static final String STARTER = "dev.casemail.messaging.spring..";
  /** Writes record exports as PDF and JSON: an adapter on the way out, beside the storage adapters. */
  private static final String RECORD_EXPORT = "dev.casemail.messaging.record.export..";
  /** Checks record exports offline: a tool for courts, reading what the export writes. */
  private static final String RECORD_VERIFIER = "dev.casemail.messaging.record.verifier..";
  /** Runs the host's handlers on outbox events: the one module with threads, on top of the API. */
  private static final String EVENTS_DISPATCHER = "dev.casemail.messaging.events.dispatcher..";
  private static final String[] PDF_AND_JSON = {"org.apache.pdfbox..", "org.apache.fontbox..", "com.fasterxml.jackson.."};
  private static final String[] DOMAIN = {
    "dev.casemail.messaging.core.access..",
    "dev.casemail.messaging.core.attachment..",
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
  void theConfigurationAndThePolicyAndEveryTypeTheyReferenceKnowNothingOfTheCore() {
    noClasses()
        .that().resideInAPackage(API_CONFIG)
        .should().transitivelyDependOnClassesThat().resideInAnyPackage(CORE, INMEMORY, JDBC, STARTER)
        .because("a host configures the library and writes its own AccessPolicy importing messaging-api only")
        .check(classes);
  }

  @Test
  void theConfigurationAndThePolicyShowOnlyApiAndJdkTypes() {
    methods()
        .that().areDeclaredInClassesThat().resideInAPackage(API_CONFIG)
        .and().arePublic()
        .should(takeAndReturnOnly(API, "java.."))
        .because("MessagingConfiguration, its builder and AccessPolicy are what a host's code calls and implements")
        .check(classes);
  }

  @Test
  void theAdaptersFactoriesTakeOnlyApiTypesAndADataSource() {
    methods()
        .that().areDeclaredInClassesThat().resideInAnyPackage(INMEMORY, JDBC, FILES)
        .and().areDeclaredInClassesThat().arePublic()
        .and().arePublic()
        .should(takeAndReturnOnly(API, "java..", "javax.sql.."))
        .because("a host builds the library from a MessagingConfiguration (an API type) and, for JDBC, its DataSource;"
            + " a blob store from a DataSource or a Path")
        .check(classes);
  }

  @Test
  void theStarterUsesOnlyTheApiAndTheAdaptersFactories() {
    classes()
        .that().resideInAPackage(STARTER)
        .should().onlyDependOnClassesThat(
            resideInAnyPackage(STARTER, API, EVENTS_DISPATCHER, "java..", "org.springframework..", "io.micrometer..", "org.slf4j")
                .or(JavaClass.Predicates.belongToAnyOf(InMemoryMessaging.class, JdbcMessaging.class, DataSource.class)))
        .because("the starter wires the library as any host would: through the API, the adapters' public factories"
            + " and the events dispatcher")
        .check(classes);
  }

  /**
   * Every parameter type and the return type of a method reside in one of {@code packages}, or are
   * the method's own class.
   */
  private static ArchCondition<JavaMethod> takeAndReturnOnly(String... packages) {
    DescribedPredicate<JavaClass> allowed = resideInAnyPackage(packages);
    return new ArchCondition<>("take and return only types in " + String.join(", ", packages)) {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        List<JavaClass> types = new ArrayList<>(method.getRawParameterTypes());
        types.add(method.getRawReturnType());
        for (JavaClass type : types) {
          JavaClass element = type.isArray() ? type.getBaseComponentType() : type;
          // a public BlobStore's factory returns the store itself, a type of the API's port
          if (!element.isPrimitive() && !allowed.test(element) && !element.equals(method.getOwner())) {
            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " uses " + element.getName()));
          }
        }
      }
    };
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
                "org.immutables.value..", "org.slf4j", "com.ibm.icu..", "org.apache.tika..");
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
        .should().dependOnClassesThat().resideInAnyPackage(INMEMORY, JDBC, FILES)
        .check(classes);
    noClasses()
        .that().resideOutsideOfPackage(FILES)
        .should().dependOnClassesThat().resideInAPackage(FILES)
        .because("the file system's blob store is chosen by the host and handed to the library as a BlobStore")
        .check(classes);
  }

  @Test
  void theFileSystemBlobStoreKnowsOnlyTheApiSlf4jAndTheJdk() {
    classes()
        .that().resideInAPackage(FILES)
        .should().onlyDependOnClassesThat().resideInAnyPackage(FILES, API, "java..", "org.slf4j")
        .because("it implements the API's BlobStore port and nothing of the core")
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
        .that().resideOutsideOfPackages(EVENTS_DISPATCHER, STARTER)
        .should().dependOnClassesThat().resideInAPackage(EVENTS_DISPATCHER)
        .because("a send never waits for the dispatcher: it sits on top, started by the host (or the starter, for one)")
        .check(classes);
  }

  @Test
  void onlyTheJdbcAdapterKnowsSql() {
    noClasses()
        .that().resideOutsideOfPackages(JDBC, STARTER)
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..")
        .check(classes);
    noClasses()
        .that().resideInAPackage(STARTER)
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.flywaydb..")
        .because("the starter hands the application's DataSource to JdbcMessaging and knows no more of SQL")
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
  void anAdaptersBlobStoreIsTheApisPortAndTakesOnlyApiTypesAndADataSource() {
    classes()
        .that().resideInAnyPackage(INMEMORY, JDBC)
        .and().haveSimpleNameEndingWith("BlobStore")
        .should().implement(BlobStore.class)
        .check(classes);
    methods()
        .that().areDeclaredInClassesThat().resideInAnyPackage(INMEMORY, JDBC)
        .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("BlobStore")
        .and().arePublic()
        .should(takeAndReturnOnly(API, INMEMORY, JDBC, "java..", "javax.sql.."))
        .check(classes);
  }

  @Test
  void anAdapterShowsTheWorldOnlyItsFactory() {
    classes()
        .that().resideInAnyPackage(INMEMORY, JDBC, FILES)
        .and().haveModifier(JavaModifier.PUBLIC)
        .should().haveSimpleNameEndingWith("Messaging").orShould().haveSimpleNameEndingWith("BlobStore")
        .because("adapters are package-private behind one public factory, and one public BlobStore each")
        .check(classes);
  }
}
