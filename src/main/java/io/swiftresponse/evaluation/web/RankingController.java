package io.swiftresponse.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swiftresponse.evaluation.EvaluationExports;
import io.swiftresponse.evaluation.Evaluations;
import io.swiftresponse.evaluation.Period;
import io.swiftresponse.evaluation.RankingEntry;
import io.swiftresponse.evaluation.Rankings;
import io.swiftresponse.evaluation.UnitClass;
import io.swiftresponse.identity.CurrentUsers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evaluation")
@Tag(name = "Evaluation", description = "The three rates, composite scores, grades and monthly rankings per class of unit")
class RankingController {

    static final String PERIOD_DOC = "a month as yyyy-MM (e.g. 2026-11); or leave out and give from= and to= (yyyy-MM-dd)";
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Rankings rankings;
    private final Evaluations evaluations;
    private final CurrentUsers users;

    RankingController(Rankings rankings, Evaluations evaluations, CurrentUsers users) {
        this.rankings = rankings;
        this.evaluations = evaluations;
        this.users = users;
    }

    @GetMapping("/rankings")
    @Operation(summary = "Ranking of one class of units over a month or a date range (rates are fractions with 4 decimals)")
    List<RankingEntry> ranking(@Parameter(description = PERIOD_DOC) @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @Parameter(description = "DISTRICT, STREET, DEPARTMENT or COMPANY") @RequestParam(name = "class", required = false) String cls) {
        return rankings.view(Period.parse(period, from, to), UnitClass.parse(cls), users.current());
    }

    @GetMapping("/rankings.csv")
    @Operation(summary = "The same ranking as CSV (UTF-8 with BOM), within your data scope")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(name = "class", required = false) String cls) {
        Period p = Period.parse(period, from, to);
        UnitClass c = UnitClass.parse(cls);
        return download(EvaluationExports.csv(rankings.view(p, c, users.current())), MediaType.parseMediaType("text/csv;charset=UTF-8"),
                name(p, c, "csv"));
    }

    @GetMapping("/rankings.xlsx")
    @Operation(summary = "The same ranking as an Excel workbook, within your data scope")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(name = "class", required = false) String cls) {
        Period p = Period.parse(period, from, to);
        UnitClass c = UnitClass.parse(cls);
        return download(EvaluationExports.xlsx(rankings.view(p, c, users.current()), c + " " + p.label()), XLSX, name(p, c, "xlsx"));
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One unit's score with its counts per attribution and the formulas filled in with its numbers")
    Evaluations.UnitScore unit(@PathVariable String code, @Parameter(description = PERIOD_DOC) @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return evaluations.unit(code, Period.parse(period, from, to), users.current());
    }

    private static String name(Period p, UnitClass c, String ext) {
        return "ranking-" + c.name().toLowerCase() + "-" + p.label().replace("..", "_") + "." + ext;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
