package org.civitas.supervision;

/** The four lists of the deadline board, most urgent first. */
public enum BoardPart {
    /** Open and past the handling deadline. */
    OVERDUE,
    /** Emergency items due within two hours. */
    EMERGENCY,
    /** Due by the end of today. */
    TODAY,
    /** Due after today, within three working days. */
    SOON
}
