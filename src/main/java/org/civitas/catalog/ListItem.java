package org.civitas.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.civitas.calendar.LimitUnit;

/** An item (清单条目) of one list version: the negative behaviour, its time limit and who handles it. */
@Entity
@Table(name = "list_item")
class ListItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long listVersionId;
    private String code;
    private String categoryCode;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    private int timeLimit;
    @Enumerated(EnumType.STRING)
    private LimitUnit timeUnit;
    @Enumerated(EnumType.STRING)
    private Responsibility responsibility;
    private String leadUnitCode;
    private String legalBasis;
    /** 别名/关键词: the words citizens use for the item, comma separated, for the classifier (DD050). */
    private String keywords;
    @Version
    private long version;

    protected ListItem() {
    }

    /** The same item in a new version of the list. */
    ListItem copyInto(long versionId) {
        ListItem copy = new ListItem();
        copy.listVersionId = versionId;
        copy.code = code;
        copy.categoryCode = categoryCode;
        copy.name = name;
        copy.description = description;
        copy.urgency = urgency;
        copy.timeLimit = timeLimit;
        copy.timeUnit = timeUnit;
        copy.responsibility = responsibility;
        copy.leadUnitCode = leadUnitCode;
        copy.legalBasis = legalBasis;
        copy.keywords = keywords;
        return copy;
    }

    void apply(ItemForm form) {
        name = form.name().trim();
        description = form.description().trim();
        urgency = form.urgency();
        timeLimit = form.timeLimit();
        timeUnit = form.timeUnit();
        responsibility = form.responsibility();
        leadUnitCode = blankToNull(form.leadUnitCode());
        legalBasis = blankToNull(form.legalBasis());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    String getKeywords() { return keywords; }
    Long getId() { return id; }
    Long getListVersionId() { return listVersionId; }
    String getCode() { return code; }
    String getCategoryCode() { return categoryCode; }
    long getVersion() { return version; }
}
