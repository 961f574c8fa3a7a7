package org.civitas.analysis;

/** Cases of one code (district, street, item …) in the period and in the previous half month. */
public record Volume(String code, String name, long count, long previous) {

    /** Change against the previous half month as a fraction, null when there was nothing before. */
    public Double change() {
        return previous == 0 ? null : (double) (count - previous) / previous;
    }
}
