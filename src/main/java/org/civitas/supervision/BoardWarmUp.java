package org.civitas.supervision;

import org.civitas.base.WarmUpStep;
import org.springframework.stereotype.Component;

/** The deadline board, city-wide: a starting node's second hot path. */
@Component
class BoardWarmUp implements WarmUpStep {

    private final BoardService board;

    BoardWarmUp(BoardService board) {
        this.board = board;
    }

    @Override
    public String name() {
        return "board";
    }

    @Override
    public void run() {
        board.board(BoardFilter.none());
    }
}
