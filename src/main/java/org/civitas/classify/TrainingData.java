package org.civitas.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cases the classifier learns from: those whose item a person chose (at intake, or by reclassifying), newest
 * first, and the roads of their addresses with their districts. Read as a plain projection of the case table, as the
 * analysis and scoring features read it (DD002); merged duplicates are left out, they repeat their master.
 */
@Component
class TrainingData {

    /** One labelled case: its item code and text, newest first. */
    record LabelledCase(long id, String itemCode, String text) {
    }

    private final JdbcTemplate jdbc;
    private final int maxCases;

    TrainingData(JdbcTemplate jdbc, @Value("${civitas.classify.max-cases:200000}") int maxCases) {
        this.jdbc = jdbc;
        this.maxCases = maxCases;
    }

    List<LabelledCase> cases() {
        List<LabelledCase> out = new ArrayList<>();
        jdbc.query("""
                select id, item_code, description from case_file
                where item_code is not null and master_case_id is null
                order by received_at desc, id desc limit ?""",
                rs -> {
                    out.add(new LabelledCase(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }, maxCases);
        return out;
    }

    /** Road → district → cases, from the addresses of the newest cases that have a district. */
    Map<String, Map<String, Integer>> roads() {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        jdbc.query("""
                select address, district_code from case_file where district_code is not null
                order by received_at desc, id desc limit ?""",
                rs -> {
                    String road = PlaceFinder.road(rs.getString(1));
                    if (road != null) {
                        out.computeIfAbsent(road, k -> new TreeMap<>()).merge(rs.getString(2), 1, Integer::sum);
                    }
                }, maxCases);
        return out;
    }
}
