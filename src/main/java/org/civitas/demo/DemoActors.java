package org.civitas.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civitas.cases.Channel;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.ReplyOutcome;

/**
 * Who takes the generated cases' steps, and what units reply, so that the demo reads like a city's work: the demo
 * users' logins where they exist (their display names show in the timeline), the demo channel system for app and
 * WeChat reports, citizens for the web form, and replies in the words a unit writes (stored case text, like a
 * clerk's own reply, not interface text).
 */
final class DemoActors {

    /** The units that have a demo clerk (src/main/resources/demo/users.csv). */
    private static final Map<String, String> CLERKS = Map.of("D01", "clerk.jiangan", "D05", "clerk.wuchang",
            "G01", "clerk.chengguan");

    private static final Map<ReplyOutcome, List<String>> REPLIES = Map.of(
            ReplyOutcome.RESOLVED, List.of(
                    "已安排人员到现场处理，问题已整改完毕，将加强日常巡查。",
                    "经现场核查属实，已责令整改，现已恢复正常。",
                    "已联系责任单位清理完毕，并纳入长效管理。"),
            ReplyOutcome.EXPLAINED, List.of(
                    "经核查，该处已按规定设置，已向市民解释说明。",
                    "经现场核实，反映情况不属实，已电话回访说明。"),
            ReplyOutcome.NOT_SOLVABLE_NOW, List.of(
                    "涉及道路改造工程，已列入年度计划，完工后一并解决。",
                    "需多个部门协调，已报区政府统筹，进展将及时告知。"));

    private DemoActors() {
    }

    static String registeredBy(Channel channel) {
        return switch (channel) {
            case HOTLINE_12345 -> "operator";
            case APP, WECHAT -> "channel:DEMO_APP";
            case INSPECTION -> "inspector";
            default -> CitizenCases.CITIZEN;
        };
    }

    /**
     * The unit's demo clerk; units without one sign and reply as {@code clerk.<code>}, a login no user has, shown under
     * the unit's name: the demo has three clerks, a city has hundreds.
     */
    static String clerkOf(String unitCode) {
        return CLERKS.getOrDefault(unitCode, "clerk." + unitCode);
    }

    static String reply(ReplyOutcome outcome, Random random) {
        List<String> texts = REPLIES.get(outcome);
        return texts.get(random.nextInt(texts.size()));
    }
}
