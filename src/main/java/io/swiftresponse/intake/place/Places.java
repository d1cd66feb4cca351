package io.swiftresponse.intake.place;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The place lookup over the demo gazetteer and the directory's street boundaries, built on first use. */
@Component
public class Places {

    static final String GAZETTEER = "/demo/gazetteer.csv";

    private final Directory directory;
    private volatile PlaceLookup lookup;

    Places(Directory directory) {
        this.directory = directory;
    }

    public Place byAddress(String address) {
        return lookup().byAddress(address);
    }

    public Place byPoint(GeoPoint point) {
        return lookup().byPoint(point);
    }

    private PlaceLookup lookup() {
        PlaceLookup l = lookup;
        if (l == null) {
            synchronized (this) {
                if (lookup == null) {
                    Map<String, String> districts = new LinkedHashMap<>();
                    directory.ofType(UnitType.DISTRICT).forEach((Unit u) -> districts.put(u.code(), u.name()));
                    lookup = new PlaceLookup(Gazetteer.fromResource(GAZETTEER, districts), directory::find, directory::locate);
                }
                l = lookup;
            }
        }
        return l;
    }
}
