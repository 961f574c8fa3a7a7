package org.civitas.citizen.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.civitas.app.ui.MainLayout;
import org.civitas.cases.photos.Photos;
import org.civitas.cases.ui.intake.IntakeView;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.civitas.citizen.PublicLimits;
import org.civitas.security.ui.LoginView;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public report form, as an anonymous visitor (nobody logs in). */
class PublicReportViewTest extends KaribuTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired PublicLimits limits;

    @BeforeEach
    void a_monday_with_fresh_allowances() {
        clock.set(LocalDateTime.of(2026, 7, 6, 9, 0));
        limits.forgetAll();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        limits.forgetAll();
    }

    @Test
    void an_anonymous_visitor_opens_the_form_in_the_public_layout_without_the_back_office_menu() {
        navigate("public/report");
        assertThat(_get(PublicLayout.class).page()).isInstanceOf(PublicReportView.class);
        _assertNone(MainLayout.class);
        _assertNone(SideNav.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("反映问题 · Civitas 文明城市");

        navigate("cases/new");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .as("the back office stays closed").noneMatch(IntakeView.class::isInstance);
    }

    @Test
    void the_login_page_links_to_the_public_pages() {
        navigate("login");
        _get(LoginView.class);
        Anchor link = _get(Anchor.class, spec -> spec.withId("login-public-link"));
        assertThat(link.getHref()).isEqualTo("public/report");
        assertThat(link.getText()).isEqualTo("市民反映问题 / 查询进度");
    }

    @Test
    void a_valid_report_is_registered_on_the_web_channel_dispatched_and_its_number_shown_with_the_tracking_hint() {
        PublicReportView view = open();
        String address = uniqueAddress();
        fillValid(view, address);
        _setValue(view.category, view.category.getListDataView().getItems()
                .filter(c -> c.code().equals(item(view, "SR-07").categoryCode())).findFirst().orElseThrow());
        assertThat(view.item.getListDataView().getItems()).extracting(ItemView::categoryCode).containsOnly(
                item(view, "SR-07").categoryCode());
        _setValue(view.item, item(view, "SR-07"));
        UploadKt._upload(_get(Upload.class), "board.png", "image/png", PNG);
        view.location.set(30.5512345, 114.3012344);
        assertThat(view.location.shown.getText()).isEqualTo("已定位：30.551235, 114.301234");

        _click(view.submit);

        assertThat(view.done.isVisible()).isTrue();
        assertThat(view.form.isVisible()).isFalse();
        String number = view.done.number.getText();
        assertThat(number).matches("WM20260706\\d{4}");
        String code = view.done.code.getText();
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(view.done.hint.getText()).isEqualTo("请记下工单号 " + number + " 和查询码 " + code
                + "。凭这两项可以查询办理进度，办理答复后可以评价。查询码请勿告诉他人。")
                .doesNotContain("5678");
        assertThat(view.done.track.getHref()).as("the code stays out of links").isEqualTo("public/track/" + number);
        assertThat(jdbc.queryForObject("select tracking_code from case_file where number = ?", String.class, number))
                .isEqualTo(code);
        Map<String, Object> row = jdbc.queryForMap("select id, channel, status, lead_unit_code, complainant_name, "
                + "complainant_phone, address, street_code, latitude, longitude from case_file where number = ?",
                number);
        assertThat(row).containsEntry("channel", "WEB").containsEntry("status", "DISPATCHED")
                .containsEntry("lead_unit_code", "D05").containsEntry("complainant_name", "李女士")
                .containsEntry("complainant_phone", "13912345678").containsEntry("address", address)
                .containsEntry("street_code", "S0501")
                .containsEntry("latitude", new java.math.BigDecimal("30.551235"))
                .containsEntry("longitude", new java.math.BigDecimal("114.301234"));
        assertThat(jdbc.queryForObject("select count(*) from case_photo where case_id = ?", Integer.class,
                row.get("id"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select actor from case_history where case_id = ? order by id limit 1",
                String.class, row.get("id"))).isEqualTo("citizen");
    }

    @Test
    void every_bad_input_is_refused_on_its_field_with_a_chinese_message_and_nothing_is_stored() {
        PublicReportView view = open();
        List<Bad> bad = List.of(
                new Bad("no district", v -> v.district.clear(), v -> v.district, "请选择所在区。"),
                new Bad("blank address", v -> _setValue(v.address, "   "), v -> v.address, "请填写地址（最多 200 字）。"),
                new Bad("long address", v -> _setValue(v.address, "路".repeat(201)), v -> v.address,
                        "请填写地址（最多 200 字）。"),
                new Bad("no description", v -> _setValue(v.description, ""), v -> v.description,
                        "请填写诉求内容（最多 4000 字）。"),
                new Bad("long description", v -> _setValue(v.description, "述".repeat(4001)), v -> v.description,
                        "请填写诉求内容（最多 4000 字）。"),
                new Bad("no phone", v -> _setValue(v.phone, ""), v -> v.phone, "请填写正确的手机号码或带区号的固定电话。"),
                new Bad("bad phone", v -> _setValue(v.phone, "12345678901"), v -> v.phone,
                        "请填写正确的手机号码或带区号的固定电话。"),
                new Bad("long name", v -> _setValue(v.name, "名".repeat(65)), v -> v.name, "姓名过长（最多 64 字）。"));
        for (Bad b : bad) {
            NotificationsKt.clearNotifications();
            String address = uniqueAddress();
            fillValid(view, address);
            b.breakIt.accept(view);
            int before = count();

            _click(view.submit);

            var field = (com.vaadin.flow.component.HasValidation) b.field.apply(view);
            assertThat(field.isInvalid()).as(b.what).isTrue();
            assertThat(field.getErrorMessage()).as(b.what).isEqualTo(b.message);
            assertThat(notices()).as(b.what).containsExactly("提交失败：请按标红的提示修改后再提交。");
            assertThat(count()).as(b.what + ": nothing stored").isEqualTo(before);
            assertThat(view.done.isVisible()).as(b.what).isFalse();
        }
    }

    @Test
    void script_and_sql_in_every_text_field_are_stored_unchanged_and_shown_as_text() {
        PublicReportView view = open();
        String name = "<script>alert('名')</script>";
        String address = "'; DROP TABLE case_file; -- " + System.nanoTime();
        String description = "<img src=x onerror=alert(1)> \" OR 1=1 -- <b>粗</b>";
        fillValid(view, address);
        _setValue(view.name, name);
        _setValue(view.description, description);
        _click(view.submit);
        String number = view.done.number.getText();
        String code = view.done.code.getText();

        Map<String, Object> row = jdbc.queryForMap("select complainant_name, address, description from case_file "
                + "where number = ?", number);
        assertThat(row).containsEntry("complainant_name", name).containsEntry("address", address)
                .containsEntry("description", description);

        navigate("public/track/" + number);
        PublicTrackView track = _get(PublicTrackView.class);
        _setValue(track.code, code);
        _click(track.lookUp);
        PublicCaseCard card = _get(PublicCaseCard.class);
        assertThat(card.address.getText()).isEqualTo(address);
        assertThat(card.description.getText()).isEqualTo(description);
        // set as text: the browser gets a text node, never markup
        assertThat(card.description.getElement().getProperty("innerHTML")).isNull();
        assertThat(card.address.getElement().getProperty("innerHTML")).isNull();
        assertThat(card.description.getElement().getChildCount()).isEqualTo(1);
        assertThat(card.description.getElement().getChild(0).isTextNode()).isTrue();
        assertThat(card.description.getElement().getChild(0).getText()).isEqualTo(description);
        _assertNone(Html.class);
    }

    @Test
    void a_file_that_is_not_an_image_and_an_oversized_image_are_refused_and_not_attached() {
        PublicReportView view = open();
        Upload upload = _get(Upload.class);
        UploadKt._upload(upload, "notes.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();
        assertThat(notices()).anyMatch(t -> t.equals("文件 notes.png 不是图片（支持 JPEG、PNG、GIF、WebP）。"));

        NotificationsKt.clearNotifications();
        byte[] big = Arrays.copyOf(PNG, Photos.MAX_BYTES + 1);
        UploadKt._upload(upload, "big.png", "image/png", big);
        MockVaadin.clientRoundtrip();
        assertThat(notices()).containsExactly("照片 big.png 为空或超过 10 MB。");
        assertThat(view.photos.uploads()).isEmpty();

        String address = uniqueAddress();
        fillValid(view, address);
        _click(view.submit);
        assertThat(jdbc.queryForObject("select count(*) from case_photo p join case_file c on c.id = p.case_id "
                + "where c.address = ?", Integer.class, address)).isZero();
    }

    @Test
    void a_fourth_photo_is_refused() {
        PublicReportView view = open();
        Upload upload = _get(Upload.class);
        for (int i = 1; i <= 4; i++) {
            UploadKt._upload(upload, "p" + i + ".png", "image/png", PNG);
        }
        MockVaadin.clientRoundtrip();
        assertThat(view.photos.uploads()).hasSize(3);
        assertThat(notices()).contains("最多上传 3 张照片。");
    }

    @Test
    void the_eleventh_report_from_one_address_within_the_hour_is_refused_and_not_stored() {
        PublicReportView view = open();
        for (int i = 1; i <= 10; i++) {
            fillValid(view, uniqueAddress());
            _click(view.submit);
            assertThat(view.done.isVisible()).as("report %d", i).isTrue();
            _click(view.done.again);
        }
        NotificationsKt.clearNotifications();
        String address = uniqueAddress();
        fillValid(view, address);
        int before = count();

        _click(view.submit);

        assertThat(notices()).containsExactly("操作过于频繁，请稍后再试。");
        assertThat(view.done.isVisible()).isFalse();
        assertThat(count()).isEqualTo(before);
    }

    private PublicReportView open() {
        navigate("public/report");
        return _get(PublicReportView.class);
    }

    private static void fillValid(PublicReportView view, String address) {
        _setValue(view.district, unit(view.district, "D05"));
        _setValue(view.street, unit(view.street, "S0501"));
        _setValue(view.address, address);
        _setValue(view.description, "人行道上有大量暴露垃圾");
        _setValue(view.phone, "139 1234 5678");
        _setValue(view.name, "李女士");
    }

    private static UnitView unit(ComboBox<UnitView> box, String code) {
        return box.getListDataView().getItems().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    private static ItemView item(PublicReportView view, String code) {
        return view.item.getListDataView().getItems().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from case_file", Integer.class);
    }

    static List<String> notices() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }

    private static String uniqueAddress() {
        return "公开路 " + System.nanoTime() % 1_000_000_000 + " 号";
    }

    private record Bad(String what, Consumer<PublicReportView> breakIt,
                       java.util.function.Function<PublicReportView, Object> field, String message) {
    }
}
