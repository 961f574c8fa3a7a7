package org.civitas.cases.ui.caseview;

import static org.civitas.cases.ui.caseview.CaseFormat.label;
import static org.civitas.cases.ui.caseview.CaseFormat.time;
import static org.civitas.cases.ui.caseview.CaseFormat.yesNo;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civitas.cases.CaseDetails;
import org.civitas.catalog.ItemView;

/**
 * The case's fields, section by section: the report, the place, what was reported, the list item, the units, the
 * deadlines and, once they exist, the reply, the rating and how the case was closed. The complainant has a section
 * of its own ({@link CaseComplainant}) because a supervisor may reveal it.
 */
class CaseSections extends VerticalLayout {

    private final Function<String, String> unitName;

    CaseSections(CaseDetails c, Optional<ItemView> item, Function<String, String> unitName,
                 CaseComplainant complainant) {
        this.unitName = unitName;
        setPadding(false);
        setSpacing(false);
        report(c);
        add(complainant);
        place(c);
        item(c, item);
        units(c);
        deadlines(c);
        if (c.repliedAt() != null || c.replyOutcome() != null) {
            reply(c);
        }
        if (c.rating() != null) {
            CaseSection s = section("caseview.section.rating");
            s.field("caseview.rating", label(c.rating()), "case-rating");
            s.field("caseview.solved", yesNo(c.solved()));
        }
        if (c.closedAt() != null || c.closeReason() != null || c.masterCaseId() != null) {
            closing(c);
        }
    }

    private void report(CaseDetails c) {
        CaseSection s = section("caseview.section.report");
        s.field("caseview.channel", label(c.channel()));
        s.field("caseview.channelRef", c.channelRef());
        s.field("caseview.receivedAt", time(c.receivedAt()));
        s.wide("caseview.description", paragraph(c.description(), "case-description"));
        if (c.mediaUrl() != null) {
            s.wide("caseview.mediaUrl", mediaLink(c.mediaUrl()));
        }
    }

    /**
     * The channel's photo link: opened by the clerk's browser in a new tab that cannot reach back to this one nor
     * learn where it came from; the server never fetches it.
     */
    static Anchor mediaLink(String url) {
        Anchor a = new Anchor(url, url);
        a.setTarget(AnchorTarget.BLANK);
        a.getElement().setAttribute("rel", "noopener noreferrer");
        a.getElement().setAttribute("router-ignore", true);
        a.setId("case-media-url");
        return a;
    }

    private void place(CaseDetails c) {
        CaseSection s = section("caseview.section.place");
        s.field("caseview.district", unitName.apply(c.districtCode()));
        s.field("caseview.street", unitName.apply(c.streetCode()));
        s.field("caseview.address", c.address());
        if (c.latitude() != null && c.longitude() != null) {
            s.field("caseview.coordinates", c.latitude().toPlainString() + ", " + c.longitude().toPlainString());
        }
    }

    private void item(CaseDetails c, Optional<ItemView> item) {
        CaseSection s = section("caseview.section.item");
        if (c.itemCode() == null) {
            s.field("caseview.item", getTranslation("caseview.item.none"), "case-item");
            return;
        }
        s.field("caseview.item", c.itemCode() + " " + item.map(ItemView::name).orElse(""), "case-item");
        item.ifPresent(i -> {
            s.field("item.category", i.categoryName());
            s.field("item.timeLimit", getTranslation("item.limit." + i.timeUnit().name(), i.timeLimit()));
            s.field("item.responsibility", label(i.responsibility()));
            s.wide("item.legalBasis", paragraph(i.legalBasis(), null));
        });
    }

    private void units(CaseDetails c) {
        CaseSection s = section("caseview.section.units");
        s.field("caseview.leadUnit", unitName.apply(c.leadUnitCode()), "case-lead-unit");
        s.field("caseview.handlingUnit", unitName.apply(c.handlingUnitCode()));
        s.field("caseview.coUnits", c.coUnitCodes() == null ? null : c.coUnitCodes().stream().sorted()
                .map(unitName).collect(Collectors.joining(getTranslation("list.separator"))));
    }

    private void deadlines(CaseDetails c) {
        CaseSection s = section("caseview.section.deadlines");
        s.field("caseview.dispatchedAt", time(c.dispatchedAt()));
        s.field("caseview.signDueAt", time(c.signDueAt()));
        s.field("caseview.signedAt", time(c.signedAt()));
        s.field("caseview.handleDueAt", time(c.handleDueAt()), "case-handle-due");
        s.field("caseview.warnAt", time(c.warnAt()));
        s.field("caseview.repliedAt", time(c.repliedAt()));
        s.field("caseview.signedOnTime", yesNo(c.signedOnTime()));
        s.field("caseview.repliedOnTime", yesNo(c.repliedOnTime()));
    }

    private void reply(CaseDetails c) {
        CaseSection s = section("caseview.section.reply");
        s.field("caseview.replyOutcome", label(c.replyOutcome()), "case-reply-outcome");
        s.field("caseview.replyAccepted", yesNo(c.replyAccepted()));
        s.wide("caseview.replyText", paragraph(c.replyText(), "case-reply-text"));
    }

    private void closing(CaseDetails c) {
        CaseSection s = section("caseview.section.close");
        s.field("caseview.closedAt", time(c.closedAt()));
        s.field("caseview.closeReason", label(c.closeReason()), "case-close-reason");
        s.field("caseview.closeNote", c.closeNote());
        if (c.masterCaseId() != null) {
            s.wide("caseview.masterCase", new Anchor("cases/" + c.masterCaseId(),
                    getTranslation("caseview.masterCase.open")));
        }
    }

    private CaseSection section(String titleKey) {
        CaseSection s = new CaseSection(titleKey);
        add(s);
        return s;
    }

    private static Paragraph paragraph(String text, String id) {
        Paragraph p = new Paragraph(CaseFormat.text(text));
        p.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        if (id != null) {
            p.setId(id);
        }
        return p;
    }
}
