package org.civitas.cases.inbox;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inbox's keyword condition in SQL (DD031): every word must occur in the description or the address. With the
 * Mroonga side table, one full-text match of all the words as phrases; without it, a {@code LIKE} per word with the
 * user's {@code %}, {@code _} and escape character taken literally.
 */
final class KeywordClause {

    /** The LIKE escape character: not the backslash, which the SQL mode may or may not treat as one in literals. */
    static final char ESCAPE = '!';

    /** How many cases the full-text index holds for a {@link #booleanQuery}. */
    static final String COUNT = "select count(*) from case_search where match(text) against (? in boolean mode)";

    private KeywordClause() {
    }

    static void append(StringBuilder q, Map<String, Object> params, List<String> terms, boolean fulltext,
                       Function<String, String> col) {
        if (terms.isEmpty()) {
            return;
        }
        if (fulltext) {
            q.append(" and ").append(col.apply("id")).append(" in (select s.case_id from case_search s"
                    + " where match(s.text) against (:keyword in boolean mode))");
            params.put("keyword", booleanQuery(terms));
            return;
        }
        for (int i = 0; i < terms.size(); i++) {
            String p = ":keyword" + i;
            q.append(" and (").append(col.apply("description")).append(" like ").append(p).append(" escape '")
                    .append(ESCAPE).append("' or ").append(col.apply("address")).append(" like ").append(p)
                    .append(" escape '").append(ESCAPE).append("')");
            params.put("keyword" + i, likePattern(terms.get(i)));
        }
    }

    /** {@code %word%} with the word's own {@code %}, {@code _} and {@code !} matching only themselves. */
    static String likePattern(String term) {
        StringBuilder s = new StringBuilder("%");
        for (char c : term.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                s.append(ESCAPE);
            }
            s.append(c);
        }
        return s.append('%').toString();
    }

    /**
     * Groonga's query syntax, which Mroonga's boolean mode reads: each word a required phrase ({@code +"占道经营"}),
     * so the bigrams of a word must follow each other and no operator of the user's text is obeyed. Inside a phrase
     * only {@code "} and {@code \} need escaping.
     */
    static String booleanQuery(List<String> terms) {
        return terms.stream()
                .map(t -> "+\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(" "));
    }
}
