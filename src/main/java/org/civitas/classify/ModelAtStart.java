package org.civitas.classify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the model in service, or trains the first one, in the background once the application is up: reading and
 * counting the demo's 30,000 cases takes a few seconds (13 s with the first version's word segmenter), which the first
 * operator to type a description would otherwise wait.
 */
@Component
@ConditionalOnProperty(name = "civitas.classify.load-at-start", havingValue = "true", matchIfMissing = true)
class ModelAtStart {

    private static final Logger log = LoggerFactory.getLogger(ModelAtStart.class);

    private final ModelTrainer trainer;

    ModelAtStart(ModelTrainer trainer) {
        this.trainer = trainer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        Thread loader = new Thread(() -> {
            try {
                trainer.current();
            } catch (RuntimeException e) {
                log.warn("Classifier model not loaded at start; the first request will load it", e);
            }
        }, "classifier-at-start");
        loader.setDaemon(true);
        loader.start();
    }
}
