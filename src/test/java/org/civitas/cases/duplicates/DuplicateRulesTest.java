package org.civitas.cases.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.civitas.cases.duplicates.DuplicateReason.Kind;
import org.junit.jupiter.api.Test;

/**
 * The duplicate rules against pairs an operator has judged: reports of one complaint in other words (a missing
 * "旁", full-width digits, "八号", another caller's description, a point 30 m away) and reports that only look
 * alike (the same street but another problem, the same problem on another road, "8号" and "18号", the same
 * category at one door but another matter). The table is the measure of the finder: its precision and recall are
 * asserted at what the rules reach on it.
 */
class DuplicateRulesTest {

    /** One judged pair: {@code same} is the operator's verdict. Coordinates "" when the report has none. */
    record Pair(boolean same, String why, DuplicateRules.Report a, DuplicateRules.Report b) {
    }

    static DuplicateRules.Report r(String item, String street, String address, String description) {
        return r(item, street, address, description, null, null);
    }

    static DuplicateRules.Report r(String item, String street, String address, String description, Double lat,
                                   Double lon) {
        String district = street == null ? "D05" : "D" + street.substring(1, 3);
        return new DuplicateRules.Report(item, item.substring(0, 2), district, street, address, description, lat,
                lon);
    }

    static final List<Pair> PAIRS = List.of(
            // --- the same complaint -------------------------------------------------------------------------------
            new Pair(true, "one character less: 旁",
                    r("SR-05", "S0503", "积玉桥和平大道三角路公交站旁", "公交站旁边堆了很多建筑垃圾，影响候车"),
                    r("SR-05", "S0503", "积玉桥和平大道三角路公交站", "三角路公交站有人乱堆杂物，乘客没地方站")),
            new Pair(true, "identical address, other words",
                    r("SR-04", "S0501", "中华路 125 号", "门口有流动摊贩卖水果，占了人行道"),
                    r("SR-04", "S0501", "中华路 125 号", "小贩推车摆摊，行人只能走机动车道")),
            new Pair(true, "full-width digits and spaces",
                    r("JT-01", "S0502", "解放路２３８号", "人行道上停满了小轿车"),
                    r("JT-01", "S0502", "解放路 238 号", "机动车违停在人行道上，推婴儿车过不去")),
            new Pair(true, "八号 and 8号",
                    r("SR-09", "S0501", "粮道街八号", "临街阳台外晾晒床单，很不雅观"),
                    r("SR-09", "S0501", "粮道街8号", "阳台外面挂满了衣服被子")),
            new Pair(true, "门口 and 附近",
                    r("SY-01", "S0502", "户部巷小吃街入口门口", "餐馆后厨油污流到街上"),
                    r("SY-01", "S0502", "户部巷小吃街入口附近", "小吃店后厨卫生很差，地上全是油")),
            new Pair(true, "the same street, no street on one side",
                    r("SR-01", "S0503", "和平大道 1099 号小区东门", "东门垃圾桶旁边垃圾堆积好几天没人清运"),
                    r("SR-01", null, "和平大道1099号小区东门", "小区东门外垃圾没人收，臭味很大")),
            new Pair(true, "the longer address holds the shorter",
                    r("SG-01", "S0503", "徐东大街 88 号", "工地没有围挡覆盖，扬尘很大"),
                    r("SG-01", "S0503", "徐东大街88号在建工地", "工地尘土飞扬，没有洒水")),
            new Pair(true, "30 m apart, other words for the place",
                    r("SR-07", "S0501", "司门口天桥下面那块大广告牌", "广告牌被风吹得晃动，随时可能掉下来", 30.546200, 114.297800),
                    r("SR-07", "S0501", "民主路与解放路交叉口", "路口广告牌松动，很危险", 30.546470, 114.297800)),
            new Pair(true, "the same category, other item, the same door, the same story",
                    r("SR-05", "S0502", "复兴路 66 号", "店门口摆满了货架和纸箱，占用人行道经营"),
                    r("SR-04", "S0502", "复兴路66号", "店门口摆货架纸箱占用人行道经营，行人没法走")),
            new Pair(true, "处 and 旁边 and a comma",
                    r("SR-03", "S0501", "彭刘杨路，地铁站C出口处", "墙上贴满小广告"),
                    r("SR-03", "S0501", "彭刘杨路地铁站C出口旁边", "出口墙面乱贴乱画小广告很多")),
            new Pair(true, "twenty metres, one address without its number",
                    r("JT-02", "S0503", "中北路地铁站A口", "共享单车堆满了出口", 30.565100, 114.340200),
                    r("JT-02", "S0503", "中北路 地铁站 a 口 附近", "电动车单车乱停堵住地铁口", 30.565250, 114.340250)),
            new Pair(true, "the same text typed twice",
                    r("SR-12", "S0502", "紫阳湖公园北门湖边", "湖面上漂着很多塑料瓶和垃圾"),
                    r("SR-12", "S0502", "紫阳湖公园北门湖边", "湖面上漂着很多塑料瓶和垃圾")),
            new Pair(true, "十八号 and 18号",
                    r("SC-04", "S0503", "新河街十八号农贸市场", "市场里摊位外溢，地面脏乱"),
                    r("SC-04", "S0503", "新河街18号农贸市场", "菜市场脏乱差，摊贩都摆到外面了")),
            new Pair(true, "对面 and a space",
                    r("SG-02", "S0501", "胭脂路 小学对面", "工地晚上十一点还在施工，噪音很大"),
                    r("SG-02", "S0501", "胭脂路小学", "半夜施工吵得睡不着")),
            new Pair(true, "the same bus stop, 一带",
                    r("JT-07", "S0502", "武昌火车站东广场出租车候客区", "黑车司机在出站口拉客"),
                    r("JT-07", "S0502", "武昌火车站东广场出租车候客区一带", "有人在出站口揽客拉黑车")),
            new Pair(true, "the same place, the same item, coordinates 10 m apart and one address vaguer",
                    r("SG-08", "S0503", "秦园路", "道路开挖后一个多月没有恢复", 30.570010, 114.331200),
                    r("SG-08", "S0503", "秦园路与友谊大道路口", "路面挖开了一直没填上", 30.570100, 114.331200)),
            new Pair(true, "a building number in Chinese",
                    r("SR-08", "S0501", "昙华林路二十六号院内", "院内有人私搭乱建彩钢棚"),
                    r("SR-08", "S0501", "昙华林路26号院内", "有住户在院子里违章搭建")),

            // --- alike, but not the same complaint ---------------------------------------------------------------
            new Pair(false, "8号 and 18号",
                    r("SR-05", "S0501", "粮道街8号", "门口乱堆杂物"),
                    r("SR-05", "S0501", "粮道街18号", "门口乱堆杂物")),
            new Pair(false, "the same street, another item of another category",
                    r("SR-01", "S0503", "和平大道 1099 号", "垃圾堆积没人清运"),
                    r("JT-01", "S0503", "和平大道 1099 号", "小车停在人行道上")),
            new Pair(false, "the same item, another road in the same street",
                    r("SR-04", "S0501", "中华路 125 号", "流动摊贩占道经营"),
                    r("SR-04", "S0501", "得胜桥 40 号", "流动摊贩占道经营")),
            new Pair(false, "the same item and address, another district",
                    r("SR-05", "S0101", "解放大道 200 号", "楼道口堆放杂物"),
                    r("SR-05", "S0501", "解放大道 200 号", "楼道口堆放杂物")),
            new Pair(false, "the same item and address, another street",
                    r("SR-05", "S0501", "中山路 5 号", "楼道口堆放杂物"),
                    r("SR-05", "S0503", "中山路 5 号", "楼道口堆放杂物")),
            new Pair(false, "the same category at one door, another matter",
                    r("SR-06", "S0502", "复兴路 66 号", "门头招牌破损，字掉了一半"),
                    r("SR-09", "S0502", "复兴路 66 号", "二楼住户在行道树上晾衣服")),
            new Pair(false, "the same item, 300 m apart, both at a 公交站",
                    r("SR-01", "S0503", "和平大道公交站", "站台旁垃圾没人清理", 30.580000, 114.330000),
                    r("SR-01", "S0503", "和平大道公交站旁", "垃圾桶满了溢出来", 30.582700, 114.330000)),
            new Pair(false, "another house number, full-width",
                    r("JT-01", "S0502", "解放路２３８号", "人行道上停满了小轿车"),
                    r("JT-01", "S0502", "解放路 283 号", "人行道上停满了小轿车")),
            new Pair(false, "another gate of one estate",
                    r("SR-01", "S0503", "和平大道1099号小区东门", "垃圾堆积"),
                    r("SR-01", "S0503", "和平大道1099号小区西门", "路边有人乱扔建筑垃圾")),
            new Pair(false, "the same item, other roads, one word in common",
                    r("SY-01", "S0502", "户部巷小吃街", "后厨油污"),
                    r("SY-01", "S0502", "粮道街美食街", "后厨卫生脏乱")),
            new Pair(false, "the same building number on two roads",
                    r("SG-01", "S0503", "中北路 8 号工地", "扬尘很大"),
                    r("SG-01", "S0503", "楚河汉街 8 号工地", "扬尘很大")),
            new Pair(false, "the same category, the same road, other numbers",
                    r("SG-04", "S0501", "民主路 10 号", "施工占道没有警示标志"),
                    r("SG-05", "S0501", "民主路 120 号", "施工围挡倒了")),
            new Pair(false, "60 m apart on coordinates and other words for the place",
                    r("SR-07", "S0501", "司门口天桥下面", "广告牌松动", 30.546200, 114.297800),
                    r("SR-07", "S0501", "民主路口", "广告牌松动", 30.546740, 114.297800)),
            new Pair(false, "one road, one item, different ends with other words",
                    r("JT-02", "S0503", "中北路地铁站A口", "共享单车乱停"),
                    r("JT-02", "S0503", "中北路汉街入口", "电动车乱停放")),
            new Pair(false, "the same category at one address but a different story",
                    r("SC-03", "S0503", "新河街18号农贸市场", "猪肉摊位没有明码标价"),
                    r("SC-06", "S0503", "新河街18号农贸市场", "有人在市场门口宰杀活鸡")),
            new Pair(false, "a bus stop named after another road",
                    r("SR-05", "S0502", "复兴路公交站", "站台上堆了建材"),
                    r("SR-05", "S0502", "首义路公交站", "站台上堆了建材"))
    );

    @Test
    void the_finder_reaches_its_precision_and_recall_on_the_judged_pairs() {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> wrong = new ArrayList<>();
        for (Pair p : PAIRS) {
            int score = DuplicateRules.rate(p.a(), p.b()).score();
            boolean found = DuplicateRules.score(p.a(), p.b()).isPresent();
            if (found && p.same()) {
                truePositives++;
            } else if (found) {
                falsePositives++;
                wrong.add("false alarm (" + score + "): " + p.why());
            } else if (p.same()) {
                falseNegatives++;
                wrong.add("missed (" + score + "): " + p.why());
            }
        }
        double precision = (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / (truePositives + falseNegatives);
        assertThat(PAIRS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(PAIRS).filteredOn(Pair::same).hasSizeGreaterThanOrEqualTo(15);
        assertThat(precision).as("precision; %s", wrong).isGreaterThanOrEqualTo(1.0);
        assertThat(recall).as("recall; %s", wrong).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void the_finder_is_symmetric_on_the_judged_pairs() {
        for (Pair p : PAIRS) {
            assertThat(DuplicateRules.rate(p.b(), p.a()).score()).as(p.why())
                    .isEqualTo(DuplicateRules.rate(p.a(), p.b()).score());
        }
    }

    @Test
    void addresses_are_compared_without_width_spaces_punctuation_near_words_and_chinese_numbers() {
        assertThat(AddressNormaliser.address("积玉桥和平大道三角路公交站旁"))
                .isEqualTo(AddressNormaliser.address("积玉桥和平大道三角路公交站"));
        assertThat(AddressNormaliser.address("解放路２３８号")).isEqualTo("解放路238号");
        assertThat(AddressNormaliser.address("粮道街 八 号")).isEqualTo("粮道街8号");
        assertThat(AddressNormaliser.address("昙华林路一百零八号的旁边")).isEqualTo("昙华林路108号");
        assertThat(AddressNormaliser.address("中北路 地铁站 Ａ口，附近")).isEqualTo("中北路地铁站a口");
        assertThat(AddressNormaliser.address("旁")).as("a word alone is kept").isEqualTo("旁");
        assertThat(AddressNormaliser.address(null)).isEmpty();
        assertThat(DuplicateRules.addressSimilarity("粮道街8号", "粮道街18号")).isLessThan(0.2);
    }

    @Test
    void the_reasons_name_the_address_the_distance_and_the_description() {
        DuplicateRules.Score s = DuplicateRules.score(
                r("SR-07", "S0501", "司门口天桥下", "广告牌被风吹得晃动，随时可能掉下来", 30.546200, 114.297800),
                r("SR-07", "S0501", "司门口天桥下旁边", "广告牌被风吹得晃动，可能掉下来", 30.546470, 114.297800))
                .orElseThrow();
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.reasons()).extracting(DuplicateReason::kind).containsExactly(Kind.SAME_ADDRESS, Kind.DISTANCE,
                Kind.SIMILAR_DESCRIPTION, Kind.SAME_ITEM);
        assertThat(s.reasons().get(1).value()).isEqualTo(30);
        assertThat(s.reasons().get(2).value()).isBetween(60, 90);
    }
}
