package org.civitas.classify;

/** Reads a complaint: text and (optional) address in, the likely list items, place and urgency out (DD050). */
public interface Classifier {

    /** The three best items of the list in force, with scores and deciding words. */
    Classification classify(String text, String address);
}
