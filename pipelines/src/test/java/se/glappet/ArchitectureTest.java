package se.glappet;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package order of docs/architecture.md, checked on the compiled classes: imports only point
 * down the data path. Bottom to top: the shared value types (records, reference, privacy, model),
 * then ingest → gap → figures → disclosure → publish → pipeline → cli. The generator and the
 * dashboard module sit beside the path and only the CLI uses them.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("se.glappet");
  }

  @Test
  void readsTheWholeProduct() {
    // Guards against a rule that passes because it saw nothing.
    assertTrue(classes.size() > 150, "imported " + classes.size() + " classes");
  }

  @Test
  void importsOnlyPointDownTheDataPath() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Shared").definedBy("se.glappet.records..", "se.glappet.reference..", "se.glappet.privacy..",
            "se.glappet.model..")
        .layer("Ingest").definedBy("se.glappet.ingest..")
        .layer("Gap").definedBy("se.glappet.gap..")
        .layer("Figures").definedBy("se.glappet.figures..")
        .layer("Disclosure").definedBy("se.glappet.disclosure..")
        .layer("Publish").definedBy("se.glappet.publish..")
        .layer("Pipeline").definedBy("se.glappet.pipeline..")
        .layer("Cli").definedBy("se.glappet.cli..")
        .layer("Generate").definedBy("se.glappet.generate..")
        .layer("Dashboard").definedBy("se.glappet.dashboard..")
        .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Publish").mayOnlyBeAccessedByLayers("Pipeline", "Cli")
        .whereLayer("Disclosure").mayOnlyBeAccessedByLayers("Publish", "Pipeline", "Cli")
        .whereLayer("Figures").mayOnlyBeAccessedByLayers("Disclosure", "Publish", "Pipeline", "Cli")
        .whereLayer("Gap").mayOnlyBeAccessedByLayers("Figures", "Disclosure", "Publish", "Pipeline", "Cli")
        .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Gap", "Figures", "Disclosure", "Publish", "Pipeline",
            "Cli")
        .whereLayer("Generate").mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Dashboard").mayOnlyBeAccessedByLayers("Cli")
        .check(classes);
  }

  @Test
  void sharedValueTypesDependOnNothingAboveThem() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that().resideInAnyPackage("se.glappet.records..", "se.glappet.reference..", "se.glappet.privacy..",
            "se.glappet.model..")
        .should().dependOnClassesThat().resideInAnyPackage("se.glappet.ingest..", "se.glappet.gap..",
            "se.glappet.figures..", "se.glappet.disclosure..", "se.glappet.publish..", "se.glappet.pipeline..",
            "se.glappet.cli..", "se.glappet.generate..", "se.glappet.dashboard..")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("se.glappet.(*)..").should().beFreeOfCycles().check(classes);
  }
}
