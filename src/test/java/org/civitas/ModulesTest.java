package org.civitas;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The top-level packages form layers, not a tangle (docs/decisions/DD002-packages-by-feature.md): a feature may use
 * the features below it, never one above, so each can be read, tested and changed from the bottom up. A feature
 * that must reach one above it publishes an event or owns an interface that the upper one implements.
 */
@AnalyzeClasses(packages = "org.civitas", importOptions = ImportOption.DoNotIncludeTests.class)
class ModulesTest {

    @ArchTest
    static final ArchRule top_level_packages_depend_on_each_other_without_cycles = slices()
            .matching("org.civitas.(*)..").should().beFreeOfCycles();

    /** {@code base} is what every feature stands on: it knows none of them (the shell that does is {@code app}). */
    @ArchTest
    static final ArchRule base_depends_on_no_feature = noClasses()
            .that().resideInAPackage("org.civitas.base..")
            .should().dependOnClassesThat(resideInAPackage("org.civitas..")
                    .and(not(resideInAPackage("org.civitas.base.."))));

    /** Nothing depends on the application shell: it is the top, where the features meet. */
    @ArchTest
    static final ArchRule no_feature_depends_on_the_shell = noClasses()
            .that().resideOutsideOfPackage("org.civitas.app..")
            .should().dependOnClassesThat().resideInAPackage("org.civitas.app..");

    /**
     * The demo and benchmark data ({@code demo}) stand above every feature, which must run without them: only the
     * shell may know them.
     */
    @ArchTest
    static final ArchRule only_the_shell_depends_on_the_demo_data = noClasses()
            .that().resideOutsideOfPackages("org.civitas.demo..", "org.civitas.app..")
            .should().dependOnClassesThat().resideInAPackage("org.civitas.demo..");

    /**
     * The rooms of {@code cases} (docs/design.md §11) stand in layers too: the shared model at its root, then intake,
     * photos, duplicates and the inbox, then the lifecycle that uses them all, and the views above. Each package is a
     * room of its own here, the root and {@code ui.intake} included, so no two of them may need each other.
     */
    @ArchTest
    static final ArchRule rooms_of_cases_depend_on_each_other_without_cycles = slices()
            .assignedFrom(new SliceAssignment() {
                private static final String CASES = "org.civitas.cases";

                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String p = javaClass.getPackageName();
                    if (p.equals(CASES)) {
                        return SliceIdentifier.of("cases");
                    }
                    return p.startsWith(CASES + ".") ? SliceIdentifier.of("cases." + p.substring(CASES.length() + 1))
                            : SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "packages of org.civitas.cases";
                }
            })
            .should().beFreeOfCycles();
}
