package io.swiftresponse.directory.web;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.shared.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "Directory", description = "Handling units and places")
class DirectoryController {

    private final Directory directory;

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/units")
    @Operation(summary = "List handling units, optionally of one type or under one parent")
    List<Unit> units(@RequestParam(required = false) UnitType type, @RequestParam(required = false) String parentCode) {
        return directory.all().stream()
                .filter(u -> type == null || u.type() == type)
                .filter(u -> parentCode == null || parentCode.equals(u.parentCode()))
                .sorted(Comparator.comparing(Unit::code))
                .toList();
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One unit with its boundary (GeoJSON) and an interior point, when it has one")
    UnitDetail unit(@PathVariable String code) {
        Unit unit = directory.find(code).orElseThrow(() -> Problem.notFound("Unit " + code));
        return new UnitDetail(unit, directory.interiorPoint(code).orElse(null));
    }

    @GetMapping("/locate")
    @Operation(summary = "The street/township (and its district) that contains a point")
    Placement locate(@RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
            @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng) {
        Unit street = directory.locate(new GeoPoint(lat, lng))
                .orElseThrow(() -> Problem.invalidField("lat", "the point (" + lat + ", " + lng + ") is outside every street of the city"));
        return new Placement(street, directory.districtOf(street.code()).orElse(null));
    }

    record UnitDetail(Unit unit, GeoPoint interiorPoint) {
    }

    record Placement(Unit street, Unit district) {
    }
}
