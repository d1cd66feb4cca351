package io.swiftresponse.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.intake.classifier.ModelInfo;
import io.swiftresponse.intake.suggest.CategoryModel;
import io.swiftresponse.intake.suggest.CategoryModels;
import io.swiftresponse.shared.web.Problem;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The category model behind the suggestions: its state, and retraining on demand (admins). */
@RestController
@RequestMapping("/api/v1/intake/model")
@Tag(name = "Intake")
class ModelController {

    record ModelStatus(String status, String version, String detail, boolean training, Map<String, Integer> sources,
            Integer labels, ModelInfo info) {
    }

    private final CategoryModels models;
    private final CurrentUsers users;

    ModelController(CategoryModels models, CurrentUsers users) {
        this.models = models;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "READY with the model's version, training sources and evaluation, or NO_MODEL and why")
    ModelStatus status() {
        users.current();
        return view(models.current());
    }

    @PostMapping("/retrain")
    @Operation(summary = "Start retraining from catalogue + closed orders + agents' corrections (admins); 202, then poll GET "
            + "/api/v1/intake/model until training is false; the new model is swapped in when done")
    ResponseEntity<ModelStatus> retrain() {
        if (!users.current().is(Role.ADMIN)) throw Problem.forbidden("Only admins retrain the category model.");
        models.retrainInBackground();
        return ResponseEntity.accepted().body(view(models.current()));
    }

    private ModelStatus view(CategoryModel m) {
        return new ModelStatus(m.status().name(), m.version(), m.detail(), models.training(), m.sources(),
                m.model() == null ? null : m.model().labels().size(), m.model() == null ? null : m.model().info());
    }
}
