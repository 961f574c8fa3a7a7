package org.civitas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.repository.Repository;

@AnalyzeClasses(packages = "org.civitas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * "Now" and "today" are business time: they come from the one {@code Clock} (in {@code civitas.zone}), never from
     * the server's zone, so a server on UTC still gives Beijing's date, and tests can move time.
     */
    @ArchTest
    static final ArchRule business_time_comes_from_the_one_clock = noClasses()
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("java.time now() without a clock") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTarget().getOwner().getPackageName().equals("java.time")
                            && call.getTarget().getName().equals("now")
                            && call.getTarget().getRawParameterTypes().isEmpty();
                }
            })
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.Clock.class, "systemUTC");

    /** JSON is read and written by Spring's mapper (beans) or the one shared mapper (SharedJson), never a private one. */
    @ArchTest
    static final ArchRule one_object_mapper = noClasses()
            .that().doNotHaveFullyQualifiedName("org.civitas.base.SharedJson")
            .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class);

    /** Pickers come from one place, so every one of them speaks Chinese (年/月, 一…日, 今天, 取消). */
    @ArchTest
    static final ArchRule date_pickers_are_made_by_date_pickers = noClasses()
            .that().doNotHaveFullyQualifiedName("org.civitas.base.ui.DatePickers")
            .should().callConstructorWhere(new DescribedPredicate<JavaConstructorCall>("a new date or date-time picker") {
                @Override
                public boolean test(JavaConstructorCall call) {
                    String owner = call.getTargetOwner().getName();
                    return owner.equals("com.vaadin.flow.component.datepicker.DatePicker")
                            || owner.equals("com.vaadin.flow.component.datetimepicker.DateTimePicker");
                }
            });

    @ArchTest
    static final ArchRule every_route_carries_a_security_annotation = classes()
            .that().areAnnotatedWith(Route.class)
            .should().beAnnotatedWith(RolesAllowed.class)
            .orShould().beAnnotatedWith(PermitAll.class)
            .orShould().beAnnotatedWith(AnonymousAllowed.class)
            .orShould().beAnnotatedWith(DenyAll.class);

    /** Features talk through services and events, never through another feature's repository. */
    @ArchTest
    static final ArchRule no_feature_reaches_into_another_features_repository = classes()
            .that().areAssignableTo(Repository.class)
            .should(beUsedOnlyFromTheirOwnFeature());

    @ArchTest
    static final ArchRule views_do_not_use_repositories = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class);

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnFeature() {
        return new ArchCondition<>("be used only from their own feature package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String feature = feature(repository.getPackageName());
                repository.getAccessesToSelf().forEach(access -> {
                    String from = feature(access.getOriginOwner().getPackageName());
                    if (!from.equals(feature)) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                });
                repository.getDirectDependenciesToSelf().forEach(dep -> {
                    String from = feature(dep.getOriginClass().getPackageName());
                    if (!from.equals(feature)) {
                        events.add(SimpleConditionEvent.violated(dep, dep.getDescription()));
                    }
                });
            }
        };
    }

    /** org.civitas.cases.ui → cases */
    static String feature(String packageName) {
        String rest = packageName.startsWith("org.civitas.") ? packageName.substring("org.civitas.".length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
