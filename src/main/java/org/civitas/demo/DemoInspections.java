package org.civitas.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.civitas.base.db.ConditionalOnEmbeddedDatabase;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitView;
import org.civitas.inspection.FindingRow;
import org.civitas.inspection.InspectionService;
import org.civitas.inspection.NewFinding;
import org.civitas.inspection.NewRound;
import org.civitas.inspection.NoticeRow;
import org.civitas.inspection.NoticeService;
import org.civitas.inspection.PlaceType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The inspector's last weeks in the demo: four 暗访 rounds and one under way, with findings in Wuhan's streets,
 * rectification notices to the districts (answered and re-inspected, answered and waiting, one overdue). Entered
 * through the inspection services as the demo inspector and the units' demo clerks, each step at its own past
 * moment (see {@link TimeMachine}), so numbers, deadlines, history, notifications and audit are those of real work.
 * The texts are stored data, like what an inspector types, not interface text.
 */
@Component
@ConditionalOnEmbeddedDatabase
@ConditionalOnProperty(name = "civitas.demo.enabled", havingValue = "true")
public class DemoInspections {

    /** Runs a step as if it were {@code moment}: the services read that time from their clock. */
    public interface TimeMachine {
        <T> T at(LocalDateTime moment, Supplier<T> step);
    }

    static final String INSPECTOR = "inspector";
    private static final Map<String, String> CLERKS = Map.of("D01", "clerk.jiangan", "D05", "clerk.wuchang",
            "G01", "clerk.chengguan");
    private static final String[] WEEK = {"一", "二", "三", "四", "五"};

    private record Spot(String itemCode, PlaceType type, String district, String address, String note, int day) {
    }

    /**
     * A round: {@code weeksBack} before this week (0: under way), its districts and spots; {@code answers} the units
     * whose clerk answers, and {@code passed} those the inspector then passes at the re-inspection.
     */
    private record Plan(int weeksBack, String team, List<String> districts, Set<PlaceType> types, String places,
                        List<Spot> spots, Set<String> answers, Set<String> passed) {
    }

    private final InspectionService inspections;
    private final NoticeService notices;
    private final CatalogService catalog;
    private final UserDetailsService users;

    DemoInspections(InspectionService inspections, NoticeService notices, CatalogService catalog,
                    UserDetailsService users) {
        this.inspections = inspections;
        this.notices = notices;
        this.catalog = catalog;
        this.users = users;
    }

    /**
     * Enters the rounds of the weeks before {@code now}, oldest first, each step at its moment; then the overdue sweep
     * runs at {@code now}, as the scheduler would. Returns the rounds created.
     */
    public List<Long> create(LocalDateTime now, TimeMachine time) {
        LocalDate monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Long> rounds = new ArrayList<>();
        for (Plan plan : plans()) {
            rounds.add(enter(plan, monday, now, time));
        }
        time.at(now, notices::sweepOverdue);
        return rounds;
    }

    private long enter(Plan plan, LocalDate monday, LocalDateTime now, TimeMachine time) {
        LocalDate weekStart = monday.minusWeeks(plan.weeksBack());
        boolean underWay = plan.weeksBack() == 0;
        LocalDate starts = underWay ? now.toLocalDate().minusDays(1) : weekStart.plusDays(1);
        LocalDate ends = underWay ? now.toLocalDate().plusDays(2) : weekStart.plusDays(3);
        LocalDateTime planned = underWay ? now.minusDays(2) : weekStart.atTime(9, 30);
        var round = new NewRound(title(starts, plan.districts()), starts, ends, plan.team(),
                new LinkedHashSet<>(plan.districts()), plan.types(), plan.places());
        long id = as(INSPECTOR, time, planned, () -> inspections.createRound(round)).id();
        for (Spot s : plan.spots()) {
            LocalDateTime at = underWay ? now.minusHours(3) : starts.plusDays(s.day()).atTime(10 + 2 * s.day(), 15);
            as(INSPECTOR, time, at, () -> inspections.recordFinding(id, new NewFinding(s.itemCode(), s.type(),
                    s.district(), null, s.address(), s.note(), false), List.of()));
        }
        if (underWay) {
            return id;
        }
        // notices the day after the round (a Friday); last week's are still within their five working days, unless
        // this week's Friday has come: then they went out on this Monday
        LocalDateTime issued = ends.plusDays(1).atTime(10, 0);
        if (plan.weeksBack() == 1 && now.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) >= 0) {
            issued = monday.atTime(10, 0);
        }
        if (issued.isAfter(now.minusHours(1))) {
            issued = now.minusHours(1);
        }
        List<NoticeRow> issuedNotices = as(INSPECTOR, time, issued, () -> notices.issueNotices(id));
        for (NoticeRow n : issuedNotices) {
            if (!plan.answers().contains(n.unitCode())) {
                continue;
            }
            LocalDateTime answered = issued.plusDays(3).withHour(16).withMinute(20);
            NoticeRow a = as(CLERKS.get(n.unitCode()), time, answered,
                    () -> notices.answer(n.id(), n.version(), answer(n.unitCode()), List.of()));
            if (plan.passed().contains(n.unitCode())) {
                Map<Long, Boolean> all = as(INSPECTOR, time, answered, () -> notices.findingsOfNotice(n.id())).stream()
                        .collect(Collectors.toMap(FindingRow::id, f -> true));
                as(INSPECTOR, time, answered.plusDays(1).withHour(14), () -> notices.reinspect(a.id(), a.version(),
                        all, "回访检查：现场已整改到位，群众反映良好。"));
            }
        }
        return id;
    }

    private <T> T as(String login, TimeMachine time, LocalDateTime at, Supplier<T> step) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        var details = users.loadUserByUsername(login);
        context.setAuthentication(new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
        try {
            return time.at(at, step);
        } finally {
            context.setAuthentication(previous);
        }
    }

    /**
     * 12月第一周暗访（江岸区、江汉区）: the week of the first day, counted in the month that holds its Thursday (so a
     * week from Monday 30 November is December's first), and the districts by name.
     */
    private String title(LocalDate starts, List<String> districts) {
        String names = districts.stream().map(d -> catalog.unit(d).map(UnitView::name).orElse(d))
                .collect(Collectors.joining("、"));
        LocalDate thursday = starts.with(DayOfWeek.THURSDAY);
        return thursday.getMonthValue() + "月第" + WEEK[(thursday.getDayOfMonth() - 1) / 7] + "周暗访（" + names
                + "）";
    }

    private static String answer(String unit) {
        return switch (unit) {
            case "D01" -> "收到通知后，大智街道已组织城管、环卫人员现场整治：占道摊点已劝离并落实门前三包，"
                    + "小广告已全部清除，安排专人每日巡查，防止反弹。";
            case "D05" -> "武昌区已责成属地街道和市场开办方整改：农贸市场外溢摊位已规范入场，地面冲洗干净；"
                    + "非机动车已清理归位，新增停放点位两处，并加强日常管理。";
            default -> "已约谈渣土运输企业，责令车辆密闭运输并清洗上路，对抛洒路段组织冲洗保洁，"
                    + "执法中队将加强夜间巡查。";
        };
    }

    private static List<Plan> plans() {
        return List.of(
                new Plan(4, "市文明办第一督导组（王建华、李静）", List.of("D01", "D02"),
                        Set.of(PlaceType.BACK_STREET, PlaceType.MARKET, PlaceType.COMMERCIAL_COMPLEX),
                        "黎黄陂路周边背街小巷、江汉路步行街、北湖农贸市场",
                        List.of(new Spot("SR-04", PlaceType.BACK_STREET, "D01", "江岸区胜利街与黎黄陂路交会处",
                                        "流动摊贩沿街占道经营，行人通行受阻", 0),
                                new Spot("SR-03", PlaceType.BACK_STREET, "D01", "江岸区黄兴路 38 号旁巷口",
                                        "墙面、电线杆张贴大量非法小广告", 0),
                                new Spot("SR-01", PlaceType.COMMERCIAL_COMPLEX, "D02", "江汉区江汉路步行街北段",
                                        "垃圾桶满溢，周边地面有暴露垃圾未及时清运", 1)),
                        Set.of("D01"), Set.of("D01")),
                new Plan(3, "市文明办第二督导组（张敏、刘洋）", List.of("D05", "D07"),
                        Set.of(PlaceType.MARKET, PlaceType.SCHOOL, PlaceType.STATION),
                        "粮道街农贸市场、中南路地铁站出口、洪山区珞喻路沿线学校周边",
                        List.of(new Spot("SC-04", PlaceType.MARKET, "D05", "武昌区粮道街农贸市场",
                                        "市场外摊位外溢，地面污水横流", 0),
                                new Spot("JT-02", PlaceType.STATION, "D05", "武昌区中南路地铁站东南出口",
                                        "共享单车、电动车乱停乱放，占用盲道", 0),
                                new Spot("SG-03", PlaceType.BACK_STREET, "D07", "洪山区珞喻路与卓刀泉路交会处",
                                        "渣土车带泥上路，路面有明显抛洒", 1)),
                        Set.of("D05", "G01"), Set.of("D05")),
                new Plan(2, "市文明办第一督导组（王建华、李静）", List.of("D01", "D05"),
                        Set.of(PlaceType.COMMUNITY, PlaceType.BACK_STREET),
                        "江岸区一元街道老旧小区、武昌区司门口解放路沿线",
                        List.of(new Spot("SR-05", PlaceType.COMMUNITY, "D01", "江岸区一元路 12 号院内",
                                        "楼道及院内乱堆乱放杂物，存在消防隐患", 0),
                                new Spot("SR-09", PlaceType.BACK_STREET, "D05", "武昌区解放路司门口段",
                                        "临街阳台外晾晒衣物，影响市容", 1)),
                        Set.of("D01", "D05"), Set.of()),
                new Plan(1, "市文明办第二督导组（张敏、刘洋）", List.of("D02", "D03"),
                        Set.of(PlaceType.BACK_STREET, PlaceType.HOSPITAL, PlaceType.MALL),
                        "花楼街背街小巷、汉正街商圈、市中心医院周边",
                        List.of(new Spot("JT-02", PlaceType.HOSPITAL, "D02", "江汉区胜利街市中心医院南门",
                                        "医院门口非机动车乱停，占用机动车道", 0),
                                new Spot("SR-06", PlaceType.MALL, "D03", "硚口区汉正街 1 号商圈",
                                        "门头招牌破损、字迹缺损", 1),
                                new Spot("YL-03", PlaceType.BACK_STREET, "D02", "江汉区花楼街交通巷",
                                        "街边花坛内有垃圾杂物、黄土裸露", 1)),
                        Set.of(), Set.of()),
                new Plan(0, "市文明办第一督导组（王建华、李静）", List.of("D01", "D06"),
                        Set.of(PlaceType.COMMUNITY, PlaceType.MARKET),
                        "江岸区二七片区、青山区建设一路沿线",
                        List.of(new Spot("SR-11", PlaceType.COMMUNITY, "D06", "青山区建设一路 88 号小区",
                                "垃圾分类投放点混投混放，未见桶边督导", 0)),
                        Set.of(), Set.of()));
    }
}
