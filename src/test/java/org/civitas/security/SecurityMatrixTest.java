package org.civitas.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civitas.base.identity.AppRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Service;

/**
 * Who may open which page and call which service method, for every role and for an anonymous visitor, against one
 * table written out below. The pages and methods are found by scanning, so a new page or method that the table does
 * not name fails here until someone decides who may use it. A method without {@code @PreAuthorize} fails too.
 *
 * <p>Roles: ANON (not signed in), OP operator, SUP supervisor, CLK unit clerk, INS inspector, LDR leader, ADM
 * administrator, AUD auditor, SEC security administrator, CH a channel system. "ALL" = every signed-in role and the anonymous visitor.
 */
class SecurityMatrixTest {

    static final Map<String, String> ROLES = new java.util.LinkedHashMap<>();

    static {
        ROLES.put("ANON", null);
        ROLES.put("OP", AppRoles.OPERATOR);
        ROLES.put("SUP", AppRoles.SUPERVISOR);
        ROLES.put("CLK", AppRoles.UNIT_CLERK);
        ROLES.put("INS", AppRoles.INSPECTOR);
        ROLES.put("LDR", AppRoles.LEADER);
        ROLES.put("ADM", AppRoles.ADMIN);
        ROLES.put("AUD", AppRoles.AUDITOR);
        ROLES.put("SEC", AppRoles.SECURITY_ADMIN);
        ROLES.put("CH", AppRoles.CHANNEL);
    }

    /** Public methods of services that cannot carry a role check, and why. */
    static final Map<String, String> EXEMPT = Map.of(
            "DatabaseUserDetailsService.loadUserByUsername",
            "Spring Security's login calls it before anyone is signed in; it is no API of ours");

    /** Page (route template) → who may open it. */
    static final String ROUTES = """
            /                                                OP SUP CLK INS LDR ADM AUD SEC CH
            account/password                                 OP SUP CLK INS LDR ADM AUD SEC CH
            account/sessions                                 OP SUP CLK INS LDR ADM AUD SEC CH
            account/totp                                     OP SUP CLK INS LDR ADM AUD SEC CH
            admin/calendar                                   ADM
            admin/channels                                   ADM
            admin/negative-list                              SUP ADM
            admin/security                                   SEC
            admin/units                                      ADM
            admin/users                                      ADM
            analysis                                         SUP LDR
            assessment                                       SUP LDR
            audit                                            AUD
            board                                            SUP CLK LDR
            cases                                            OP SUP CLK INS LDR
            cases/:id([0-9]{1,18})                           OP SUP CLK INS LDR
            cases/new                                        OP SUP
            classifier                                       SUP ADM
            classifier/queue                                 OP SUP
            inspections                                      SUP INS LDR
            inspections/plan                                 SUP INS
            login                                            ANON OP SUP CLK INS LDR ADM AUD SEC CH
            login/totp                                       OP SUP CLK INS LDR ADM AUD SEC CH
            notices                                          SUP CLK INS LDR
            public/report                                    ANON OP SUP CLK INS LDR ADM AUD SEC CH
            public/stats                                     ANON OP SUP CLK INS LDR ADM AUD SEC CH
            public/track/:number?                            ANON OP SUP CLK INS LDR ADM AUD SEC CH
            rankings                                         SUP LDR
            scoring/rules                                    SUP
            supervision                                      SUP CLK LDR
            """;

    /** Service method → who may call it. */
    static final String METHODS = """
            AccountService.changePassword                    OP SUP CLK INS LDR ADM AUD SEC CH
            AccountService.confirmTotp                       OP SUP CLK INS LDR ADM AUD SEC CH
            AccountService.resetTotp                         SEC
            AccountService.startTotpEnrolment                OP SUP CLK INS LDR ADM AUD SEC CH
            AccountService.totpEnabled                       OP SUP CLK INS LDR ADM AUD SEC CH
            AccountService.unlock                            SEC
            AccountService.verifyTotp                        OP SUP CLK INS LDR ADM AUD SEC CH
            AnalysisService.analyse                          SUP LDR
            AnalysisService.current                          SUP LDR
            AnalysisService.excel                            SUP LDR
            AnalysisService.pdf                              SUP LDR
            AnalysisService.rebuild                          SUP LDR
            CityMapService.figures                           SUP LDR
            CityMapService.streets                           SUP LDR
            HotSpotService.rank                              SUP INS LDR
            AuditChain.verify                                AUD
            AuditService.actions                             AUD
            AuditService.export                              AUD
            AuditService.search                              AUD
            BoardService.board                               SUP CLK LDR
            BoardService.page                                SUP CLK LDR
            BulletinExporter.excel                           SUP LDR
            BulletinExporter.pdf                             SUP LDR
            CalendarService.add                              ADM
            CalendarService.days                             ADM
            CalendarService.deadlineCalculator               ALL
            CalendarService.importCsv                        ADM
            CalendarService.remove                           ADM
            CalendarService.workingCalendar                  ALL
            CaseRequestService.decideExtension               SUP
            CaseRequestService.decideReturn                  SUP
            CaseRequestService.requestExtension              CLK
            CaseRequestService.requestReturn                 CLK
            CaseRequestService.requests                      OP SUP CLK INS LDR
            CaseService.acceptReply                          SUP
            CaseService.allowedActions                       OP SUP CLK INS LDR
            CaseService.classify                             SUP
            CaseService.close                                SUP
            CaseService.forEachInboxRow                      OP SUP CLK INS LDR
            CaseService.get                                  OP SUP CLK INS LDR
            CaseService.history                              OP SUP CLK INS LDR
            CaseService.inbox                                OP SUP CLK INS LDR
            CaseService.inboxTotal                           OP SUP CLK INS LDR
            CaseService.invalidate                           SUP
            CaseService.merge                                SUP
            CaseService.photoData                            OP SUP CLK INS LDR
            CaseService.photos                               OP SUP CLK INS LDR
            CaseService.rate                                 OP SUP
            CaseService.redispatch                           SUP
            CaseService.register                             OP SUP | OP SUP INS
            CaseService.registerAsDuplicate                  OP SUP
            CaseService.reopen                               SUP
            CaseService.reply                                CLK
            CaseService.revealComplainant                    SUP
            CaseService.sendBack                             SUP
            CaseService.sign                                 CLK
            CaseService.subDispatch                          CLK
            CatalogService.categories                        ALL
            CatalogService.createUnit                        ADM
            CatalogService.currentVersion                    ALL
            CatalogService.deactivate                        ADM
            CatalogService.districts                         ALL
            CatalogService.item                              ALL
            CatalogService.items                             ALL
            CatalogService.itemsOfVersion                    ALL
            CatalogService.keywordsOfVersion                 ALL
            CatalogService.leadUnits                         ALL
            CatalogService.reactivate                        ADM
            CatalogService.startNewVersion                   ADM
            CatalogService.streetsOf                         ALL
            CatalogService.unit                              ALL
            CatalogService.units                             ALL
            CatalogService.updateItem                        ADM
            CatalogService.updateKeywords                    SUP ADM
            CatalogService.updateUnit                        ADM
            CatalogService.versions                          ALL
            ClassifierService.activeModel                    SUP LDR ADM
            ClassifierService.autoDispatchSettings           SUP ADM
            ClassifierService.classify                       OP SUP INS CH
            ClassifierService.figures                        SUP ADM
            ClassifierService.queue                          OP SUP
            ClassifierService.queueSize                      OP SUP
            ClassifierService.recordChoice                   OP SUP
            ClassifierService.retrain                        SUP ADM
            ClassifierService.saveAutoDispatchSettings       SUP
            ChannelService.authenticate                      ALL
            ChannelService.createKey                         ADM
            ChannelService.keys                              ADM
            ChannelService.revokeKey                         ADM
            ChannelService.saveSystem                        ADM
            ChannelService.system                            ADM
            ChannelService.systems                           ADM
            CitizenCases.ofChannel                           CH
            CitizenCases.ofChannelByNumber                   CH
            CitizenCases.rate                                ALL
            CitizenCases.rateForChannel                      CH
            CitizenCases.report                              ALL
            CitizenCases.submit                              ALL
            CitizenCases.submitAll                           CH
            CitizenCases.track                               ALL
            PublicRequests.byNumber                          ALL
            PublicRequests.search                            ALL
            DashboardService.nearestDeadlines                OP SUP CLK INS LDR
            DashboardService.operatorWork                    OP
            DashboardService.overview                        SUP LDR
            DashboardService.queue                           OP SUP CLK INS LDR
            DuplicateFinder.possibleDuplicates               OP SUP
            DuplicateFinder.possibleDuplicatesOf             OP SUP
            DuplicateFinder.matches                          OP SUP
            DuplicateFinder.matchesOf                        OP SUP
            MergedCases.of                                   OP SUP CLK INS LDR
            InboxColumns.choose                              OP SUP CLK INS LDR
            InboxColumns.visible                             OP SUP CLK INS LDR
            InboxViews.mine                                  OP SUP CLK INS LDR
            InboxViews.save                                  OP SUP CLK INS LDR
            InboxViews.rename                                OP SUP CLK INS LDR
            InboxViews.delete                                OP SUP CLK INS LDR
            InspectionPlanService.accept                     SUP INS
            InspectionPlanService.checkpoints                SUP INS LDR
            InspectionPlanService.clear                      INS
            InspectionPlanService.propose                    SUP INS
            InspectionPlanService.visit                      INS
            InspectionService.createRound                    INS
            InspectionService.findings                       SUP INS LDR
            InspectionService.myOpenRounds                   INS
            InspectionService.myWork                         INS
            InspectionService.recordFinding                  INS
            InspectionService.round                          SUP INS LDR
            InspectionService.roundExcel                     SUP INS LDR
            InspectionService.rounds                         SUP INS LDR
            InspectionService.updateRound                    INS
            NoticeService.answer                             CLK
            NoticeService.findingsOfNotice                   SUP CLK INS LDR
            NoticeService.handToSupervision                  INS
            NoticeService.issueNotices                       INS
            NoticeService.myNotices                          INS
            NoticeService.notice                             SUP CLK INS LDR
            NoticeService.noticePdf                          SUP CLK INS LDR
            NoticeService.notices                            SUP CLK INS LDR | SUP INS LDR
            NoticeService.overdueCount                       SUP CLK INS LDR
            NoticeService.reinspect                          INS
            NoticeService.reissue                            INS
            NoticeService.setDeadline                        INS
            NoticeService.sweepOverdue                       ALL
            NotificationService.latest                       OP SUP CLK INS LDR ADM AUD SEC CH
            NotificationService.markAllRead                  OP SUP CLK INS LDR ADM AUD SEC CH
            NotificationService.markRead                     OP SUP CLK INS LDR ADM AUD SEC CH
            NotificationService.notifyUnit                   ALL
            NotificationService.notifyUnits                  ALL
            NotificationService.notifyUsers                  ALL
            NotificationService.smsToComplainant             ALL
            NotificationService.unreadCount                  OP SUP CLK INS LDR ADM AUD SEC CH
            NotificationService.webhook                      ALL
            ScoringRuleService.rulesFor                      SUP LDR
            ScoringRuleService.save                          SUP
            ScoringRuleService.versions                      SUP LDR
            ScoringService.deductions                        SUP LDR
            ScoringService.month                             SUP LDR
            ScoringService.publicStats                       ALL
            ScoringService.publish                           SUP
            ScoringService.publishedMonths                   ALL
            ScoringService.year                              SUP LDR
            SessionService.all                               SEC
            SessionService.endAny                            SEC
            SessionService.endMine                           OP SUP CLK INS LDR ADM AUD SEC CH
            SessionService.mine                              OP SUP CLK INS LDR ADM AUD SEC CH
            SupervisionRecords.noteOverdue                   ALL
            SupervisionRecords.noteWarning                   ALL
            SupervisionRecords.recordAutomatic               ALL
            SupervisionRecords.recordSupervision             SUP CLK
            SupervisionService.answer                        CLK
            SupervisionService.close                         SUP
            SupervisionService.issue                         SUP
            SupervisionService.ordersOf                      SUP CLK LDR
            SupervisionService.page                          SUP CLK LDR
            UserDirectory.withRole                           ALL
            UserDirectory.withRoleInUnit                     ALL
            UserService.create                               ADM
            UserService.resetPassword                        ADM
            UserService.search                               ADM
            UserService.unlock                               ADM
            UserService.update                               ADM
            """;

    @Test
    void every_page_opens_for_exactly_the_roles_in_the_table() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Map<String, String> actual = new TreeMap<>();
        for (Class<?> view : scan(Route.class)) {
            String value = view.getAnnotation(Route.class).value();
            String route = value.isEmpty() ? "/" : value;
            Set<String> allowed = new LinkedHashSet<>();
            ROLES.forEach((label, role) -> {
                if (checker.hasAccess(view, role == null ? null : () -> "someone",
                        r -> role != null && r.equals(role))) {
                    allowed.add(label);
                }
            });
            actual.put(route, String.join(" ", allowed));
        }
        assertThat(format(actual)).as("pages × roles (actual on the left of a failure is the truth to review)")
                .isEqualTo(normalize(ROUTES));
    }

    @Test
    void every_service_method_is_guarded_and_callable_by_exactly_the_roles_in_the_table() {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        SpelExpressionParser parser = new SpelExpressionParser();
        Map<String, String> actual = new TreeMap<>();
        List<String> unguarded = new ArrayList<>();
        for (Class<?> service : scan(Service.class)) {
            Object target = new org.springframework.objenesis.ObjenesisStd().newInstance(service);
            for (Method m : service.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                PreAuthorize pre = AnnotatedElementUtils.findMergedAnnotation(m, PreAuthorize.class);
                if (pre == null) {
                    pre = AnnotatedElementUtils.findMergedAnnotation(service, PreAuthorize.class);
                }
                String name = service.getSimpleName() + "." + m.getName();
                if (pre == null && !EXEMPT.containsKey(name)) {
                    unguarded.add(name);
                    continue;
                }
                if (pre == null) {
                    continue;
                }
                Expression expression = parser.parseExpression(pre.value());
                Set<String> allowed = new LinkedHashSet<>();
                for (Map.Entry<String, String> role : ROLES.entrySet()) {
                    Authentication who = role.getValue() == null
                            ? new AnonymousAuthenticationToken("key", "anonymous",
                                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))
                            : UsernamePasswordAuthenticationToken.authenticated("someone", null,
                                    AuthorityUtils.createAuthorityList("ROLE_" + role.getValue()));
                    EvaluationContext context = handler.createEvaluationContext(() -> who,
                            new SimpleMethodInvocation(target, m, new Object[m.getParameterCount()]));
                    if (Boolean.TRUE.equals(expression.getValue(context, Boolean.class))) {
                        allowed.add(role.getKey());
                    }
                }
                String roles = allowed.size() == ROLES.size() ? "ALL" : String.join(" ", allowed);
                // overloads: each distinct role set once, in a stable order (reflection returns methods in any order)
                actual.merge(name, roles, (a, b) -> Stream.of((a + " | " + b).split(" \\| ")).distinct().sorted()
                        .collect(Collectors.joining(" | ")));
            }
        }
        assertThat(unguarded).as("public service methods without @PreAuthorize").isEmpty();
        assertThat(format(actual)).as("service methods × roles (actual on the left of a failure is the truth)")
                .isEqualTo(normalize(METHODS));
    }

    private static List<Class<?>> scan(Class<? extends java.lang.annotation.Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition bd : scanner.findCandidateComponents("org.civitas")) {
            try {
                classes.add(Class.forName(bd.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    private static String format(Map<String, String> rows) {
        return rows.entrySet().stream().map(e -> String.format("%-48s %s", e.getKey(), e.getValue()).strip())
                .collect(Collectors.joining("\n"));
    }

    private static String normalize(String table) {
        return Arrays.stream(table.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> {
                    String[] parts = l.split("\\s+", 2);
                    return String.format("%-48s %s", parts[0], parts.length > 1 ? parts[1] : "").strip();
                })
                .sorted().collect(Collectors.joining("\n"));
    }

    static Stream<String> roles() {
        return ROLES.keySet().stream();
    }
}
