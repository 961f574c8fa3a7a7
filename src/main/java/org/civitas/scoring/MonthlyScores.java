package org.civitas.scoring;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import org.civitas.catalog.PeerGroup;

/**
 * The scores of every unit for a month, live or — once published — as frozen in the bulletin. Red and black lists
 * (红榜/黑榜) are the five best and five worst ranked units city-wide; a unit is on at most one of them.
 */
public record MonthlyScores(YearMonth month, ScoringRules rules, LocalDateTime publishedAt, String publishedBy,
                            List<UnitScore> units) {

    public static final int LIST_SIZE = 5;

    public boolean published() {
        return publishedAt != null;
    }

    public List<UnitScore> group(PeerGroup group) {
        return units.stream().filter(u -> u.peerGroup() == group)
                .sorted(Comparator.comparing(UnitScore::ranked).reversed()
                        .thenComparing(UnitScore::score, Comparator.reverseOrder())
                        .thenComparing(UnitScore::unitCode))
                .toList();
    }

    public List<UnitScore> red() {
        return ranked().limit(LIST_SIZE).toList();
    }

    public List<UnitScore> black() {
        List<UnitScore> ranked = ranked().toList();
        int blackSize = Math.min(LIST_SIZE, Math.max(0, ranked.size() - LIST_SIZE));
        List<UnitScore> worst = new java.util.ArrayList<>(ranked.subList(ranked.size() - blackSize, ranked.size()));
        java.util.Collections.reverse(worst);
        return worst;
    }

    public UnitScore unit(String code) {
        return units.stream().filter(u -> u.unitCode().equals(code)).findFirst().orElse(null);
    }

    private java.util.stream.Stream<UnitScore> ranked() {
        return units.stream().filter(UnitScore::ranked)
                .sorted(Comparator.comparing(UnitScore::score, Comparator.reverseOrder())
                        .thenComparing(UnitScore::unitCode));
    }
}
