package org.civitas.classify;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The nightly retraining, on one node at a time (DD050). */
@Component
class ClassifierSchedule {

    private final ModelTrainer trainer;

    ClassifierSchedule(ModelTrainer trainer) {
        this.trainer = trainer;
    }

    @Scheduled(cron = "${civitas.classify.retrain-cron:0 15 3 * * *}")
    @SchedulerLock(name = "classifier-retrain", lockAtMostFor = "PT30M")
    public void retrainNightly() {
        trainer.retrain("system");
    }
}
