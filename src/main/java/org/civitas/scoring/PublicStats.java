package org.civitas.scoring;

import java.util.List;

/** What the public statistics page shows of a published month: unit figures and top problems, nothing personal. */
public record PublicStats(MonthlyScores scores, List<PublishedItem> topItems) {
}
