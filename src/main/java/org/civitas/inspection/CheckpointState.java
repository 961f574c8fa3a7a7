package org.civitas.inspection;

/** A checkpoint of a planned round: not yet visited, a finding recorded there, or visited and found in order. */
public enum CheckpointState {
    PLANNED, FOUND, CLEAR
}
