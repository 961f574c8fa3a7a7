package org.civitas.supervision;

import java.util.List;

/** One list of the board: its most urgent cases (at most {@link BoardService#SECTION_LIMIT}) and how many there are. */
public record BoardSection(List<BoardCase> cases, long total) {
}
