package io.swiftresponse;

import io.swiftresponse.evaluation.EvaluationCommand;
import io.swiftresponse.intake.ClassifierCommand;
import io.swiftresponse.knowledge.KnowledgeCommand;
import io.swiftresponse.search.SearchCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SwiftResponseApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ClassifierCommand.NAME.equals(args[0])) {
            // a command-line tool in the same jar: no Spring context, no database, no web server
            System.exit(ClassifierCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && EvaluationCommand.NAME.equals(args[0])) {
            // a maintenance command: the application without its web server, then exit
            System.exit(EvaluationCommand.run(SwiftResponseApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out,
                    System.err));
        }
        if (args.length > 0 && KnowledgeCommand.NAME.equals(args[0])) {
            // needs the database but not the web server: rebuilds the knowledge search index
            System.exit(KnowledgeCommand.run(SwiftResponseApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && SearchCommand.NAME.equals(args[0])) {
            // an offline maintenance command: a context without the web server, then exit
            System.exit(SearchCommand.run(SwiftResponseApplication.class, Arrays.copyOfRange(args, 1, args.length),
                    System.out, System.err));
        }
        SpringApplication.run(SwiftResponseApplication.class, args);
    }
}
