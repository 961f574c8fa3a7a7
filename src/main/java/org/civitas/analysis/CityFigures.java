package org.civitas.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * What the city map shows for the received days {@code from}..{@code to}: each area's rates (a district, or a
 * functional zone: the units with a shape of their own) and the cases counted in grid cells of {@code cellDegrees}
 * (latitude and longitude), never the cases themselves.
 */
public record CityFigures(LocalDate from, LocalDate to, List<Area> areas, List<Cell> cells, double cellDegrees) {

    /** A district's or zone's figures; {@code rates.received()} counts its cases. */
    public record Area(String code, String name, Rates rates) {
    }

    /** The cases with a point in one grid cell; {@code lat}/{@code lng} is the cell's centre (GCJ-02). */
    public record Cell(double lat, double lng, long cases) {
    }

    public long cellCases() {
        return cells.stream().mapToLong(Cell::cases).sum();
    }
}
