package io.swiftresponse.intake.suggest;

import io.swiftresponse.intake.IntakeSettings;
import io.swiftresponse.intake.classifier.ClassifierTrainer;
import io.swiftresponse.intake.classifier.ModelFile;
import io.swiftresponse.intake.classifier.TextClassifier;
import io.swiftresponse.intake.classifier.TrainingOptions;
import io.swiftresponse.intake.learning.TrainingSources;
import io.swiftresponse.shared.web.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Serves the category model from memory and swaps a retrained one in atomically: requests read one
 * reference, so each is answered entirely by the old or entirely by the new model. A missing or corrupt file
 * means the NO_MODEL state (catalogue keywords answer), never a failed start.
 */
@Component
public class CategoryModels {

    private static final Logger log = LoggerFactory.getLogger(CategoryModels.class);

    /**
     * Few epochs and two calibration folds: 407 categories train in seconds, and the confidences stay fitted. The
     * plain SVM without the neighbour vote: the vote was measured on real messages (docs/classifier.md), not on the
     * catalogue's keyword texts, whose neighbours would only be other keywords.
     */
    static final TrainingOptions OPTIONS = TrainingOptions.linearDefaults().withMinDf(2).withMaxEpochs(10)
            .withCalibrationFolds(2);

    private final AtomicReference<CategoryModel> current = new AtomicReference<>(CategoryModel.none("not loaded yet"));
    private final ReentrantLock training = new ReentrantLock();
    private final TrainingSources sources;
    private final IntakeSettings settings;
    private final Clock clock;
    private final boolean trainOnStart;

    CategoryModels(TrainingSources sources, IntakeSettings settings, Clock clock,
            @Value("${swift.intake.train-on-start:true}") boolean trainOnStart) {
        this.sources = sources;
        this.settings = settings;
        this.clock = clock;
        this.trainOnStart = trainOnStart;
    }

    public CategoryModel current() {
        return current.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnStart() {
        CategoryModel loaded = load(settings.modelFile());
        current.set(loaded);
        if (loaded.status() == CategoryModel.Status.NO_MODEL && trainOnStart && !Files.exists(settings.modelFile())) {
            retrainInBackground();
        }
    }

    /** Reads a model file; a missing or unreadable one gives NO_MODEL with one line saying why. */
    static CategoryModel load(Path file) {
        if (!Files.exists(file)) {
            return CategoryModel.none("No category model has been trained yet (" + file + "); suggestions use catalogue keywords.");
        }
        try {
            TextClassifier model = ModelFile.read(file);
            return new CategoryModel(CategoryModel.Status.READY, model, "Loaded from " + file, java.util.Map.of());
        } catch (IOException | RuntimeException e) {
            String line = "The category model file " + file + " cannot be used (" + e.getMessage()
                    + "); suggestions use catalogue keywords until it is retrained.";
            log.warn(line);
            return CategoryModel.none(line);
        }
    }

    /** Trains from catalogue + history + feedback, writes the file, then swaps. One retraining at a time. */
    public CategoryModel retrain() {
        if (!training.tryLock()) {
            throw Problem.conflict("retraining", "A retraining is already running; check GET /api/v1/intake/model in a minute.");
        }
        try {
            TrainingSources.Data data = sources.collect();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            TextClassifier model = new ClassifierTrainer().train(data.rows(),
                    OPTIONS.withModelVersion("categories-" + now).withTrainedAt(now));
            Path file = settings.modelFile();
            Files.createDirectories(file.toAbsolutePath().getParent());
            ModelFile.write(model, file);
            CategoryModel next = new CategoryModel(CategoryModel.Status.READY, model, "Trained at " + now, data.counts());
            current.set(next);
            log.info("Category model {} trained on {}", model.info().modelVersion(), data.counts());
            return next;
        } catch (IOException e) {
            throw new Problem(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "model-not-written", "Model not written",
                    "The retrained model could not be written to " + settings.modelFile() + ": " + e.getMessage()
                            + ". The previous model keeps serving.");
        } finally {
            training.unlock();
        }
    }

    /** Starts a retraining in the background (409 when one is running); the current model serves meanwhile. */
    public void retrainInBackground() {
        if (training.isLocked()) {
            throw Problem.conflict("retraining", "A retraining is already running; check GET /api/v1/intake/model in a minute.");
        }
        Thread t = new Thread(this::retrainQuietly, "category-model-train");
        t.setDaemon(true);
        t.start();
        // wait until it holds the lock, so the caller's next status read says "training"
        for (int i = 0; i < 200 && !training.isLocked() && t.isAlive(); i++) {
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Scheduled(cron = "${swift.intake.retrain-cron:-}", zone = "${swift.city.zone:Asia/Shanghai}")
    void retrainOnSchedule() {
        retrainQuietly();
    }

    private void retrainQuietly() {
        try {
            retrain();
        } catch (RuntimeException e) {
            log.warn("Category model retraining failed; the current model keeps serving: {}", e.getMessage());
        }
    }

    public boolean training() {
        return training.isLocked();
    }
}
