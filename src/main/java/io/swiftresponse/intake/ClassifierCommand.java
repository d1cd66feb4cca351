package io.swiftresponse.intake;

import io.swiftresponse.intake.classifier.ClassifierCli;
import java.io.PrintStream;

/**
 * {@code java -jar swift-response.jar classifier train|predict|evaluate|cross-validate|overlap|info ...}: the
 * classifier's command line, which needs neither the web server nor the database.
 */
public final class ClassifierCommand {

    public static final String NAME = "classifier";

    private ClassifierCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return ClassifierCli.run(args, out, err);
    }
}
